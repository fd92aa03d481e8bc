package load

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
)

// Extensions the auth overrides become, beside standard securitySchemes and security.
const (
	ExtCredential         = "x-ghappsgen-credential"          // on a security scheme: the client credential it is
	ExtInstallationTokens = "x-ghappsgen-installation-tokens" // on the document: {mint, revoke} operationIds
	ExtSecretProperties   = "x-ghappsgen-secret-properties"   // on the document: property names that hold secrets
)

// schemeFor names the security scheme each credential becomes.
var schemeFor = map[string]struct {
	name   string
	scheme *openapi3.SecurityScheme
}{
	overrides.CredAppJWT:            {"appJWT", &openapi3.SecurityScheme{Type: "http", Scheme: "bearer", BearerFormat: "JWT", Description: "A JWT signed with the GitHub App's private key."}},
	overrides.CredInstallationToken: {"installationToken", &openapi3.SecurityScheme{Type: "http", Scheme: "bearer", Description: "An installation access token."}},
	overrides.CredUserToken:         {"userToken", &openapi3.SecurityScheme{Type: "http", Scheme: "bearer", Description: "A user access token or a personal access token (classic)."}},
	overrides.CredBasic:             {"clientBasic", &openapi3.SecurityScheme{Type: "http", Scheme: "basic", Description: "The GitHub App's client_id and client_secret."}},
}

// applyAuth turns the auth overrides into ordinary OpenAPI: a security scheme per credential
// used and a security requirement list per operation. Every operation must have an entry,
// and every entry must name an operation of the document.
// described holds every operation of the description, selected or not: an entry for an
// operation that is only left out of the selection is not an error.
func (d *Document) applyAuth(a *overrides.Auth, described map[string]*openapi3.Operation, errs *diag.List) {
	ops := d.OperationsByID()
	for _, id := range sortedKeys(a.Operations) {
		if described[id] == nil {
			errs.Add(diag.Errorf(a.Operations[id].Pos, "auth: %s has no operation %q", d.File, id))
		}
	}
	for _, id := range sortedKeys(ops) {
		entry := a.Operations[id]
		if entry == nil {
			errs.Add(diag.Errorf(d.Pos(ops[id].Origin, ""), "operation %s has no auth entry in the overrides; say which credentials it accepts", id))
			continue
		}
		reqs := openapi3.SecurityRequirements{}
		for _, cred := range entry.Accepts {
			if cred == overrides.CredNone {
				reqs = append(reqs, openapi3.SecurityRequirement{})
				continue
			}
			s, ok := schemeFor[cred]
			if !ok {
				continue // reported by the overrides parser
			}
			d.addScheme(s.name, s.scheme, cred, a.Pos, errs)
			reqs = append(reqs, openapi3.SecurityRequirement{s.name: []string{}})
		}
		ops[id].Security = &reqs
	}
	d.setExtension(ExtSecretProperties, a.SecretProperties)
	if it := a.InstallationTokens; it != nil {
		for _, id := range []string{it.Mint, it.Revoke} {
			if id != "" && described[id] == nil {
				errs.Add(diag.Errorf(a.Pos, "auth.installation_tokens: %s has no operation %q", d.File, id))
			}
		}
		d.setExtension(ExtInstallationTokens, map[string]string{"mint": it.Mint, "revoke": it.Revoke})
	}
}

func (d *Document) addScheme(name string, scheme *openapi3.SecurityScheme, cred string, pos diag.Pos, errs *diag.List) {
	if d.T.Components == nil {
		d.T.Components = &openapi3.Components{}
	}
	if d.T.Components.SecuritySchemes == nil {
		d.T.Components.SecuritySchemes = openapi3.SecuritySchemes{}
	}
	if have, ok := d.T.Components.SecuritySchemes[name]; ok {
		if have.Value == nil || have.Value.Extensions[ExtCredential] != cred {
			errs.Add(diag.Errorf(pos, "auth: the description already has a security scheme %q", name))
		}
		return
	}
	s := *scheme
	s.Extensions = map[string]any{ExtCredential: cred}
	d.T.Components.SecuritySchemes[name] = &openapi3.SecuritySchemeRef{Value: &s}
}

func (d *Document) setExtension(key string, value any) {
	if d.T.Extensions == nil {
		d.T.Extensions = map[string]any{}
	}
	d.T.Extensions[key] = value
}

// SecretProperties returns the property names the overrides mark as secrets.
func (d *Document) SecretProperties() []string {
	names, _ := d.T.Extensions[ExtSecretProperties].([]string)
	return slices.Clone(names)
}

// InstallationTokenOps returns the operationIds that mint and revoke installation tokens.
func (d *Document) InstallationTokenOps() (mint, revoke string) {
	m, _ := d.T.Extensions[ExtInstallationTokens].(map[string]string)
	return m["mint"], m["revoke"]
}
