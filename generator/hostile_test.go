package generator_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator"
	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// hostile is a description made to break the generator, and what it must do instead: refuse
// with an error that says where (every part of want), or generate a package that builds,
// vets and passes check (a test of its own, in the package).
type hostile struct {
	name  string
	spec  func(t *testing.T) string // the description's path
	want  []string                  // the error's parts; none: it must generate
	check string                    // a _test.go for the generated package
	warns []string                  // warnings it must give
}

func hostileFile(name string) func(t *testing.T) string {
	return func(*testing.T) string { return filepath.Join("testdata", "hostile", name) }
}

// deepSpec writes a description whose one answer nests depth schemas made by wrap.
func deepSpec(depth int, wrap func(inner string, level int) string) func(t *testing.T) string {
	return func(t *testing.T) string {
		schema := `{"type": "string"}`
		for i := range depth {
			schema = wrap(schema, i)
		}
		spec := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"operationId": "get-a",
			"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ` + schema + `}}}}}}}}`
		path := filepath.Join(t.TempDir(), "deep.json")
		require.NoError(t, os.WriteFile(path, []byte(spec), 0o644))
		return path
	}
}

var hostileDescriptions = []hostile{
	{name: "allof-self", spec: hostileFile("allof-self.yaml"),
		want: []string{"allof-self.yaml:11:5 #/components/schemas/A", "allOf leads back to a schema it is part of", "remove the loop"}},
	{name: "allof-mutual", spec: hostileFile("allof-mutual.yaml"),
		want: []string{"allof-mutual.yaml:11:5 #/components/schemas/A", "#/components/schemas/A -> #/components/schemas/B -> #/components/schemas/A"}},
	{name: "ref-self", spec: hostileFile("ref-self.yaml"),
		want: []string{"ref-self.yaml:11:5 #/components/schemas/A", "$ref leads back to itself (A -> A)"}},
	{name: "deep-arrays", spec: deepSpec(500, func(inner string, _ int) string { return `{"type": "array", "items": ` + inner + `}` }),
		want: []string{"deep.json:2:", "the description nests more than 256 levels deep here"}},
	{name: "deep-arrays-within-json-limits", spec: deepSpec(100, func(inner string, _ int) string { return `{"type": "array", "items": ` + inner + `}` }),
		want: []string{"deep.json:2:", "schemas nest more than 48 levels deep here"}},
	{name: "deep-objects", spec: deepSpec(3000, func(inner string, i int) string {
		return fmt.Sprintf(`{"type": "object", "properties": {"p%d": %s}}`, i, inner)
	}), want: []string{"deep.json:2:", "the description nests more than 256 levels deep here"}},
	{name: "deep-objects-within-json-limits", spec: deepSpec(60, func(inner string, i int) string {
		return fmt.Sprintf(`{"type": "object", "properties": {"p%d": %s}}`, i, inner)
	}), want: []string{"deep.json:2:", "schemas nest more than 48 levels deep here"}},
	{name: "deep-yaml", spec: func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "deep.yaml")
		spec := "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\nx-deep: " + strings.Repeat("[", 400) + strings.Repeat("]", 400) + "\n"
		require.NoError(t, os.WriteFile(path, []byte(spec), 0o644))
		return path
	}, want: []string{"deep.yaml:4:", "the description nests more than 256 levels deep here"}},
	{name: "names-in-scope", spec: hostileFile("names-in-scope.yaml"), check: `package hostile

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPathArgumentsKeepTheirPlaces(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.EscapedPath()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("[]"))
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.GetX(context.Background(), "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", nil); err != nil {
		t.Fatal(err)
	}
	if want := "/x/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15"; got != want {
		t.Fatalf("sent %s, want %s", got, want)
	}
}
`},
	{name: "member-names", spec: hostileFile("member-names.yaml"), warns: []string{`member-names.yaml:26:19 #/components/schemas/with space: a component name outside OpenAPI's`},
		check: `package hostile

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestMembersNamedLikeMethodsRoundTrip(t *testing.T) {
	in := ` + "`" + `{"MarshalJSON":"m","UnmarshalJSON":"u","Format":"f","token":"secret","decodeJSON":"d","Which":"w"}` + "`" + `
	var a A
	if err := json.Unmarshal([]byte(in), &a); err != nil {
		t.Fatal(err)
	}
	if *a.MarshalJSONValue != "m" || *a.UnmarshalJSONValue != "u" || *a.FormatValue != "f" || *a.Which != "w" {
		t.Fatalf("%+v", a)
	}
	if strings.Contains(fmt.Sprint(a), "secret") {
		t.Fatal("the token printed")
	}
	var u U
	if err := json.Unmarshal([]byte(` + "`" + `{"a": "x"}` + "`" + `), &u); err != nil || u.WhichValue == nil || u.Which() != "WhichValue" {
		t.Fatalf("%v %+v", err, u)
	}
}

func TestMembersNoTagCanNameRoundTrip(t *testing.T) {
	in := ` + "`" + `{"a b":"1","c,d":"2","e` + "`+\"`\"+`" + `f":"3","g\"h":"4","i:j":"5"}` + "`" + `
	var w WithSpace
	if err := json.Unmarshal([]byte(in), &w); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	var a, b map[string]any
	json.Unmarshal([]byte(in), &a)
	json.Unmarshal(out, &b)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("%s became %s", in, out)
	}
}
`},
	{name: "required-self", spec: hostileFile("required-self.yaml"), check: `package hostile

import (
	"encoding/json"
	"testing"
)

func TestRequiredSelfReferencesDecode(t *testing.T) {
	var n Node
	if err := json.Unmarshal([]byte(` + "`" + `{"parent": {"parent": null, "a": {"b": {"a": null}}}, "a": {"b": {"a": null}}}` + "`" + `), &n); err != nil {
		t.Fatal(err)
	}
	if n.Parent == nil || n.Parent.Parent != nil || n.A.B == nil {
		t.Fatalf("%+v", n)
	}
	out, _ := json.Marshal(Node{})
	if string(out) != ` + "`" + `{"parent":null,"a":{"b":null}}` + "`" + ` {
		t.Fatalf("required members are written, as null when unset: %s", out)
	}
}
`},
	{name: "non-ascii", spec: hostileFile("non-ascii.yaml"), warns: []string{"non-ascii.yaml:11:9 #/components/schemas/名前", "non-ascii.yaml:12:11 #/components/schemas/über"}, check: `package hostile

import (
	"encoding/json"
	"testing"
)

func TestNamesInOtherScriptsAreExported(t *testing.T) {
	var v X名前
	if err := json.Unmarshal([]byte(` + "`" + `{"é": "e", "日本": 3}` + "`" + `), &v); err != nil || *v.É != "e" || *v.X日本 != 3 {
		t.Fatalf("%v %+v", err, v)
	}
	if ÜberÄ != "ä" {
		t.Fatal(ÜberÄ)
	}
}
`},
	{name: "helper-collisions", spec: hostileFile("helper-collisions.yaml")},
}

// TestHostileDescriptions: every hostile description is refused with a positioned error, or
// generates a package that builds, vets and passes its check, all in one module with the
// generated module's own pinned requirements.
func TestHostileDescriptions(t *testing.T) {
	mod := pinnedModule(t, "hostile")
	built := 0
	for _, h := range hostileDescriptions {
		t.Run(h.name, func(t *testing.T) {
			var warnings []string
			files, err := generator.Generate(generator.Config{Spec: h.spec(t), Package: "hostile", Warn: func(w *diag.Error) { warnings = append(warnings, w.Error()) }})
			if len(h.want) > 0 {
				require.Error(t, err)
				for _, w := range h.want {
					assert.Contains(t, err.Error(), w)
				}
				return
			}
			require.NoError(t, err)
			for _, w := range h.warns {
				assert.Contains(t, strings.Join(warnings, "\n"), w)
			}
			if h.check != "" {
				files["check_test.go"] = []byte(h.check)
			}
			require.NoError(t, generator.Write(filepath.Join(mod, h.name), files))
			built++
		})
	}
	if testing.Short() || built == 0 {
		return
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		goCommand(t, mod, args...)
	}
}

// pinnedModule makes a module in a temp folder with the generated module's go.mod and go.sum
// (renamed), so that generated packages build with the pinned jx and jwt, offline.
func pinnedModule(t *testing.T, name string) string {
	t.Helper()
	mod := t.TempDir()
	gomod, err := os.ReadFile(filepath.Join(root, "generated", "go.mod"))
	require.NoError(t, err)
	gosum, err := os.ReadFile(filepath.Join(root, "generated", "go.sum"))
	require.NoError(t, err)
	gomod = []byte(strings.Replace(string(gomod), "module github.com/ghappsgen/ghappsgen/generated", "module "+name, 1))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), gomod, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.sum"), gosum, 0o644))
	return mod
}

// goCommand runs the go command in dir, with no module downloads beyond the pinned ones.
func goCommand(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
}
