package lower_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/lower"
)

// TestFieldsFollowTheDescription: struct fields come in the order the description writes
// the properties, JSON or YAML, an allOf member's before the schema's own.
func TestFieldsFollowTheDescription(t *testing.T) {
	yamlSpec := `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /thing:
    get:
      operationId: get-thing
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/thing"}}}
components:
  schemas:
    base:
      type: object
      properties: {zeta: {type: string}, alpha: {type: string}}
    thing:
      allOf:
        - $ref: "#/components/schemas/base"
        - type: object
          properties: {id: {type: integer}, name: {type: string}, alpha: {type: string}, created: {type: string}}
`
	jsonSpec := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
 "paths": {"/thing": {"get": {"operationId": "get-thing", "responses": {"200": {"description": "ok",
   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/thing"}}}}}}}},
 "components": {"schemas": {
   "base": {"type": "object", "properties": {"zeta": {"type": "string"}, "alpha": {"type": "string"}}},
   "thing": {"allOf": [{"$ref": "#/components/schemas/base"},
     {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "alpha": {"type": "string"}, "created": {"type": "string"}}}]}}}}`
	for name, spec := range map[string]string{"spec.yaml": yamlSpec, "spec.json": jsonSpec} {
		t.Run(name, func(t *testing.T) {
			doc, err := load.Bytes(name, []byte(spec), nil)
			require.NoError(t, err)
			api, err := lower.Build(doc, lower.Options{})
			require.NoError(t, err)
			var thing *ir.Type
			for _, ty := range api.Types {
				if ty.Name == "Thing" {
					thing = ty
				}
			}
			require.NotNil(t, thing)
			var got []string
			for _, f := range thing.Fields {
				got = append(got, f.JSONName)
			}
			assert.Equal(t, []string{"zeta", "alpha", "id", "name", "created"}, got)
		})
	}
}
