package emitgo

import "github.com/ghappsgen/ghappsgen/generator/ir"

// encoders are the models that get a generated encoder (encodeJSON): those a request body
// can hold, and those encoding/json cannot write from their tags (whose MarshalJSON uses
// it), with every model either one holds. The others are only ever decoded by the client,
// and json.Marshal writes them from their tags: an encoder each would be code that a whole
// API's build compiles and nothing runs.
type encoders map[*ir.Type]bool

func newEncoders(api *ir.API) encoders {
	enc := encoders{}
	for _, op := range api.Operations {
		if op.Body != nil {
			enc.add(op.Body.Type)
		}
	}
	for _, t := range api.Types {
		if t.Kind == ir.Struct && !taggedInFull(t) {
			enc.add(&ir.TypeRef{Kind: ir.Named, Named: t})
		}
	}
	return enc
}

// add marks the models r holds, r's own type first.
func (enc encoders) add(r *ir.TypeRef) {
	for r != nil && (r.Kind == ir.Array || r.Kind == ir.Map) {
		r = r.Elem
	}
	if r == nil || !isModel(r) || enc[r.Named] {
		return
	}
	t := r.Named
	enc[t] = true
	for _, fl := range t.Fields {
		enc.add(fl.Type)
	}
	enc.add(t.Extra)
	for _, c := range t.Cases {
		enc.add(c.Type)
	}
}
