package emitgo

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/naming"
	"github.com/ghappsgen/ghappsgen/templates"
)

// goNames are the identifiers the emitter makes up, chosen once for the whole package before
// models and operations are emitted side by side: every unexported package-level name
// (operation descriptors, member tables, union helpers) and every method argument. Each is
// checked against every name in scope where it lands, not against the names made so far:
// Go's keywords and predeclared identifiers, the imported packages, the client core's own
// declarations, the generated ones, and a method body's locals.
type goNames struct {
	taken      map[string]bool // unexported package-level names, the client core's included
	descriptor map[*ir.Operation]string
	members    map[*ir.Type]string // a struct's member-name table
	reader     map[*ir.Type]string // a struct's memberReader, where it needs one
	writer     map[*ir.Type]string // a struct's memberWriter, where it needs one
	encoder    map[paramsIn]string // renders an operation's params of one location, where it has some
	properties map[*ir.Type]string // a std struct's list of known properties
	cases      map[*ir.Type]string // a union's variant table
	union      map[*ir.Type]string // a union's decoding state
	required   map[*ir.Type]string // a union's required-member lookup
	args       map[*ir.Param]string
	uses       *typeUses // where each type is used, for doc comments
}

// imported are the package names generated files refer to.
var imported = []string{"bytes", "context", "errors", "fmt", "http", "io", "iter", "json", "jx", "maps", "reflect", "slices",
	"strconv", "strings", "sync", "time", "unsafe", "url", "utf8", "unicode"}

// methodLocals are the names generated method bodies declare or refer to besides the
// package's own: the receiver, results and locals of operations and iterators.
var methodLocals = []string{"c", "g", "ctx", "r", "out", "resp", "err", "params", "body", "p", "page", "v", "x", "parts", "d", "e", "s", "u", "i", "ok", "key", "name", "data", "f", "t", "verb", "plain"}

func newGoNames(api *ir.API) *goNames {
	n := &goNames{
		taken:      map[string]bool{},
		descriptor: map[*ir.Operation]string{},
		members:    map[*ir.Type]string{},
		reader:     map[*ir.Type]string{},
		writer:     map[*ir.Type]string{},
		encoder:    map[paramsIn]string{},
		properties: map[*ir.Type]string{},
		cases:      map[*ir.Type]string{},
		union:      map[*ir.Type]string{},
		required:   map[*ir.Type]string{},
		args:       map[*ir.Param]string{},
		uses:       newTypeUses(api),
	}
	for _, name := range append(append(types.Universe.Names(), imported...), templates.Unexported...) {
		n.taken[name] = true
	}
	for _, t := range api.Types { // sorted by name: the choice is deterministic
		base := lowerFirst(t.Name)
		switch t.Kind {
		case ir.Struct:
			n.members[t] = n.claim(base + "Members")
			if hasOwnMembers(t) {
				n.reader[t] = n.claim("read" + t.Name + "Member")
				n.writer[t] = n.claim("write" + t.Name + "Member")
			}
			if t.Extra != nil {
				n.properties[t] = n.claim(base + "Properties")
			}
		case ir.Union:
			n.cases[t] = n.claim(base + "Cases")
			n.union[t] = n.claim(base + "Union")
			n.required[t] = n.claim(base + "Required")
		}
	}
	for _, op := range api.Operations {
		n.descriptor[op] = n.claim("op" + op.FullName)
		if op.Params == nil {
			continue
		}
		for _, in := range paramLocations {
			if hasParamsIn(op.Params, in) {
				n.encoder[paramsIn{op.Params, in}] = n.claim(lowerFirst(op.Params.TypeName) + strings.ToUpper(in[:1]) + in[1:])
			}
		}
	}
	exported := map[string]bool{}
	for _, t := range api.Types {
		exported[t.Name] = true
	}
	for _, op := range api.Operations {
		inMethod := map[string]bool{}
		for _, name := range methodLocals {
			inMethod[name] = true
		}
		for _, p := range op.PathParams {
			name := p.Name
			for i := 2; n.taken[name] || exported[name] || inMethod[name] || token.IsKeyword(name); i++ {
				name = p.Name + "Arg"
				if i > 2 {
					name += strconv.Itoa(i - 1)
				}
			}
			inMethod[name] = true
			n.args[p] = name
		}
	}
	return n
}

// paramsIn names an operation's params of one location (query, header or cookie).
type paramsIn struct {
	params *ir.Params
	in     string
}

// claim takes the lowest free form of want (want, want2, want3, ...).
func (n *goNames) claim(want string) string { return naming.Claim(n.taken, want) }
