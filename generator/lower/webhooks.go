package lower

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/naming"
)

// webhook is one operation of the description's webhooks section that has a body.
type webhook struct {
	key, method string
	op          *openapi3.Operation
	ct          string
	media       *openapi3.MediaType
}

// webhooks lists the description's webhooks that carry a body, by key then method.
func webhooks(doc *openapi3.T) []webhook {
	var out []webhook
	for _, key := range sortedKeys(doc.Webhooks) {
		item := doc.Webhooks[key]
		if item == nil {
			continue
		}
		for _, method := range sortedKeys(item.Operations()) {
			op := item.GetOperation(method)
			if op.RequestBody == nil || op.RequestBody.Value == nil {
				continue
			}
			if ct, media := pickContent(op.RequestBody.Value.Content); media != nil {
				out = append(out, webhook{key: key, method: method, op: op, ct: ct, media: media})
			}
		}
	}
	return out
}

// name is a webhook's payload type name: its key (InstallationCreated), and its method too
// where its key has several that carry a body.
func (w webhook) name(all []webhook) string {
	n := 0
	for _, o := range all {
		if o.key == w.key {
			n++
		}
	}
	if n > 1 {
		return naming.Exported(w.key+" "+strings.ToLower(w.method), "Webhook")
	}
	return naming.Exported(w.key, "Webhook")
}

// payloadNames names the component schemas that are a webhook's payload after the webhook:
// a webhook's payload is its type (Push, PullRequestOpened), whatever the component is
// called. A component several webhooks share keeps its own name.
func payloadNames(doc *openapi3.T) map[string]string {
	all := webhooks(doc)
	uses := map[string]int{}
	for _, w := range all {
		if key, ok := strings.CutPrefix(w.media.Schema.Ref, componentPrefix); ok {
			uses[key]++
		}
	}
	out := map[string]string{}
	for _, w := range all {
		if key, ok := strings.CutPrefix(w.media.Schema.Ref, componentPrefix); ok && uses[key] == 1 {
			out[key] = w.name(all)
		}
	}
	return out
}

// webhooks maps the description's webhooks: each payload is a named type (an inline one
// takes the webhook's name too).
func (b *builder) webhooks(api *ir.API) {
	all := webhooks(b.doc.T)
	for _, w := range all {
		ptr := diag.Pointer("webhooks", w.key, strings.ToLower(w.method), "requestBody", "content", w.ct, "schema")
		hook := &ir.Webhook{
			Key:         w.key,
			Method:      w.method,
			OperationID: w.op.OperationID,
			Summary:     firstParagraph(w.op.Summary),
			Doc:         firstParagraph(w.op.Description),
			ContentType: w.ct,
			Payload:     b.schemas.body(w.media.Schema, w.name(all), ptr),
		}
		if len(w.op.Tags) > 0 {
			hook.Tag = w.op.Tags[0]
		}
		if w.op.ExternalDocs != nil {
			hook.DocsURL = w.op.ExternalDocs.URL
		}
		api.Webhooks = append(api.Webhooks, hook)
	}
}
