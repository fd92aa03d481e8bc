package lower

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// body maps an operation's request body: the media type it prefers (JSON), how that is
// written, and its schema. Forms and multipart bodies are objects of the same models as
// JSON, written member by member; a multipart member that is a string of format binary is
// a file. A binary body is the caller's stream (an Upload); text is a string.
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
	kind := requestKind(ct, media.Schema)
	body := &ir.Body{ContentType: ct, Kind: kind, Required: rb.Required}
	switch kind {
	case ir.BodyForm, ir.BodyMultipart:
		body.Type = b.schemas.body(media.Schema, o.FullName+"Request", sptr)
		body.Files = fileParts(media.Schema)
	case ir.BodyBinary:
		body.Type = &ir.TypeRef{Kind: ir.Stream}
	default:
		body.Type = b.readAs(kind, media, o.FullName+"Request", sptr)
	}
	return body
}

// requestKind tells how a request body of a media type is written.
func requestKind(ct string, schema *openapi3.SchemaRef) ir.BodyKind {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	switch mt = strings.TrimSpace(mt); {
	case mt == "application/x-www-form-urlencoded":
		return ir.BodyForm
	case strings.HasPrefix(mt, "multipart/"):
		return ir.BodyMultipart
	}
	return bodyKind(ct, schema)
}

// fileParts lists the members of a multipart body that are files: strings of format
// binary (OpenAPI 3.0) or with a contentMediaType (3.1).
func fileParts(sref *openapi3.SchemaRef) []string {
	if sref == nil || sref.Value == nil {
		return nil
	}
	m := newMerged()
	m.add(sref.Value, "", "")
	var out []string
	for _, name := range sortedKeys(m.props) {
		p := m.props[name].Value
		if p != nil && isType(p, "string") && (p.Format == "binary" || p.Extensions["contentMediaType"] != nil) {
			out = append(out, name)
		}
	}
	return out
}
