package emitgo

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/naming"
)

// maxFileLines is the most lines a file of operations, types or codecs may have: a whole
// API in one file is 150,000 lines no editor or reader is at ease with. A file that would
// be longer is split over several (repos.go, repos_2.go).
const maxFileLines = 10000

// An area is what one file (and the file of its codecs) holds: a group's operations and the
// types only they use; the client's own operations; the types a group of webhooks alone
// uses; or the types several of those share (models).
type area struct {
	base  string    // the file's name without .go
	group *ir.Group // the group it declares, if any
	ops   []*ir.Operation
	types []*ir.Type
}

// Names of the areas that are not a group's.
const (
	sharedArea     = "models"     // the types several areas use, or one alone when there are no groups
	operationsArea = "operations" // the client's own operations
)

// layout decides the files of models and operations: one per group (as go-github has one
// per area), each split in chunks whose estimated size is at most target lines. A type used
// by one group's operations (or one kind of webhook) alone is in that group's file; the
// others are in models.go. With a single group (a few dozen operations, say) there are
// operations.go and models.go. Codecs are in a _json.go beside each file.
func layout(api *ir.API, taken map[string]bool, target int) []*area {
	byBase := map[string]*area{}
	var order []string
	at := func(base string, g *ir.Group) *area {
		if a, ok := byBase[base]; ok {
			return a
		}
		a := &area{base: base, group: g}
		byBase[base] = a
		order = append(order, base)
		return a
	}
	bases, hooks := fileBases(api, taken)
	for _, g := range api.Groups {
		at(bases[g], g)
	}
	for _, op := range api.Operations {
		if op.Group == nil {
			at(operationsArea, nil).ops = append(at(operationsArea, nil).ops, op)
			continue
		}
		a := byBase[bases[op.Group]]
		a.ops = append(a.ops, op)
	}
	home := typeHomes(api, bases, hooks)
	for _, t := range api.Types {
		if t.Kind == ir.ByStatus {
			continue // with the operation it is the answer of
		}
		at(home[t], nil).types = append(at(home[t], nil).types, t)
	}
	var out []*area
	for _, base := range order {
		out = append(out, chunks(byBase[base], target)...)
	}
	return out
}

// typeHomes picks each type's area: the one area whose operations or webhooks reach it, or
// models when several do, none does, or there is only one area to speak of.
func typeHomes(api *ir.API, bases map[*ir.Group]string, hooks map[*ir.Webhook]string) map[*ir.Type]string {
	users := map[*ir.Type]map[string]bool{}
	reach := func(base string, r *ir.TypeRef) {
		walkTypes(r, func(t *ir.Type) bool {
			if users[t] == nil {
				users[t] = map[string]bool{}
			}
			if users[t][base] {
				return false
			}
			users[t][base] = true
			return true
		})
	}
	areas := map[string]bool{}
	for _, op := range api.Operations {
		base := operationsArea
		if op.Group != nil {
			base = bases[op.Group]
		}
		areas[base] = true
		for _, r := range operationTypes(op) {
			reach(base, r)
		}
	}
	for _, w := range api.Webhooks {
		base := hooks[w]
		areas[base] = true
		reach(base, w.Payload)
	}
	home := map[*ir.Type]string{}
	for _, t := range api.Types {
		home[t] = sharedArea
		if len(areas) > 1 && len(users[t]) == 1 {
			for base := range users[t] {
				home[t] = base
			}
		}
	}
	return home
}

// operationTypes are the types an operation's signature names.
func operationTypes(op *ir.Operation) []*ir.TypeRef {
	var out []*ir.TypeRef
	if op.Params != nil {
		for _, p := range op.Params.Fields {
			out = append(out, p.Type)
		}
	}
	for _, p := range op.PathParams {
		out = append(out, p.Type)
	}
	if op.Body != nil {
		out = append(out, op.Body.Type)
	}
	if op.Result.Type != nil {
		out = append(out, op.Result.Type)
	}
	for _, v := range op.Variants {
		if v.Result.Type != nil {
			out = append(out, v.Result.Type)
		}
	}
	return out
}

// walkTypes calls visit for each named type r holds, r's own first, going into a type's
// members while visit says so.
func walkTypes(r *ir.TypeRef, visit func(*ir.Type) bool) {
	for r != nil && (r.Kind == ir.Array || r.Kind == ir.Map) {
		r = r.Elem
	}
	if r == nil || r.Kind != ir.Named || !visit(r.Named) {
		return
	}
	t := r.Named
	for _, f := range t.Fields {
		walkTypes(f.Type, visit)
	}
	walkTypes(t.Extra, visit)
	for _, c := range t.Cases {
		walkTypes(c.Type, visit)
	}
}

// webhookGroup is the group a webhook's types are filed under: its first tag, or the part
// of its operationId before the slash (GitHub's event: pull-request/opened), or its key.
// Webhooks are not methods: the group only names a file.
func webhookGroup(w *ir.Webhook) *ir.Group {
	name := w.Key
	if w.Tag != "" {
		name = w.Tag
	} else if event, _, ok := strings.Cut(w.OperationID, "/"); ok && event != "" {
		name = event
	}
	return &ir.Group{Name: naming.Exported(name, "Webhook"), Tag: name}
}

// fileBases names the file of every group and of every webhook's group (one name, one
// file): its name in snake case, changed where Go would read it as something else (a _test
// file, one for another system, one that is ignored) or where another file has it.
func fileBases(api *ir.API, taken map[string]bool) (map[*ir.Group]string, map[*ir.Webhook]string) {
	out := map[*ir.Group]string{}
	hooks := map[*ir.Webhook]string{}
	byName := map[string]string{}
	used := maps.Clone(taken)
	used[sharedArea], used[operationsArea] = true, true
	name := func(g *ir.Group) string {
		if base, ok := byName[g.Name]; ok {
			return base // a webhook's group and an operations' group of one name share a file
		}
		base := snakeFileName(g.Name)
		if used[base] || used[base+"_json"] || !plainFileName(base) {
			base += "_api"
		}
		for i := 2; used[base]; i++ {
			base = fmt.Sprintf("%s_api%d", snakeFileName(g.Name), i)
		}
		used[base], byName[g.Name] = true, base
		return base
	}
	for _, g := range api.Groups {
		out[g] = name(g)
	}
	for _, w := range api.Webhooks {
		hooks[w] = name(webhookGroup(w))
	}
	return out, hooks
}

// snakeFileName is a Go name as a file name: CodeScanning -> code_scanning.
func snakeFileName(goName string) string {
	words := naming.Words(goName)
	for i, w := range words {
		words[i] = strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, w)
	}
	return strings.Join(slices.DeleteFunc(words, func(w string) bool { return w == "" }), "_")
}

// plainFileName tells whether the go command reads a file of this name (plus .go) as a
// plain source file: not ignored (a leading _ or .), not a test, not for one system or
// architecture (a last _word that names one).
func plainFileName(base string) bool {
	if base == "" || base[0] == '_' || base[0] == '.' {
		return false
	}
	parts := strings.Split(base, "_")
	last := parts[len(parts)-1]
	if len(parts) > 1 && (last == "test" || knownOS[last] || knownArch[last]) {
		return false
	}
	return true
}

// knownOS and knownArch are the systems and architectures the go command recognises in file
// names (go/build's list, which it keeps for names it may support one day too).
var knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")

var knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
	"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
	"riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")

func setOf(names ...string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out
}

// chunks splits an area whose estimated size passes target into several, in order, each
// named after the first with a number (repos, repos_2, ...). The group's declaration stays
// in the first.
func chunks(a *area, target int) []*area {
	var out []*area
	cur := &area{base: a.base, group: a.group}
	size, codecs := 0, 0
	next := func() {
		out = append(out, cur)
		cur = &area{base: fmt.Sprintf("%s_%d", a.base, len(out)+1)}
		size, codecs = 0, 0
	}
	for _, op := range a.ops {
		n := opLines(op)
		if size > 0 && size+n > target {
			next()
		}
		cur.ops = append(cur.ops, op)
		size += n
	}
	for _, t := range a.types {
		n, c := typeLines(t)
		if (size > 0 || codecs > 0) && (size+n > target || codecs+c > target) {
			next()
		}
		cur.types = append(cur.types, t)
		size, codecs = size+n, codecs+c
	}
	if len(out) == 0 || len(cur.ops)+len(cur.types) > 0 {
		out = append(out, cur)
	}
	return out
}

// docLines estimates the lines of a doc comment of text.
func docLines(text string) int {
	if text == "" {
		return 0
	}
	return len(text)/90 + strings.Count(text, "\n") + 1
}

// typeLines estimates the lines of a type's declaration and of its codecs.
func typeLines(t *ir.Type) (decl, codec int) {
	decl = 6 + docLines(t.Doc)
	switch t.Kind {
	case ir.Struct:
		for _, f := range t.Fields {
			decl += 1 + docLines(f.Doc)
		}
		codec = 30 + 6*len(t.Fields)
	case ir.Enum:
		decl += 4 + len(t.Values)
	case ir.Union:
		decl += 10 + 3*len(t.Cases)
		codec = 60 + 12*len(t.Cases)
	}
	return decl, codec
}

// opLines estimates the lines of an operation's declarations and methods.
func opLines(op *ir.Operation) int {
	n := 40 + docLines(op.Doc) + docLines(op.Summary)
	if op.Params != nil {
		for _, p := range op.Params.Fields {
			n += 5 + docLines(p.Doc)
		}
	}
	if op.Pages != nil {
		n += 30
	}
	if t := op.Result.Type; t != nil && t.Kind == ir.Named && t.Named.Kind == ir.ByStatus {
		n += 20 + 4*len(t.Named.Fields)
	}
	return n + 30*len(op.Variants)
}
