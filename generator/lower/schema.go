package lower

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/naming"
)

const componentPrefix = "#/components/schemas/"

// schemas turns OpenAPI schemas into IR type references, creating named types as it goes.
type schemas struct {
	doc        *load.Document
	names      *names
	components map[string]string             // component key -> claimed type name
	twins      map[string]string             // nullable twin -> original component
	named      map[string]*ir.Type           // component key -> its type, once built
	inlining   map[string]bool               // components being inlined, to catch recursion through them
	inlined    map[*openapi3.Schema]*ir.Type // inline schemas already named: one schema, one type
	byShape    map[string]*ir.Type           // the same, by shape: inline copies of one object are one type
	prints     *fingerprints
	shapeNames map[string]string // the names the overrides give inline schemas, by shape
	own        *openapi3.Schema  // the body or answer being mapped, whose type is its operation's own
	types      []*ir.Type
	errs       diag.List

	reservedMembers []string                  // methods of generated types, which no field takes
	keepUnknown     bool                      // Options.KeepUnknown
	payloadMethods  []string                  // Options.PayloadMethods
	payloads        map[*openapi3.Schema]bool // the webhooks' payload schemas
	depth           int                       // how deep inside its component or operation the schema being mapped is
	tooDeep         bool                      // reported once
	members         int                       // fields, variants and enum values so far, against maxMembers
	overBudget      bool                      // reported once
}

// maxDepth is how deeply schemas may nest inside one component or operation (an array of
// an object whose property is an array...). GitHub's go 6 deep; past a few dozen levels a
// description is hostile or broken, and the Go compiler itself gives up on nested generic
// instantiations somewhere past a hundred.
const maxDepth = 48

// maxMembers bounds the size of the model: fields, union variants and enum values in all.
// GitHub's whole description has about 90,000; a description that makes millions (an allOf
// chain copies every parent's properties into each child) would make Go no compiler builds.
const maxMembers = 1_500_000

func newSchemas(doc *load.Document, opts Options) *schemas {
	s := &schemas{
		reservedMembers: opts.ReservedMembers,
		keepUnknown:     opts.KeepUnknown,
		payloadMethods:  opts.PayloadMethods,
		payloads:        map[*openapi3.Schema]bool{},
		doc:             doc,
		names:           newNames(opts.Reserved),
		components:      map[string]string{},
		named:           map[string]*ir.Type{},
		inlining:        map[string]bool{},
		inlined:         map[*openapi3.Schema]*ir.Type{},
		byShape:         map[string]*ir.Type{},
		prints:          newFingerprints(),
		shapeNames:      map[string]string{},
	}
	var comps openapi3.Schemas
	if doc.T.Components != nil {
		comps = doc.T.Components.Schemas
	}
	s.twins = nullableTwins(comps)
	for _, w := range webhooks(doc.T) {
		if w.media.Schema.Value != nil {
			s.payloads[w.media.Schema.Value] = true
		}
	}
	payloads := payloadNames(doc.T)
	for _, key := range sortedKeys(payloads) { // a webhook's payload is named after the webhook
		if _, twin := s.twins[key]; !twin && comps[key] != nil && comps[key].Value != nil && comps[key].Value.Extensions[load.ExtName] == nil {
			s.components[key] = s.names.claim(payloads[key])
		}
	}
	for _, named := range doc.NamedInline {
		if key := s.prints.shape(named); s.shapeNames[key] == "" {
			s.shapeNames[key] = named.Extensions[load.ExtName].(string)
		}
	}
	for _, key := range sortedKeys(comps) {
		if _, twin := s.twins[key]; twin || s.components[key] != "" {
			continue
		}
		s.components[key] = s.names.claim(typeName(comps[key].Value, key))
	}
	return s
}

func typeName(sch *openapi3.Schema, key string) string {
	if sch != nil {
		if n, ok := sch.Extensions[load.ExtName].(string); ok && n != "" {
			return n
		}
	}
	return naming.Exported(key, "Schema")
}

// body returns the type reference for the schema of an operation's request body or answer.
// Its own type, when it is inline, is named after the operation and never shared with an
// equal one of another operation (ListReposResponse is not another list's answer); the
// schemas inside it are shared like any.
func (s *schemas) body(sref *openapi3.SchemaRef, hint, ptr string) *ir.TypeRef {
	if sref != nil {
		s.own = sref.Value
		defer func() { s.own = nil }()
	}
	return s.ref(sref, hint, ptr)
}

// ref returns the type reference for a schema found at ptr; hint names an inline type.
func (s *schemas) ref(sref *openapi3.SchemaRef, hint, ptr string) *ir.TypeRef {
	if sref == nil || sref.Value == nil {
		return &ir.TypeRef{Kind: ir.Any}
	}
	if key, ok := strings.CutPrefix(sref.Ref, componentPrefix); ok {
		return s.component(key, sref.Value)
	}
	return s.inline(sref.Value, hint, ptr)
}

// component returns a reference to a component schema: a named type for objects, enums and
// unions, the underlying type for everything else.
func (s *schemas) component(key string, sch *openapi3.Schema) *ir.TypeRef {
	nullable := sch.Nullable
	if orig, ok := s.twins[key]; ok {
		key, sch = orig, s.doc.T.Components.Schemas[orig].Value
	}
	ptr := diag.Pointer("components", "schemas", key)
	if t := s.named[key]; t != nil {
		return &ir.TypeRef{Kind: ir.Named, Named: t, Nullable: nullable || sch.Nullable}
	}
	if kind, ok := namedKind(sch); ok {
		t := &ir.Type{Name: s.components[key], Kind: kind, Doc: describe(sch), Source: ptr}
		s.named[key] = t
		s.types = append(s.types, t)
		depth := s.depth
		s.depth = 0 // a component's own schema starts at the top
		s.fill(t, sch, ptr)
		s.depth = depth
		return &ir.TypeRef{Kind: ir.Named, Named: t, Nullable: nullable}
	}
	if s.inlining[key] {
		s.errs.Add(diag.Errorf(s.doc.Pos(sch.Origin, ptr), "recursive schema %q is not an object; only objects may refer to themselves", key))
		return &ir.TypeRef{Kind: ir.Any}
	}
	s.inlining[key] = true
	defer delete(s.inlining, key)
	r := s.inline(sch, s.components[key], ptr)
	r.Nullable = r.Nullable || nullable
	return r
}

// inline maps a schema that is not a component reference.
func (s *schemas) inline(sch *openapi3.Schema, hint, ptr string) *ir.TypeRef {
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > maxDepth {
		if !s.tooDeep {
			s.tooDeep = true
			s.errs.Add(diag.Errorf(s.doc.Pos(sch.Origin, ptr), "schemas nest more than %d levels deep here; name an inner schema as a component, or flatten it", maxDepth))
		}
		return &ir.TypeRef{Kind: ir.Any}
	}
	if only := singleAllOf(sch); only != nil {
		r := s.ref(only, hint, diag.Child(ptr, "allOf", "0"))
		return withNullable(r, sch.Nullable)
	}
	if only := singleUnion(sch); only != nil {
		r := s.ref(only, hint, ptr)
		return withNullable(r, sch.Nullable)
	}
	if kind, ok := namedKind(sch); ok {
		nullable := sch.Nullable || enumHasNull(sch)
		if t := s.inlined[sch]; t != nil {
			return &ir.TypeRef{Kind: ir.Named, Named: t, Nullable: nullable}
		}
		key := ""
		if kind != ir.Enum && sch != s.own { // equal value sets are coincidence; equal objects are one concept copied
			key = s.prints.shape(sch)
			if t := s.byShape[key]; t != nil && key != "" {
				s.inlined[sch] = t
				return &ir.TypeRef{Kind: ir.Named, Named: t, Nullable: nullable}
			}
			if n := s.shapeNames[key]; n != "" {
				hint = n // the overrides named one of its copies
			}
		}
		if n, ok := sch.Extensions[load.ExtName].(string); ok && n != "" {
			hint = n
		}
		t := &ir.Type{Name: s.names.claim(hint), Kind: kind, Doc: describe(sch), Source: ptr}
		s.inlined[sch] = t
		if key != "" {
			s.byShape[key] = t
		}
		s.types = append(s.types, t)
		s.fill(t, sch, ptr)
		return &ir.TypeRef{Kind: ir.Named, Named: t, Nullable: nullable}
	}
	switch {
	case isType(sch, "array"):
		return &ir.TypeRef{Kind: ir.Array, Elem: s.ref(sch.Items, hint+"Item", diag.Child(ptr, "items")), Nullable: sch.Nullable}
	case isType(sch, "object") || sch.AdditionalProperties.Schema != nil:
		return &ir.TypeRef{Kind: ir.Map, Elem: s.ref(sch.AdditionalProperties.Schema, hint+"Value", diag.Child(ptr, "additionalProperties")), Nullable: sch.Nullable}
	case isType(sch, "string"):
		if sch.Format == "date-time" {
			return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.DateTime, Nullable: sch.Nullable}
		}
		return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.String, Nullable: sch.Nullable}
	case isType(sch, "integer"):
		return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.Int64, Nullable: sch.Nullable}
	case isType(sch, "number"):
		return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.Float64, Nullable: sch.Nullable}
	case isType(sch, "boolean"):
		return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.Bool, Nullable: sch.Nullable}
	}
	return &ir.TypeRef{Kind: ir.Any, Nullable: sch.Nullable}
}

func withNullable(r *ir.TypeRef, nullable bool) *ir.TypeRef {
	if nullable && !r.Nullable {
		c := *r
		c.Nullable = true
		return &c
	}
	return r
}

// namedKind tells whether a schema becomes a named type, and of which kind: objects with
// properties (or an allOf to merge), string enums, and unions.
func namedKind(sch *openapi3.Schema) (ir.TypeKind, bool) {
	switch {
	case isUnion(sch):
		return ir.Union, true
	case len(sch.AllOf) > 0 || len(sch.Properties) > 0:
		return ir.Struct, true
	case len(enumStrings(sch)) > 0:
		return ir.Enum, true
	}
	return 0, false
}

func (s *schemas) fill(t *ir.Type, sch *openapi3.Schema, ptr string) {
	switch t.Kind {
	case ir.Struct:
		s.fillStruct(t, sch, ptr)
	case ir.Enum:
		s.fillEnum(t, sch, ptr)
	case ir.Union:
		s.fillUnion(t, sch, ptr)
	}
}

// fillStruct merges the schema's own properties with those of its allOf members. Field
// names never take the name of a method the type has (MarshalJSON, UnmarshalJSON, and
// Format when it has a credential to mask).
func (s *schemas) fillStruct(t *ir.Type, sch *openapi3.Schema, ptr string) {
	m := newMerged()
	m.order = s.doc.Properties
	m.add(sch, ptr, "")
	if m.cycle != nil {
		s.errs.Add(diag.Errorf(s.doc.Pos(sch.Origin, ptr), "allOf leads back to a schema it is part of (%s): no object can be all of itself; remove the loop",
			strings.Join(m.cycle, " -> ")))
		return
	}
	fieldNames, _ := sch.Extensions[load.ExtFieldNames].(map[string]string)
	secrets := s.doc.SecretProperties()
	props := m.names
	secret := map[string]bool{}
	for _, prop := range props {
		secret[prop] = slices.Contains(secrets, prop) || isSecret(prop, m.props[prop])
	}
	seen := s.memberScope(slices.Contains(slices.Collect(maps.Values(secret)), true))
	if s.payloads[sch] {
		for _, m := range s.payloadMethods {
			seen[m] = true
		}
	}
	methods := maps.Clone(seen)
	s.budget(ptr, len(props))
	for _, prop := range props {
		name := fieldNames[prop]
		if name == "" {
			name = naming.Exported(prop, "Field")
		}
		if methods[name] {
			name += "Value"
		}
		name = uniqueWithin(seen, name)
		pr := m.props[prop]
		t.Fields = append(t.Fields, &ir.Field{
			Name:     name,
			JSONName: prop,
			Doc:      describe(pr.Value),
			Type:     s.ref(pr, s.ownerName(t, m.owners[prop])+name, m.ptrs[prop]),
			Required: m.required[prop],
			Secret:   secret[prop],
			ReadOnly: pr.Value != nil && pr.Value.ReadOnly,
			Only:     m.only[prop],
		})
	}
	switch {
	case m.extra != nil:
		t.ExtraName = uniqueWithin(seen, "AdditionalProperties")
		t.Extra = s.ref(m.extra, t.Name+"Value", diag.Child(ptr, "additionalProperties"))
	case s.keepUnknown && !m.closed:
		t.ExtraName = uniqueWithin(seen, "AdditionalProperties")
		t.Extra = &ir.TypeRef{Kind: ir.Raw}
	}
}

// memberScope starts the set of a type's member names with the methods generated code
// gives it, which no field or variant may take: a field named like one takes the suffix
// Value (MarshalJSONValue).
func (s *schemas) memberScope(masks bool) map[string]bool {
	seen := map[string]bool{}
	for _, m := range s.reservedMembers {
		if m != "Format" || masks {
			seen[m] = true
		}
	}
	return seen
}

// ownerName is the name inline types of a property are named after: the component that
// declares the property, so that a property merged in through allOf shares its type with
// the component it came from.
func (s *schemas) ownerName(t *ir.Type, owner string) string {
	if name, ok := s.components[owner]; ok {
		return name
	}
	if orig, ok := s.twins[owner]; ok {
		return s.components[orig]
	}
	return t.Name
}

// merged gathers the properties of a schema and, recursively, of its allOf members.
type merged struct {
	props    map[string]*openapi3.SchemaRef
	names    []string                  // the properties in order: allOf members' first, each in order's order
	order    func(ptr string) []string // a schema's properties in the description's order; nil: by name
	only     map[string]string         // property -> the one API that has it (load.ExtOnly)
	ptrs     map[string]string
	owners   map[string]string // property -> key of the component that declares it, if any
	required map[string]bool
	extra    *openapi3.SchemaRef
	path     []*openapi3.Schema // the allOf members being merged, outermost first
	ptrPath  []string
	cycle    []string // set when an allOf leads back to a schema it is merging: the pointers around the loop
	closed   bool     // additionalProperties: false
}

func newMerged() *merged {
	return &merged{
		props:    map[string]*openapi3.SchemaRef{},
		only:     map[string]string{},
		ptrs:     map[string]string{},
		owners:   map[string]string{},
		required: map[string]bool{},
	}
}

func (m *merged) add(sch *openapi3.Schema, ptr, owner string) {
	if i := slices.Index(m.path, sch); i >= 0 {
		if m.cycle == nil {
			m.cycle = append(slices.Clone(m.ptrPath[i:]), ptr)
		}
		return
	}
	m.path, m.ptrPath = append(m.path, sch), append(m.ptrPath, ptr)
	defer func() { m.path, m.ptrPath = m.path[:len(m.path)-1], m.ptrPath[:len(m.ptrPath)-1] }()
	for i, member := range sch.AllOf {
		if member.Value != nil {
			mptr, mowner := diag.Child(ptr, "allOf", fmt.Sprint(i)), owner
			if key, ok := strings.CutPrefix(member.Ref, componentPrefix); ok {
				mptr, mowner = diag.Pointer("components", "schemas", key), key
			}
			m.add(member.Value, mptr, mowner)
		}
	}
	only := onlyMarks(sch)
	for _, name := range m.inOrder(sch, ptr) {
		if _, seen := m.props[name]; !seen {
			m.names = append(m.names, name)
		}
		if only[name] != "" {
			m.only[name] = only[name]
		}
		m.props[name] = sch.Properties[name]
		m.ptrs[name] = diag.Child(ptr, "properties", name)
		m.owners[name] = owner
	}
	for _, r := range sch.Required {
		m.required[r] = true
	}
	if sch.AdditionalProperties.Schema != nil {
		m.extra = sch.AdditionalProperties.Schema
	}
	if has := sch.AdditionalProperties.Has; has != nil && !*has {
		m.closed = true // additionalProperties: false
	}
}

// onlyMarks reads a schema's load.ExtOnly: property or enum value -> the one API that has it.
func onlyMarks(sch *openapi3.Schema) map[string]string {
	out := map[string]string{}
	marks, _ := sch.Extensions[load.ExtOnly].(map[string]any)
	for k, v := range marks {
		if side, ok := v.(string); ok {
			out[k] = side
		}
	}
	return out
}

// inOrder lists a schema's properties in the description's order, where it is known, and
// the others (which an override added, say) after them by name.
func (m *merged) inOrder(sch *openapi3.Schema, ptr string) []string {
	var names []string
	if m.order != nil {
		for _, name := range m.order(ptr) {
			if _, ok := sch.Properties[name]; ok && !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	if len(names) == len(sch.Properties) {
		return names
	}
	for _, name := range sortedKeys(sch.Properties) {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// fillEnum names the enum's constants after the type and the value. They are package-level
// names like the types, so they are claimed from the same pool: a constant never takes the
// name of a type or of another enum's constant.
func (s *schemas) fillEnum(t *ir.Type, sch *openapi3.Schema, ptr string) {
	s.budget(ptr, len(sch.Enum))
	only := onlyMarks(sch)
	for _, v := range enumStrings(sch) {
		name := s.names.claim(t.Name + naming.Exported(v, "Empty"))
		t.Values = append(t.Values, ir.EnumValue{Name: name, Value: v, Only: only[v]})
	}
}

func (s *schemas) fillUnion(t *ir.Type, sch *openapi3.Schema, ptr string) {
	keyword, members := "oneOf", sch.OneOf
	if len(members) == 0 {
		keyword, members = "anyOf", sch.AnyOf
	}
	if sch.Discriminator != nil {
		t.Tag = sch.Discriminator.PropertyName
	}
	seen := s.memberScope(false)
	seen["Which"] = true
	methods := maps.Clone(seen)
	s.budget(ptr, len(members))
	for i, m := range members {
		mptr := diag.Child(ptr, keyword, fmt.Sprint(i))
		ref := s.ref(m, fmt.Sprintf("%sVariant%d", t.Name, i+1), mptr)
		name := caseName(ref)
		if methods[name] {
			name += "Value"
		}
		c := &ir.Case{
			Name: uniqueWithin(seen, name),
			Type: ref,
			JSON: jsonKind(m.Value),
		}
		if c.JSON == ir.JSONObject {
			c.Required = requiredOf(m.Value)
		}
		if t.Tag != "" {
			c.Tags = discriminatorValues(sch.Discriminator, m.Ref)
		}
		t.Cases = append(t.Cases, c)
	}
}

// caseName names a union variant after its type.
func caseName(r *ir.TypeRef) string {
	switch r.Kind {
	case ir.Named:
		return r.Named.Name
	case ir.Primitive:
		return map[string]string{ir.String: "String", ir.Int64: "Int64", ir.Float64: "Float64", ir.Bool: "Bool", ir.DateTime: "Time"}[r.Primitive]
	case ir.Array:
		return caseName(r.Elem) + "List"
	case ir.Map:
		return caseName(r.Elem) + "Map"
	}
	return "Value"
}

func discriminatorValues(d *openapi3.Discriminator, ref string) []string {
	var values []string
	for _, v := range sortedKeys(d.Mapping) {
		if d.Mapping[v].Ref == ref {
			values = append(values, v)
		}
	}
	if len(values) == 0 {
		if key, ok := strings.CutPrefix(ref, componentPrefix); ok {
			values = []string{key}
		}
	}
	return values
}

// jsonKind is the kind of JSON value a schema accepts.
func jsonKind(sch *openapi3.Schema) ir.JSONKind {
	for seen := map[*openapi3.Schema]bool{}; sch != nil && !seen[sch]; {
		only := singleAllOf(sch)
		if only == nil {
			break
		}
		seen[sch], sch = true, only.Value
	}
	if sch == nil {
		return ir.JSONAny
	}
	switch {
	case len(sch.AllOf) > 0 || len(sch.Properties) > 0 || isType(sch, "object"):
		return ir.JSONObject
	case isType(sch, "array"):
		return ir.JSONArray
	case isType(sch, "string"):
		return ir.JSONString
	case isType(sch, "integer"):
		return ir.JSONInteger
	case isType(sch, "number"):
		return ir.JSONNumber
	case isType(sch, "boolean"):
		return ir.JSONBoolean
	}
	return ir.JSONAny
}

// requiredOf lists the properties an object schema requires, through allOf, sorted.
func requiredOf(sch *openapi3.Schema) []string {
	m := newMerged()
	m.add(sch, "", "")
	return sortedKeys(m.required)
}

// isUnion tells whether a schema's oneOf/anyOf chooses between shapes. An anyOf or oneOf
// whose members only restate `required` lists (no type, properties or items) validates the
// object; it does not change its shape, and is left to the server.
func isUnion(sch *openapi3.Schema) bool {
	members := sch.OneOf
	if len(members) == 0 {
		members = sch.AnyOf
	}
	if len(members) < 2 {
		return false
	}
	return slices.ContainsFunc(members, func(m *openapi3.SchemaRef) bool {
		return m.Ref != "" || (m.Value != nil && !validationOnly(m.Value))
	})
}

func validationOnly(sch *openapi3.Schema) bool {
	return (sch.Type == nil || len(*sch.Type) == 0) && len(sch.Properties) == 0 && sch.Items == nil &&
		len(sch.AllOf) == 0 && len(sch.AnyOf) == 0 && len(sch.OneOf) == 0 && len(sch.Enum) == 0
}

// singleAllOf returns the member of a one-element allOf that adds nothing of its own: the
// schema is then that member.
func singleAllOf(sch *openapi3.Schema) *openapi3.SchemaRef {
	if len(sch.AllOf) == 1 && len(sch.Properties) == 0 && !isUnion(sch) {
		return sch.AllOf[0]
	}
	return nil
}

// singleUnion returns the only member of a one-element oneOf/anyOf.
func singleUnion(sch *openapi3.Schema) *openapi3.SchemaRef {
	if len(sch.Properties) > 0 || len(sch.AllOf) > 0 {
		return nil
	}
	for _, members := range []openapi3.SchemaRefs{sch.OneOf, sch.AnyOf} {
		if len(members) == 1 && members[0].Value != nil && !validationOnly(members[0].Value) {
			return members[0]
		}
	}
	return nil
}

func isType(sch *openapi3.Schema, t string) bool {
	return sch.Type != nil && sch.Type.Includes(t)
}

func enumStrings(sch *openapi3.Schema) []string {
	if !isType(sch, "string") && sch.Type != nil && len(*sch.Type) > 0 {
		return nil
	}
	var out []string
	for _, v := range sch.Enum {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func enumHasNull(sch *openapi3.Schema) bool {
	return slices.Contains(sch.Enum, nil)
}

// budget counts n more members of the model at ptr, and reports the first time the model
// grows past maxMembers.
func (s *schemas) budget(ptr string, n int) {
	s.members += n
	if s.members > maxMembers && !s.overBudget {
		s.overBudget = true
		s.errs.Add(diag.Errorf(diag.Pos{File: s.doc.File, Pointer: ptr}, "the model passes %d fields, variants and enum values here, more than Go code that compiles can hold; "+
			"generate a subset (-tags, -operations, -paths) or share repeated schemas as components", maxMembers))
	}
}

// isSecret tells whether a property or parameter holds a credential by a general rule: its
// name says so (naming.LooksSecret) or its format is password. The overrides name others.
func isSecret(name string, sref *openapi3.SchemaRef) bool {
	return naming.LooksSecret(name) || sref != nil && sref.Value != nil && sref.Value.Format == "password"
}

func describe(sch *openapi3.Schema) string {
	if sch == nil {
		return ""
	}
	if d := firstParagraph(sch.Description); d != "" {
		return d
	}
	return firstParagraph(sch.Title)
}

// sortedKeys lists a map's keys in order, so that every walk over a map is deterministic.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
