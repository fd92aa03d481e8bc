package lower

import (
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/naming"
)

// groups are the description's tags as groups of methods, by tag: an operation belongs to
// the group of its first tag. A description whose operations carry one tag (or none) has
// no groups, and its operations are methods of the client, as they read best at a few dozen
// operations; one with more has a type per tag, as GitHub's documentation, go-github
// (client.Repositories.Get) and Octokit (octokit.rest.repos.get) divide GitHub's 1,100.
// An operation with no tag in a grouped description stays a method of the client.
type groups map[string]*ir.Group

func newGroups(doc *load.Document, reserved map[string]bool) groups {
	tags := map[string]bool{}
	for _, item := range doc.T.Paths.Map() {
		for _, op := range item.Operations() {
			if len(op.Tags) > 0 {
				tags[op.Tags[0]] = true
			}
		}
	}
	if len(tags) < 2 {
		return nil
	}
	docs := map[string]string{}
	for _, t := range doc.T.Tags {
		if t != nil {
			docs[t.Name] = firstParagraph(t.Description)
		}
	}
	taken := maps.Clone(reserved) // the accessors are the client's methods
	g := groups{}
	for _, tag := range slices.Sorted(maps.Keys(tags)) {
		name := uniqueWithin(taken, naming.Exported(tag, "Group"))
		g[tag] = &ir.Group{Name: name, Tag: tag, Doc: docs[tag]}
	}
	return g
}

// of returns the operation's group, nil for a method of the client.
func (g groups) of(op *openapi3.Operation) *ir.Group {
	if g == nil || len(op.Tags) == 0 {
		return nil
	}
	return g[op.Tags[0]]
}

// accessors are the names of the client's methods that return the groups.
func (g groups) accessors() map[string]bool {
	out := map[string]bool{}
	for _, gr := range g {
		out[gr.Name] = true
	}
	return out
}

// sorted lists the groups by name.
func (g groups) sorted() []*ir.Group {
	out := slices.Collect(maps.Values(g))
	slices.SortFunc(out, func(a, b *ir.Group) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out
}

// fullName is an operation's name in the package: its group's name before its method's,
// unless the method's name starts with it already (the whole operationId, when short names
// collide).
func fullName(g *ir.Group, method string) string {
	if g == nil || len(method) >= len(g.Name) && method[:len(g.Name)] == g.Name {
		return method
	}
	return g.Name + method
}
