package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator"
)

// TestUnionsOfManyVariantsDecode covers unions too large for the generated 64-bit lookup of
// required members: pickCase then searches the cases' lists, and must pick the same way.
func TestUnionsOfManyVariantsDecode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	const variants = 70
	var spec strings.Builder
	spec.WriteString("openapi: 3.0.3\ninfo: {title: big, version: \"1\"}\npaths:\n  /x:\n    get:\n      operationId: get-x\n")
	spec.WriteString("      responses:\n        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/big\"}\n")
	spec.WriteString("components:\n  schemas:\n    big:\n      oneOf:\n")
	for i := range variants {
		fmt.Fprintf(&spec, "        - {$ref: \"#/components/schemas/v%d\"}\n", i)
	}
	for i := range variants {
		fmt.Fprintf(&spec, "    v%d: {type: object, required: [p%d], properties: {p%d: {type: string}, shared: {type: integer}}}\n", i, i, i)
	}
	dir := t.TempDir()
	specFile := filepath.Join(dir, "spec.yaml")
	require.NoError(t, os.WriteFile(specFile, []byte(spec.String()), 0o644))
	files, err := generator.Generate(generator.Config{Spec: specFile, Package: "big"})
	require.NoError(t, err)
	require.NotContains(t, string(files["models.go"]), "func bigRequired(", "no 64-bit lookup for 70 cases")
	files["big_test.go"] = []byte(`package big

import "testing"

func TestPick(t *testing.T) {
	for in, want := range map[string]string{
		` + "`" + `{"p69": "x", "shared": 1}` + "`" + `: "V69",
		` + "`" + `{"p0": "x"}` + "`" + `:               "V0",
		` + "`" + `{"p3": "x", "p64": "y"}` + "`" + `:    "V3",
	} {
		var b Big
		if err := b.UnmarshalJSON([]byte(in)); err != nil || b.Which() != want {
			t.Errorf("%s: got %q, %v; want %s", in, b.Which(), err, want)
		}
	}
	var b Big
	if err := b.UnmarshalJSON([]byte(` + "`" + `{"nothing": 1}` + "`" + `)); err == nil {
		t.Errorf("an object with no variant's members: want an error, got %q", b.Which())
	}
}
`)
	mod := pinnedModule(t, "bigunion")
	require.NoError(t, generator.Write(filepath.Join(mod, "big"), files))
	goCommand(t, mod, "test", "./...")
}
