package load

import (
	"context"
	"errors"
	"reflect"
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
	for _, e := range flatten(err) {
		var conflict *openapi3.ConflictingPathsError
		if errors.As(e, &conflict) {
			continue
		}
		errs.Add(&diag.Error{Pos: d.Pos(originOf(e), pointerOf(e)), Msg: "invalid description", Err: e})
	}
	return errs.Err()
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
