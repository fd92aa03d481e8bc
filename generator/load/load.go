// Package load is the generator's first stage: it reads an OpenAPI description with
// kin-openapi, resolves and validates it, and applies the overrides, so that the later stages
// see one corrected, ordinary OpenAPI document.
package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
)

// Extensions the load stage sets on the document for the later stages.
const (
	ExtName       = "x-ghappsgen-name"        // on a schema or operation: its name in generated code
	ExtFieldNames = "x-ghappsgen-field-names" // on a schema: map of property -> field name
	ExtItems      = "x-ghappsgen-items"       // on an operation: the result property holding a page's items
	// ExtOnly marks what one API alone has in a description merged from two (make spec's
	// github.com and GitHub Enterprise Server): on an operation, that API's name; on a
	// schema, a map from property or enum value to it. Doc comments say so.
	ExtOnly = "x-ghappsgen-only"
)

// Document is a loaded, validated and overridden description.
type Document struct {
	File string
	T    *openapi3.T
	// Warnings are the description's departures from the specification whose meaning is
	// plain: the generator goes on, and tells the user where they are.
	Warnings diag.List
	// NamedInline are the inline schemas the overrides name, in the overrides' order.
	NamedInline []*openapi3.Schema
	// Swagger2 is set when the file is Swagger 2.0, converted: T is the conversion.
	Swagger2 bool

	order propertyOrder // the properties of each schema in the description's order
}

// File loads the description at path and applies ov (which may be nil).
func File(path string, ov *overrides.Set) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: path}, Msg: "reading the description", Err: unwrapPathError(err)}
	}
	return Bytes(path, data, ov)
}

// Bytes loads a description held in memory; name is used in errors.
func Bytes(name string, data []byte, ov *overrides.Set) (doc *Document, err error) {
	// Input that trips the loader itself must still be an error, never a crash of the
	// command that reads it.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, diag.Errorf(diag.Pos{File: name}, "the description could not be loaded (loader failure: %v)", r)
		}
	}()
	input, err := checkSyntax(name, data)
	if err != nil {
		return nil, err
	}
	converted := swagger2(data)
	if converted {
		if input, err = fromSwagger2(name, data); err != nil {
			return nil, err
		}
	}
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = !converted // the converted JSON's lines are no lines of the file
	loader.IsExternalRefsAllowed = false
	abs, _ := filepath.Abs(name)
	t, err := loader.LoadFromDataWithPath(input, &url.URL{Path: filepath.ToSlash(abs)})
	if err != nil {
		if broken := brokenRef(name, data); broken != nil {
			return nil, broken
		}
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "loading the description", Err: err}
	}
	if t.Paths == nil && len(t.Webhooks) == 0 {
		return nil, diag.Errorf(diag.Pos{File: name, Pointer: "#/paths"}, "the description has neither paths nor webhooks: there is nothing to generate")
	}
	if t.Paths == nil {
		t.Paths = openapi3.NewPaths() // OpenAPI 3.1: webhooks alone
	}
	doc = &Document{File: name, T: t, Swagger2: converted, order: readPropertyOrder(input)}
	if converted {
		doc.Warnings.Add(diag.Errorf(diag.Pos{File: name}, "a Swagger 2.0 description: converted to OpenAPI 3.0 (kin-openapi's openapi2conv) before generating"))
	}
	if ov != nil {
		if err := doc.apply(ov); err != nil {
			return nil, err
		}
	}
	doc.repair()
	if err := doc.validate(); err != nil {
		return nil, err
	}
	return doc, nil
}

// Pos returns the position of a node that has an origin, with its JSON pointer.
func (d *Document) Pos(origin *openapi3.Origin, pointer string) diag.Pos {
	p := diag.Pos{File: d.File, Pointer: pointer}
	if origin != nil && origin.Key != nil {
		p.Line, p.Column = origin.Key.Line, origin.Key.Column
	}
	return p
}

// checkSyntax reports JSON and YAML syntax errors with their line and column, which the
// loader's own messages lack, and returns what the loader should read: YAML as it is, JSON
// without the whitespace between its tokens. kin-openapi's nested UnmarshalJSON methods have
// encoding/json scan each object again at every level of nesting, whitespace included, and
// a pretty-printed description is 40% whitespace. No position is lost: kin records none for
// JSON, and the load stage finds line:column in the original bytes (locate.go).
func checkSyntax(name string, data []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, diag.Errorf(diag.Pos{File: name}, "the description is empty")
	}
	if trimmed[0] == '{' {
		if at := tooDeepJSON(data); at >= 0 {
			line, col := lineCol(data, int64(at)+1)
			return nil, diag.Errorf(diag.Pos{File: name, Line: line, Column: col}, "the description nests more than %d levels deep here; no real description does, and its loader's time grows with the square of the depth", maxNesting)
		}
		var compact bytes.Buffer
		compact.Grow(len(data))
		if json.Compact(&compact, data) == nil {
			return compact.Bytes(), nil
		}
		var v any
		err := json.Unmarshal(data, &v)
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line, col := lineCol(data, syn.Offset)
			return nil, &diag.Error{Pos: diag.Pos{File: name, Line: line, Column: col}, Msg: "invalid JSON", Err: err}
		}
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "invalid JSON", Err: err}
	}
	var node yaml.Node
	if err := yaml.Unmarshal(data, &node); err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "invalid YAML", Err: err}
	}
	if deep := tooDeepYAML(&node, 0); deep != nil {
		return nil, diag.Errorf(diag.Pos{File: name, Line: deep.Line, Column: deep.Column}, "the description nests more than %d levels deep here; no real description does, and its loader's time grows with the square of the depth", maxNesting)
	}
	return data, nil
}

// maxNesting bounds how deeply a description's objects and arrays nest. GitHub's nest 21
// levels; the generator refuses schemas nested past maxDepth (about twice as many levels of
// JSON) anyway, and kin-openapi takes seconds on a few thousand levels.
const maxNesting = 256

// tooDeepJSON returns the offset of the first object or array opened past maxNesting
// levels, -1 when there is none.
func tooDeepJSON(data []byte) int {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > maxNesting {
				return i
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return -1
}

// tooDeepYAML returns the first node nested past maxNesting levels, nil when there is none.
func tooDeepYAML(n *yaml.Node, depth int) *yaml.Node {
	if depth > maxNesting {
		return n
	}
	for _, c := range n.Content {
		if deep := tooDeepYAML(c, depth+1); deep != nil {
			return deep
		}
	}
	return nil
}

// lineCol turns a json.SyntaxError offset (the count of bytes read, so one past the
// offending byte) into the 1-based line and column of that byte.
func lineCol(data []byte, offset int64) (int, int) {
	if offset > 0 {
		offset--
	}
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w", pe.Err)
	}
	return err
}
