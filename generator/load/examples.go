package load

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// setExampleValue sets the value at a pointer inside a component example's value
// (#/components/examples/NAME/value/...). Examples never reach generated code, but mock
// servers serve them, and GitHub's break their own schemas in places.
func setExampleValue(t *openapi3.T, pointer string, value any) error {
	tokens, err := splitPointer(pointer)
	if err != nil {
		return err
	}
	if len(tokens) < 5 || tokens[0] != "components" || tokens[1] != "examples" || tokens[3] != "value" {
		return fmt.Errorf("a value patch must point inside #/components/examples/NAME/value")
	}
	ex := t.Components.Examples[tokens[2]]
	if ex == nil || ex.Value == nil {
		return fmt.Errorf("no example %q", tokens[2])
	}
	// Values from YAML may hold map[string]any or map[any]any; JSON round-trips them into
	// the shapes the example's own value has.
	data, err := json.Marshal(value)
	if err != nil {
		return err
	}
	var clean any
	if err := json.Unmarshal(data, &clean); err != nil {
		return err
	}
	node := ex.Value.Value
	path := tokens[4:]
	for i, tok := range path {
		last := i == len(path)-1
		switch n := node.(type) {
		case map[string]any:
			if last {
				n[tok] = clean
				return nil
			}
			node = n[tok]
		case []any:
			idx, err := strconv.Atoi(tok)
			if err != nil || idx < 0 || idx >= len(n) {
				return fmt.Errorf("index %q out of range", tok)
			}
			if last {
				n[idx] = clean
				return nil
			}
			node = n[idx]
		default:
			return fmt.Errorf("nothing to descend into at %q", tok)
		}
	}
	return nil
}
