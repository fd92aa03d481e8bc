package lower

import "github.com/ghappsgen/ghappsgen/generator/ir"

// breakValueCycles makes a required field hold its struct by pointer where
// the struct contains, by value, the one that holds the field (a tree node's required
// parent, or A requiring B requiring A): Go has no value of a type that contains itself.
// Every such field on the loop is marked, so that the choice never depends on where a walk
// began. Slices, maps, union variants and optional fields are indirect already.
func breakValueCycles(types []*ir.Type) {
	t := &tarjan{index: map[*ir.Type]int{}, low: map[*ir.Type]int{}, onStack: map[*ir.Type]bool{}, comp: map[*ir.Type]int{}}
	for _, typ := range types {
		if _, seen := t.index[typ]; !seen && typ.Kind == ir.Struct {
			t.visit(typ)
		}
	}
	for _, typ := range types {
		for _, f := range typ.Fields {
			if to := valueTarget(f); to != nil && t.comp[to] == t.comp[typ] {
				f.Indirect = true
			}
		}
	}
}

// valueTarget is the struct a field holds by value (a required member that is never null),
// nil when it holds none. A nullable object is held by pointer, in a Nullable[*T].
func valueTarget(f *ir.Field) *ir.Type {
	r := f.Type
	if f.Required && !r.Nullable && r.Kind == ir.Named && r.Named.Kind == ir.Struct {
		return r.Named
	}
	return nil
}

// tarjan finds the strongly connected components of the structs' by-value fields.
type tarjan struct {
	next    int
	index   map[*ir.Type]int
	low     map[*ir.Type]int
	onStack map[*ir.Type]bool
	stack   []*ir.Type
	comp    map[*ir.Type]int
	comps   int
}

func (t *tarjan) visit(v *ir.Type) {
	t.index[v], t.low[v] = t.next, t.next
	t.next++
	t.stack = append(t.stack, v)
	t.onStack[v] = true
	for _, f := range v.Fields {
		w := valueTarget(f)
		if w == nil {
			continue
		}
		if _, seen := t.index[w]; !seen {
			t.visit(w)
			t.low[v] = min(t.low[v], t.low[w])
		} else if t.onStack[w] {
			t.low[v] = min(t.low[v], t.index[w])
		}
	}
	if t.low[v] != t.index[v] {
		return
	}
	t.comps++
	for {
		w := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.onStack[w] = false
		t.comp[w] = t.comps
		if w == v {
			return
		}
	}
}
