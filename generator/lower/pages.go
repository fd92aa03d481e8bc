package lower

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
)

// pages recognises a list operation by a general rule: it takes per_page and page query
// parameters and returns either an array or an object with exactly one required array
// property (GitHub's {total_count, repositories: [...]}). Where the object has several
// array properties, an `items` override names the one that holds the page.
func (b *builder) pages(o *ir.Operation, op *openapi3.Operation, pos diag.Pos) *ir.Pages {
	if o.Params == nil || o.Result.Type == nil {
		return nil
	}
	perPage, page := paramNamed(o.Params, "per_page"), paramNamed(o.Params, "page")
	if perPage == nil || page == nil || perPage.Type.Primitive != ir.Int64 || perPage.Required {
		return nil
	}
	r := o.Result.Type
	if r.Kind == ir.Array {
		return &ir.Pages{Item: r.Elem, PerPage: perPage}
	}
	if r.Kind != ir.Named || r.Named.Kind != ir.Struct {
		return nil
	}
	want, _ := op.Extensions[load.ExtItems].(string)
	var arrays []*ir.Field
	for _, f := range r.Named.Fields {
		if f.Type.Kind == ir.Array && !f.Type.Nullable && (f.JSONName == want || want == "" && f.Required) {
			arrays = append(arrays, f)
		}
	}
	if len(arrays) != 1 {
		if want != "" {
			b.errs.Add(diag.Errorf(pos, "items override: %s's result has no array property %q", o.ID, want))
		}
		return nil // ambiguous: no iterator unless an override says where the items are
	}
	return &ir.Pages{Item: arrays[0].Type.Elem, Items: arrays[0], PerPage: perPage}
}

func paramNamed(p *ir.Params, wire string) *ir.Param {
	for _, f := range p.Fields {
		if f.WireName == wire && f.In == "query" {
			return f
		}
	}
	return nil
}
