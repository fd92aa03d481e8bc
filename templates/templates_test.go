package templates

import (
	"go/format"
	"io/fs"
	"strings"
	"testing"
)

// TestTemplatesRenderGofmtClean: the emitter writes rendered templates without formatting
// them, so every template must come out gofmt-clean, whatever its data.
func TestTemplatesRenderGofmtClean(t *testing.T) {
	names, err := fs.Glob(files, "*.go.tmpl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	for _, d := range []Data{
		{Package: "githubapps", Generate: "go run ./cmd/ghappsgen generate", Title: "API",
			Installation: &Installation{MintMethod: "Mint", RequestType: "MintRequest", TokenField: "Token", ExpiresField: "ExpiresAt", ExpiresIsTime: true}},
		{Package: "a_much_longer_package_name", Title: "Other",
			Installation: &Installation{MintMethod: "Mint", RequestType: "R", TokenField: "T", ExpiresField: "E"}},
		{Package: "p"},
	} {
		for _, name := range names {
			if d.Installation == nil && strings.HasPrefix(name, "installation") {
				continue // rendered only for APIs that mint installation tokens
			}
			src, err := Render(name, d)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			formatted, err := format.Source(src)
			if err != nil {
				t.Fatalf("%s (package %s) does not parse: %v", name, d.Package, err)
			}
			if string(formatted) != string(src) {
				t.Errorf("%s (package %s) is not gofmt-clean", name, d.Package)
			}
		}
	}
}
