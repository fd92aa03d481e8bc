package emitgo

import (
	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// typeExpr is the Go type of a reference where a missing value needs no pointer (array
// elements, map values, union variants' payloads are handled by their callers).
func typeExpr(r *ir.TypeRef) *jen.Statement {
	switch r.Kind {
	case ir.Primitive:
		return primitive(r.Primitive)
	case ir.Named:
		return jen.Id(r.Named.Name)
	case ir.Array:
		return jen.Index().Add(elemExpr(r.Elem))
	case ir.Map:
		return jen.Map(jen.String()).Add(elemExpr(r.Elem))
	case ir.Stream:
		return jen.Qual("io", "ReadCloser")
	case ir.Raw:
		return jen.Qual("encoding/json", "RawMessage")
	}
	return jen.Any()
}

func primitive(p string) *jen.Statement {
	switch p {
	case ir.Int64:
		return jen.Int64()
	case ir.Float64:
		return jen.Float64()
	case ir.Bool:
		return jen.Bool()
	case ir.DateTime:
		return jen.Qual("time", "Time")
	}
	return jen.String()
}

// elemExpr is the type of an array element or map value: a pointer when null is allowed.
func elemExpr(r *ir.TypeRef) *jen.Statement {
	if r.Nullable && pointable(r) {
		return jen.Op("*").Add(typeExpr(r))
	}
	return typeExpr(r)
}

// fieldExpr is the type of a struct field or parameter: a pointer when the value may be
// absent or null, except for slices, maps and interfaces, whose nil already says so.
func fieldExpr(r *ir.TypeRef, required bool) *jen.Statement {
	if isPointer(r, required) {
		return jen.Op("*").Add(typeExpr(r))
	}
	return typeExpr(r)
}

// resultExpr is the type a method returns: a pointer to a named type, other types as they are.
func resultExpr(r *ir.TypeRef) *jen.Statement {
	if r.Kind == ir.Named {
		return jen.Op("*").Add(typeExpr(r))
	}
	return typeExpr(r)
}

func pointable(r *ir.TypeRef) bool {
	return r.Kind == ir.Primitive || r.Kind == ir.Named
}

// form is how a struct field holds its member.
type form int

const (
	asValue       form = iota // required and never null: the value itself
	asPointer                 // optional (nil: absent), or Indirect (a required value whose type contains the struct)
	asNullable                // null is one of its values: Nullable[T], which tells absent, null and a value apart
	asNullableRef             // an object that may be null: Nullable[*T], so that a null member costs a pointer, not a whole object
	asIs                      // a slice, map or interface, whose nil says absent (and an empty one, empty)
)

// fieldForm is how a struct field holds its member.
func fieldForm(fl *ir.Field) form {
	r := fl.Type
	switch {
	case r.Nullable && isObjectModel(r):
		return asNullableRef
	case r.Nullable && !fl.Indirect && r.Kind != ir.Any:
		return asNullable
	case !pointable(r):
		return asIs
	case !fl.Required || fl.Indirect:
		return asPointer
	}
	return asValue
}

// memberExpr is the Go type of a struct field.
func memberExpr(fl *ir.Field) *jen.Statement {
	switch fieldForm(fl) {
	case asNullable:
		return jen.Id("Nullable").Types(typeExpr(fl.Type))
	case asNullableRef:
		return jen.Id("Nullable").Types(jen.Op("*").Add(typeExpr(fl.Type)))
	case asPointer:
		return jen.Op("*").Add(typeExpr(fl.Type))
	}
	return typeExpr(fl.Type)
}

// isPointer tells whether fieldExpr made the field a pointer.
func isPointer(r *ir.TypeRef, required bool) bool {
	return (!required || r.Nullable) && pointable(r)
}
