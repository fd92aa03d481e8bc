package load

import (
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// Locate gives the errors in err that name a node of file by JSON pointer but no line (kin-
// openapi records no positions for JSON input, and GitHub's descriptions are JSON) the line
// and column of that node. It reads and parses the file again, which only the error path pays.
func Locate(err error, file string) {
	var root *yaml.Node
	diag.Each(err, func(e *diag.Error) {
		if e.Pos.File != file || e.Pos.Line != 0 || e.Pos.Pointer == "" {
			return
		}
		if root == nil {
			data, rerr := os.ReadFile(file)
			root = &yaml.Node{}
			if rerr != nil || yaml.Unmarshal(data, root) != nil || len(root.Content) == 0 {
				return
			}
		}
		if len(root.Content) == 0 {
			return
		}
		if n := nearest(root.Content[0], e.Pos.Pointer); n != nil {
			e.Pos.Line, e.Pos.Column = n.Line, n.Column
		}
	})
}

// nearest finds the node a pointer names, or else its nearest ancestor that is in the file (a
// missing member is reported where it is missing from): in a converted Swagger 2.0 file, at
// the place the node had before the conversion.
func nearest(root *yaml.Node, ptr string) *yaml.Node {
	for p := ptr; p != "#" && p != ""; p = p[:strings.LastIndex(p, "/")] {
		if n := resolve(root, p); n != nil {
			return n
		}
		if n := resolve(root, swagger2Pointer(p)); n != nil {
			return n
		}
	}
	return nil
}
