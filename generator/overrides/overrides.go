// Package overrides reads the hand-written YAML that corrects and names what an OpenAPI
// description leaves wrong or unnamed. Every file in the overrides folder is read and merged;
// unknown keys are an error, so a typo cannot silently do nothing.
package overrides

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	Auth       *Auth                 // nil when no file has an auth section
	Select     *Selection            // nil: every operation of the description
	Package    *Package              // nil when no file has a package section
}

// Package says what the generated package is and how its models behave.
type Package struct {
	Pos diag.Pos `yaml:"-"`
	// Doc is the package's doc comment, its text without the // markers; it starts
	// "Package <name> ...". The generator writes one from the description's title otherwise.
	Doc string `yaml:"doc"`
	// KeepUnknown keeps, in every model, the members the description does not name, so that
	// encoding a decoded value gives back every member (GitHub's webhook payloads).
	KeepUnknown bool `yaml:"keep_unknown"`
	// PayloadMethods are the methods the extras templates give every webhook payload type
	// (GitHub's EventName, Action, InstallationID): a payload's field named like one takes
	// the suffix Value (the action member is ActionValue).
	PayloadMethods []string `yaml:"payload_methods"`
	Why            string   `yaml:"why"`
}

// Selection picks the operations to generate: those named, those with one of the tags, and
// those whose path matches one of the patterns (path.Match globs: /app/*, /repos/*/*/hooks).
type Selection struct {
	Pos        diag.Pos `yaml:"-"`
	Operations []string `yaml:"operations"`
	Tags       []string `yaml:"tags"`
	Paths      []string `yaml:"paths"`
}

// Empty tells whether the selection selects by nothing (and so keeps everything).
func (s *Selection) Empty() bool {
	return s == nil || len(s.Operations)+len(s.Tags)+len(s.Paths) == 0
}

// Auth says which credentials each operation accepts. The description itself may say
// nothing (GitHub's does not): its prose, quoted in Seed, is the source.
type Auth struct {
	Pos diag.Pos `yaml:"-"`
	// Operations maps every operationId to the credentials it accepts.
	Operations map[string]*OperationAuth `yaml:"operations"`
	// InstallationTokens names the operations that mint and revoke installation tokens, so
	// that a client can mint them on demand.
	InstallationTokens *InstallationTokens `yaml:"installation_tokens"`
	// SecretProperties are JSON property names whose values are credentials: generated types
	// print them masked.
	SecretProperties []string `yaml:"secret_properties"`
}

// OperationAuth lists the credentials an operation accepts, in order of preference: the
// client sends the first it has. "none" means the operation also works without.
type OperationAuth struct {
	Pos     diag.Pos `yaml:"-"`
	Accepts []string `yaml:"accepts"`
	Seed    string   `yaml:"seed"` // the documentation's sentence that says so
}

// InstallationTokens names the operations of the installation-token life cycle.
type InstallationTokens struct {
	Mint   string `yaml:"mint"`   // takes the installation id as its only path parameter, returns {token, expires_at}
	Revoke string `yaml:"revoke"` // revokes the token it is called with
}

// Credentials an operation can accept, as written in auth overrides.
const (
	CredAppJWT            = "app-jwt"
	CredInstallationToken = "installation-token"
	CredUserToken         = "user-token"
	CredBasic             = "basic"
	CredNone              = "none"
)

// Credentials lists the valid credential names.
var Credentials = []string{CredAppJWT, CredInstallationToken, CredUserToken, CredBasic, CredNone}

// Schema renames a component schema's type or its fields.
type Schema struct {
	Pos    diag.Pos          `yaml:"-"`
	Name   string            `yaml:"name"`   // the type's name in generated code
	Fields map[string]string `yaml:"fields"` // JSON property name -> field name
	Why    string            `yaml:"why"`
}

// Operation renames an operation's method, or says where a list operation's items are.
type Operation struct {
	Pos   diag.Pos `yaml:"-"`
	Name  string   `yaml:"name"`
	Items string   `yaml:"items"` // the result's property that holds a page's items, where it is ambiguous
	Why   string   `yaml:"why"`
}

// Patch changes one node of the description, found by JSON pointer: it replaces a schema
// with a reference to a component schema or with an inline schema (how a defect of
// upstream's description is corrected without editing the carved spec by hand), names the
// type an inline schema becomes, or sets a value inside an example.
type Patch struct {
	Pos    diag.Pos       `yaml:"-"`
	At     string         `yaml:"at"`     // JSON pointer of the schema to replace, "#/paths/..."
	Ref    string         `yaml:"ref"`    // name of a component schema to use instead
	Schema map[string]any `yaml:"schema"` // or an inline schema
	Name   string         `yaml:"name"`   // or the name of the type the schema there becomes
	Value  any            `yaml:"value"`  // or, inside an example's value, the JSON value to put there
	Why    string         `yaml:"why"`    // required: the reason, for the next maintainer
}

type file struct {
	Schemas    map[string]*Schema    `yaml:"schemas"`
	Operations map[string]*Operation `yaml:"operations"`
	Patches    []*Patch              `yaml:"patches"`
	Auth       *Auth                 `yaml:"auth"`
	Select     *Selection            `yaml:"select"`
	Package    *Package              `yaml:"package"`
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
	if f.Auth != nil {
		s.mergeAuth(f.Auth, positions["auth"], authPositions(name, &root), &errs)
	}
	if f.Package != nil {
		if s.Package != nil {
			errs.Add(diag.Errorf(positions["package"], "package is already given at %s; keep it in one file", s.Package.Pos))
		}
		f.Package.Pos = positions["package"]
		s.Package = f.Package
	}
	if f.Select != nil {
		if s.Select != nil {
			errs.Add(diag.Errorf(positions["select"], "select is already given at %s; keep it in one file", s.Select.Pos))
		}
		f.Select.Pos = positions["select"]
		s.Select = f.Select
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Pos.Line < errs[j].Pos.Line })
	return errs.Err()
}

func (s *Set) mergeAuth(a *Auth, pos diag.Pos, opPos map[string]diag.Pos, errs *diag.List) {
	if s.Auth != nil {
		errs.Add(diag.Errorf(pos, "auth is already given at %s; keep it in one file", s.Auth.Pos))
		return
	}
	a.Pos = pos
	for _, id := range slices.Sorted(maps.Keys(a.Operations)) {
		o := a.Operations[id]
		o.Pos = opPos[id]
		if len(o.Accepts) == 0 {
			errs.Add(diag.Errorf(o.Pos, "auth for %s: accepts lists no credential", id))
		}
		for _, c := range o.Accepts {
			if !slices.Contains(Credentials, c) {
				errs.Add(diag.Errorf(o.Pos, "auth for %s: unknown credential %q (want one of %s)", id, c, strings.Join(Credentials, ", ")))
			}
		}
		if strings.TrimSpace(o.Seed) == "" {
			errs.Add(diag.Errorf(o.Pos, "auth for %s: quote the documentation's sentence in seed", id))
		}
	}
	s.Auth = a
}

// authPositions maps each operationId under auth.operations to where its entry starts.
func authPositions(file string, root *yaml.Node) map[string]diag.Pos {
	out := map[string]diag.Pos{}
	ops := lookup(lookup(docNode(root), "auth"), "operations")
	if ops == nil {
		return out
	}
	for i := 0; i+1 < len(ops.Content); i += 2 {
		k := ops.Content[i]
		out[k.Value] = diag.Pos{File: file, Line: k.Line, Column: k.Column}
	}
	return out
}

func docNode(root *yaml.Node) *yaml.Node {
	if len(root.Content) == 0 {
		return nil
	}
	return root.Content[0]
}

func lookup(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (p *Patch) check() error {
	switch {
	case !strings.HasPrefix(p.At, "#/"):
		return fmt.Errorf("patch: at must be a JSON pointer starting with \"#/\", got %q", p.At)
	case count(p.Ref != "", p.Schema != nil, p.Name != "", p.Value != nil) != 1:
		return fmt.Errorf("patch at %s: give exactly one of ref, schema, name and value", p.At)
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
		out[section] = diag.Pos{File: file, Line: top.Content[i].Line, Column: top.Content[i].Column}
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
