// Package templates holds the fixed parts of a generated client: its core (options, request
// and response plumbing, errors) and the JSON helpers that generated types call. The emitter
// renders each with the output's package name; helpers a client does not use are left out.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

//go:embed *.go.tmpl
var files embed.FS

// Data is what the templates are rendered with.
type Data struct {
	Package  string // the generated package's name
	Generate string // the //go:generate command that regenerates the package
	Title    string // the description's title, for the package doc
	BaseURL  string // the API root the description names first; "" when it names none
	// Servers are the servers operations declare for themselves, instead of the API root.
	Servers []string

	Installation *Installation // set when the API can mint installation tokens
	APIKeys      []APIKey      // the description's apiKey security schemes

	// PackageDoc is the package's doc comment, with its // markers, when the overrides
	// write one; the template writes one from the title otherwise.
	PackageDoc string
	HasClient  bool      // the description has operations: the package is a client
	StdModels  bool      // the package holds models alone, for encoding/json (emitgo.Options.StdModels)
	Webhooks   []Webhook // the description's webhooks, by key, then method

	// Const returns the one value a member of a generated type always has (a webhook
	// payload's action: "opened"), "" when it has none.
	Const func(typeName, member string) string
	// Int64At returns Go statements that return (int64, bool) from e, a pointer to a
	// generated type: the integer at a path of members ("installation", "id"), and whether
	// the value holds it.
	Int64At func(typeName string, path ...string) string
	// StringAt does the same for a string: statements that return it, or "".
	StringAt func(typeName string, path ...string) string
}

// Webhook is a webhook of the description, for the templates.
type Webhook struct {
	Key         string // its key under webhooks
	Method      string
	OperationID string
	Type        string // its payload type
	Summary     string
	Doc         string
	DocsURL     string
}

// APIKey is an apiKey security scheme: where its key goes.
type APIKey struct {
	Scheme string // its name in the description
	In     string // header, query or cookie
	Name   string // the header's, parameter's or cookie's name
}

// ServerList renders Servers as the elements of a Go string slice literal.
func (d Data) ServerList() string {
	quoted := make([]string, len(d.Servers))
	for i, s := range d.Servers {
		quoted[i] = strconv.Quote(s)
	}
	return strings.Join(quoted, ", ")
}

// Installation names what the installation-token glue calls.
type Installation struct {
	MintMethod    string // the client method that mints a token
	RequestType   string // its request body type, the token's scope
	TokenField    string // the result's token field
	ExpiresField  string // the result's expiry field
	ExpiresIsTime bool   // the expiry is a time.Time, not an RFC 3339 string
}

// Unformatted are the templates whose output depends on the data in ways gofmt lays out
// (aligned map literals): the emitter formats them; every other renders gofmt-clean.
var Unformatted = map[string]bool{"apikeys.go.tmpl": true, "webhooks.go.tmpl": true}

// funcs are the functions templates call besides Data's.
var funcs = template.FuncMap{"githubEvent": githubEvent}

// githubEvent is the X-GitHub-Event value of a GitHub webhook by its operationId:
// "pull-request/opened" is pull_request. GitHub's convention, for its webhook templates.
func githubEvent(operationID string) string {
	event, _, _ := strings.Cut(operationID, "/")
	return strings.ReplaceAll(event, "-", "_")
}

// EventKey is how GitHub's webhook templates find a webhook: its X-GitHub-Event value, and
// the payload's action after a dot where it has one ("pull_request.opened", "push").
func (d Data) EventKey(w Webhook) string {
	key := githubEvent(w.OperationID)
	if d.Const != nil {
		if action := d.Const(w.Type, "action"); action != "" {
			key += "." + action
		}
	}
	return key
}

// IsTemplateOutput tells whether a generated file of this name ("client.go") is rendered
// from one of the embedded templates, rather than written from the description.
func IsTemplateOutput(name string) bool {
	_, err := fs.Stat(files, name+".tmpl")
	return err == nil
}

// Render renders the template name ("client.go.tmpl") with d.
func Render(name string, d Data) ([]byte, error) {
	t, err := template.New(name).Funcs(funcs).ParseFS(files, name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// RenderDir renders every *.go.tmpl file of dir (outside the embedded set) with d, by output
// file name ("x_test.go.tmpl" -> "x_test.go").
func RenderDir(dir string, d Data) (map[string][]byte, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go.tmpl"))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, name := range names {
		t, err := template.New(filepath.Base(name)).Funcs(funcs).ParseFiles(name)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, d); err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		out[strings.TrimSuffix(filepath.Base(name), ".tmpl")] = buf.Bytes()
	}
	return out, nil
}

// DeclaredIn lists the exported package-level names the *.go.tmpl files of dir declare in
// the package they render into (not in an external _test package), rendered with no
// webhooks: names the generated types must leave to them.
func DeclaredIn(dir string) ([]string, error) {
	files, err := RenderDir(dir, Data{Package: "p"})
	if err != nil {
		return nil, err
	}
	var out []string
	for name, src := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if f.Name.Name != "p" {
			continue
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil && decl.Name.IsExported() {
					out = append(out, decl.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						if spec.Name.IsExported() {
							out = append(out, spec.Name.Name)
						}
					case *ast.ValueSpec:
						for _, id := range spec.Names {
							if id.IsExported() {
								out = append(out, id.Name)
							}
						}
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out, nil
}
