package slice

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMergeHoldsEitherSideAndMarksWhatOneAloneHas(t *testing.T) {
	dotcom := `{"openapi": "3.0.3", "info": {"title": "dotcom"},
	 "paths": {
	  "/app": {"get": {"operationId": "get-app", "description": "dotcom's words", "externalDocs": {"url": "https://docs.github.com/rest/x"}}},
	  "/cloud": {"get": {"operationId": "cloud-only"}}},
	 "components": {"schemas": {
	  "perms": {"type": "object", "required": ["id", "cloud"], "properties": {
	    "id": {"type": "integer"}, "cloud": {"type": "string"},
	    "level": {"type": "string", "enum": ["read", "write"]}}},
	  "odd": {"type": "string"}}}}`
	ghes := `{"openapi": "3.0.3", "info": {"title": "ghes"},
	 "paths": {
	  "/app": {"get": {"operationId": "get-app", "description": "GHES's words", "externalDocs": {"url": "https://docs.github.com/enterprise-server@3.19/rest/x"}}},
	  "/admin": {"get": {"operationId": "admin-only"}}},
	 "components": {"schemas": {
	  "perms": {"type": "object", "required": ["id", "admin"], "properties": {
	    "id": {"type": "integer"}, "admin": {"type": "string"},
	    "level": {"type": "string", "enum": ["read", "admin"]}}},
	  "odd": {"type": "integer"},
	  "extra": {"type": "object"}}}}`
	merged, conflicts, err := Merge(Side{"github.com", []byte(dotcom)}, Side{"GitHub Enterprise Server", []byte(ghes)})
	require.NoError(t, err)
	var doc struct {
		Info       struct{ Title string }
		Paths      map[string]map[string]map[string]any
		Components struct {
			Schemas map[string]map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(merged, &doc))

	assert.Equal(t, "dotcom", doc.Info.Title, "the primary's metadata")
	app := doc.Paths["/app"]["get"]
	assert.Equal(t, "dotcom's words", app["description"])
	assert.Equal(t, "https://docs.github.com/rest/x", app["externalDocs"].(map[string]any)["url"], "github.com's docs")
	assert.Nil(t, app[ExtOnly], "on both sides")
	assert.Equal(t, "github.com", doc.Paths["/cloud"]["get"][ExtOnly])
	assert.Equal(t, "GitHub Enterprise Server", doc.Paths["/admin"]["get"][ExtOnly])

	perms := doc.Components.Schemas["perms"]
	assert.Equal(t, []any{"id"}, perms["required"], "only what both require")
	assert.ElementsMatch(t, []string{"id", "cloud", "level", "admin"}, keys(perms["properties"]))
	assert.Equal(t, map[string]any{"cloud": "github.com", "admin": "GitHub Enterprise Server"}, perms[ExtOnly])
	level := perms["properties"].(map[string]any)["level"].(map[string]any)
	assert.Equal(t, []any{"read", "write", "admin"}, level["enum"])
	assert.Equal(t, map[string]any{"write": "github.com", "admin": "GitHub Enterprise Server"}, level[ExtOnly])

	assert.Contains(t, doc.Components.Schemas, "extra", "a schema of one side alone")
	assert.Equal(t, "string", doc.Components.Schemas["odd"]["type"], "a conflict keeps the primary's")
	assert.Equal(t, []string{"#/components/schemas/odd: type \"string\" on github.com, \"integer\" on GitHub Enterprise Server; github.com's kept"}, conflicts)
}

func keys(v any) []string {
	var out []string
	for k := range v.(map[string]any) {
		out = append(out, k)
	}
	return out
}
