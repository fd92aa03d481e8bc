package lower

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// nullableTwins finds component schemas that are another component plus `nullable: true`
// (GitHub's nullable-simple-user is simple-user, nullable). A reference to such a twin
// becomes a nullable reference to the original, so the output has one type, not two.
// Titles and descriptions may differ; anything else that differs keeps them apart.
func nullableTwins(schemas openapi3.Schemas) map[string]string {
	byShape := map[string][]string{}
	keys := make([]string, 0, len(schemas))
	for k := range schemas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Only schemas that look like a nullable one at a glance (same properties) are
	// compared in full: marshalling every component of a large description is slow.
	candidates := map[string]bool{}
	for _, name := range keys {
		if s := schemas[name].Value; s != nil && s.Nullable {
			candidates[glance(s)] = true
		}
	}
	for _, name := range keys {
		ref := schemas[name]
		if ref.Value == nil || ref.Ref != "" || !candidates[glance(ref.Value)] {
			continue
		}
		if key := shape(ref.Value); key != "" {
			byShape[key] = append(byShape[key], name)
		}
	}
	twins := map[string]string{}
	for _, group := range byShape {
		var original string
		for _, name := range group {
			if !schemas[name].Value.Nullable {
				original = name
				break
			}
		}
		if original == "" {
			continue
		}
		for _, name := range group {
			if name != original && schemas[name].Value.Nullable {
				twins[name] = original
			}
		}
	}
	return twins
}

// shape is a schema's JSON with its top-level nullable, title, description and extensions
// left out.
func shape(s *openapi3.Schema) string {
	c := *s
	c.Nullable, c.Title, c.Description, c.Extensions, c.Origin = false, "", "", nil, nil
	c.Example = nil
	b, err := json.Marshal(&c)
	if err != nil {
		return ""
	}
	return string(b)
}

// glance summarises a schema cheaply: its type and property names.
func glance(s *openapi3.Schema) string {
	names := make([]string, 0, len(s.Properties))
	for n := range s.Properties {
		names = append(names, n)
	}
	sort.Strings(names)
	t := ""
	if s.Type != nil {
		t = strings.Join(*s.Type, ",")
	}
	return t + "|" + strings.Join(names, ",")
}
