package emitgo

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// modelsOf leaves out the types an operation declares with itself (ByStatus results).
func modelsOf(types []*ir.Type) []*ir.Type {
	var out []*ir.Type
	for _, t := range types {
		if t.Kind != ir.ByStatus {
			out = append(out, t)
		}
	}
	return out
}

// modelTypes writes the declarations of types into f and, unless codecs is nil, their
// codecs into codecs (which may be f): a reader finds the types together, the code that
// reads and writes them apart (modelCodecs).
func modelTypes(f, codecs *jen.File, types []*ir.Type, std bool, n *goNames, enc encoders) {
	for _, t := range types {
		switch t.Kind {
		case ir.Struct:
			structType(f, codecs, t, std, n, enc[t])
		case ir.Enum:
			enumType(f, t, n)
		case ir.Union:
			unionType(f, codecs, t, std, n, enc[t])
		}
		f.Line()
	}
}

func structType(f, codecs *jen.File, t *ir.Type, std bool, n *goNames, encoder bool) {
	fields := []jen.Code{jen.Id("_").Id("notComparable")}
	for _, fl := range t.Fields {
		tag, doc := fl.JSONName, fl.Doc
		if fl.Only != "" {
			doc = strings.TrimSpace(doc + " " + fl.Only + " only.")
		}
		if !fl.Required {
			tag += ",omitzero" // nil and absent are left out; an empty slice is sent as []
		}
		if !tagSafe(fl.JSONName) {
			// encoding/json cannot name this member in a tag; the generated codec, which
			// MarshalJSON and UnmarshalJSON use, matches it by its own name.
			tag = "-"
			doc = strings.TrimSpace(doc + fmt.Sprintf(" The member's name is %q.", fl.JSONName))
		}
		fields = append(fields, docComment(doc).Id(fl.Name).Add(memberExpr(fl)).Tag(map[string]string{"json": tag}))
	}
	if t.Extra != nil {
		fields = append(fields, docComment(t.ExtraName+" holds the members that are not properties above.").
			Id(t.ExtraName).Map(jen.String()).Add(elemExpr(t.Extra)).Tag(map[string]string{"json": "-"}))
	}
	f.Add(docComment(n.uses.typeDoc(t, "")...)).Type().Id(t.Name).Struct(fields...)
	switch {
	case codecs == nil:
	case !std:
		structCodec(codecs, t, n, encoder)
		codecs.Line()
	case t.Extra != nil:
		extraMethods(codecs, t, n)
	}
	if secrets := secretFields(t); len(secrets) > 0 {
		maskingFormat(f, t.Name, secrets)
	}
}

// tagSafe tells whether a member name can stand in a json struct tag as it is: encoding/json
// takes letters, digits and some punctuation, and go vet flags a space.
func tagSafe(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~", r) {
			return false
		}
	}
	return true
}

// masked is a field to print masked: its name, and the helper that masks its form.
type masked struct {
	name string
	mask string
}

var maskOf = map[form]string{asValue: "maskSecret", asPointer: "maskSecretPtr", asNullable: "maskSecretNullable"}

// secretFields are the fields of t that hold credentials, as strings.
func secretFields(t *ir.Type) []masked {
	var out []masked
	for _, fl := range t.Fields {
		if fl.Secret && isString(fl.Type) {
			out = append(out, masked{fl.Name, maskOf[fieldForm(fl)]})
		}
	}
	return out
}

// secretParams are the parameters of p that hold credentials.
func secretParams(p *ir.Params) []masked {
	var out []masked
	for _, fl := range p.Fields {
		if fl.Secret && isString(fl.Type) {
			mask := "maskSecret"
			if isPointer(fl.Type, fl.Required) {
				mask = "maskSecretPtr"
			}
			out = append(out, masked{fl.Name, mask})
		}
	}
	return out
}

func isString(r *ir.TypeRef) bool { return r.Kind == ir.Primitive && r.Primitive == ir.String }

// maskingFormat makes fmt print the type with its credentials masked, whatever the verb;
// the fields keep their values and encode to JSON as they are.
func maskingFormat(f *jen.File, typeName string, secrets []masked) {
	body := []jen.Code{
		jen.Type().Id("plain").Id(typeName),
		jen.Id("p").Op(":=").Id("plain").Call(jen.Id("t")),
	}
	for _, fl := range secrets {
		body = append(body, jen.Id("p").Dot(fl.name).Op("=").Id(fl.mask).Call(jen.Id("p").Dot(fl.name)))
	}
	body = append(body, jen.Qual("fmt", "Fprintf").Call(jen.Id("f"), jen.Qual("fmt", "FormatString").Call(jen.Id("f"), jen.Id("verb")), jen.Id("p")))
	f.Line()
	f.Comment("Format prints t with its credentials masked, whatever the verb.")
	f.Func().Params(jen.Id("t").Id(typeName)).Id("Format").Params(jen.Id("f").Qual("fmt", "State"), jen.Id("verb").Rune()).Block(body...)
}

// extraMethods make additional properties round-trip through encoding/json.
func extraMethods(f *jen.File, t *ir.Type, n *goNames) {
	known := n.properties[t]
	var names []jen.Code
	for _, fl := range t.Fields {
		names = append(names, jen.Lit(fl.JSONName))
	}
	f.Line()
	f.Comment("UnmarshalJSON decodes the properties and keeps every other member in " + t.ExtraName + ".")
	f.Func().Params(jen.Id("s").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Type().Id("plain").Id(t.Name),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id("s"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("decodeExtra").Call(jen.Id("data"), jen.Op("&").Id("s").Dot(t.ExtraName), jen.Id(known))),
	)
	f.Line()
	f.Comment("MarshalJSON encodes the properties and the members of " + t.ExtraName + ".")
	f.Func().Params(jen.Id("s").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id("plain").Id(t.Name),
		jen.Return(jen.Id("encodeExtra").Call(jen.Id("plain").Call(jen.Id("s")), jen.Id("s").Dot(t.ExtraName), jen.Id(known))),
	)
	f.Line()
	f.Var().Id(known).Op("=").Index().String().Values(names...)
}

func enumType(f *jen.File, t *ir.Type, n *goNames) {
	f.Add(docComment(n.uses.typeDoc(t, enumWhat(t))...)).
		Type().Id(t.Name).String()
	f.Line()
	var consts []jen.Code
	for _, v := range t.Values {
		if v.Only != "" {
			consts = append(consts, jen.Comment(v.Only+" only."))
		}
		consts = append(consts, jen.Id(v.Name).Id(t.Name).Op("=").Lit(v.Value))
	}
	f.Comment("Known values of " + t.Name + ".")
	f.Const().Defs(consts...)
}

func unionType(f, codecs *jen.File, t *ir.Type, std bool, n *goNames, encoder bool) {
	var fields []jen.Code
	for _, c := range t.Cases {
		fields = append(fields, jen.Id(c.Name).Add(caseExpr(c.Type)))
	}
	f.Add(docComment(n.uses.typeDoc(t, unionWhat(t))...)).
		Type().Id(t.Name).Struct(fields...)
	unionWhich(f, t)
	if codecs != nil {
		unionCodecs(codecs, t, std, n, encoder)
	}
}

// unionCodecs writes a union's table of variants, its decoder and encoder, and the methods
// of encoding/json.
func unionCodecs(codecs *jen.File, t *ir.Type, std bool, n *goNames, encoder bool) {
	var cases []jen.Code
	for _, c := range t.Cases {
		lit := jen.Dict{jen.Id("json"): jen.Lit(string(c.JSON))}
		if len(c.Required) > 0 {
			lit[jen.Id("required")] = jen.Index().String().Values(lits(c.Required)...)
		}
		if len(c.Tags) > 0 {
			lit[jen.Id("tags")] = jen.Index().String().Values(lits(c.Tags)...)
		}
		cases = append(cases, jen.Values(lit))
	}
	casesVar := n.cases[t]
	codecs.Line()
	codecs.Comment(fmt.Sprintf("%s are the variants of %s, as its decoder tells them apart.", casesVar, t.Name))
	codecs.Var().Id(casesVar).Op("=").Index().Id("unionCase").Values(cases...)
	if !std {
		unionCodec(codecs, t, n, encoder)
	} else {
		unionUnmarshal(codecs, t, casesVar)
	}
	unionMarshal(codecs, t)
	codecs.Line()
}

// caseExpr is a variant's field type: a pointer for named and primitive types, so that nil
// means "not this variant".
func caseExpr(r *ir.TypeRef) *jen.Statement {
	if pointable(r) {
		return jen.Op("*").Add(typeExpr(r))
	}
	return typeExpr(r)
}

func unionWhich(f *jen.File, t *ir.Type) {
	var cases []jen.Code
	for _, c := range t.Cases {
		cases = append(cases, jen.Case(jen.Id("u").Dot(c.Name).Op("!=").Nil()).Block(jen.Return(jen.Lit(c.Name))))
	}
	f.Line()
	f.Comment("Which returns the name of the variant u holds, or \"\" when it holds none.")
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("Which").Params().String().Block(
		jen.Switch().Block(cases...),
		jen.Return(jen.Lit("")),
	)
}

func unionUnmarshal(f *jen.File, t *ir.Type, casesVar string) {
	var cases []jen.Code
	for i, c := range t.Cases {
		target := jen.Op("&").Id("u").Dot(c.Name)
		if pointable(c.Type) {
			cases = append(cases, jen.Case(jen.Lit(i)).Block(
				jen.Id("u").Dot(c.Name).Op("=").New(typeExpr(c.Type)),
				jen.Return(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("u").Dot(c.Name))),
			))
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(i)).Block(
			jen.Return(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), target)),
		))
	}
	f.Line()
	f.Comment("UnmarshalJSON decodes the variant that data holds; JSON null leaves u empty.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("u").Op("=").Id(t.Name).Values(),
		jen.List(jen.Id("i"), jen.Err()).Op(":=").Id("pickCase").Call(jen.Lit(t.Name), jen.Id("data"), jen.Id(casesVar), jen.Lit(t.Tag)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Switch(jen.Id("i")).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

func unionMarshal(f *jen.File, t *ir.Type) {
	var cases []jen.Code
	for _, c := range t.Cases {
		cases = append(cases, jen.Case(jen.Id("u").Dot(c.Name).Op("!=").Nil()).Block(
			jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("u").Dot(c.Name))),
		))
	}
	f.Line()
	f.Comment("MarshalJSON encodes the variant u holds as encoding/json does, or null when it holds none.")
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Switch().Block(cases...),
		jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil()),
	)
}

func lits(ss []string) []jen.Code {
	out := make([]jen.Code, len(ss))
	for i, s := range ss {
		out[i] = jen.Lit(s)
	}
	return out
}

// lowerFirst makes an unexported name from an exported one ("HTMLURL" -> "htmlurl",
// "AppPermissions" -> "appPermissions").
func lowerFirst(s string) string {
	n := 0
	for n < len(s) && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	switch {
	case n == 0:
		return s
	case n == 1 || n == len(s):
		return toLower(s[:n]) + s[n:]
	}
	return toLower(s[:n-1]) + s[n-1:]
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sameWords tells whether a description only restates the type's name ("Installation",
// "Simple User"), which a doc comment need not repeat.
func sameWords(doc, name string) bool {
	return strings.EqualFold(strings.ReplaceAll(strings.TrimSuffix(doc, "."), " ", ""), name)
}

// modelCodecs writes the codecs of types (those modelTypes leaves to another file).
func modelCodecs(f *jen.File, types []*ir.Type, n *goNames, enc encoders) {
	for _, t := range types {
		switch t.Kind {
		case ir.Struct:
			structCodec(f, t, n, enc[t])
			f.Line()
		case ir.Union:
			unionCodecs(f, t, false, n, enc[t])
		}
	}
}

// hasCodecs tells whether any of types has a codec: structs and unions do, enums do not.
func hasCodecs(types []*ir.Type) bool {
	for _, t := range types {
		if t.Kind == ir.Struct || t.Kind == ir.Union {
			return true
		}
	}
	return false
}
