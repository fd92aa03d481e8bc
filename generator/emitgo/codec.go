package emitgo

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// The jx codecs: every struct and union gets decodeJSON and encodeJSON methods built from
// the helpers in templates/codec.go.tmpl, and UnmarshalJSON / MarshalJSON that use them.

func decoderParam() jen.Code { return jen.Id("d").Op("*").Id("dec") }
func encoderParam() jen.Code { return jen.Id("e").Op("*").Id("enc") }

// decodeFunc is a function value `func(*T, *dec) error` that decodes a value of r's type,
// T being typeExpr(r).
func decodeFunc(r *ir.TypeRef, n *goNames) jen.Code {
	switch r.Kind {
	case ir.Primitive:
		return jen.Id(map[string]string{ir.String: "decodeStr", ir.Int64: "decodeInt64", ir.Float64: "decodeFloat64",
			ir.Bool: "decodeBool", ir.DateTime: "decodeTime"}[r.Primitive])
	case ir.Named:
		if r.Named.Kind == ir.Enum {
			return jen.Id("decodeEnum").Types(jen.Id(r.Named.Name))
		}
		return jen.Parens(jen.Op("*").Id(r.Named.Name)).Dot("decodeJSON")
	case ir.Array, ir.Map:
		return jen.Func().Params(jen.Id("v").Op("*").Add(typeExpr(r)), decoderParam()).Error().Block(
			jen.Return(containerDecode(r, jen.Id("v"), n)))
	case ir.Raw:
		return jen.Id("decodeRaw")
	}
	return jen.Id("decodeAny")
}

// elemDecodeFunc decodes an array element or map value: a pointer when null is allowed.
func elemDecodeFunc(r *ir.TypeRef, n *goNames) jen.Code {
	if r.Nullable && pointable(r) {
		return jen.Func().Params(jen.Id("v").Op("*").Add(elemExpr(r)), decoderParam()).Error().Block(
			jen.Return(decodeOptional(r, jen.Id("v"), n)))
	}
	return decodeFunc(r, n)
}

// optionalScalar names the helper that decodes an optional scalar from the arena's slabs.
var optionalScalar = map[string]string{ir.String: "decodeOptStr", ir.Int64: "decodeOptInt64", ir.Bool: "decodeOptBool", ir.DateTime: "decodeOptTime"}

// decodeOptional decodes into target, a pointer to a pointer: scalars from the slabs,
// everything else with decodePtr.
func decodeOptional(r *ir.TypeRef, target jen.Code, n *goNames) jen.Code {
	if r.Kind == ir.Primitive && optionalScalar[r.Primitive] != "" {
		return jen.Id(optionalScalar[r.Primitive]).Call(target, jen.Id("d"))
	}
	if r.Kind == ir.Named && r.Named.Kind == ir.Enum {
		return jen.Id("decodeOptEnum").Call(target, jen.Id("d"))
	}
	return jen.Id("decodePtr").Call(target, jen.Id("d"), decodeFunc(r, n))
}

// containerDecode decodes into target, a pointer to a slice or map of r's type. An array of
// structs goes through decodeModels, one function for all of them, because decodeSlice
// would compile again for every struct (an instantiation per layout, its closure and a
// wrapper per type: about 1,000 functions in GitHub's whole API).
func containerDecode(r *ir.TypeRef, target jen.Code, n *goNames) jen.Code {
	if e := r.Elem; r.Kind == ir.Array && isObjectModel(e) && !e.Nullable {
		return jen.Id("decodeModels").Call(target, jen.Id("d"), jen.Id(n.members[e.Named]), readerOf(e.Named, n))
	}
	helper := "decodeSlice"
	if r.Kind == ir.Map {
		helper = "decodeMap"
	}
	return jen.Id(helper).Call(target, jen.Id("d"), elemDecodeFunc(r.Elem, n))
}

// decodeInto is an expression that decodes into field (an addressable value of r's type,
// or a pointer to one when pointer is set) and returns an error.
func decodeInto(r *ir.TypeRef, field *jen.Statement, pointer bool, n *goNames) jen.Code {
	target := jen.Op("&").Add(field.Clone())
	switch {
	case pointer:
		return decodeOptional(r, target, n)
	case r.Kind == ir.Array || r.Kind == ir.Map:
		return containerDecode(r, target, n)
	case r.Kind == ir.Named && r.Named.Kind != ir.Enum:
		return field.Clone().Dot("decodeJSON").Call(jen.Id("d"))
	}
	return jen.Add(decodeFunc(r, n)).Call(target, jen.Id("d"))
}

// readMember is the member reader's case for fl, a member its table does not read in place.
func readMember(fl *ir.Field, n *goNames) []jen.Code {
	name := strconv.Quote(fl.JSONName)
	if fieldForm(fl) == asPointer && isModel(fl.Type) {
		return append([]jen.Code{jen.Comment(name)}, readNewModel(fl.Type, jen.Id("s").Dot(fl.Name))...)
	}
	return []jen.Code{jen.Return(decodeField(fl, n)).Comment(name)}
}

// readNewModel reads into target, an optional member that points to a model: null makes it
// nil, anything else a new model that its own decodeJSON reads. It is spelled out in each
// member reader rather than left to decodePtr: a generic helper costs a whole API's compile
// an instantiation and a wrapper for every model read this way (some 600 functions for
// GitHub's).
func readNewModel(r *ir.TypeRef, target *jen.Statement) []jen.Code {
	return []jen.Code{
		jen.If(jen.Id("d").Dot("Next").Call().Op("==").Qual("github.com/go-faster/jx", "Null")).Block(
			target.Clone().Op("=").Nil(),
			jen.Return(jen.Id("d").Dot("Null").Call()),
		),
		target.Clone().Op("=").New(jen.Id(r.Named.Name)),
		jen.Return(target.Clone().Dot("decodeJSON").Call(jen.Id("d"))),
	}
}

// nullableDecoder names the helper that decodes a Nullable field of each form.
var nullableDecoder = map[form]string{asNullable: "decodeNullable", asNullableRef: "decodeNullableRef"}

// decodeField is an expression that decodes a struct field in its form, returning an error.
func decodeField(fl *ir.Field, n *goNames) jen.Code {
	field := jen.Id("s").Dot(fl.Name)
	if helper, ok := nullableDecoder[fieldForm(fl)]; ok {
		return jen.Id(helper).Call(jen.Op("&").Add(field), jen.Id("d"), decodeFunc(fl.Type, n))
	}
	return decodeInto(fl.Type, field, fieldForm(fl) == asPointer, n)
}

// encodeField writes a struct field in its form. Values are written in place (a model by its
// own method, a scalar by the encoder's): a generic helper would cost the compiler an
// instantiation, and a method value a wrapper, for every type.
func encodeField(fl *ir.Field) jen.Code {
	field := jen.Id("s").Dot(fl.Name)
	switch fieldForm(fl) {
	case asNullable, asNullableRef: // absent was left out by the caller: what is not present is null
		present := field.Clone().Dot("state").Op("==").Id("present")
		if fieldForm(fl) == asNullableRef { // NotNull(nil) has nothing to write but null
			present = present.Op("&&").Add(field.Clone().Dot("value")).Op("!=").Nil()
		}
		return jen.If(present).Block(
			encodeDirect(fl.Type, field.Clone().Dot("value")),
		).Else().Block(jen.Id("e").Dot("Null").Call())
	case asPointer:
		if !fl.Required { // the caller checked it is set
			return encodeAt(fl.Type, field)
		}
		return jen.If(field.Clone().Op("==").Nil()).Block(jen.Id("e").Dot("Null").Call()).Else().Block(
			encodeAt(fl.Type, field))
	}
	return encodeDirect(fl.Type, field)
}

// encodeDirect writes v, an addressable value of r's type.
func encodeDirect(r *ir.TypeRef, v *jen.Statement) jen.Code {
	v, e := v.Clone(), jen.Id("e") // a statement grows in place: v is the caller's
	switch r.Kind {
	case ir.Primitive:
		if method, ok := scalarWrite[r.Primitive]; ok {
			return e.Dot(method).Call(v)
		}
		return jen.Id("encodeTime").Call(jen.Op("&").Add(v), e)
	case ir.Named:
		if r.Named.Kind == ir.Enum {
			return e.Dot("Str").Call(jen.String().Call(v))
		}
		return v.Dot("encodeJSON").Call(e)
	case ir.Array:
		if isModel(r.Elem) && !r.Elem.Nullable {
			return modelArrayEncode(v)
		}
		return containerEncode(r, v)
	case ir.Map:
		return containerEncode(r, v)
	case ir.Raw:
		return jen.Id("encodeRaw").Call(jen.Op("&").Add(v), e)
	}
	return jen.Id("encodeAny").Call(jen.Op("&").Add(v), e)
}

// encodeAt writes the value p, a non-nil pointer to a value of r's type, points at.
func encodeAt(r *ir.TypeRef, p *jen.Statement) jen.Code {
	switch {
	case isModel(r):
		return p.Clone().Dot("encodeJSON").Call(jen.Id("e"))
	case r.Kind == ir.Primitive && r.Primitive == ir.DateTime:
		return jen.Id("encodeTime").Call(p, jen.Id("e"))
	}
	return encodeDirect(r, jen.Op("*").Add(p))
}

// scalarWrite names the encoder's method that writes a scalar.
var scalarWrite = map[string]string{ir.String: "Str", ir.Int64: "Int64", ir.Float64: "Float64", ir.Bool: "Bool"}

// modelArrayEncode writes an array of models with a loop over their own methods.
func modelArrayEncode(field *jen.Statement) jen.Code {
	return jen.If(field.Clone().Op("==").Nil()).Block(jen.Id("e").Dot("Null").Call()).Else().Block(
		jen.Id("e").Dot("ArrStart").Call(),
		jen.For(jen.Id("i").Op(":=").Range().Add(field)).Block(field.Clone().Index(jen.Id("i")).Dot("encodeJSON").Call(jen.Id("e"))),
		jen.Id("e").Dot("ArrEnd").Call(),
	)
}

// isModel tells whether a type is a generated struct or union, which has its own codec.
func isModel(r *ir.TypeRef) bool {
	return r.Kind == ir.Named && (r.Named.Kind == ir.Struct || r.Named.Kind == ir.Union)
}

// encodeFunc is a function value `func(*T, *enc)` that writes a value of r's type, for the
// containers' helpers.
func encodeFunc(r *ir.TypeRef) jen.Code {
	switch r.Kind {
	case ir.Primitive:
		return jen.Id(map[string]string{ir.String: "encodeStr", ir.Int64: "encodeInt64", ir.Float64: "encodeFloat64",
			ir.Bool: "encodeBool", ir.DateTime: "encodeTime"}[r.Primitive])
	case ir.Named:
		if r.Named.Kind == ir.Enum {
			return jen.Id("encodeEnum").Types(jen.Id(r.Named.Name))
		}
		return jen.Parens(jen.Op("*").Id(r.Named.Name)).Dot("encodeJSON")
	case ir.Array, ir.Map:
		return jen.Func().Params(jen.Id("v").Op("*").Add(typeExpr(r)), encoderParam()).Block(containerEncode(r, jen.Op("*").Id("v")))
	case ir.Raw:
		return jen.Id("encodeRaw")
	}
	return jen.Id("encodeAny")
}

func elemEncodeFunc(r *ir.TypeRef) jen.Code {
	if r.Nullable && pointable(r) {
		return jen.Func().Params(jen.Id("v").Op("*").Add(elemExpr(r)), encoderParam()).Block(
			jen.Id("encodePtr").Call(jen.Op("*").Id("v"), jen.Id("e"), encodeFunc(r)))
	}
	return encodeFunc(r)
}

// containerEncode writes value, a slice or map of r's type.
func containerEncode(r *ir.TypeRef, value jen.Code) jen.Code {
	helper := "encodeSlice"
	if r.Kind == ir.Map {
		helper = "encodeMap"
	}
	return jen.Id(helper).Call(value, jen.Id("e"), elemEncodeFunc(r.Elem))
}

// structCodec emits decodeJSON, the member table, the member reader, encodeJSON, the member
// writer, UnmarshalJSON and MarshalJSON for a struct. Members are matched as encoding/json
// matches them: exactly, else ignoring case (d.member gives the index of the field in
// t.Fields' order). Scalars are read in place as the table says; the reader reads the rest.
func structCodec(f *jen.File, t *ir.Type, n *goNames, encoder bool) {
	var cases []jen.Code
	fields := make([]jen.Code, len(t.Fields))
	for i, fl := range t.Fields {
		kind := inPlaceKind(fl)
		if kind == "" {
			cases = append(cases, jen.Case(jen.Lit(i)).Block(readMember(fl, n)...))
			fields[i] = jen.Values(jen.Lit(fl.JSONName), jen.Lit(0), withFlags(jen.Id("memberByModel"), fl, false))
			continue
		}
		offset := jen.Qual("unsafe", "Offsetof").Call(jen.Id(t.Name).Values().Dot(fl.Name))
		fields[i] = jen.Values(jen.Lit(fl.JSONName), offset, withFlags(jen.Id(kind), fl, true))
	}
	tableVar := n.members[t]
	f.Line()
	f.Comment("decodeJSON reads s from d.")
	f.Func().Params(jen.Id("s").Op("*").Id(t.Name)).Id("decodeJSON").Params(decoderParam()).Error().Block(
		jen.Return(jen.Id("decodeObject").Call(jen.Id("d"), jen.Qual("unsafe", "Pointer").Call(jen.Id("s")), jen.Id(tableVar), readerOf(t, n))),
	)
	if hasOwnMembers(t) {
		body := []jen.Code{jen.Id("s").Op(":=").Parens(jen.Op("*").Id(t.Name)).Parens(jen.Id("at"))}
		if len(cases) > 0 {
			body = append(body, jen.Switch(jen.Id("i")).Block(cases...))
		}
		body = append(body, unknownMember(t, n)...)
		f.Line()
		f.Add(docComment(fmt.Sprintf("%s reads member i of the %s at at where %s does not; unknown members are skipped%s.", n.reader[t], t.Name, tableVar, extraNote(t)))).
			Func().Id(n.reader[t]).Params(jen.Id("at").Qual("unsafe", "Pointer"), jen.Id("i").Int(), jen.Id("key").Index().Byte(), decoderParam()).Error().Block(body...)
	}
	f.Line()
	f.Var().Id(tableVar).Op("=").Op("&").Id("memberTable").Values(jen.Dict{
		jen.Id("fields"): jen.Index().Id("memberField").ValuesFunc(func(g *jen.Group) {
			for _, fl := range fields {
				g.Line().Add(fl)
			}
			if len(fields) > 0 {
				g.Line()
			}
		}),
	})
	if encoder {
		structEncode(f, t, n)
	}
	interop(f, t.Name, !taggedInFull(t))
}

// unknownMember is what a member reader does with a member the model does not name: keep
// it in the additional properties, or skip it.
func unknownMember(t *ir.Type, n *goNames) []jen.Code {
	if t.Extra == nil {
		return []jen.Code{jen.Return(jen.Id("d").Dot("Skip").Call())}
	}
	return []jen.Code{
		jen.Var().Id("v").Add(elemExpr(t.Extra)),
		jen.If(jen.Err().Op(":=").Add(elemDecodeFunc(t.Extra, n)).Call(jen.Op("&").Id("v"), jen.Id("d")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Id("s").Dot(t.ExtraName).Op("==").Nil()).Block(
			jen.Id("s").Dot(t.ExtraName).Op("=").Map(jen.String()).Add(elemExpr(t.Extra)).Values()),
		jen.Id("s").Dot(t.ExtraName).Index(jen.Id("d").Dot("a").Dot("str").Call(jen.Id("key"))).Op("=").Id("v"),
		jen.Return(jen.Nil()),
	}
}

// inPlaceKinds are the memberKinds of the scalars decodeObject reads in place, by primitive
// and field form; an enum reads as a string.
var inPlaceKinds = map[form]map[string]string{
	asValue:    {ir.String: "memberStr", ir.Int64: "memberInt64", ir.Float64: "memberFloat64", ir.Bool: "memberBool", ir.DateTime: "memberTime"},
	asPointer:  {ir.String: "memberOptStr", ir.Int64: "memberOptInt64", ir.Float64: "memberOptFloat64", ir.Bool: "memberOptBool", ir.DateTime: "memberOptTime"},
	asNullable: {ir.String: "memberNullStr", ir.Int64: "memberNullInt64", ir.Float64: "memberNullFloat64", ir.Bool: "memberNullBool", ir.DateTime: "memberNullTime"},
}

// inPlaceKind is the memberKind with which decodeObject reads fl in place, "" when the
// model's member reader reads it.
func inPlaceKind(fl *ir.Field) string {
	r := fl.Type
	switch {
	case r.Kind == ir.Primitive:
		return inPlaceKinds[fieldForm(fl)][r.Primitive]
	case r.Kind == ir.Named && r.Named.Kind == ir.Enum:
		return inPlaceKinds[fieldForm(fl)][ir.String]
	}
	return ""
}

func extraNote(t *ir.Type) string {
	if t.Extra != nil {
		return " (into " + t.ExtraName + ")"
	}
	return ""
}

// withFlags adds to a member's kind the flags encodeObject reads: read-only, and required
// for a nullable scalar written in place (an absent one is then null).
func withFlags(kind *jen.Statement, fl *ir.Field, inPlace bool) *jen.Statement {
	if inPlace && fl.Required && fieldForm(fl) == asNullable {
		kind = kind.Op("|").Id("memberRequired")
	}
	if fl.ReadOnly {
		kind = kind.Op("|").Id("memberReadOnly")
	}
	return kind
}

// structEncode emits encodeJSON, which writes the model with encodeObject from its table,
// and its member writer, which writes the members the table does not write in place and the
// additional properties.
func structEncode(f *jen.File, t *ir.Type, n *goNames) {
	var cases []jen.Code
	for i, fl := range t.Fields {
		if inPlaceKind(fl) != "" {
			continue
		}
		write := []jen.Code{
			jen.Id("e").Dot("FieldStart").Call(jen.Lit(fl.JSONName)),
			encodeField(fl),
		}
		value := jen.Id("s").Dot(fl.Name)
		var cond *jen.Statement
		switch {
		case fl.Required:
		case fieldForm(fl) == asNullable || fieldForm(fl) == asNullableRef:
			cond = value.Clone().Dot("IsSet").Call()
		default: // an empty slice or map is sent: [] and {} say something absent does not
			cond = value.Clone().Op("!=").Nil()
		}
		if cond != nil {
			write = []jen.Code{jen.If(cond).Block(write...)}
		}
		cases = append(cases, jen.Case(jen.Lit(i)).Block(write...))
	}
	if t.Extra != nil {
		known := make([]jen.Code, len(t.Fields))
		for i, fl := range t.Fields {
			known[i] = jen.Lit(fl.JSONName)
		}
		cases = append(cases, jen.Case(jen.Lit(-1)).Block(jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("s").Dot(t.ExtraName)))).Block(
			jen.If(jen.Qual("slices", "Contains").Call(jen.Index().String().Values(known...), jen.Id("k"))).Block(jen.Continue()),
			jen.Id("e").Dot("FieldStart").Call(jen.Id("k")),
			jen.Id("v").Op(":=").Id("s").Dot(t.ExtraName).Index(jen.Id("k")),
			jen.Add(elemEncodeFunc(t.Extra)).Call(jen.Op("&").Id("v"), jen.Id("e")),
		)))
	}
	f.Line()
	f.Comment("encodeJSON writes s to e, leaving out optional members that are absent.")
	f.Func().Params(jen.Id("s").Op("*").Id(t.Name)).Id("encodeJSON").Params(encoderParam()).Block(
		jen.Id("encodeObject").Call(jen.Id("e"), jen.Qual("unsafe", "Pointer").Call(jen.Id("s")), jen.Id(n.members[t]), writerOf(t, n)),
	)
	if !hasOwnMembers(t) {
		return
	}
	body := []jen.Code{jen.Id("s").Op(":=").Parens(jen.Op("*").Id(t.Name)).Parens(jen.Id("at"))}
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("i")).Block(cases...))
	}
	f.Line()
	f.Add(docComment(fmt.Sprintf("%s writes member i of the %s at at, if present, where %s does not%s.", n.writer[t], t.Name, n.members[t], extraEncodeNote(t)))).
		Func().Id(n.writer[t]).Params(jen.Id("at").Qual("unsafe", "Pointer"), jen.Id("i").Int(), encoderParam()).Block(body...)
}

// hasOwnMembers tells whether a struct has members its table cannot read or write in place
// (objects, lists, unions, additional properties), and so a member reader and writer.
func hasOwnMembers(t *ir.Type) bool {
	return t.Extra != nil || slices.ContainsFunc(t.Fields, func(fl *ir.Field) bool { return inPlaceKind(fl) == "" })
}

// readerOf is a struct's memberReader: its own, or skipMember when its table reads every
// member.
func readerOf(t *ir.Type, n *goNames) jen.Code {
	if !hasOwnMembers(t) {
		return jen.Id("skipMember")
	}
	return jen.Id(n.reader[t])
}

// writerOf is a struct's memberWriter: its own, or nil when its table writes every member.
func writerOf(t *ir.Type, n *goNames) jen.Code {
	if !hasOwnMembers(t) {
		return jen.Nil()
	}
	return jen.Id(n.writer[t])
}

func extraEncodeNote(t *ir.Type) string {
	if t.Extra != nil {
		return "; -1 writes " + t.ExtraName
	}
	return ""
}

// taggedInFull tells whether encoding/json writes a struct from its fields' tags as its
// generated encoder writes it outside a request: every member has a tag (the encoder's
// rules for absent members are omitzero's), and no member lives in a map of the others.
// Such a struct needs no MarshalJSON of its own: one fewer method per model, which a whole
// API's compile feels, where json.Marshal of a model is rare and off the client's path.
func taggedInFull(t *ir.Type) bool {
	return t.Extra == nil && !slices.ContainsFunc(t.Fields, func(fl *ir.Field) bool { return !tagSafe(fl.JSONName) })
}

// interop makes encoding/json use the generated codec: the decoder always (it is faster than
// encoding/json's and keeps the API's rules), the encoder where marshal says encoding/json
// cannot write the value from its fields' tags.
func interop(f *jen.File, name string, marshal bool) {
	f.Line()
	f.Comment("UnmarshalJSON decodes with the generated decoder.")
	f.Func().Params(jen.Id("v").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("decodeBytes").Call(jen.Id("data"), jen.Id("v"))))
	if !marshal {
		return
	}
	f.Line()
	f.Comment("MarshalJSON encodes with the generated encoder.")
	f.Func().Params(jen.Id("v").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("e").Id("enc"),
		jen.Parens(jen.Op("&").Id("v")).Dot("encodeJSON").Call(jen.Op("&").Id("e")),
		jen.Return(jen.Id("e").Dot("Bytes").Call(), jen.Nil()))
}

// unionCodec emits the jx codec of a union: a look-ahead over the value picks the variant,
// which then decodes it; a new value may guess an object's variant and read it once.
func unionCodec(f *jen.File, t *ir.Type, n *goNames, encoder bool) {
	casesVar := n.cases[t]
	requiredLookup(f, t, n)
	unionVar := n.union[t]
	f.Line()
	f.Var().Id(unionVar).Op("=").Id("union").Values(jen.Dict{
		jen.Id("name"):     jen.Lit(t.Name),
		jen.Id("cases"):    jen.Id(casesVar),
		jen.Id("tag"):      jen.Lit(t.Tag),
		jen.Id("required"): requiredArg(t, n),
	})
	var cases []jen.Code
	for i, c := range t.Cases {
		cases = append(cases, jen.Case(jen.Lit(i)).Block(readVariant(c, n)...))
	}
	body := []jen.Code{jen.Op("*").Id("u").Op("=").Id(t.Name).Values()}
	if hasObjectModel(t) {
		body = append(body, jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("guessCase").Call(
			jen.Id("d"), jen.Op("&").Id(unionVar), jen.Id("u").Dot("start")), jen.Id("ok")).Block(jen.Return(jen.Err())))
	}
	body = append(body,
		jen.List(jen.Id("i"), jen.Err()).Op(":=").Id(unionVar).Dot("pick").Call(jen.Id("d")),
		jen.Switch().Block(
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Case(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Id("d").Dot("Null").Call())),
		),
		jen.Switch(jen.Id("i")).Block(cases...),
		jen.Return(jen.Err()),
	)
	f.Line()
	f.Comment("decodeJSON reads the variant that the value holds; JSON null leaves u empty.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("decodeJSON").Params(decoderParam()).Error().Block(body...)
	if hasObjectModel(t) {
		unionStart(f, t, n)
	}
	if encoder {
		unionEncode(f, t)
	}
	interop(f, t.Name, false) // its MarshalJSON writes the variant with encoding/json (unionMarshal)
}

// readVariant is the union decoder's case for variant c: a model is a new one that its own
// method reads (pick has told null apart), anything else is decoded into its field.
func readVariant(c *ir.Case, n *goNames) []jen.Code {
	variant := jen.Id("u").Dot(c.Name)
	if isModel(c.Type) {
		return []jen.Code{
			variant.Clone().Op("=").New(jen.Id(c.Type.Named.Name)),
			jen.Err().Op("=").Add(variant.Clone().Dot("decodeJSON").Call(jen.Id("d"))),
		}
	}
	return []jen.Code{jen.Err().Op("=").Add(decodeInto(c.Type, variant, pointable(c.Type), n))}
}

func unionEncode(f *jen.File, t *ir.Type) {
	var enc []jen.Code
	for _, c := range t.Cases {
		enc = append(enc, jen.Case(jen.Id("u").Dot(c.Name).Op("!=").Nil()).Block(
			encodeCase(c.Type, jen.Id("u").Dot(c.Name))))
	}
	enc = append(enc, jen.Default().Block(jen.Id("e").Dot("Null").Call()))
	f.Line()
	f.Comment("encodeJSON writes the variant u holds, or null when it holds none.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("encodeJSON").Params(encoderParam()).Block(jen.Switch().Block(enc...))
}

// encodeCase writes a union's variant v, which the caller found set: a pointer, or a slice or
// map.
func encodeCase(r *ir.TypeRef, v *jen.Statement) jen.Code {
	if pointable(r) {
		return encodeAt(r, v)
	}
	return encodeDirect(r, v)
}

// hasObjectModel tells whether a variant of t is a generated object model, which guessCase
// can decode member by member.
func hasObjectModel(t *ir.Type) bool {
	for _, c := range t.Cases {
		if isObjectModel(c.Type) {
			return true
		}
	}
	return false
}

func isObjectModel(r *ir.TypeRef) bool { return r.Kind == ir.Named && r.Named.Kind == ir.Struct }

// unionStart emits start, which guessCase calls to make a variant the one the union holds.
func unionStart(f *jen.File, t *ir.Type, n *goNames) {
	var cases []jen.Code
	for i, c := range t.Cases {
		if isObjectModel(c.Type) {
			cases = append(cases, jen.Case(jen.Lit(i)).Block(
				jen.Id("u").Dot(c.Name).Op("=").New(jen.Id(c.Type.Named.Name)),
				jen.Return(jen.Qual("unsafe", "Pointer").Call(jen.Id("u").Dot(c.Name)), jen.Id(n.members[c.Type.Named]), readerOf(c.Type.Named, n)),
			))
		}
	}
	f.Line()
	f.Comment("start makes u hold a new variant i, to be decoded member by member, and returns its")
	f.Comment("address, member table and member reader; a nil address when variant i is not an object")
	f.Comment("model.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("start").Params(jen.Id("i").Int()).Params(jen.Qual("unsafe", "Pointer"), jen.Op("*").Id("memberTable"), jen.Id("memberReader")).Block(
		jen.Switch(jen.Id("i")).Block(cases...),
		jen.Return(jen.Nil(), jen.Nil(), jen.Nil()),
	)
}

// requiredArg is the union's lookup of required members: the generated function, or nil for
// a union too large for a 64-bit set.
func requiredArg(t *ir.Type, n *goNames) jen.Code {
	if len(t.Cases) > 64 {
		return jen.Nil()
	}
	return jen.Id(n.required[t])
}

// requiredLookup emits the union's lookup for pickCase: a switch from a member's key to the
// set of cases that require it, a few nanoseconds a member where comparing the key with
// every case's list was the largest cost of decoding a union.
func requiredLookup(f *jen.File, t *ir.Type, n *goNames) {
	if len(t.Cases) > 64 {
		return
	}
	sets := map[string]uint64{}
	var order []string
	for i, c := range t.Cases {
		for _, r := range c.Required {
			if sets[r] == 0 {
				order = append(order, r)
			}
			sets[r] |= 1 << i
		}
	}
	bySet := map[uint64][]string{}
	var setOrder []uint64
	for _, key := range order {
		if len(bySet[sets[key]]) == 0 {
			setOrder = append(setOrder, sets[key])
		}
		bySet[sets[key]] = append(bySet[sets[key]], key)
	}
	var cases []jen.Code
	for _, set := range setOrder {
		cases = append(cases, jen.Case(lits(bySet[set])...).Block(jen.Return(jen.Lit(int(set)))))
	}
	var body []jen.Code
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.String().Call(jen.Id("key"))).Block(cases...))
	}
	body = append(body, jen.Return(jen.Lit(0)))
	f.Line()
	f.Comment(fmt.Sprintf("%s tells pickCase which cases of %s require the member key, a bit each.", n.required[t], t.Name))
	f.Func().Id(n.required[t]).Params(jen.Id("key").Index().Byte()).Uint64().Block(body...)
}
