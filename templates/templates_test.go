package templates

import (
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"slices"
	"strconv"
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
		{Package: "keys", APIKeys: []APIKey{{Scheme: "api_key", In: "header", Name: "X-API-Key"}, {Scheme: "q", In: "query", Name: "key"}}},
	} {
		for _, name := range names {
			if d.Installation == nil && strings.HasPrefix(name, "installation") || d.APIKeys == nil && strings.HasPrefix(name, "apikeys") {
				continue // rendered only for APIs that mint installation tokens, or that take API keys
			}
			src, err := Render(name, d)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			formatted, err := format.Source(src)
			if err != nil {
				t.Fatalf("%s (package %s) does not parse: %v", name, d.Package, err)
			}
			if string(formatted) != string(src) && !Unformatted[name] {
				t.Errorf("%s (package %s) is not gofmt-clean", name, d.Package)
			}
		}
	}
}

// TestReservedNamesAreTheCoresOwn parses every template, rendered as for an API that mints
// installation tokens (so that all of them are), and checks that Exported and ClientMethods
// list exactly the exported names they declare: a name missing from the lists is one a
// schema could take, making the generated package fail to compile.
func TestReservedNamesAreTheCoresOwn(t *testing.T) {
	names, err := fs.Glob(files, "*.go.tmpl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	d := Data{Package: "p", Installation: &Installation{MintMethod: "Mint", RequestType: "R", TokenField: "T", ExpiresField: "E"},
		APIKeys: []APIKey{{Scheme: "key", In: "header", Name: "X-Key"}}}
	var exported, unexported, methods []string
	for _, name := range names {
		src, err := Render(name, d)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		e, u, m := declaredNames(f)
		exported, unexported, methods = append(exported, e...), append(unexported, u...), append(methods, m...)
	}
	slices.Sort(exported)
	slices.Sort(methods)
	unexported = slices.Compact(slices.Sorted(slices.Values(unexported))) // the std and jx union helpers share some
	if *update {
		writeReserved(t, exported, methods, unexported)
		return
	}
	if want := slices.Sorted(slices.Values(Unexported)); !slices.Equal(unexported, want) {
		t.Errorf("the templates declare %q;\nUnexported lists %q", unexported, want)
	}
	if want := slices.Sorted(slices.Values(Exported)); !slices.Equal(exported, want) {
		t.Errorf("the templates declare %q;\nExported lists %q", exported, want)
	}
	if want := slices.Sorted(slices.Values(ClientMethods)); !slices.Equal(methods, want) {
		t.Errorf("the templates give Client %q;\nClientMethods lists %q", methods, want)
	}
}

var update = flag.Bool("update", false, "rewrite reserved.go's lists from the templates")

// writeReserved rewrites the lists of reserved.go to what the templates declare.
func writeReserved(t *testing.T, exported, methods, unexported []string) {
	src, err := os.ReadFile("reserved.go")
	if err != nil {
		t.Fatal(err)
	}
	out := string(src)
	for name, list := range map[string][]string{"Exported": exported, "ClientMethods": methods, "Unexported": unexported} {
		start := strings.Index(out, "var "+name+" = []string{")
		end := start + strings.Index(out[start:], "}\n")
		quoted := make([]string, len(list))
		for i, s := range list {
			quoted[i] = strconv.Quote(s)
		}
		out = out[:start] + "var " + name + " = []string{\n" + wrapList(quoted) + ",\n" + out[end:]
	}
	formatted, err := format.Source([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("reserved.go", formatted, 0o644); err != nil {
		t.Fatal(err)
	}
}

// wrapList joins items with commas in lines of about 96 columns, each indented by a tab.
func wrapList(items []string) string {
	var lines []string
	line := ""
	for _, it := range items {
		if line != "" && len(line)+len(it)+2 > 92 {
			lines = append(lines, line+",")
			line = ""
		}
		if line != "" {
			line += ", "
		}
		line += it
	}
	lines = append(lines, line)
	return "\t" + strings.Join(lines, "\n\t")
}

// declaredNames returns the exported and unexported package-level names f declares, and
// the exported methods it gives Client.
func declaredNames(f *ast.File) (names, unexported, clientMethods []string) {
	add := func(list *[]string, id *ast.Ident) {
		switch {
		case id.IsExported():
			*list = append(*list, id.Name)
		case list == &names && id.Name != "_":
			unexported = append(unexported, id.Name)
		}
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv == nil {
				add(&names, decl.Name)
			} else if receiverName(decl.Recv.List[0].Type) == "Client" {
				add(&clientMethods, decl.Name)
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					add(&names, spec.Name)
				case *ast.ValueSpec:
					for _, id := range spec.Names {
						add(&names, id)
					}
				}
			}
		}
	}
	return names, unexported, clientMethods
}

func receiverName(t ast.Expr) string {
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
