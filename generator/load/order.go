package load

import (
	"strconv"

	"github.com/go-faster/jx"
	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// propertyOrder holds the keys of every object written under a "properties" key, in the
// description's order, by the JSON pointer of that object (#/components/schemas/x/properties).
// kin-openapi keeps properties in a map; the generator writes struct fields in the order
// the description gives them (GitHub writes id first), which is read from the bytes here.
// An object named "properties" that is not the keyword (a property called properties) is
// recorded too, and never asked for.
type propertyOrder map[string][]string

// Properties returns the property names of the schema at ptr in the description's order,
// nil when the description does not say (an override added the schema, say).
func (d *Document) Properties(ptr string) []string {
	return d.order[diag.Child(ptr, "properties")]
}

// jsonPropertyOrder reads the order from JSON.
func jsonPropertyOrder(data []byte) (propertyOrder, error) {
	out := propertyOrder{}
	var path []string
	err := walkJSON(jx.DecodeBytes(data), &path, out)
	return out, err
}

func walkJSON(d *jx.Decoder, path *[]string, out propertyOrder) error {
	switch d.Next() {
	case jx.Object:
		var keys []string
		record := len(*path) > 0 && (*path)[len(*path)-1] == "properties"
		err := d.ObjBytes(func(d *jx.Decoder, key []byte) error {
			k := string(key)
			if record {
				keys = append(keys, k)
			}
			*path = append(*path, k)
			defer func() { *path = (*path)[:len(*path)-1] }()
			return walkJSON(d, path, out)
		})
		if record {
			out[diag.Pointer(*path...)] = keys
		}
		return err
	case jx.Array:
		i := 0
		return d.Arr(func(d *jx.Decoder) error {
			*path = append(*path, strconv.Itoa(i))
			defer func() { *path = (*path)[:len(*path)-1]; i++ }()
			return walkJSON(d, path, out)
		})
	}
	return d.Skip()
}

// readPropertyOrder reads the order from what the loader read: JSON, or YAML.
func readPropertyOrder(input []byte) propertyOrder {
	if len(input) > 0 && input[0] == '{' {
		out, err := jsonPropertyOrder(input)
		if err != nil {
			return nil // the loader read it; the fields fall back to name order
		}
		return out
	}
	var doc yaml.Node
	if yaml.Unmarshal(input, &doc) != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil
	}
	out := propertyOrder{}
	walkYAML(doc.Content[0], nil, out)
	return out
}

func walkYAML(n *yaml.Node, path []string, out propertyOrder) {
	switch n.Kind {
	case yaml.MappingNode:
		record := len(path) > 0 && path[len(path)-1] == "properties"
		var keys []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if record {
				keys = append(keys, k)
			}
			walkYAML(n.Content[i+1], append(path, k), out)
		}
		if record {
			out[diag.Pointer(path...)] = keys
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkYAML(c, append(path, strconv.Itoa(i)), out)
		}
	} // aliases are not followed: a few can stand for a great many nodes, which need no order

}
