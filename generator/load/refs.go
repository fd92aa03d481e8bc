package load

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// brokenRef finds the first local $ref of a document that points at nothing, with the
// position of the $ref itself. The loader's own message for this names neither; this runs
// only when loading has already failed, so a large description pays nothing for it.
func brokenRef(name string, data []byte) *diag.Error {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	var found *diag.Error
	var walk func(n *yaml.Node, ptr string)
	walk = func(n *yaml.Node, ptr string) {
		if found != nil {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, val := n.Content[i], n.Content[i+1]
				if key.Value == "$ref" && val.Kind == yaml.ScalarNode && strings.HasPrefix(val.Value, "#/") && resolve(doc, val.Value) == nil {
					found = diag.Errorf(diag.Pos{File: name, Line: val.Line, Column: val.Column, Pointer: diag.Child(ptr, "$ref")},
						"$ref %q points at nothing", val.Value)
					return
				}
				walk(val, diag.Child(ptr, key.Value))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, diag.Child(ptr, strconv.Itoa(i)))
			}
		}
	}
	walk(doc, "#")
	return found
}

// resolve follows a local JSON pointer through a YAML node tree.
func resolve(n *yaml.Node, ref string) *yaml.Node {
	tokens, err := splitPointer(ref)
	if err != nil {
		return nil
	}
	for _, tok := range tokens {
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
					break
				}
			}
			if next == nil {
				return nil
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
	}
	return n
}
