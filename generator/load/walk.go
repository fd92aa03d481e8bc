package load

import (
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// eachSchema calls fn once for every schema of the document (components, parameters,
// headers, bodies and answers of paths and webhooks, and every schema inside them), with the
// JSON pointer of the first place it is found.
func (d *Document) eachSchema(fn func(s *openapi3.Schema, ptr string)) {
	seen := map[*openapi3.Schema]bool{}
	var visit func(r *openapi3.SchemaRef, ptr string)
	visitAll := func(rs openapi3.SchemaRefs, ptr, key string) {
		for i, r := range rs {
			visit(r, diag.Child(ptr, key, strconv.Itoa(i)))
		}
	}
	visit = func(r *openapi3.SchemaRef, ptr string) {
		if r == nil || r.Value == nil || seen[r.Value] {
			return
		}
		s := r.Value
		seen[s] = true
		fn(s, ptr)
		for _, name := range sortedKeys(s.Properties) {
			visit(s.Properties[name], diag.Child(ptr, "properties", name))
		}
		visit(s.Items, diag.Child(ptr, "items"))
		visit(s.AdditionalProperties.Schema, diag.Child(ptr, "additionalProperties"))
		visit(s.Not, diag.Child(ptr, "not"))
		visitAll(s.AllOf, ptr, "allOf")
		visitAll(s.OneOf, ptr, "oneOf")
		visitAll(s.AnyOf, ptr, "anyOf")
		visitAll(s.PrefixItems, ptr, "prefixItems")
	}
	content := func(c openapi3.Content, ptr string) {
		for _, ct := range sortedKeys(c) {
			if c[ct] != nil {
				visit(c[ct].Schema, diag.Child(ptr, "content", ct, "schema"))
			}
		}
	}
	params := func(ps openapi3.Parameters, ptr string) {
		for i, p := range ps {
			if p.Value != nil {
				pptr := diag.Child(ptr, "parameters", strconv.Itoa(i))
				visit(p.Value.Schema, diag.Child(pptr, "schema"))
				content(p.Value.Content, pptr)
			}
		}
	}
	if c := d.T.Components; c != nil {
		for _, name := range sortedKeys(c.Schemas) {
			visit(c.Schemas[name], diag.Pointer("components", "schemas", name))
		}
		for _, name := range sortedKeys(c.Parameters) {
			if p := c.Parameters[name]; p != nil && p.Value != nil {
				visit(p.Value.Schema, diag.Pointer("components", "parameters", name, "schema"))
			}
		}
	}
	pathItem := func(item *openapi3.PathItem, ptr string) {
		params(item.Parameters, ptr)
		for method, op := range item.Operations() {
			optr := diag.Child(ptr, strings.ToLower(method))
			params(op.Parameters, optr)
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				content(op.RequestBody.Value.Content, diag.Child(optr, "requestBody"))
			}
			if op.Responses != nil {
				for code, r := range op.Responses.Map() {
					if r.Value != nil {
						content(r.Value.Content, diag.Child(optr, "responses", code))
					}
				}
			}
		}
	}
	if d.T.Paths != nil {
		for _, path := range sortedKeys(d.T.Paths.Map()) {
			pathItem(d.T.Paths.Value(path), diag.Pointer("paths", path))
		}
	}
	for _, name := range sortedKeys(d.T.Webhooks) {
		if item := d.T.Webhooks[name]; item != nil {
			pathItem(item, diag.Pointer("webhooks", name))
		}
	}
}
