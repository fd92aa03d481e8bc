package load

import (
	"path"
	"slices"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
)

// selectOperations removes the operations the selection does not pick, and the paths left
// empty. Components stay: the later stages build only the types operations reach.
func (d *Document) selectOperations(sel *overrides.Selection) *diag.Error {
	for _, p := range sel.Paths {
		if _, err := path.Match(p, "/"); err != nil {
			return diag.Errorf(sel.Pos, "select: bad path pattern %q: %v", p, err)
		}
	}
	described := d.OperationsByID()
	for _, id := range sel.Operations {
		if described[id] == nil {
			return diag.Errorf(sel.Pos, "select: %s has no operation %q", d.File, id)
		}
	}
	kept := 0
	for _, p := range d.T.Paths.Keys() {
		item := d.T.Paths.Value(p)
		for method, op := range item.Operations() {
			if selected(sel, p, op.OperationID, op.Tags) {
				kept++
				continue
			}
			item.SetOperation(method, nil)
		}
		if len(item.Operations()) == 0 {
			d.T.Paths.Delete(p)
		}
	}
	if kept == 0 {
		return diag.Errorf(sel.Pos, "select: no operation of %s matches", d.File)
	}
	return nil
}

func selected(sel *overrides.Selection, p, id string, tags []string) bool {
	if slices.Contains(sel.Operations, id) {
		return true
	}
	for _, t := range tags {
		if slices.Contains(sel.Tags, t) {
			return true
		}
	}
	for _, pattern := range sel.Paths {
		if ok, _ := path.Match(pattern, p); ok {
			return true
		}
	}
	return false
}
