// Package behaviour tests the generated client against httptest servers: what it sends for
// each operation, and what it makes of the answers (the spec's own examples, errors, and
// bodies that are not what the description promises).
package behaviour

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// specPath is the description the client was generated from.
const specPath = "../../spec/apps.json"

var specDoc map[string]any

func loadSpec(t *testing.T) map[string]any {
	t.Helper()
	if specDoc == nil {
		data, err := os.ReadFile(specPath)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &specDoc))
	}
	return specDoc
}

// example returns the JSON example the description gives for an operation's answer, with
// $refs to components/examples followed.
func example(t *testing.T, method, path, status string) []byte {
	t.Helper()
	doc := loadSpec(t)
	media := dig(t, doc, "paths", path, strings.ToLower(method), "responses", status, "content", "application/json").(map[string]any)
	examples := media["examples"].(map[string]any)
	require.Len(t, examples, 1, "%s %s %s: expected one example", method, path, status)
	for _, ex := range examples {
		ex := ex.(map[string]any)
		if ref, ok := ex["$ref"].(string); ok {
			ex = dig(t, doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...).(map[string]any)
		}
		data, err := json.Marshal(ex["value"])
		require.NoError(t, err)
		return data
	}
	return nil
}

func dig(t *testing.T, v any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		m, ok := v.(map[string]any)
		require.True(t, ok, "no object at %q", k)
		v, ok = m[k]
		require.True(t, ok, "no member %q", k)
	}
	return v
}
