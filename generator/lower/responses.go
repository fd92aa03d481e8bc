package lower

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/naming"
)

// answer is one documented success of an operation, as the description gives it.
type answer struct {
	code   string // "200", "2XX", "default"
	status int
	ct     string // the media type read: JSON when the answer has one
	media  *openapi3.MediaType
	ptr    string
}

// successes lists an operation's documented 2xx answers in status order. An operation that
// documents none but a default answer succeeds with that one (a description that only says
// "default" still says what comes back).
func successes(op *openapi3.Operation, ptr string) []answer {
	if op.Responses == nil {
		return nil
	}
	var codes []string
	for code := range op.Responses.Map() {
		if strings.HasPrefix(code, "2") {
			codes = append(codes, code)
		}
	}
	if len(codes) == 0 && op.Responses.Value("default") != nil {
		codes = []string{"default"}
	}
	sort.Strings(codes)
	var out []answer
	for _, code := range codes {
		a := answer{code: code, status: http.StatusOK, ptr: diag.Child(ptr, "responses", code)}
		if code != "default" {
			a.status, _ = strconv.Atoi(strings.ReplaceAll(strings.ToUpper(code), "X", "0"))
		}
		if ref := op.Responses.Value(code); ref != nil && ref.Value != nil {
			a.ct, a.media = pickContent(ref.Value.Content)
		}
		out = append(out, a)
	}
	return out
}

// result maps an operation's successes. The primary one is the first whose body says
// something (an empty object does not), else the first with a body, else the first. Other
// 2xx answers of the same schema, or with no body, or with one that says nothing, are read
// into the same result or leave it empty. When two answers say different things
// (create-deployment: 201 a deployment, 202 a message), the result is a struct with one
// field per status.
func (b *builder) result(o *ir.Operation, op *openapi3.Operation, ptr string) *ir.Result {
	answers := successes(op, ptr)
	if len(answers) == 0 {
		return &ir.Result{}
	}
	primary := answers[0]
	var informative []answer
	for _, a := range answers {
		if a.media != nil && informs(a.media.Schema) {
			informative = append(informative, a)
		}
	}
	switch {
	case len(informative) > 0:
		primary = informative[0]
	default:
		for _, a := range answers {
			if a.media != nil {
				primary = a
				break
			}
		}
	}
	if distinct(informative) {
		return b.byStatus(o, informative)
	}
	r := &ir.Result{Status: primary.status}
	for _, a := range answers {
		if a.status != primary.status && (a.media == nil || !informs(a.media.Schema)) {
			r.Empty = append(r.Empty, a.status)
		}
	}
	if primary.media != nil {
		r.ContentType = primary.ct
		r.Body = bodyKind(primary.ct, primary.media.Schema)
		r.Type = b.readAs(r.Body, primary.media, o.FullName+"Response", diag.Child(primary.ptr, "content", primary.ct, "schema"))
	}
	return r
}

// byStatus makes the result of an operation whose successes say different things: a struct
// with a field for each, named after its status (Created, Accepted), which the answer's
// status fills.
func (b *builder) byStatus(o *ir.Operation, answers []answer) *ir.Result {
	t := &ir.Type{Name: b.schemas.names.claim(o.FullName + "Result"), Kind: ir.ByStatus,
		Doc: "holds the answer of " + methodText(o) + ": the field of the status the server answered with is set."}
	seen := map[string]bool{}
	for _, a := range answers {
		kind := bodyKind(a.ct, a.media.Schema)
		name := uniqueWithin(seen, naming.Exported(http.StatusText(a.status), "Status"+strconv.Itoa(a.status)))
		t.Fields = append(t.Fields, &ir.Field{
			Name:   name,
			Status: a.status,
			Body:   kind,
			Doc:    "the " + strconv.Itoa(a.status) + " answer",
			Type:   b.readAs(kind, a.media, o.FullName+name, diag.Child(a.ptr, "content", a.ct, "schema")),
		})
	}
	b.schemas.types = append(b.schemas.types, t)
	return &ir.Result{Status: answers[0].status, ContentType: answers[0].ct, Body: ir.BodyJSON, Type: &ir.TypeRef{Kind: ir.Named, Named: t}}
}

// readAs maps a body's schema for how it is read: JSON by its schema, text as a string,
// binary as a stream.
func (b *builder) readAs(kind ir.BodyKind, media *openapi3.MediaType, hint, ptr string) *ir.TypeRef {
	switch kind {
	case ir.BodyJSON:
		return b.schemas.body(media.Schema, hint, ptr)
	case ir.BodyText:
		return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.String}
	}
	return &ir.TypeRef{Kind: ir.Stream}
}

// bodyKind tells how a body of a media type is read. JSON types are JSON, and so is a
// vendor type whose schema can only be JSON (GitHub's application/vnd.github.object is an
// object); text types are text; anything else (octet-stream, archives, images) is bytes.
func bodyKind(ct string, schema *openapi3.SchemaRef) ir.BodyKind {
	switch {
	case ir.IsJSON(ct):
		return ir.BodyJSON
	case isText(ct):
		return ir.BodyText
	case schema != nil && schema.Value != nil && structured(schema.Value):
		return ir.BodyJSON
	}
	return ir.BodyBinary
}

// textSubtypes are the subtypes (the last word of the subtype: vnd.github.diff is diff) of
// media types that are text, whatever their type.
var textSubtypes = map[string]bool{"diff": true, "patch": true, "sha": true, "xml": true, "csv": true, "yaml": true,
	"x-yaml": true, "html": true, "markdown": true, "x-markdown": true, "plain": true, "javascript": true,
	"x-ndjson": true, "ndjson": true, "x-www-form-urlencoded": true, "graphql": true}

func isText(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	major, sub, _ := strings.Cut(strings.TrimSpace(mt), "/")
	if major == "text" {
		return true
	}
	if i := strings.LastIndexAny(sub, ".+"); i >= 0 {
		sub = sub[i+1:]
	}
	return textSubtypes[sub]
}

// structured tells whether a schema describes an object or array (what only JSON carries
// among the media types a description may leave unnamed as JSON).
func structured(s *openapi3.Schema) bool {
	return isType(s, "object") || isType(s, "array") || len(s.Properties) > 0 || len(s.AllOf) > 0 || len(s.OneOf) > 0 || len(s.AnyOf) > 0
}

// informs tells whether a body schema says anything: an object with no properties, items
// or variants (GitHub's empty-object, a bare {type: object}) does not.
func informs(sref *openapi3.SchemaRef) bool {
	if sref == nil || sref.Value == nil {
		return false
	}
	s := sref.Value
	empty := (s.Type == nil || s.Type.Is("object")) && len(s.Properties) == 0 && len(s.AllOf) == 0 &&
		len(s.OneOf) == 0 && len(s.AnyOf) == 0 && s.AdditionalProperties.Schema == nil && s.Items == nil
	return !empty
}

// distinct tells whether answers carry more than one schema: the same component, or the
// same inline shape, is one schema.
func distinct(answers []answer) bool {
	shapes := map[string]bool{}
	for _, a := range answers {
		s := a.media.Schema
		key := s.Ref
		if key == "" {
			data, _ := json.Marshal(s.Value)
			key = string(data)
		}
		shapes[key] = true
	}
	return len(shapes) > 1
}

// pickContent prefers JSON, then the first media type in sorted order.
func pickContent(c openapi3.Content) (string, *openapi3.MediaType) {
	keys := sortedKeys(c)
	for _, k := range keys {
		if ir.IsJSON(k) {
			return k, c[k]
		}
	}
	if len(keys) > 0 {
		return keys[0], c[keys[0]]
	}
	return "", nil
}

// variants maps the other media types the primary answer documents (GitHub's commit as
// application/vnd.github.diff or .patch) to methods of their own, named after the media
// type (GetCommitDiff).
func (b *builder) variants(o *ir.Operation, op *openapi3.Operation, ptr string, pos diag.Pos) []*ir.Variant {
	if o.Result.Type == nil || o.Result.Type.Kind == ir.Named && o.Result.Type.Named.Kind == ir.ByStatus {
		return nil
	}
	var out []*ir.Variant
	for _, a := range successes(op, ptr) {
		if a.status != o.Result.Status || a.media == nil {
			continue
		}
		content := op.Responses.Value(a.code).Value.Content
		for _, ct := range sortedKeys(content) {
			if ct == o.Result.ContentType {
				continue
			}
			name := o.Name + mediaName(ct, false)
			if b.taken(o.Group, name) { // application/xml and text/xml: both XML
				name = o.Name + mediaName(ct, true)
			}
			full := fullName(o.Group, name)
			if b.taken(o.Group, name) {
				prev := b.methods[full]
				other := "the client"
				if prev != nil {
					other = fmt.Sprintf("operation %q", prev.ID)
				}
				b.errs.Add(diag.Errorf(pos, "the %s answer of operation %q would be method %s, which %s has already; rename one in the overrides", ct, o.ID, name, other))
				continue
			}
			b.methods[full] = o
			kind := bodyKind(ct, content[ct].Schema)
			r := &ir.Result{Status: a.status, ContentType: ct, Body: kind,
				Type: b.readAs(kind, content[ct], full+"Response", diag.Child(a.ptr, "content", ct, "schema"))}
			out = append(out, &ir.Variant{Name: name, MediaType: ct, Result: r})
		}
		break
	}
	return out
}

// mediaName names a media type by its most specific word: application/vnd.github.diff is
// Diff, application/sarif+json SARIF, application/vnd.github.v3.star+json Star, text/html
// HTML; in full, by its type too (TextXML beside ApplicationXML).
func mediaName(ct string, full bool) string {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	major, sub, _ := strings.Cut(strings.TrimSpace(mt), "/")
	sub = strings.TrimSuffix(sub, "+json")
	if i := strings.LastIndex(sub, "."); i >= 0 {
		sub = sub[i+1:]
	}
	if full {
		sub = major + " " + sub
	}
	return naming.Exported(sub, "Media")
}

// taken tells whether a method name is an operation's or the client's already.
func (b *builder) taken(g *ir.Group, name string) bool {
	_, dup := b.methods[fullName(g, name)]
	return dup || g == nil && b.reservedMethods[name]
}
