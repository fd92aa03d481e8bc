package load

import (
	"context"
	"errors"
	"reflect"

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
		errs.Add(&diag.Error{Pos: d.Pos(originOf(e), ""), Msg: "invalid description", Err: e})
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
