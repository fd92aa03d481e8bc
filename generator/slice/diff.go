package slice

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Diff describes what changed between two carved descriptions, a line each: operations
// and component schemas added or removed, and schema properties added, removed or changed
// in type. A maintainer reads it before regenerating.
func Diff(oldJSON, newJSON []byte) ([]string, error) {
	var old, cur carved
	if err := json.Unmarshal(oldJSON, &old); err != nil {
		return nil, fmt.Errorf("the old description: %w", err)
	}
	if err := json.Unmarshal(newJSON, &cur); err != nil {
		return nil, fmt.Errorf("the new description: %w", err)
	}
	var lines []string
	lines = append(lines, setDiff("operation", old.operations(), cur.operations())...)
	lines = append(lines, setDiff("webhook", slices.Collect(maps.Keys(old.Webhooks)), slices.Collect(maps.Keys(cur.Webhooks)))...)
	lines = append(lines, setDiff("schema", slices.Collect(maps.Keys(old.Components.Schemas)), slices.Collect(maps.Keys(cur.Components.Schemas)))...)
	for _, name := range slices.Sorted(maps.Keys(cur.Components.Schemas)) {
		if before, ok := old.Components.Schemas[name]; ok {
			lines = append(lines, propertyDiff(name, before, cur.Components.Schemas[name])...)
		}
	}
	return lines, nil
}

type schema struct {
	Ref                  string             `json:"$ref"`
	Type                 any                `json:"type"`
	Format               string             `json:"format"`
	Items                *schema            `json:"items"`
	Properties           map[string]*schema `json:"properties"`
	AllOf, AnyOf, OneOf  []*schema
	Nullable             bool `json:"nullable"`
	AdditionalProperties any  `json:"additionalProperties"`
}

type carved struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Webhooks   map[string]json.RawMessage            `json:"webhooks"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

func (c *carved) operations() []string {
	var ids []string
	for _, item := range c.Paths {
		for _, raw := range item {
			var op struct {
				OperationID string `json:"operationId"`
			}
			if json.Unmarshal(raw, &op) == nil && op.OperationID != "" {
				ids = append(ids, op.OperationID)
			}
		}
	}
	return ids
}

func setDiff(what string, old, cur []string) []string {
	var lines []string
	for _, n := range slices.Sorted(slices.Values(cur)) {
		if !slices.Contains(old, n) {
			lines = append(lines, fmt.Sprintf("+ %s %s", what, n))
		}
	}
	for _, n := range slices.Sorted(slices.Values(old)) {
		if !slices.Contains(cur, n) {
			lines = append(lines, fmt.Sprintf("- %s %s", what, n))
		}
	}
	return lines
}

func propertyDiff(name string, old, cur *schema) []string {
	var lines []string
	for _, p := range slices.Sorted(maps.Keys(cur.Properties)) {
		before, ok := old.Properties[p]
		switch {
		case !ok:
			lines = append(lines, fmt.Sprintf("~ schema %s: + property %s (%s)", name, p, typeText(cur.Properties[p])))
		case typeText(before) != typeText(cur.Properties[p]):
			lines = append(lines, fmt.Sprintf("~ schema %s: property %s: %s -> %s", name, p, typeText(before), typeText(cur.Properties[p])))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(old.Properties)) {
		if _, ok := cur.Properties[p]; !ok {
			lines = append(lines, fmt.Sprintf("~ schema %s: - property %s (%s)", name, p, typeText(old.Properties[p])))
		}
	}
	return lines
}

// typeText summarises a schema's type: "string", "date-time", "array of integer",
// "ref simple-user", "oneOf(ref a, ref b)", with "nullable " in front where it applies.
func typeText(s *schema) string {
	if s == nil {
		return "any"
	}
	var t string
	switch {
	case s.Ref != "":
		t = "ref " + s.Ref[strings.LastIndex(s.Ref, "/")+1:]
	case len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0:
		kind, members := "allOf", s.AllOf
		if len(s.AnyOf) > 0 {
			kind, members = "anyOf", s.AnyOf
		} else if len(s.OneOf) > 0 {
			kind, members = "oneOf", s.OneOf
		}
		parts := make([]string, len(members))
		for i, m := range members {
			parts[i] = typeText(m)
		}
		t = kind + "(" + strings.Join(parts, ", ") + ")"
	case s.Items != nil:
		t = "array of " + typeText(s.Items)
	case s.Format != "":
		t = fmt.Sprint(s.Type) + " " + s.Format
	case s.Type != nil:
		t = fmt.Sprint(s.Type)
	default:
		t = "any"
	}
	if s.Nullable {
		t = "nullable " + t
	}
	return t
}
