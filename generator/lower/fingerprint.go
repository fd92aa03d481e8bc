package lower

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/load"
)

// fingerprints identify schemas by what they make in generated code, so that inline copies
// of one object become one type. A schema's fingerprint is a hash over its own keywords and
// its children's fingerprints (a reference by its target's name), each computed once: the
// cost is linear in the description, however deep it nests.
type fingerprints struct {
	memo map[*openapi3.Schema]string
}

func newFingerprints() *fingerprints {
	return &fingerprints{memo: map[*openapi3.Schema]string{}}
}

// shape returns the fingerprint of s without its own title, description and nullable:
// copies of an object that differ only in those are one type. Their members' prose is in
// it, since it becomes the type's field docs.
func (f *fingerprints) shape(s *openapi3.Schema) string {
	var b strings.Builder
	f.write(&b, s, false)
	return hash(b.String())
}

// of returns the fingerprint of s, prose included.
func (f *fingerprints) of(s *openapi3.Schema) string {
	if fp, ok := f.memo[s]; ok {
		return fp
	}
	f.memo[s] = "cycle" // a schema that contains itself inline (through a loop kin resolved)
	var b strings.Builder
	fmt.Fprintf(&b, "title=%q;description=%q;", s.Title, s.Description)
	f.write(&b, s, true)
	fp := hash(b.String())
	f.memo[s] = fp
	return fp
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

func (f *fingerprints) ref(r *openapi3.SchemaRef) string {
	switch {
	case r == nil:
		return "-"
	case r.Ref != "":
		return "ref:" + r.Ref
	case r.Value == nil:
		return "nil"
	}
	return f.of(r.Value)
}

func (f *fingerprints) refs(rs openapi3.SchemaRefs) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = f.ref(r)
	}
	return strings.Join(parts, ",")
}

// write writes the keywords of s that shape generated code. Its nullable is left out of a
// shape (the reference to the type carries it), kept in a fingerprint.
func (f *fingerprints) write(b *strings.Builder, s *openapi3.Schema, nullable bool) {
	if s.Type != nil {
		fmt.Fprintf(b, "type=%v;", []string(*s.Type))
	}
	fmt.Fprintf(b, "format=%s;nullable=%v;ro=%v;wo=%v;req=%v;", s.Format, nullable && s.Nullable, s.ReadOnly, s.WriteOnly, sorted(s.Required))
	if len(s.Enum) > 0 {
		data, _ := json.Marshal(s.Enum)
		fmt.Fprintf(b, "enum=%s;", data)
	}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(b, "p:%q=%s;", name, f.ref(s.Properties[name]))
	}
	fmt.Fprintf(b, "items=%s;all=%s;one=%s;any=%s;", f.ref(s.Items), f.refs(s.AllOf), f.refs(s.OneOf), f.refs(s.AnyOf))
	if ap := s.AdditionalProperties; ap.Has != nil || ap.Schema != nil {
		fmt.Fprintf(b, "ap=%v/%s;", ap.Has != nil && *ap.Has, f.ref(ap.Schema))
	}
	if d := s.Discriminator; d != nil {
		data, _ := json.Marshal(d)
		fmt.Fprintf(b, "disc=%s;", data)
	}
	// The overrides' field names, and anything else that may shape the output; a name is no
	// shape: the name of one copy names them all.
	if ext := maps.Clone(s.Extensions); len(ext) > 0 {
		if delete(ext, load.ExtName); len(ext) > 0 {
			data, _ := json.Marshal(ext)
			fmt.Fprintf(b, "x=%s;", data)
		}
	}
}

func sorted(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}
