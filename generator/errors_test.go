package generator_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator"
)

const okSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: get-thing
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/thing"}
components:
  schemas:
    thing: {type: object, properties: {id: {type: integer}}}
`

// TestBadInputIsAClearError feeds broken descriptions and overrides and checks that the
// error names the file, and where it applies the line:column or the JSON pointer.
func TestBadInputIsAClearError(t *testing.T) {
	for _, tc := range []struct {
		name      string
		spec      string // written to spec.json or spec.yaml by its first byte
		overrides string // written to overrides/o.yaml when set
		want      []string
	}{
		{name: "invalid JSON", spec: "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {,\n}", want: []string{"spec.json:3:12", "invalid JSON"}},
		{name: "invalid YAML", spec: "openapi: 3.0.3\ninfo: [unclosed\n", want: []string{"spec.yaml", "invalid YAML", "line"}},
		{name: "empty", spec: "   ", want: []string{"spec.yaml", "empty"}},
		{name: "unresolvable ref", spec: replace(okSpec, `#/components/schemas/thing"`, `#/components/schemas/nothing"`), want: []string{"spec.yaml:14:30 #/paths/~1things~1{id}/get/responses/200/content/application~1json/schema/$ref", `$ref "#/components/schemas/nothing" points at nothing`}},
		{
			name: "duplicate operationId",
			spec: replace(okSpec, "components:", "  /other:\n    get:\n      operationId: get-thing\n      responses: {\"204\": {description: none}}\ncomponents:"),
			want: []string{"spec.yaml", "get-thing"},
		},
		{name: "path parameter not in path", spec: replace(okSpec, "/things/{id}:", "/things:"), want: []string{"spec.yaml:", "#/paths/~1things/get", "missing: [id]"}},
		{name: "invalid schema", spec: replace(okSpec, "thing: {type: object,", "thing: {type: objekt,"), want: []string{"spec.yaml:", "#/components/schemas/thing", "objekt"}},
		{name: "override names a missing schema", spec: okSpec, overrides: "schemas:\n  nothing:\n    name: X\n", want: []string{"o.yaml:2:3", `no component schema "nothing"`}},
		{name: "override names a missing operation", spec: okSpec, overrides: "operations:\n  get-nothing:\n    name: X\n", want: []string{"o.yaml:2:3", `no operation "get-nothing"`}},
		{name: "override names a missing property", spec: okSpec, overrides: "schemas:\n  thing:\n    fields: {nope: Nope}\n", want: []string{"o.yaml:2:3", `no property "nope"`}},
		{name: "override with an unknown key", spec: okSpec, overrides: "schemas:\n  thing:\n    nmae: X\n", want: []string{"o.yaml:3", "nmae"}},
		{name: "patch without why", spec: okSpec, overrides: "patches:\n  - at: \"#/components/schemas/thing/properties/id\"\n    schema: {type: string}\n", want: []string{"o.yaml:2:5", "say why"}},
		{name: "auth leaves an operation out", spec: okSpec, overrides: "auth:\n  operations: {}\n", want: []string{"spec.yaml:5:5", "operation get-thing has no auth entry"}},
		{name: "auth names a missing operation", spec: okSpec, overrides: "auth:\n  operations:\n    get-thing: {accepts: [none], seed: s}\n    get-gone: {accepts: [none], seed: s}\n", want: []string{"o.yaml:4:5", `no operation "get-gone"`}},
		{name: "auth with an unknown credential", spec: okSpec, overrides: "auth:\n  operations:\n    get-thing: {accepts: [oauth], seed: s}\n", want: []string{"o.yaml:3:5", `unknown credential "oauth"`}},
		{name: "auth without a seed", spec: okSpec, overrides: "auth:\n  operations:\n    get-thing: {accepts: [none]}\n", want: []string{"o.yaml:3:5", "quote the documentation"}},
		{name: "patch at a missing node", spec: okSpec, overrides: "patches:\n  - at: \"#/paths/~1things~1{id}/get/responses/404/content/application~1json/schema\"\n    ref: thing\n    why: test\n", want: []string{"o.yaml:2:5", `no response "404"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			specFile := filepath.Join(dir, "spec.yaml")
			if len(tc.spec) > 0 && tc.spec[0] == '{' {
				specFile = filepath.Join(dir, "spec.json")
			}
			require.NoError(t, os.WriteFile(specFile, []byte(tc.spec), 0o644))
			cfg := generator.Config{Spec: specFile, Package: "p"}
			if tc.overrides != "" {
				cfg.Overrides = filepath.Join(dir, "overrides")
				require.NoError(t, os.MkdirAll(cfg.Overrides, 0o755))
				require.NoError(t, os.WriteFile(filepath.Join(cfg.Overrides, "o.yaml"), []byte(tc.overrides), 0o644))
			}
			_, err := generator.Generate(cfg)
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestMissingSpecFile(t *testing.T) {
	_, err := generator.Generate(generator.Config{Spec: "testdata/does-not-exist.json", Package: "p"})
	require.EqualError(t, err, "testdata/does-not-exist.json: reading the description: no such file or directory")
}

func TestOperationsSharingAMethodNameTakeTheirWholeOperationID(t *testing.T) {
	spec := replace(okSpec, "components:", "  /thing/{id}:\n    get:\n      operationId: other/get-thing\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: integer}}\n      responses: {\"204\": {description: none}}\ncomponents:")
	files, err := generateYAML(t, spec)
	require.NoError(t, err)
	ops := string(files["operations.go"])
	assert.Contains(t, ops, "func (c *Client) GetThing(")
	assert.Contains(t, ops, "func (c *Client) OtherGetThing(")
}

func TestOperationIDsThatCollideAfterCaseConversionAreAnError(t *testing.T) {
	spec := replace(okSpec, "components:", "  /thing/{id}:\n    get:\n      operationId: Get_Thing\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: integer}}\n      responses: {\"204\": {description: none}}\ncomponents:")
	_, err := generateYAML(t, spec)
	require.ErrorContains(t, err, "would both be method GetThing; rename one in the overrides")
	require.ErrorContains(t, err, "spec.yaml:")
}

func TestAnOperationThatCanOnlyBeAClientMethodIsAnError(t *testing.T) {
	spec := replace(okSpec, "components:", "  /base:\n    get:\n      operationId: base-url\n      responses: {\"204\": {description: none}}\ncomponents:")
	_, err := generateYAML(t, spec)
	require.ErrorContains(t, err, `operation "base-url" would be method BaseURL, which the client has already; rename it in the overrides`)
	require.ErrorContains(t, err, "spec.yaml:")
}

func TestAnOperationNamedLikeAnotherOnesIteratorIsAnError(t *testing.T) {
	list := "  /items:\n    get:\n      operationId: list-items\n      parameters:\n        - {name: per_page, in: query, schema: {type: integer}}\n        - {name: page, in: query, schema: {type: integer}}\n" +
		"      responses: {\"200\": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}\n" +
		"  /items/iter:\n    get:\n      operationId: list-items-iter\n      responses: {\"204\": {description: none}}\n"
	spec := replace(okSpec, "components:", list+"components:")
	_, err := generateYAML(t, spec)
	require.ErrorContains(t, err, "ListItemsIter")
	require.ErrorContains(t, err, "rename one in the overrides")
}

// TestFailedGenerationLeavesOutputAlone: a generation that fails writes nothing, and a write
// that fails partway puts back exactly what was there.
func TestFailedGenerationLeavesOutputAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out", "p")
	old := generator.Files{
		"a.go":     []byte(generator.Header + "\n\npackage p // old a\n"),
		"b.go":     []byte(generator.Header + "\n\npackage p // old b\n"),
		"stale.go": []byte(generator.Header + "\n\npackage p // old stale\n"),
	}
	require.NoError(t, generator.Write(out, old))
	require.NoError(t, os.WriteFile(filepath.Join(out, "mine.go"), []byte("package p // mine\n"), 0o644))
	before := readAll(t, out)

	t.Run("generation fails", func(t *testing.T) {
		_, err := generator.Generate(generator.Config{Spec: "testdata/does-not-exist.json", Package: "p"})
		require.Error(t, err)
		assert.Equal(t, before, readAll(t, out))
	})
	t.Run("a rename fails partway", func(t *testing.T) {
		restore := generator.FailRenameAfter(1, errors.New("disk on fire"))
		defer restore()
		err := generator.Write(out, generator.Files{
			"a.go":   []byte(generator.Header + "\n\npackage p // new a\n"),
			"b.go":   []byte(generator.Header + "\n\npackage p // new b\n"),
			"new.go": []byte(generator.Header + "\n\npackage p // new\n"),
		})
		require.ErrorContains(t, err, "disk on fire")
		assert.Equal(t, before, readAll(t, out), "what was renamed is put back, and nothing is left behind")
	})
	t.Run("the folder is not writable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes through permissions; the partway failure above covers the rollback")
		}
		require.NoError(t, os.Chmod(out, 0o555))
		defer os.Chmod(out, 0o755)
		err := generator.Write(out, generator.Files{"a.go": []byte(generator.Header + "\n\npackage p // new\n")})
		require.ErrorContains(t, err, "not writable")
		assert.Equal(t, before, readAll(t, out))
	})
	t.Run("a write that succeeds", func(t *testing.T) {
		require.NoError(t, generator.Write(out, generator.Files{"a.go": []byte(generator.Header + "\n\npackage p // new\n")}))
		assert.Equal(t, map[string]string{
			"a.go":    generator.Header + "\n\npackage p // new\n",
			"mine.go": "package p // mine\n",
		}, readAll(t, out), "the stale generated files are gone, the user's file is kept")
	})
}

// TestWriteToAnUnwritablePlace uses a file where the output's parent folder should be, which
// fails for root too.
func TestWriteToAnUnwritablePlace(t *testing.T) {
	base := t.TempDir()
	blocker := filepath.Join(base, "file")
	require.NoError(t, os.WriteFile(blocker, []byte("x"), 0o644))
	err := generator.Write(filepath.Join(blocker, "p"), generator.Files{"a.go": []byte("package p\n")})
	require.Error(t, err)
	data, _ := os.ReadFile(blocker)
	assert.Equal(t, "x", string(data))
}

// readAll is every entry of dir (hidden ones included) and its content.
func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(data)
	}
	return out
}

func replace(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic("test setup: " + old + " not found")
	}
	return strings.Replace(s, old, new, 1)
}

// TestErrorsInJSONDescriptionsHaveLineAndColumn: kin-openapi keeps no positions for JSON
// input, so the generator finds the node its error points at in the file itself.
func TestErrorsInJSONDescriptionsHaveLineAndColumn(t *testing.T) {
	spec := `{
  "openapi": "3.0.3",
  "info": {"title": "t", "version": "1"},
  "paths": {
    "/a": {"get": {"operationId": "x/a", "responses": {"204": {"description": "none"}}}},
    "/b": {"get": {"operationId": "y/a", "responses": {"204": {"description": "none"}}},
           "post": {"operationId": "y/A", "responses": {"204": {"description": "none"}}}}
  }
}`
	file := filepath.Join(t.TempDir(), "spec.json")
	require.NoError(t, os.WriteFile(file, []byte(spec), 0o644))
	_, err := generator.Generate(generator.Config{Spec: file, Package: "p"})
	require.ErrorContains(t, err, "spec.json:7:20 #/paths/~1b/post: operations")
}

// generateYAML generates package p from spec, written to a spec.yaml of its own.
func generateYAML(t *testing.T, spec string) (generator.Files, error) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "spec.yaml")
	require.NoError(t, os.WriteFile(file, []byte(spec), 0o644))
	return generator.Generate(generator.Config{Spec: file, Package: "p"})
}
