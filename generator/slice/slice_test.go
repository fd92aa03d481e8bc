package slice

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const upstream = `{
  "openapi": "3.0.3",
  "info": {"title": "t", "version": "1"},
  "tags": [{"name": "apps"}, {"name": "repos"}],
  "paths": {
    "/b": {"get": {"operationId": "apps/b", "tags": ["apps"], "responses": {"200": {"$ref": "#/components/responses/ok"}}}},
    "/a": {
      "parameters": [{"$ref": "#/components/parameters/shared"}],
      "get": {"operationId": "apps/a", "tags": ["apps"], "responses": {"200": {"description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/a"}}}}}},
      "post": {"operationId": "repos/other", "tags": ["repos"], "responses": {"204": {"description": "none"}}}
    },
    "/unused": {"get": {"operationId": "repos/unused", "responses": {"200": {"$ref": "#/components/responses/unused"}}}}
  },
  "x-webhooks": {"ping": {}},
  "components": {
    "schemas": {
      "a": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/b"}}},
      "b": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/a"}}},
      "c": {"type": "string"}
    },
    "parameters": {"shared": {"name": "x", "in": "query", "schema": {"$ref": "#/components/schemas/c"}}},
    "responses": {"ok": {"description": "ok"}, "unused": {"description": "no"}}
  }
}`

func TestSliceKeepsWhatTheOperationsReach(t *testing.T) {
	res, err := Slice([]byte(upstream), []string{"apps/a", "apps/b"})
	require.NoError(t, err)
	assert.Equal(t, []string{"apps/b", "apps/a"}, res.Operations, "document order")
	assert.Equal(t, map[string][]string{
		"schemas":    {"a", "b", "c"},
		"parameters": {"shared"},
		"responses":  {"ok"},
	}, res.Components, "refs are followed transitively and through cycles; unused ones dropped")

	var doc map[string]any
	require.NoError(t, json.Unmarshal(res.JSON, &doc))
	assert.NotContains(t, doc, "x-webhooks")
	assert.Equal(t, []any{map[string]any{"name": "apps"}}, doc["tags"], "only used tags")
	paths := doc["paths"].(map[string]any)
	assert.Len(t, paths, 2)
	a := paths["/a"].(map[string]any)
	assert.Contains(t, a, "parameters", "path-level members stay")
	assert.NotContains(t, a, "post", "operations not asked for go")
	assert.Less(t, indexOf(string(res.JSON), `"/b"`), indexOf(string(res.JSON), `"/a"`), "upstream order is kept")
}

func TestSliceReportsMissingOperations(t *testing.T) {
	_, err := Slice([]byte(upstream), []string{"apps/a", "apps/gone", "apps/lost"})
	require.EqualError(t, err, "operations not in the description: apps/gone, apps/lost")
}

func TestSliceReportsBrokenRefs(t *testing.T) {
	broken := `{"paths": {"/x": {"get": {"operationId": "x", "responses": {"200": {"$ref": "#/components/responses/none"}}}}}}`
	_, err := Slice([]byte(broken), []string{"x"})
	require.EqualError(t, err, `$ref "#/components/responses/none": no such component`)
}

func indexOf(s, sub string) int { return strings.Index(s, sub) }

func TestDiffSaysWhatChanged(t *testing.T) {
	old := `{"paths": {"/a": {"get": {"operationId": "a"}}, "/b": {"get": {"operationId": "b"}}},
	  "components": {"schemas": {
	    "kept": {"type": "object", "properties": {"id": {"type": "integer"}, "gone": {"type": "string"}, "when": {"type": "string"}}},
	    "dropped": {"type": "object"}}}}`
	cur := `{"paths": {"/a": {"get": {"operationId": "a"}}, "/c": {"post": {"operationId": "c"}}},
	  "components": {"schemas": {
	    "kept": {"type": "object", "properties": {"id": {"type": "string"}, "when": {"type": "string", "format": "date-time", "nullable": true}, "owner": {"$ref": "#/components/schemas/user"}, "tags": {"type": "array", "items": {"type": "string"}}}},
	    "user": {"type": "object"}}}}`
	lines, err := Diff([]byte(old), []byte(cur))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"+ operation c",
		"- operation b",
		"+ schema user",
		"- schema dropped",
		"~ schema kept: property id: integer -> string",
		"~ schema kept: + property owner (ref user)",
		"~ schema kept: + property tags (array of string)",
		"~ schema kept: property when: string -> nullable string date-time",
		"~ schema kept: - property gone (string)",
	}, lines)
}
