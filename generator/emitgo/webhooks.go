package emitgo

import (
	"fmt"
	"strings"

	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/templates"
)

// webhookData is what templates know of the description's webhooks.
func webhookData(api *ir.API) []templates.Webhook {
	var out []templates.Webhook
	for _, w := range api.Webhooks {
		if w.Payload.Kind != ir.Named {
			continue // a payload that is no named type (an array, a string) has no methods to give
		}
		out = append(out, templates.Webhook{Key: w.Key, Method: w.Method, OperationID: w.OperationID,
			Type: w.Payload.Named.Name, Summary: w.Summary, Doc: w.Doc, DocsURL: w.DocsURL})
	}
	return out
}

// members answers the templates' questions about the members of generated types.
type members struct {
	types map[string]*ir.Type
}

func newMembers(api *ir.API) *members {
	m := &members{types: map[string]*ir.Type{}}
	for _, t := range api.Types {
		m.types[t.Name] = t
	}
	return m
}

func (m *members) field(t *ir.Type, jsonName string) *ir.Field {
	if t == nil || t.Kind != ir.Struct {
		return nil
	}
	for _, f := range t.Fields {
		if f.JSONName == jsonName {
			return f
		}
	}
	return nil
}

// constant is the one value a member always has: an enum of one value (in a union, the
// one every variant agrees on).
func (m *members) constant(typeName, member string) string {
	return m.constantOf(m.types[typeName], member)
}

func (m *members) constantOf(t *ir.Type, member string) string {
	if t != nil && t.Kind == ir.Union {
		value := ""
		for i, c := range t.Cases {
			v := ""
			if c.Type.Kind == ir.Named {
				v = m.constantOf(c.Type.Named, member)
			}
			if v == "" || i > 0 && v != value {
				return ""
			}
			value = v
		}
		return value
	}
	f := m.field(t, member)
	if f == nil || f.Type.Kind != ir.Named || f.Type.Named.Kind != ir.Enum || len(f.Type.Named.Values) != 1 {
		return ""
	}
	return f.Type.Named.Values[0].Value
}

// int64At writes statements that return (int64, bool): the integer at a path of members of
// e, a pointer to typeName, walking pointers, Nullables and values as each field holds its
// member.
func (m *members) int64At(typeName string, path ...string) string {
	return m.valueAt(typeName, ir.Int64, "0, false", ", true", path)
}

// stringAt writes statements that return the string at a path of members of e, "" when
// the value does not hold one.
func (m *members) stringAt(typeName string, path ...string) string {
	return m.valueAt(typeName, ir.String, `""`, "", path)
}

// valueAt writes statements that return the primitive at a path of members of e, with
// found after it, or none.
func (m *members) valueAt(typeName, primitive, none, found string, path []string) string {
	code := m.valueIn(m.types[typeName], "e", primitive, none, found, path)
	if strings.HasPrefix(lastLine(code), "return ") {
		return code // it returns whatever the value holds
	}
	return strings.TrimPrefix(code+"\nreturn "+none, "\n")
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// valueIn writes the statements of valueAt for at, a value of type t; they return when they
// find the value, and fall through when they do not (a union's other variant).
func (m *members) valueIn(t *ir.Type, at, primitive, noneValue, found string, path []string) string {
	if t != nil && t.Kind == ir.Union { // each variant the value may hold
		var parts []string
		for _, c := range t.Cases {
			if isObjectModel(c.Type) {
				inner := m.valueIn(c.Type.Named, at+"."+c.Name, primitive, noneValue, found, path)
				if inner != "" {
					parts = append(parts, fmt.Sprintf("if %s.%s != nil {\n%s\n}", at, c.Name, inner))
				}
			}
		}
		return strings.Join(parts, "\n")
	}
	none := "return " + noneValue
	var lines []string
	for i, member := range path {
		f := m.field(t, member)
		if f == nil {
			return ""
		}
		last := i == len(path)-1
		if last != (f.Type.Kind == ir.Primitive && f.Type.Primitive == primitive) {
			return ""
		}
		if !last && (f.Type.Kind != ir.Named || f.Type.Named.Kind != ir.Struct) {
			return ""
		}
		switch fieldForm(f) {
		case asPointer:
			lines = append(lines, fmt.Sprintf("if %s.%s == nil {\n\t%s\n}", at, f.Name, none))
			at += "." + f.Name
			if last {
				at = "*" + at
			}
		case asNullable, asNullableRef:
			v := fmt.Sprintf("v%d", i)
			missing := "!ok"
			if fieldForm(f) == asNullableRef { // NotNull(nil) holds nothing either
				missing += " || " + v + " == nil"
			}
			lines = append(lines, fmt.Sprintf("%s, ok := %s.%s.Get()\nif %s {\n\t%s\n}", v, at, f.Name, missing, none))
			at = v
		case asValue:
			at += "." + f.Name
		default:
			return ""
		}
		if !last {
			t = f.Type.Named
		}
	}
	return strings.Join(append(lines, "return "+at+found), "\n")
}
