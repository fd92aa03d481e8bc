package recursive

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestListsOfTheTypeThatHoldsThemDecode: a node's children are a list of nodes, read
// element by element with the node's own member table and reader, at every depth. The list
// grows past its first capacity (4); [] is an empty list and null none, as encoding/json
// has them, and the value encodes back to what was read.
func TestListsOfTheTypeThatHoldsThemDecode(t *testing.T) {
	var children []string
	for i := range 9 {
		grandchildren := "[]"
		if i == 8 {
			grandchildren = `[{"name": "leaf", "previous": {"name": "p", "previous": null}}]`
		}
		children = append(children, fmt.Sprintf(`{"name": "c%d", "previous": null, "children": %s}`, i, grandchildren))
	}
	in := `{"name": "root", "previous": null, "children": [` + strings.Join(children, ", ") +
		`], "meta": {"owner": {"name": "owner", "previous": null, "children": null}}}`
	for _, decode := range []struct {
		name string
		into func(data []byte) (*Node, error)
	}{
		{"json.Unmarshal", func(data []byte) (*Node, error) { var n Node; return &n, json.Unmarshal(data, &n) }},
		{"Unmarshal", Unmarshal[Node]},
	} {
		n, err := decode.into([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", decode.name, err)
		}
		if len(n.Children) != 9 || n.Children[3].Name != "c3" || n.Children[8].Name != "c8" {
			t.Fatalf("%s: children %+v", decode.name, n.Children)
		}
		if c := n.Children[0].Children; c == nil || len(c) != 0 {
			t.Errorf("%s: [] decoded as %#v, want an empty list", decode.name, c)
		}
		if leaf := n.Children[8].Children; len(leaf) != 1 || leaf[0].Name != "leaf" {
			t.Errorf("%s: grandchildren %+v", decode.name, leaf)
		} else if p, ok := leaf[0].Previous.Get(); !ok || p.Name != "p" {
			t.Errorf("%s: the leaf's previous is %v", decode.name, leaf[0].Previous)
		}
		if n.Meta == nil || n.Meta.Owner == nil || n.Meta.Owner.Children != nil {
			t.Errorf("%s: null children decoded as %#v, want none", decode.name, n.Meta.Owner)
		}
		out, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := canonical(t, []byte(in)), canonical(t, out); a != b {
			t.Errorf("%s: round trip:\n in  %s\n out %s", decode.name, a, b)
		}
	}
}

// canonical is data as JSON with sorted keys and no null children (a nil list is left out).
func canonical(t *testing.T, data []byte) string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(v)
	return strings.ReplaceAll(string(out), `"children":null,`, "") // children sorts first
}
