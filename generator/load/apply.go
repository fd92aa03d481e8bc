package load

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
)

// apply puts the overrides on the document: names become extensions the later stages read,
// patches replace schema nodes. Anything an override names that the document lacks is an
// error at the override's own position.
func (d *Document) apply(ov *overrides.Set) error {
	var errs diag.List
	d.applySchemaNames(ov, &errs)
	d.applyOperationNames(ov, &errs)
	for _, p := range ov.Patches {
		if err := d.applyPatch(p); err != nil {
			errs.Add(err)
		}
	}
	described := d.OperationsByID()
	if !ov.Select.Empty() {
		if err := d.selectOperations(ov.Select); err != nil {
			errs.Add(err)
		}
	}
	if ov.Auth != nil {
		d.applyAuth(ov.Auth, described, &errs)
	}
	return errs.Err()
}

func (d *Document) applySchemaNames(ov *overrides.Set, errs *diag.List) {
	for _, key := range sortedKeys(ov.Schemas) {
		o := ov.Schemas[key]
		ref := d.T.Components.Schemas[key]
		if ref == nil || ref.Value == nil {
			errs.Add(diag.Errorf(o.Pos, "schema override: %s has no component schema %q", d.File, key))
			continue
		}
		s := ref.Value
		if s.Extensions == nil {
			s.Extensions = map[string]any{}
		}
		if o.Name != "" {
			s.Extensions[ExtName] = o.Name
		}
		for _, prop := range sortedKeys(o.Fields) {
			if _, ok := s.Properties[prop]; !ok {
				errs.Add(diag.Errorf(o.Pos, "schema override: %s has no property %q", key, prop))
			}
		}
		if len(o.Fields) > 0 {
			s.Extensions[ExtFieldNames] = o.Fields
		}
	}
}

func (d *Document) applyOperationNames(ov *overrides.Set, errs *diag.List) {
	ops := d.OperationsByID()
	for _, id := range sortedKeys(ov.Operations) {
		o := ov.Operations[id]
		op := ops[id]
		if op == nil {
			errs.Add(diag.Errorf(o.Pos, "operation override: %s has no operation %q", d.File, id))
			continue
		}
		if op.Extensions == nil {
			op.Extensions = map[string]any{}
		}
		if o.Name != "" {
			op.Extensions[ExtName] = o.Name
		}
		if o.Items != "" {
			op.Extensions[ExtItems] = o.Items
		}
	}
}

// OperationsByID indexes the document's operations by operationId.
func (d *Document) OperationsByID() map[string]*openapi3.Operation {
	out := map[string]*openapi3.Operation{}
	for _, item := range d.T.Paths.Map() {
		for _, op := range item.Operations() {
			if op.OperationID != "" {
				out[op.OperationID] = op
			}
		}
	}
	return out
}

func (d *Document) applyPatch(p *overrides.Patch) *diag.Error {
	if p.Value != nil {
		if err := setExampleValue(d.T, p.At, p.Value); err != nil {
			return &diag.Error{Pos: p.Pos, Msg: "patch at " + p.At, Err: err}
		}
		return nil
	}
	place, err := schemaSlot(d.T, p.At)
	if err != nil {
		return &diag.Error{Pos: p.Pos, Msg: "patch at " + p.At, Err: err}
	}
	if p.Name != "" {
		ref := place.get()
		if ref.Ref != "" {
			return diag.Errorf(p.Pos, "patch at %s: that is a $ref to %s; name the component in a schema override", p.At, ref.Ref)
		}
		if ref.Value.Extensions == nil {
			ref.Value.Extensions = map[string]any{}
		}
		ref.Value.Extensions[ExtName] = p.Name
		d.NamedInline = append(d.NamedInline, ref.Value)
		return nil
	}
	if p.Ref != "" {
		target := d.T.Components.Schemas[p.Ref]
		if target == nil {
			return diag.Errorf(p.Pos, "patch at %s: no component schema %q", p.At, p.Ref)
		}
		place.set(&openapi3.SchemaRef{Ref: "#/components/schemas/" + p.Ref, Value: target.Value})
		return nil
	}
	replacement, err := d.inlineSchema(p.Schema)
	if err != nil {
		return &diag.Error{Pos: p.Pos, Msg: "patch at " + p.At + ": schema", Err: err}
	}
	place.set(replacement)
	return nil
}

// inlineSchema decodes a schema written in an override and resolves its local $refs.
func (d *Document) inlineSchema(raw map[string]any) (*openapi3.SchemaRef, error) {
	data, err := json.Marshal(raw)
	if err != nil {
		return nil, err
	}
	ref := &openapi3.SchemaRef{}
	if err := json.Unmarshal(data, ref); err != nil {
		return nil, err
	}
	return ref, d.resolveLocalRefs(ref, map[*openapi3.SchemaRef]bool{})
}

func (d *Document) resolveLocalRefs(ref *openapi3.SchemaRef, seen map[*openapi3.SchemaRef]bool) error {
	if ref == nil || seen[ref] {
		return nil
	}
	seen[ref] = true
	if ref.Ref != "" {
		name, local := strings.CutPrefix(ref.Ref, "#/components/schemas/")
		target := d.T.Components.Schemas[name]
		if !local || target == nil {
			return fmt.Errorf("$ref %q does not name a component schema", ref.Ref)
		}
		ref.Value = target.Value
		return nil
	}
	s := ref.Value
	if s == nil {
		return nil
	}
	children := append(append(append(openapi3.SchemaRefs{s.Items, s.AdditionalProperties.Schema}, s.AllOf...), s.AnyOf...), s.OneOf...)
	for _, name := range sortedKeys(s.Properties) {
		children = append(children, s.Properties[name])
	}
	for _, c := range children {
		if err := d.resolveLocalRefs(c, seen); err != nil {
			return err
		}
	}
	return nil
}

// sortedKeys lists a map's keys in order, so that every walk over a map is deterministic.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
