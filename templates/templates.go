// Package templates holds the fixed parts of a generated client: its core (options, request
// and response plumbing, errors) and the JSON helpers that generated types call. The emitter
// renders each with the output's package name; helpers a client does not use are left out.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"path/filepath"
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
var Unformatted = map[string]bool{"apikeys.go.tmpl": true}

// Render renders the template name ("client.go.tmpl") with d.
func Render(name string, d Data) ([]byte, error) {
	t, err := template.ParseFS(files, name)
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
		t, err := template.ParseFiles(name)
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
