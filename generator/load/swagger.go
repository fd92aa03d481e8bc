package load

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// swagger2 tells whether a description is Swagger 2.0 (swagger: "2.0" at its top).
func swagger2(data []byte) bool {
	var top struct {
		Swagger any `json:"swagger" yaml:"swagger"`
	}
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		_ = json.Unmarshal(data, &top)
	} else {
		_ = yaml.Unmarshal(data, &top)
	}
	v, _ := top.Swagger.(string)
	return strings.HasPrefix(v, "2.")
}

// fromSwagger2 converts a Swagger 2.0 description to OpenAPI 3.0 with kin-openapi's
// openapi2conv, as JSON for the loader.
func fromSwagger2(name string, data []byte) ([]byte, error) {
	var raw any
	if err := yaml.Unmarshal(data, &raw); err != nil { // YAML is a superset of JSON
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "reading the Swagger 2.0 description", Err: err}
	}
	asJSON, err := json.Marshal(raw)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "reading the Swagger 2.0 description", Err: err}
	}
	var doc2 openapi2.T
	if err := json.Unmarshal(asJSON, &doc2); err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "reading the Swagger 2.0 description", Err: err}
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "converting the Swagger 2.0 description to OpenAPI 3.0", Err: err}
	}
	return json.Marshal(doc3)
}

// swagger2Pointer maps a JSON pointer of the converted description back to where the same
// node sits in the Swagger 2.0 file, for line:column: components moved, paths did not.
func swagger2Pointer(ptr string) string {
	for from, to := range map[string]string{
		"#/components/schemas/":         "#/definitions/",
		"#/components/parameters/":      "#/parameters/",
		"#/components/responses/":       "#/responses/",
		"#/components/securitySchemes/": "#/securityDefinitions/",
	} {
		if rest, ok := strings.CutPrefix(ptr, from); ok {
			return to + rest
		}
	}
	return ptr
}
