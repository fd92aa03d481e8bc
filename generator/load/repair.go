package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// repair mends, before validation, what real descriptions get wrong in ways whose meaning is
// plain, with a warning at each place; what it cannot read one way only is left for
// validation to refuse. It also brings OpenAPI 3.1's ways of saying things to the forms the
// later stages read (a "null" in a type array is nullable; const is an enum of one value).
func (d *Document) repair() {
	v31 := strings.HasPrefix(d.T.OpenAPI, "3.1")
	d.eachSchema(func(s *openapi3.Schema, ptr string) {
		d.nullTypes(s, ptr, v31)
		d.typeArray(s)
		if s.Const != nil && len(s.Enum) == 0 {
			s.Enum = []any{s.Const} // a value of its own: an enum of one
		}
		if isType(s, "array") && s.Items == nil {
			s.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
			d.warnAt(ptr, "an array without items: its items are read as any value")
		}
		if s.Default != nil && !fitsDefault(s) {
			if !v31 { // 3.1 made default an annotation: no departure, but kin checks it still
				d.warnAt(diag.Child(ptr, "default"), "a default of the wrong type: ignored (a default says nothing the client sends)")
			}
			s.Default = nil
		}
		if v31 && (s.ExclusiveMin.Bool != nil || s.ExclusiveMax.Bool != nil) {
			d.warnAt(ptr, "a boolean exclusiveMinimum or exclusiveMaximum is OpenAPI 3.0's; 3.1 wants the bound itself: ignored (bounds are the server's to check)")
			s.ExclusiveMin, s.ExclusiveMax = openapi3.ExclusiveBound{}, openapi3.ExclusiveBound{}
		}
	})
	d.emptyResponses(v31)
}

// nullTypes reads a type: "null" member of a oneOf or anyOf (3.0 has no such type; 3.1 says
// it this way) as nullable.
func (d *Document) nullTypes(s *openapi3.Schema, ptr string, v31 bool) {
	for _, members := range []*openapi3.SchemaRefs{&s.OneOf, &s.AnyOf} {
		kept := (*members)[:0:0]
		for _, m := range *members {
			if m.Value != nil && m.Ref == "" && m.Value.Type != nil && m.Value.Type.Is("null") {
				s.Nullable = true
				if !v31 {
					d.warnAt(ptr, `a {type: "null"} member: OpenAPI 3.0 has no null type; read as nullable`)
				}
				continue
			}
			kept = append(kept, m)
		}
		*members = kept
	}
}

// typeArray reads a 3.1 type array: "null" in it makes the schema nullable; several other
// types make it a union of one schema per type ([integer, number] is a number).
func (d *Document) typeArray(s *openapi3.Schema) {
	if s.Type == nil || len(*s.Type) < 2 && !s.Type.Includes("null") {
		return
	}
	var types []string
	for _, t := range *s.Type {
		if t == "null" {
			s.Nullable = true
			continue
		}
		types = append(types, t)
	}
	if slices.Equal(sorted(types), []string{"integer", "number"}) {
		types = []string{"number"}
	}
	if len(types) <= 1 || len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
		t := openapi3.Types(types)
		if len(types) > 1 {
			t = t[:1] // a union of its own already: the first type stands for the rest
		}
		s.Type = &t
		return
	}
	for _, t := range types {
		member := &openapi3.Schema{Type: &openapi3.Types{t}, Format: s.Format}
		switch t {
		case "array":
			member.Items = s.Items
		case "object":
			member.Properties, member.Required, member.AdditionalProperties = s.Properties, s.Required, s.AdditionalProperties
		}
		for _, e := range s.Enum {
			if fitsType(e, t) {
				member.Enum = append(member.Enum, e)
			}
		}
		s.OneOf = append(s.OneOf, &openapi3.SchemaRef{Value: member})
	}
	s.Type, s.Items, s.Properties, s.Required, s.Enum = nil, nil, nil, nil, nil
	s.AdditionalProperties = openapi3.AdditionalProperties{}
}

// emptyResponses gives an operation that documents no answer a default one without a body:
// its method returns the answer's status and nothing else. OpenAPI 3.1 allows it; 3.0 asks
// for at least one.
func (d *Document) emptyResponses(v31 bool) {
	for _, path := range sortedKeys(d.T.Paths.Map()) {
		for method, op := range d.T.Paths.Value(path).Operations() {
			if op.Responses != nil && op.Responses.Len() > 0 {
				continue
			}
			if !v31 {
				d.warnAt(diag.Pointer("paths", path, strings.ToLower(method), "responses"), "an operation that documents no answer: any 2xx is its success, without a body")
			}
			desc := "No answer is documented."
			op.Responses = openapi3.NewResponses(openapi3.WithName("default", &openapi3.Response{Description: &desc}))
		}
	}
}

// fitsDefault tells whether a schema's default is a value of its type.
func fitsDefault(s *openapi3.Schema) bool {
	if s.Type == nil || len(*s.Type) != 1 {
		return true
	}
	return s.Default == nil || fitsType(s.Default, (*s.Type)[0])
}

// fitsType tells whether a JSON value (as decoded into any) is of a JSON Schema type.
func fitsType(v any, t string) bool {
	switch v := v.(type) {
	case string:
		return t == "string"
	case bool:
		return t == "boolean"
	case float64:
		return t == "number" || t == "integer" && v == float64(int64(v))
	case int, int64:
		return t == "integer" || t == "number"
	case []any:
		return t == "array"
	case map[string]any:
		return t == "object"
	case nil:
		return t == "null"
	}
	return true
}

func isType(s *openapi3.Schema, t string) bool { return s.Type != nil && s.Type.Includes(t) }

func sorted(ss []string) []string { return slices.Sorted(slices.Values(ss)) }

// warnAt records a warning at a node of the document; line:column are looked up later.
func (d *Document) warnAt(ptr, msg string) {
	d.Warnings.Add(diag.Errorf(diag.Pos{File: d.File, Pointer: ptr}, "%s", msg))
}
