package lower

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
)

// auth maps an operation's security requirements (its own, or else the document's) to the
// ways a client can meet them, in order of preference. A requirement that names several
// schemes needs every credential at once (an API key and a token); one whose credentials
// would all be the Authorization header cannot be sent, and is left out with a warning.
func (b *builder) auth(op *openapi3.Operation, pos diag.Pos) []ir.Requirement {
	reqs := op.Security
	if reqs == nil {
		reqs = &b.doc.T.Security
	} else if len(*reqs) == 0 {
		return []ir.Requirement{{}} // `security: []` says: no credential
	}
	var out []ir.Requirement
	for _, req := range *reqs {
		var r ir.Requirement
		ok := true
		for _, name := range sortedKeys(req) {
			cred, err := b.credential(name)
			if err != nil {
				b.errs.Add(&diag.Error{Pos: pos, Err: err})
				ok = false
				continue
			}
			if cred != ir.CredNone {
				r = append(r, cred)
			}
		}
		if !ok {
			continue
		}
		if n := authorizationHeaders(r, b.apiKeys); n > 1 {
			b.warn(diag.Errorf(pos, "the security requirement %v needs %d credentials in the Authorization header, which holds one: no client can meet it", sortedKeys(req), n))
			r = ir.Requirement{ir.CredUnsendable}
		}
		if !slices.ContainsFunc(out, func(o ir.Requirement) bool { return slices.Equal(o, r) }) {
			out = append(out, r)
		}
	}
	return out
}

// authorizationHeaders counts the credentials of a requirement that are sent in the
// Authorization header.
func authorizationHeaders(r ir.Requirement, keys map[string]*ir.APIKey) int {
	n := 0
	for _, c := range r {
		switch c {
		case ir.CredAppJWT, ir.CredInstallationToken, ir.CredToken, ir.CredBasic:
			n++
		default:
			if k := keys[string(c)]; k != nil && k.In == "header" && strings.EqualFold(k.Name, "Authorization") {
				n++
			}
		}
	}
	return n
}

// credential says which client credential satisfies a security scheme: the one the
// overrides named, else by the scheme's type: any bearer token, OAuth2 or OpenID Connect
// token is the client's token; HTTP basic is its client credentials; an apiKey is a key of
// its own, in the header, query parameter or cookie it names; mutual TLS is the transport's
// client certificate.
func (b *builder) credential(scheme string) (ir.Credential, error) {
	var ref *openapi3.SecuritySchemeRef
	if b.doc.T.Components != nil {
		ref = b.doc.T.Components.SecuritySchemes[scheme]
	}
	if ref == nil || ref.Value == nil {
		return "", fmt.Errorf("security scheme %q is not defined; define it under components.securitySchemes", scheme)
	}
	s := ref.Value
	if c, ok := s.Extensions[load.ExtCredential].(string); ok {
		return ir.Credential(c), nil
	}
	switch {
	case s.Type == "http" && strings.EqualFold(s.Scheme, "basic"):
		return ir.CredBasic, nil
	case s.Type == "http" && strings.EqualFold(s.Scheme, "bearer"), s.Type == "oauth2", s.Type == "openIdConnect":
		return ir.CredToken, nil
	case s.Type == "apiKey" && (s.In == "header" || s.In == "query" || s.In == "cookie") && s.Name != "":
		cred := ir.APIKeyCredential(scheme)
		b.apiKeys[string(cred)] = &ir.APIKey{Scheme: scheme, In: s.In, Name: s.Name}
		return cred, nil
	case s.Type == "apiKey":
		return "", fmt.Errorf("security scheme %q: an apiKey needs `in` (header, query or cookie) and `name`", scheme)
	case s.Type == "mutualTLS":
		return ir.CredMutualTLS, nil
	case s.Type == "http":
		return "", fmt.Errorf("security scheme %q: HTTP %q authentication is not supported, only basic and bearer; describe it as one of those, or send it through WithHTTPClient's transport and leave the requirement out", scheme, s.Scheme)
	}
	return "", fmt.Errorf("security scheme %q: type %q is not one of apiKey, http, oauth2, openIdConnect, mutualTLS", scheme, s.Type)
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
