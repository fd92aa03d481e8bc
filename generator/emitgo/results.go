package emitgo

import (
	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// readResult is the end of a method that returns a value: declare it, send the request
// with somewhere to read the answer into, return it. A pointer result is nil when the call
// failed or the answer had no body; any other is its zero value when the call failed.
// (Spelled out rather than a generic helper: an instantiation per result type costs a whole
// API's compile more than the lines do.)
func readResult(r *ir.Result, n *goNames) []jen.Code {
	t := r.Type
	var decl, target, failed jen.Code
	switch {
	case t.Kind == ir.Named:
		decl, target = jen.Id("out").Op(":=").New(typeExpr(t)), jen.Id("out")
		failed = jen.Err().Op("!=").Nil().Op("||").Id("resp").Dot("NoContent")
	case r.Body == ir.BodyText || t.Kind == ir.Stream:
		decl, target = jen.Var().Id("out").Add(typeExpr(t)), jen.Op("&").Id("out") // the client core reads text and streams
	default:
		decl, target = jen.Var().Id("out").Add(typeExpr(t)), intoTarget(t, jen.Op("&").Id("out"), n)
	}
	if failed == nil {
		failed = jen.Err().Op("!=").Nil()
	}
	return []jen.Code{
		decl,
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), target),
		jen.If(failed).Block(jen.Return(zeroOf(t), jen.Id("resp"), jen.Err())),
		jen.Return(jen.Id("out"), jen.Id("resp"), jen.Nil()),
	}
}

// intoTarget is the client core's decodeTarget for a value that is not a named type (an
// array, a map, a scalar): a decoderFunc that decodes into what ptr points at.
func intoTarget(r *ir.TypeRef, ptr jen.Code, n *goNames) jen.Code {
	var decode jen.Code
	if r.Kind == ir.Array || r.Kind == ir.Map {
		decode = containerDecode(r, ptr, n)
	} else {
		decode = jen.Add(decodeFunc(r, n)).Call(ptr, jen.Id("d"))
	}
	return jen.Id("decoderFunc").Call(jen.Func().Params(decoderParam()).Error().Block(jen.Return(decode)))
}

// byStatusType emits the result of an operation whose successes differ: a field per status,
// and answerFor, which the client core asks where the answer of a status goes.
func byStatusType(f *jen.File, t *ir.Type, n *goNames) {
	var fields, cases []jen.Code
	for _, fl := range t.Fields {
		fields = append(fields, docComment(fl.Name+" is "+fl.Doc+".").Id(fl.Name).Add(fieldExpr(fl.Type, false)))
		cases = append(cases, jen.Case(jen.Lit(fl.Status)).Block(statusTarget(fl, n)...))
	}
	f.Add(docComment(t.Name + " " + t.Doc)).Type().Id(t.Name).Struct(fields...)
	f.Line()
	f.Comment("answerFor makes the field of status ready and returns where its answer is read; a 2xx")
	f.Comment("status the description does not document is read as the first one.")
	f.Func().Params(jen.Id("r").Op("*").Id(t.Name)).Id("answerFor").Params(jen.Id("status").Int()).Any().Block(
		jen.Switch(jen.Id("status")).Block(append(cases, jen.Default().Block(statusTarget(t.Fields[0], n)...))...),
	)
}

// statusTarget makes a ByStatus field ready and returns where its answer is read.
func statusTarget(fl *ir.Field, n *goNames) []jen.Code {
	field := jen.Id("r").Dot(fl.Name)
	switch {
	case fl.Type.Kind == ir.Stream:
		return []jen.Code{jen.Return(jen.Op("&").Add(field))}
	case !pointable(fl.Type):
		return []jen.Code{jen.Return(intoTarget(fl.Type, jen.Op("&").Add(field), n))}
	}
	prepare := field.Clone().Op("=").New(typeExpr(fl.Type))
	switch {
	case isObjectModel(fl.Type) || fl.Type.Kind == ir.Named && fl.Type.Named.Kind == ir.Union, fl.Body == ir.BodyText:
		return []jen.Code{prepare, jen.Return(field.Clone())}
	}
	return []jen.Code{prepare, jen.Return(intoTarget(fl.Type, field.Clone(), n))}
}
