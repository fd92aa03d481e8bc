// Package overrides reads the hand-written YAML that corrects and names what an OpenAPI
// description leaves wrong or unnamed. Every file in the overrides folder is read and merged;
// unknown keys are an error, so a typo cannot silently do nothing.
package overrides

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// Set is every override, merged from all files.
type Set struct {
	Schemas    map[string]*Schema    // by component schema name
	Operations map[string]*Operation // by operationId
	Patches    []*Patch              // in file order, files in name order
}

// Schema renames a component schema's type or its fields.
type Schema struct {
	Pos    diag.Pos          `yaml:"-"`
	Name   string            `yaml:"name"`   // the type's name in generated code
	Fields map[string]string `yaml:"fields"` // JSON property name -> field name
	Why    string            `yaml:"why"`
}

// Operation renames an operation's method.
type Operation struct {
	Pos  diag.Pos `yaml:"-"`
	Name string   `yaml:"name"`
	Why  string   `yaml:"why"`
}

// Patch changes one schema node of the description, found by JSON pointer: it replaces it
// with a reference to a component schema or with an inline schema (how a defect of
// upstream's description is corrected without editing the carved spec by hand), or names the
// type an inline schema becomes.
type Patch struct {
	Pos    diag.Pos       `yaml:"-"`
	At     string         `yaml:"at"`     // JSON pointer of the schema to replace, "#/paths/..."
	Ref    string         `yaml:"ref"`    // name of a component schema to use instead
	Schema map[string]any `yaml:"schema"` // or an inline schema
	Name   string         `yaml:"name"`   // or the name of the type the schema there becomes
	Why    string         `yaml:"why"`    // required: the reason, for the next maintainer
}

type file struct {
	Schemas    map[string]*Schema    `yaml:"schemas"`
	Operations map[string]*Operation `yaml:"operations"`
	Patches    []*Patch              `yaml:"patches"`
}

// LoadDir reads every *.yaml and *.yml file of dir. An empty dir is an empty Set.
func LoadDir(dir string) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading overrides: %w", err)
	}
	var names []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(names)
	set := empty()
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("reading overrides: %w", err)
		}
		if err := set.merge(name, data); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// Parse reads one overrides document; name is used in errors.
func Parse(name string, data []byte) (*Set, error) {
	set := empty()
	if err := set.merge(name, data); err != nil {
		return nil, err
	}
	return set, nil
}

func empty() *Set {
	return &Set{Schemas: map[string]*Schema{}, Operations: map[string]*Operation{}}
}

func (s *Set) merge(name string, data []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return &diag.Error{Pos: diag.Pos{File: name, Line: yamlErrorLine(err)}, Msg: "invalid YAML", Err: err}
	}
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return &diag.Error{Pos: diag.Pos{File: name, Line: yamlErrorLine(err)}, Msg: "invalid overrides", Err: err}
	}
	positions := keyPositions(name, &root)
	var errs diag.List
	for key, o := range f.Schemas {
		o.Pos = positions["schemas/"+key]
		if prev, dup := s.Schemas[key]; dup {
			errs.Add(diag.Errorf(o.Pos, "schema %q is already overridden at %s", key, prev.Pos))
		}
		s.Schemas[key] = o
	}
	for key, o := range f.Operations {
		o.Pos = positions["operations/"+key]
		if prev, dup := s.Operations[key]; dup {
			errs.Add(diag.Errorf(o.Pos, "operation %q is already overridden at %s", key, prev.Pos))
		}
		s.Operations[key] = o
	}
	for i, p := range f.Patches {
		p.Pos = positions[fmt.Sprintf("patches/%d", i)]
		if err := p.check(); err != nil {
			errs.Add(&diag.Error{Pos: p.Pos, Err: err})
		}
		s.Patches = append(s.Patches, p)
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Pos.Line < errs[j].Pos.Line })
	return errs.Err()
}

func (p *Patch) check() error {
	switch {
	case !strings.HasPrefix(p.At, "#/"):
		return fmt.Errorf("patch: at must be a JSON pointer starting with \"#/\", got %q", p.At)
	case count(p.Ref != "", p.Schema != nil, p.Name != "") != 1:
		return fmt.Errorf("patch at %s: give exactly one of ref, schema and name", p.At)
	case strings.TrimSpace(p.Why) == "":
		return fmt.Errorf("patch at %s: say why in `why`; a correction nobody can explain cannot be reviewed", p.At)
	}
	return nil
}

// keyPositions maps "section/key" (and "patches/N") to where that entry starts.
func keyPositions(file string, root *yaml.Node) map[string]diag.Pos {
	out := map[string]diag.Pos{}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return out
	}
	top := root.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		section, body := top.Content[i].Value, top.Content[i+1]
		switch body.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(body.Content); j += 2 {
				k := body.Content[j]
				out[section+"/"+k.Value] = diag.Pos{File: file, Line: k.Line, Column: k.Column}
			}
		case yaml.SequenceNode:
			for j, item := range body.Content {
				out[fmt.Sprintf("%s/%d", section, j)] = diag.Pos{File: file, Line: item.Line, Column: item.Column}
			}
		}
	}
	return out
}

// yamlErrorLine pulls the line number out of yaml.v3's "yaml: line N: ..." messages.
func yamlErrorLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i:], "line %d", &line)
	}
	return line
}

func count(conds ...bool) int {
	n := 0
	for _, c := range conds {
		if c {
			n++
		}
	}
	return n
}
