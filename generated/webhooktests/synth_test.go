package webhooktests

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
)

const specPath = "../../spec/webhooks.json"

// description is GitHub's webhooks description, read as plain JSON: these tests need no
// OpenAPI library, only the schemas and examples.
type description struct {
	Webhooks map[string]map[string]struct {
		OperationID string `json:"operationId"`
		RequestBody struct {
			Content map[string]struct {
				Schema   map[string]any `json:"schema"`
				Examples map[string]struct {
					Ref   string          `json:"$ref"`
					Value json.RawMessage `json:"value"`
				} `json:"examples"`
			} `json:"content"`
		} `json:"requestBody"`
	} `json:"webhooks"`
	Components struct {
		Schemas  map[string]map[string]any `json:"schemas"`
		Examples map[string]struct {
			Value json.RawMessage `json:"value"`
		} `json:"examples"`
	} `json:"components"`
}

func readDescription(t testing.TB) *description {
	t.Helper()
	data, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	var d description
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// hook is a webhook of the description: its X-GitHub-Event value, its payload schema and
// its examples.
type hook struct {
	key, event string
	schema     map[string]any
	examples   []json.RawMessage
}

func (d *description) hooks() []hook {
	var out []hook
	for key, methods := range d.Webhooks {
		post := methods["post"]
		media := post.RequestBody.Content["application/json"]
		event, _, _ := strings.Cut(post.OperationID, "/")
		h := hook{key: key, event: strings.ReplaceAll(event, "-", "_"), schema: media.Schema}
		for _, ex := range media.Examples {
			value := ex.Value
			if name, ok := strings.CutPrefix(ex.Ref, "#/components/examples/"); ok {
				value = d.Components.Examples[name].Value
			}
			h.examples = append(h.examples, value)
		}
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// synthesize makes a JSON value that a schema describes, with every property of every
// object and one item in every array, the first variant of a union and the first value of
// an enum: a payload that exercises every member of its type.
func (d *description) synthesize(schema map[string]any, depth int) any {
	if ref, ok := schema["$ref"].(string); ok {
		return d.synthesize(d.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")], depth)
	}
	if depth > 12 {
		return nil // recursive schemas end in null
	}
	if all, ok := schema["allOf"].([]any); ok {
		merged := map[string]any{}
		for _, m := range all {
			if obj, ok := d.synthesize(m.(map[string]any), depth+1).(map[string]any); ok {
				for k, v := range obj {
					merged[k] = v
				}
			}
		}
		for k, v := range d.object(schema, depth) {
			merged[k] = v
		}
		return merged
	}
	for _, key := range []string{"oneOf", "anyOf"} {
		if variants, ok := schema[key].([]any); ok && len(variants) > 0 {
			for _, v := range variants {
				if vs := v.(map[string]any); vs["type"] != "null" {
					return d.synthesize(vs, depth+1)
				}
			}
		}
	}
	if c, ok := schema["const"]; ok {
		return c
	}
	if enum, ok := schema["enum"].([]any); ok && len(enum) > 0 {
		for _, e := range enum {
			if e != nil {
				return e
			}
		}
	}
	switch typeOf(schema) {
	case "object":
		return d.object(schema, depth)
	case "array":
		items, _ := schema["items"].(map[string]any)
		if items == nil {
			return []any{}
		}
		return []any{d.synthesize(items, depth+1)}
	case "integer":
		return 42
	case "number":
		return 1.5
	case "boolean":
		return true
	case "string":
		switch schema["format"] {
		case "date-time":
			return "2024-05-06T07:08:09Z"
		case "uri", "uri-template":
			return "https://example.com/x"
		case "email":
			return "octocat@example.com"
		}
		return "text"
	case "null":
		return nil
	}
	if _, ok := schema["properties"]; ok {
		return d.object(schema, depth)
	}
	return "any"
}

func (d *description) object(schema map[string]any, depth int) map[string]any {
	out := map[string]any{}
	props, _ := schema["properties"].(map[string]any)
	for name, p := range props {
		out[name] = d.synthesize(p.(map[string]any), depth+1)
	}
	return out
}

// typeOf is a schema's type, the first that is not null of a type array.
func typeOf(schema map[string]any) string {
	switch t := schema["type"].(type) {
	case string:
		return t
	case []any:
		for _, v := range t {
			if s, _ := v.(string); s != "null" {
				return s
			}
		}
	}
	return ""
}

// sameJSON tells whether two JSON documents hold the same value: the same members,
// whatever their order and spacing.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("%v: %s", err, a)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	ca, _ := json.Marshal(va)
	cb, _ := json.Marshal(vb)
	return string(ca) == string(cb)
}
