package load

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// slot is a place in the document that holds a schema reference.
type slot struct {
	get func() *openapi3.SchemaRef
	set func(*openapi3.SchemaRef)
}

func fieldSlot(p **openapi3.SchemaRef) slot {
	return slot{get: func() *openapi3.SchemaRef { return *p }, set: func(r *openapi3.SchemaRef) { *p = r }}
}

func mapSlot(m openapi3.Schemas, key string) slot {
	return slot{get: func() *openapi3.SchemaRef { return m[key] }, set: func(r *openapi3.SchemaRef) { m[key] = r }}
}

// schemaSlot walks a JSON pointer through the typed document to the schema reference it
// names, so that a patch can replace it. It understands the places a schema can sit:
// component schemas, parameter, request-body and response media types, and the schema
// keywords that hold schemas.
func schemaSlot(t *openapi3.T, pointer string) (slot, error) {
	tokens, err := splitPointer(pointer)
	if err != nil {
		return slot{}, err
	}
	w := &walker{tokens: tokens}
	s, err := w.start(t)
	if err != nil {
		return slot{}, err
	}
	return w.inSchema(s)
}

type walker struct {
	tokens []string
	i      int
}

func (w *walker) next() (string, bool) {
	if w.i >= len(w.tokens) {
		return "", false
	}
	w.i++
	return w.tokens[w.i-1], true
}

func (w *walker) fail(format string, args ...any) error {
	at := "#/" + strings.Join(w.tokens[:w.i], "/")
	return fmt.Errorf("%s: %s", at, fmt.Sprintf(format, args...))
}

func (w *walker) start(t *openapi3.T) (slot, error) {
	switch tok, _ := w.next(); tok {
	case "components":
		if kind, _ := w.next(); kind != "schemas" {
			return slot{}, w.fail("only component schemas can be patched")
		}
		name, _ := w.next()
		if _, ok := t.Components.Schemas[name]; !ok {
			return slot{}, w.fail("no component schema %q", name)
		}
		return mapSlot(t.Components.Schemas, name), nil
	case "paths":
		return w.inPath(t)
	default:
		return slot{}, w.fail("a patch starts at #/paths or #/components/schemas")
	}
}

func (w *walker) inPath(t *openapi3.T) (slot, error) {
	path, _ := w.next()
	item := t.Paths.Value(path)
	if item == nil {
		return slot{}, w.fail("no path %q", path)
	}
	method, _ := w.next()
	op := item.GetOperation(strings.ToUpper(method))
	if op == nil {
		return slot{}, w.fail("no %s operation", method)
	}
	switch tok, _ := w.next(); tok {
	case "responses":
		code, _ := w.next()
		resp := op.Responses.Value(code)
		if resp == nil || resp.Value == nil {
			return slot{}, w.fail("no response %q", code)
		}
		return w.inContent(resp.Value.Content)
	case "requestBody":
		if op.RequestBody == nil || op.RequestBody.Value == nil {
			return slot{}, w.fail("no request body")
		}
		return w.inContent(op.RequestBody.Value.Content)
	case "parameters":
		idx, err := w.index(len(op.Parameters))
		if err != nil {
			return slot{}, err
		}
		if tok, _ := w.next(); tok != "schema" || op.Parameters[idx].Value == nil {
			return slot{}, w.fail("expected schema")
		}
		return fieldSlot(&op.Parameters[idx].Value.Schema), nil
	default:
		return slot{}, w.fail("expected responses, requestBody or parameters")
	}
}

func (w *walker) inContent(content openapi3.Content) (slot, error) {
	if tok, _ := w.next(); tok != "content" {
		return slot{}, w.fail("expected content")
	}
	mt, _ := w.next()
	media := content[mt]
	if media == nil {
		return slot{}, w.fail("no media type %q", mt)
	}
	if tok, _ := w.next(); tok != "schema" {
		return slot{}, w.fail("expected schema")
	}
	return fieldSlot(&media.Schema), nil
}

// inSchema descends through schema keywords until the pointer ends. Descending writes into
// the schema values themselves, which may be shared through $ref: a patch below a component
// changes that component everywhere, which is what a correction of the component means.
func (w *walker) inSchema(cur slot) (slot, error) {
	for {
		tok, ok := w.next()
		if !ok {
			return cur, nil
		}
		ref := cur.get()
		if ref == nil || ref.Value == nil {
			return slot{}, w.fail("nothing there")
		}
		s := ref.Value
		switch tok {
		case "items":
			cur = fieldSlot(&s.Items)
		case "additionalProperties":
			cur = fieldSlot(&s.AdditionalProperties.Schema)
		case "properties":
			name, _ := w.next()
			if _, ok := s.Properties[name]; !ok {
				return slot{}, w.fail("no property %q", name)
			}
			cur = mapSlot(s.Properties, name)
		case "allOf", "anyOf", "oneOf":
			list := map[string]openapi3.SchemaRefs{"allOf": s.AllOf, "anyOf": s.AnyOf, "oneOf": s.OneOf}[tok]
			idx, err := w.index(len(list))
			if err != nil {
				return slot{}, err
			}
			cur = fieldSlot(&list[idx])
		default:
			return slot{}, w.fail("cannot descend into %q", tok)
		}
		if cur.get() == nil {
			return slot{}, w.fail("nothing there")
		}
	}
}

func (w *walker) index(n int) (int, error) {
	tok, _ := w.next()
	idx, err := strconv.Atoi(tok)
	if err != nil || idx < 0 || idx >= n {
		return 0, w.fail("index %q out of range (0..%d)", tok, n-1)
	}
	return idx, nil
}

func splitPointer(p string) ([]string, error) {
	if !strings.HasPrefix(p, "#/") {
		return nil, fmt.Errorf("pointer %q must start with #/", p)
	}
	parts := strings.Split(p[2:], "/")
	for i, t := range parts {
		parts[i] = diag.UnescapePointerToken(t)
	}
	return parts, nil
}
