package lower

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// reachedComponents lists, sorted, the component schemas the document's operations reach
// through their parameters, request bodies and successful answers, as the lowering maps
// them: a component that is only merged into another through allOf makes no type of its
// own, so it is walked through but not listed. They are mapped first and in this order, so
// that an inline schema a component shares with others takes its name from the component
// (InstallationAccount), whichever operation comes first, and adding an operation renames
// nothing it does not reach.
func reachedComponents(doc *openapi3.T) []string {
	seen := map[*openapi3.Schema]bool{}
	keys := map[string]bool{}
	var visit func(r *openapi3.SchemaRef, typed bool)
	visitAll := func(rs openapi3.SchemaRefs, typed bool) {
		for _, r := range rs {
			visit(r, typed)
		}
	}
	// typed says that the schema is used as a value of its own type, not merged into another.
	visit = func(r *openapi3.SchemaRef, typed bool) {
		if r == nil || r.Value == nil {
			return
		}
		if key, ok := strings.CutPrefix(r.Ref, componentPrefix); ok && typed {
			keys[key] = true
		}
		s := r.Value
		if seen[s] {
			return
		}
		seen[s] = true
		for _, p := range s.Properties {
			visit(p, true)
		}
		visit(s.Items, true)
		visit(s.AdditionalProperties.Schema, true)
		visitAll(s.AllOf, singleAllOf(s) != nil) // a one-element allOf is its member itself
		visitAll(s.OneOf, true)
		visitAll(s.AnyOf, true)
	}
	content := func(c openapi3.Content) {
		for _, m := range c {
			if m != nil {
				visit(m.Schema, true)
			}
		}
	}
	params := func(ps openapi3.Parameters) {
		for _, p := range ps {
			if p.Value != nil {
				visit(p.Value.Schema, true)
			}
		}
	}
	for _, item := range doc.Paths.Map() {
		params(item.Parameters)
		for _, op := range item.Operations() {
			params(op.Parameters)
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				content(op.RequestBody.Value.Content)
			}
			for _, a := range successes(op, "") {
				if ref := op.Responses.Value(a.code); ref != nil && ref.Value != nil {
					content(ref.Value.Content)
				}
			}
		}
	}
	for _, w := range webhooks(doc) {
		visit(w.media.Schema, true)
	}
	return sortedKeys(keys)
}
