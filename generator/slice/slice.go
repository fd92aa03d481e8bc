// Package slice carves a smaller OpenAPI description out of a large one: the chosen operations
// and every component they reach through $ref, in upstream's order, so that refreshing spec/
// from a newer upstream is one command and never hand work.
package slice

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// Result is a carved description and what it holds.
type Result struct {
	JSON       []byte              // indented JSON, newline-terminated
	Operations []string            // operationIds carved, in document order
	Components map[string][]string // component kind -> names kept, sorted
}

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Slice keeps the operations of src whose operationId is in opIDs, the components they
// reach, and the document's top-level metadata. An operationId that src lacks is an error.
func Slice(src []byte, opIDs []string) (*Result, error) {
	res, missing, err := SlicePresent(src, opIDs)
	if err == nil && len(missing) > 0 {
		err = fmt.Errorf("operations not in the description: %s", strings.Join(missing, ", "))
	}
	return res, err
}

// SlicePresent is Slice for the operations src has; missing are those it lacks.
func SlicePresent(src []byte, opIDs []string) (res *Result, missing []string, err error) {
	doc, err := parseObject(src)
	if err != nil {
		return nil, nil, fmt.Errorf("parsing the description: %w", err)
	}
	want := map[string]bool{}
	for _, id := range opIDs {
		want[id] = true
	}
	paths, kept, tags, err := keepOperations(doc, want)
	if err != nil {
		return nil, nil, err
	}
	missing = missingIDs(opIDs, kept)
	components, err := doc.child("components")
	if err != nil {
		return nil, nil, err
	}
	reached, err := reachableComponents(paths.raw(), components)
	if err != nil {
		return nil, nil, err
	}
	out := doc.keep(func(k string) bool { return !strings.HasPrefix(k, "x-") && k != "webhooks" })
	out.set("paths", paths.raw())
	if err := keepTags(out, tags); err != nil {
		return nil, nil, err
	}
	kinds, err := keepComponents(components, reached)
	if err != nil {
		return nil, nil, err
	}
	out.set("components", kinds.raw())
	var buf bytes.Buffer
	if err := json.Indent(&buf, out.raw(), "", "  "); err != nil {
		return nil, nil, err
	}
	buf.WriteByte('\n')
	return &Result{JSON: buf.Bytes(), Operations: kept, Components: reached.sorted()}, missing, nil
}

// keepOperations filters paths down to the wanted operations, keeping path-level members
// (shared parameters, summaries) of every path that keeps at least one operation.
func keepOperations(doc *object, want map[string]bool) (*object, []string, map[string]bool, error) {
	paths, err := doc.child("paths")
	if err != nil {
		return nil, nil, nil, err
	}
	out := &object{vals: map[string]json.RawMessage{}}
	var kept []string
	tags := map[string]bool{}
	for _, p := range paths.keys {
		item, err := paths.child(p)
		if err != nil {
			return nil, nil, nil, err
		}
		found := false
		filtered := item.keep(func(k string) bool {
			if !slices.Contains(methods, k) {
				return true
			}
			var op struct {
				OperationID string   `json:"operationId"`
				Tags        []string `json:"tags"`
			}
			if json.Unmarshal(item.vals[k], &op) != nil || !want[op.OperationID] {
				return false
			}
			kept = append(kept, op.OperationID)
			for _, t := range op.Tags {
				tags[t] = true
			}
			found = true
			return true
		})
		if found {
			out.set(p, filtered.raw())
		}
	}
	return out, kept, tags, nil
}

func missingIDs(want, kept []string) []string {
	var missing []string
	for _, id := range want {
		if !slices.Contains(kept, id) {
			missing = append(missing, id)
		}
	}
	return missing
}

func keepTags(doc *object, used map[string]bool) error {
	raw, ok := doc.vals["tags"]
	if !ok {
		return nil
	}
	var tags []json.RawMessage
	if err := json.Unmarshal(raw, &tags); err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	var keep []json.RawMessage
	for _, t := range tags {
		var tag struct{ Name string }
		if json.Unmarshal(t, &tag) == nil && used[tag.Name] {
			keep = append(keep, t)
		}
	}
	b, err := json.Marshal(keep)
	if err != nil {
		return err
	}
	doc.set("tags", b)
	return nil
}

// refSet holds component references by kind ("schemas", "parameters", ...) and name.
type refSet map[string]map[string]bool

func (s refSet) add(kind, name string) bool {
	if s[kind] == nil {
		s[kind] = map[string]bool{}
	}
	if s[kind][name] {
		return false
	}
	s[kind][name] = true
	return true
}

func (s refSet) sorted() map[string][]string {
	out := map[string][]string{}
	for kind, names := range s {
		for n := range names {
			out[kind] = append(out[kind], n)
		}
		sort.Strings(out[kind])
	}
	return out
}

// reachableComponents follows local $refs from root through the components, transitively.
func reachableComponents(root json.RawMessage, components *object) (refSet, error) {
	reached := refSet{}
	queue := []json.RawMessage{root}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		refs, err := localRefs(next)
		if err != nil {
			return nil, err
		}
		for _, ref := range refs {
			kind, name, err := splitComponentRef(ref)
			if err != nil {
				return nil, err
			}
			if !reached.add(kind, name) {
				continue
			}
			group, err := components.child(kind)
			if err != nil {
				return nil, err
			}
			if !group.has(name) {
				return nil, fmt.Errorf("$ref %q: no such component", ref)
			}
			queue = append(queue, group.vals[name])
		}
	}
	return reached, nil
}

// localRefs lists the $ref strings anywhere inside a JSON value.
func localRefs(raw json.RawMessage) ([]string, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	var refs []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if r, ok := v["$ref"].(string); ok {
				refs = append(refs, r)
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
	sort.Strings(refs)
	return refs, nil
}

func splitComponentRef(ref string) (kind, name string, err error) {
	parts := strings.Split(strings.TrimPrefix(ref, "#/components/"), "/")
	if !strings.HasPrefix(ref, "#/components/") || len(parts) != 2 {
		return "", "", fmt.Errorf("$ref %q: only local component references can be carved", ref)
	}
	name = diag.UnescapePointerToken(parts[1])
	return parts[0], name, nil
}

func keepComponents(components *object, reached refSet) (*object, error) {
	out := &object{vals: map[string]json.RawMessage{}}
	for _, kind := range components.keys {
		if len(reached[kind]) == 0 {
			continue
		}
		group, err := components.child(kind)
		if err != nil {
			return nil, err
		}
		out.set(kind, group.keep(func(name string) bool { return reached[kind][name] }).raw())
	}
	return out, nil
}
