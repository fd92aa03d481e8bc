package load

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
)

// validate runs kin-openapi's validation and reports each problem at its position. Two
// kinds of finding are left out, because they do not stop a client from being correct:
// examples that break their schemas (GitHub ships some; examples never reach generated
// code) and paths that differ only in their parameters' names (api.github.com has
// /orgs/{org}/attestations/{subject_digest} beside .../{attestation_id}: distinct
// operations, each called by its own method).
func (d *Document) validate() error {
	err := d.T.Validate(context.Background(), openapi3.DisableExamplesValidation(), openapi3.EnableMultiError())
	if err == nil {
		return nil
	}
	var errs diag.List
	loops := d.refLoops()
	for _, e := range loops {
		errs.Add(e)
	}
	for _, e := range flatten(err) {
		var conflict *openapi3.ConflictingPathsError
		switch {
		case errors.As(e, &conflict):
			continue
		case len(loops) > 0 && strings.Contains(e.Error(), "found unresolved ref"):
			continue // the loop, reported above, is why
		case strings.Contains(e.Error(), "is not supported by OpenAPIv3 standard (charset"):
			// OpenAPI limits component names to [a-zA-Z0-9._-]; a name outside that (über,
			// "with space") still names its component plainly, and becomes a Go name anyway.
			d.Warnings.Add(&diag.Error{Pos: d.Pos(originOf(e), pointerOf(e)), Msg: "a component name outside OpenAPI's [a-zA-Z0-9._-]", Err: unwrapAll(e)})
			continue
		}
		pos := d.Pos(originOf(e), pointerOf(e))
		if ptr := pointerInMessage.FindString(e.Error()); ptr != "" {
			pos.Pointer, pos.Line, pos.Column = "#"+ptr, 0, 0 // kin names the very node: more precise than its context; found by Locate
		}
		errs.Add(&diag.Error{Pos: pos, Msg: "invalid description", Err: withHint(e)})
	}
	return errs.Err()
}

// pointerInMessage finds a JSON pointer a kin-openapi message names (its security
// requirements do: /paths/~1cache/get/security/0/api_key).
var pointerInMessage = regexp.MustCompile(`/(paths|components|webhooks)/\S+`)

// hints say what to change for the refusals kin-openapi words without saying it.
var hints = []struct{ finding, advice string }{
	{"refers to undefined security scheme", "define the scheme under components.securitySchemes, or remove the requirement"},
	{"found unresolved ref", "point the $ref at a component that exists"},
	{"duplicate operationId", "give each operation an operationId of its own"},
	{"value of openapi must be a non-empty string", `start the description with openapi: "3.0.3" or "3.1.0" (or swagger: "2.0")`},
	{"must have a description", "give it a description, which OpenAPI requires"},
	{"is not supported by OpenAPIv3 standard", "use only letters, digits, '.', '-' and '_' in component names"},
}

// withHint appends to a kin-openapi error what to change, where the generator knows it.
func withHint(err error) error {
	for _, h := range hints {
		if strings.Contains(err.Error(), h.finding) {
			return fmt.Errorf("%w; %s", err, h.advice)
		}
	}
	return err
}

// unwrapAll is the innermost error of a chain: kin-openapi wraps a finding in the names of
// everything around it, which the position already says.
func unwrapAll(err error) error {
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err
		}
		err = inner
	}
}

// refLoops finds component schemas whose $ref leads, through other references only, back
// to where it started: a schema that names no schema at all. kin-openapi reports each as
// an unresolved reference, which misleads.
func (d *Document) refLoops() []*diag.Error {
	if d.T.Components == nil {
		return nil
	}
	var out []*diag.Error
	schemas := d.T.Components.Schemas
	for _, key := range sortedKeys(schemas) {
		chain := []string{key}
		for next := key; ; {
			ref := schemas[next]
			name, ok := strings.CutPrefix(refOf(ref), "#/components/schemas/")
			if !ok || schemas[name] == nil {
				break
			}
			if name == key {
				ptr := diag.Pointer("components", "schemas", key)
				out = append(out, diag.Errorf(d.Pos(schemas[key].Origin, ptr), "$ref leads back to itself (%s): it names no schema; give it one", strings.Join(append(chain, key), " -> ")))
				break
			}
			if slices.Contains(chain, name) {
				break // a loop that does not pass through key: reported from its own members
			}
			chain = append(chain, name)
			next = name
		}
	}
	return out
}

func refOf(r *openapi3.SchemaRef) string {
	if r == nil {
		return ""
	}
	return r.Ref
}

func flatten(err error) []error {
	var me openapi3.MultiError
	if !errors.As(err, &me) {
		return []error{err}
	}
	var out []error
	for _, e := range me {
		out = append(out, flatten(e)...)
	}
	return out
}

// originOf finds the Origin a kin-openapi validation error carries, if it carries one.
func originOf(err error) *openapi3.Origin {
	for e := err; e != nil; e = errors.Unwrap(e) {
		v := reflect.ValueOf(e)
		if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if f := v.Elem().FieldByName("Origin"); f.IsValid() {
				if o, ok := f.Interface().(*openapi3.Origin); ok && o != nil {
					return o
				}
			}
		}
	}
	return nil
}

// componentSections maps kin-openapi's component section names to the document's keys.
var componentSections = map[string]string{
	"schema": "schemas", "parameter": "parameters", "header": "headers", "request body": "requestBodies",
	"response": "responses", "security scheme": "securitySchemes", "example": "examples", "link": "links",
	"callback": "callbacks",
}

// pointerOf builds the JSON pointer of what a kin-openapi validation error is about, from the
// context it wraps the error in (section, path, operation, component) and from the Path and
// Method a leaf error names; "" when it names nothing.
func pointerOf(err error) string {
	var tokens []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch c := e.(type) {
		case *openapi3.SectionValidationError:
			if c.Section == "paths" || c.Section == "components" {
				tokens = append(tokens, c.Section)
			}
		case *openapi3.PathValidationError:
			tokens = append(tokens, c.Path)
		case *openapi3.OperationValidationError:
			tokens = append(tokens, strings.ToLower(c.Method))
		case *openapi3.ComponentValidationError:
			if section, ok := componentSections[c.Section]; ok {
				tokens = append(tokens, section, c.Name)
			}
		case *openapi3.PathParametersError:
			return diag.Pointer("paths", c.Path, strings.ToLower(c.Method))
		}
	}
	if len(tokens) == 0 {
		return ""
	}
	if tokens[0] != "paths" && tokens[0] != "components" {
		return ""
	}
	return diag.Pointer(tokens...)
}
