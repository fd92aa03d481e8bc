package lower

import (
	"fmt"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
)

// auth maps an operation's security requirements (its own, or else the document's) to the
// credentials a client can hold, in order of preference.
func (b *builder) auth(op *openapi3.Operation, pos diag.Pos) []ir.Credential {
	reqs := op.Security
	if reqs == nil {
		reqs = &b.doc.T.Security
	} else if len(*reqs) == 0 {
		return []ir.Credential{ir.CredNone} // `security: []` says: no credential
	}
	var out []ir.Credential
	for _, req := range *reqs {
		switch len(req) {
		case 0:
			out = append(out, ir.CredNone)
			continue
		case 1:
		default:
			b.errs.Add(diag.Errorf(pos, "a security requirement that combines schemes (%v) is not supported", sortedKeys(req)))
			continue
		}
		name := sortedKeys(req)[0]
		cred, err := b.credential(name)
		if err != nil {
			b.errs.Add(&diag.Error{Pos: pos, Err: err})
			continue
		}
		if !slices.Contains(out, cred) {
			out = append(out, cred)
		}
	}
	return out
}

// credential says which client credential satisfies a security scheme: the one the
// overrides named, else by the scheme's type (any bearer token or OAuth2 token is the
// client's token; HTTP basic is its client credentials).
func (b *builder) credential(scheme string) (ir.Credential, error) {
	var ref *openapi3.SecuritySchemeRef
	if b.doc.T.Components != nil {
		ref = b.doc.T.Components.SecuritySchemes[scheme]
	}
	if ref == nil || ref.Value == nil {
		return "", fmt.Errorf("security scheme %q is not defined", scheme)
	}
	s := ref.Value
	if c, ok := s.Extensions[load.ExtCredential].(string); ok {
		return ir.Credential(c), nil
	}
	switch {
	case s.Type == "http" && s.Scheme == "basic":
		return ir.CredBasic, nil
	case s.Type == "http" && s.Scheme == "bearer", s.Type == "oauth2", s.Type == "openIdConnect":
		return ir.CredToken, nil
	}
	return "", fmt.Errorf("security scheme %q (%s %s) is not supported", scheme, s.Type, s.Scheme)
}

// installationTokens finds the operations of the installation-token life cycle the
// overrides name, and checks that minting returns a token and its expiry.
func (b *builder) installationTokens(api *ir.API) {
	mintID, revokeID := b.doc.InstallationTokenOps()
	if mintID == "" {
		return
	}
	byID := map[string]*ir.Operation{}
	for _, op := range api.Operations {
		byID[op.ID] = op
	}
	it := &ir.InstallationTokens{Mint: byID[mintID], Revoke: byID[revokeID]}
	pos := diag.Pos{File: b.doc.File}
	if it.Mint == nil {
		return // reported by the load stage
	}
	if len(it.Mint.PathParams) != 1 || it.Mint.PathParams[0].Type.Primitive != ir.Int64 {
		b.errs.Add(diag.Errorf(pos, "%s mints installation tokens, so it must take the installation id as its only path parameter", mintID))
		return
	}
	if r := it.Mint.Result.Type; r != nil && r.Kind == ir.Named && r.Named.Kind == ir.Struct {
		for _, f := range r.Named.Fields {
			switch f.JSONName {
			case "token":
				it.TokenField = f
			case "expires_at":
				it.ExpiresField = f
			}
		}
	}
	if !requiredPrimitive(it.TokenField, ir.String) || !(requiredPrimitive(it.ExpiresField, ir.String) || requiredPrimitive(it.ExpiresField, ir.DateTime)) {
		b.errs.Add(diag.Errorf(pos, "%s mints installation tokens, so it must return an object with a required string token and expires_at time", mintID))
		return
	}
	if body := it.Mint.Body; body == nil || body.Type.Kind != ir.Named || body.Required {
		b.errs.Add(diag.Errorf(pos, "%s mints installation tokens, so it must take an optional object body (the token's scope)", mintID))
		return
	}
	api.InstallationTokens = it
}

func requiredPrimitive(f *ir.Field, primitive string) bool {
	return f != nil && f.Required && !f.Type.Nullable && f.Type.Kind == ir.Primitive && f.Type.Primitive == primitive
}
