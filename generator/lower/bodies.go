package lower

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// body maps an operation's request body: the media type it prefers (JSON), its schema.
func (b *builder) body(o *ir.Operation, op *openapi3.Operation, ptr string) *ir.Body {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	rb := op.RequestBody.Value
	ct, media := pickContent(rb.Content)
	if media == nil {
		return nil
	}
	sptr := diag.Child(ptr, "requestBody", "content", ct, "schema")
	kind := bodyKind(ct, media.Schema)
	if kind == ir.BodyBinary {
		kind = ir.BodyText // sent as the string it is given, until streams are written
	}
	return &ir.Body{ContentType: ct, Kind: kind, Type: b.readAs(kind, media, o.Name+"Request", sptr), Required: rb.Required}
}
