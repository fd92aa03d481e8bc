package lower

import "github.com/ghappsgen/ghappsgen/generator/naming"

// names hands out type names, resolving collisions deterministically: the first claimant
// keeps the name, later ones get the lowest free numeric suffix (Actor, Actor2, ...).
// Component schemas claim their names first, in sorted order, so that an inline type never
// takes a component's name and adding an operation never renames an existing component.
// Names the client core declares are taken from the start.
type names struct {
	taken map[string]bool
}

func newNames(reserved []string) *names {
	n := &names{taken: map[string]bool{}}
	for _, name := range reserved {
		n.taken[name] = true
	}
	return n
}

func (n *names) claim(want string) string { return naming.Claim(n.taken, want) }

// uniqueWithin resolves collisions inside one scope (fields of a struct, constants of an
// enum) the same way.
func uniqueWithin(seen map[string]bool, want string) string { return naming.Claim(seen, want) }
