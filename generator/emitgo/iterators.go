package emitgo

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// defaultPerPage is what iterators ask for unless the caller set per_page: the most GitHub
// gives, so that walking a list takes the fewest requests.
const defaultPerPage = 100

// iterMethod emits <Method>Iter, which walks every item of every page by following the
// Link header's next URL. A model (an object or a union) is yielded by pointer, the page's
// own element: no copy of it per item, and one instantiation of iterate for them all.
func iterMethod(f *jen.File, op *ir.Operation, n *goNames) {
	args, pathArgs := arguments(op, n)
	pg := op.Pages
	item := elemExpr(pg.Item)
	if yieldsPointer(pg.Item) {
		item = jen.Op("*").Add(item)
	}
	seq := jen.Qual("iter", "Seq2").Types(item.Clone(), jen.Error())
	var body []jen.Code
	body = append(body, argumentChecks(op, n, func(err jen.Code) jen.Code {
		return jen.Return(jen.Id("failedIter").Types(item.Clone()).Call(err))
	})...)
	body = append(body,
		jen.Var().Id("p").Id(op.Params.TypeName),
		jen.If(jen.Id("params").Op("!=").Nil()).Block(jen.Id("p").Op("=").Op("*").Id("params")),
		jen.If(jen.Id("p").Dot(pg.PerPage.Name).Op("==").Nil()).Block(
			jen.Id("p").Dot(pg.PerPage.Name).Op("=").Id("Ptr").Types(jen.Int64()).Call(jen.Lit(defaultPerPage))),
	)
	body = append(body, buildRequest(calls(op)[0], n, pathArgs, jen.Op("&").Id("p"))...)
	// read decodes a page and returns its items' accessor: a page is a local of each read, so
	// walks of one iterator share nothing.
	var items, element jen.Code
	var decode []jen.Code
	if op.Result.Type.Kind == ir.Named { // an object whose member holds the items
		items, element = jen.Id("page").Dot(pg.Items.Name), jen.Id("page").Dot(pg.Items.Name).Index(jen.Id("i"))
		decode = []jen.Code{
			jen.Id("page").Op(":=").New(typeExpr(op.Result.Type)),
			jen.Err().Op(":=").Id("page").Dot("decodeJSON").Call(jen.Id("d")),
		}
	} else { // an array of the items
		items, element = jen.Id("page"), jen.Id("page").Index(jen.Id("i"))
		decode = []jen.Code{
			jen.Var().Id("page").Add(typeExpr(op.Result.Type)),
			jen.Err().Op(":=").Add(containerDecode(op.Result.Type, jen.Op("&").Id("page"), n)),
		}
	}
	none := jen.Op("*").New(item.Clone())
	if yieldsPointer(pg.Item) {
		element, none = jen.Op("&").Add(element), jen.Nil()
	}
	accessor := jen.Func().Params(jen.Int()).Params(item.Clone(), jen.Bool())
	read := jen.Func().Params(decoderParam()).Params(accessor, jen.Error()).Block(append(decode,
		jen.Return(jen.Func().Params(jen.Id("i").Int()).Params(item.Clone(), jen.Bool()).Block(
			jen.If(jen.Id("i").Op(">=").Len(items)).Block(jen.Return(none, jen.False())),
			jen.Return(element, jen.True()),
		), jen.Err()))...,
	)
	body = append(body, jen.Return(jen.Id("iterate").Call(jen.Id("ctx"), jen.Id("c"), jen.Id("r"), read)))
	yields := "every item"
	if yieldsPointer(pg.Item) {
		yields = "a pointer to every item"
	}
	f.Line()
	f.Add(docComment(fmt.Sprintf("%sIter yields %s of every page of %s, following the Link header's next URL. "+
		"It asks for %d items a page unless params set %s. It stops at the first error, which it yields, when the loop breaks, or when ctx ends.",
		op.Name, yields, op.Name, defaultPerPage, pg.PerPage.Name))).Func().Add(receiver(op)).Id(op.Name + "Iter").Params(args...).Add(seq).Block(append(clientOf(op), body...)...)
}

// yieldsPointer tells whether an iterator yields its items, of type r, by pointer: models
// (objects and unions) are, scalars and enums are not.
func yieldsPointer(r *ir.TypeRef) bool {
	return r.Kind == ir.Named && r.Named.Kind != ir.Enum && !r.Nullable
}
