package slice

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// ExtOnly marks what only one of two merged descriptions has. On an operation it is the
// name of the one API that has it ("GitHub Enterprise Server"); on a schema, a map from
// each property or enum value only one side has to that side's name. The generator says it
// in the doc comments ("GitHub Enterprise Server only.").
const ExtOnly = "x-ghappsgen-only"

// Side is one of two descriptions of one API, by the name doc comments give it.
type Side struct {
	Name string // "github.com", "GitHub Enterprise Server"
	JSON []byte
}

// Merge makes one description of two carves of the same API (github.com's and GitHub
// Enterprise Server's): every operation and component of either; a schema holds the
// properties and enum values of either, and requires what both require, so that an answer
// from either decodes. Where both have something and it differs otherwise (a description, a
// type, an example), primary's is kept: its documentation links are the ones doc comments
// show. What only one side has is marked with ExtOnly. Conflicts (a member typed differently
// on each side) are returned, a line each, for the maintainer.
func Merge(primary, secondary Side) (merged []byte, conflicts []string, err error) {
	m := &merger{primary: primary.Name, secondary: secondary.Name}
	out, err := m.document(primary.JSON, secondary.JSON)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, out, "", "  "); err != nil {
		return nil, nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), m.conflicts, nil
}

type merger struct {
	primary, secondary string
	conflicts          []string
}

func (m *merger) document(a, b []byte) (json.RawMessage, error) {
	da, err := parseObject(a)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.primary, err)
	}
	db, err := parseObject(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.secondary, err)
	}
	out := &object{vals: map[string]json.RawMessage{}}
	for _, k := range da.keys {
		out.set(k, da.vals[k])
	}
	paths, err := m.paths(da, db)
	if err != nil {
		return nil, err
	}
	out.set("paths", paths)
	components, err := m.components(da, db)
	if err != nil {
		return nil, err
	}
	out.set("components", components)
	tags, err := unionByName(da.vals["tags"], db.vals["tags"])
	if err != nil {
		return nil, err
	}
	if tags != nil {
		out.set("tags", tags)
	}
	return out.raw(), nil
}

// paths merges path items: an operation of one side alone is marked as that side's.
func (m *merger) paths(da, db *object) (json.RawMessage, error) {
	pa, pb, err := children(da, db, "paths")
	if err != nil {
		return nil, err
	}
	out := &object{vals: map[string]json.RawMessage{}}
	for _, path := range union(pa.keys, pb.keys) {
		ia, ib, err := children(pa, pb, path)
		if err != nil {
			return nil, err
		}
		item := &object{vals: map[string]json.RawMessage{}}
		for _, k := range union(ia.keys, ib.keys) {
			va, inA := ia.vals[k]
			vb, inB := ib.vals[k]
			switch {
			case !slices.Contains(methods, k) && inA:
				item.set(k, va)
			case !slices.Contains(methods, k):
				item.set(k, vb)
			case inA && inB:
				item.set(k, va) // the operation is github.com's, with its documentation
			case inA:
				item.set(k, mark(va, m.primary))
			default:
				item.set(k, mark(vb, m.secondary))
			}
		}
		out.set(path, item.raw())
	}
	return out.raw(), nil
}

// components merges each kind by name: schemas member by member, the rest (parameters,
// responses, examples) as primary has them where both do.
func (m *merger) components(da, db *object) (json.RawMessage, error) {
	ca, cb, err := children(da, db, "components")
	if err != nil {
		return nil, err
	}
	out := &object{vals: map[string]json.RawMessage{}}
	for _, kind := range union(ca.keys, cb.keys) {
		ka, kb, err := children(ca, cb, kind)
		if err != nil {
			return nil, err
		}
		group := &object{vals: map[string]json.RawMessage{}}
		for _, name := range union(ka.keys, kb.keys) {
			va, inA := ka.vals[name]
			vb, inB := kb.vals[name]
			switch {
			case inA && inB && kind == "schemas":
				merged, err := m.schema(diag.Pointer("components", "schemas", name), va, vb)
				if err != nil {
					return nil, err
				}
				group.set(name, merged)
			case inA:
				group.set(name, va)
			default:
				group.set(name, vb)
			}
		}
		out.set(kind, group.raw())
	}
	return out.raw(), nil
}

// schema merges two versions of one schema: properties of either (those of one side alone
// marked), what both require, enum values of either (those of one side alone marked), and
// items and allOf/oneOf/anyOf members pairwise. Anything else is primary's.
func (m *merger) schema(ptr string, a, b json.RawMessage) (json.RawMessage, error) {
	if !isObject(a) || !isObject(b) {
		return a, nil
	}
	sa, err := parseObject(a)
	if err != nil {
		return nil, err
	}
	sb, err := parseObject(b)
	if err != nil {
		return nil, err
	}
	if ta, tb := string(compact(sa.vals["type"])), string(compact(sb.vals["type"])); ta != tb && ta != "" && tb != "" {
		m.conflicts = append(m.conflicts, fmt.Sprintf("%s: type %s on %s, %s on %s; %s's kept", ptr, ta, m.primary, tb, m.secondary, m.primary))
		return a, nil
	}
	only := map[string]string{}
	out := &object{vals: map[string]json.RawMessage{}}
	for _, k := range union(sa.keys, sb.keys) {
		va, inA := sa.vals[k]
		vb, inB := sb.vals[k]
		switch {
		case k == "required" && !(inA && inB):
			// required on one side only: not required of an answer from the other
		case !inA:
			out.set(k, vb)
		case !inB || k == ExtOnly:
			out.set(k, va)
		case k == "properties":
			props, err := m.properties(ptr, va, vb, only)
			if err != nil {
				return nil, err
			}
			out.set(k, props)
		case k == "required":
			if both := intersect(va, vb); both != nil {
				out.set(k, both)
			}
		case k == "enum":
			out.set(k, m.enum(va, vb, only))
		case k == "items" || k == "additionalProperties":
			merged, err := m.schema(ptr+"/"+k, va, vb)
			if err != nil {
				return nil, err
			}
			out.set(k, merged)
		case k == "allOf" || k == "oneOf" || k == "anyOf":
			merged, err := m.members(ptr+"/"+k, va, vb)
			if err != nil {
				return nil, err
			}
			out.set(k, merged)
		default:
			out.set(k, va)
		}
	}
	if len(only) > 0 {
		marks, _ := json.Marshal(only)
		out.set(ExtOnly, marks)
	}
	return out.raw(), nil
}

// properties merges two properties objects; only collects the names of one side's alone.
func (m *merger) properties(ptr string, a, b json.RawMessage, only map[string]string) (json.RawMessage, error) {
	pa, err := parseObject(a)
	if err != nil {
		return nil, err
	}
	pb, err := parseObject(b)
	if err != nil {
		return nil, err
	}
	out := &object{vals: map[string]json.RawMessage{}}
	for _, name := range union(pa.keys, pb.keys) {
		va, inA := pa.vals[name]
		vb, inB := pb.vals[name]
		switch {
		case inA && inB:
			merged, err := m.schema(ptr+"/properties/"+diag.EscapePointerToken(name), va, vb)
			if err != nil {
				return nil, err
			}
			out.set(name, merged)
		case inA:
			out.set(name, va)
			only[name] = m.primary
		default:
			out.set(name, vb)
			only[name] = m.secondary
		}
	}
	return out.raw(), nil
}

// enum is the union of two enums' values; only collects the string values of one side's.
func (m *merger) enum(a, b json.RawMessage, only map[string]string) json.RawMessage {
	var va, vb []json.RawMessage
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return a
	}
	out := slices.Clone(va)
	note := func(v json.RawMessage, side string) {
		var s string
		if json.Unmarshal(v, &s) == nil {
			only[s] = side
		}
	}
	for _, v := range va {
		if !containsJSON(vb, v) {
			note(v, m.primary)
		}
	}
	for _, v := range vb {
		if !containsJSON(va, v) {
			out = append(out, v)
			note(v, m.secondary)
		}
	}
	raw, _ := json.Marshal(out)
	return raw
}

// members merges allOf/oneOf/anyOf lists pairwise when both have as many members.
func (m *merger) members(ptr string, a, b json.RawMessage) (json.RawMessage, error) {
	var va, vb []json.RawMessage
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil || len(va) != len(vb) {
		if !bytes.Equal(compact(a), compact(b)) {
			m.conflicts = append(m.conflicts, fmt.Sprintf("%s: the members differ; %s's kept", ptr, m.primary))
		}
		return a, nil
	}
	out := make([]json.RawMessage, len(va))
	for i := range va {
		merged, err := m.schema(fmt.Sprintf("%s/%d", ptr, i), va[i], vb[i])
		if err != nil {
			return nil, err
		}
		out[i] = merged
	}
	return json.Marshal(out)
}

// children are the members key of a and of b (each empty where its side lacks it).
func children(a, b *object, key string) (*object, *object, error) {
	ca, err := a.child(key)
	if err != nil {
		return nil, nil, err
	}
	cb, err := b.child(key)
	return ca, cb, err
}

// mark sets ExtOnly on an operation that one side alone has.
func mark(op json.RawMessage, side string) json.RawMessage {
	o, err := parseObject(op)
	if err != nil {
		return op
	}
	name, _ := json.Marshal(side)
	o.set(ExtOnly, name)
	return o.raw()
}

// unionByName merges two lists of named objects (tags), primary's first.
func unionByName(a, b json.RawMessage) (json.RawMessage, error) {
	if a == nil && b == nil {
		return nil, nil
	}
	var va, vb []json.RawMessage
	if a != nil {
		if err := json.Unmarshal(a, &va); err != nil {
			return nil, err
		}
	}
	if b != nil {
		if err := json.Unmarshal(b, &vb); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	var out []json.RawMessage
	for _, v := range append(va, vb...) {
		var named struct{ Name string }
		if json.Unmarshal(v, &named) == nil && !seen[named.Name] {
			seen[named.Name] = true
			out = append(out, v)
		}
	}
	return json.Marshal(out)
}

// union lists a's keys, then those of b that a lacks, each in its order.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, k := range b {
		if !slices.Contains(a, k) {
			out = append(out, k)
		}
	}
	return out
}

// intersect keeps the strings of a that b has too; nil when none (OpenAPI 3.0 wants a
// required list to hold one at least).
func intersect(a, b json.RawMessage) json.RawMessage {
	var va, vb []string
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return a
	}
	var out []string
	for _, s := range va {
		if slices.Contains(vb, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	raw, _ := json.Marshal(out)
	return raw
}

func containsJSON(list []json.RawMessage, v json.RawMessage) bool {
	return slices.ContainsFunc(list, func(x json.RawMessage) bool { return bytes.Equal(compact(x), compact(v)) })
}

func compact(raw json.RawMessage) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return raw
	}
	return buf.Bytes()
}

func isObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}
