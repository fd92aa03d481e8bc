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
// Link header's next URL.
func iterMethod(f *jen.File, op *ir.Operation, n *goNames) {
	args, pathArgs := arguments(op, n)
	pg := op.Pages
	item := elemExpr(pg.Item)
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
	body = append(body, buildRequest(calls(op)[0], n, pathArgs, jen.Id("p"))...)
	page := jen.Op("*").Add(typeExpr(op.Result.Type))
	var items, target jen.Code = jen.Op("*").Id("page"), intoTarget(op.Result.Type, jen.Id("page"))
	if op.Result.Type.Kind == ir.Named {
		items, target = jen.Id("page").Dot(pg.Items.Name), jen.Id("page")
	}
	decode := jen.Func().Params(jen.Id("page").Add(page.Clone())).Id("decodeTarget").Block(jen.Return(target))
	extract := jen.Func().Params(jen.Id("page").Add(page)).Index().Add(item.Clone()).Block(jen.Return(items))
	body = append(body, jen.Return(jen.Id("iterate").Call(jen.Id("ctx"), jen.Id("c"), jen.Id("r"), decode, extract)))
	f.Line()
	f.Add(docComment(fmt.Sprintf("%sIter walks every item of every page of %s, following the Link header's next URL. "+
		"It asks for %d items a page unless params set %s. It stops at the first error, which it yields, when the loop breaks, or when ctx ends.",
		op.Name, op.Name, defaultPerPage, pg.PerPage.Name))).Func().Add(receiver(op)).Id(op.Name + "Iter").Params(args...).Add(seq).Block(append(clientOf(op), body...)...)
}
