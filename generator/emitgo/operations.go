package emitgo

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// operations writes ops: each one's descriptor, parameters, answer type and methods.
func operations(f *jen.File, ops []*ir.Operation, api *ir.API, n *goNames) {
	for _, op := range ops {
		descriptor(f, op, n, api.InstallationTokens != nil && api.InstallationTokens.Revoke == op)
		if op.Params != nil {
			paramsType(f, op, n)
		}
		if t := op.Result.Type; t != nil && t.Kind == ir.Named && t.Named.Kind == ir.ByStatus {
			byStatusType(f, t.Named, n)
		}
		for _, cl := range calls(op) {
			method(f, cl, n)
		}
		if op.Pages != nil {
			iterMethod(f, op, n)
		}
		f.Line()
	}
}

var pathParam = regexp.MustCompile(`\{[^{}]+\}`)

// descriptor emits the operation's static description: its id, method, path and the
// literal parts of its path template, split once here rather than on every call.
func descriptor(f *jen.File, op *ir.Operation, n *goNames, revokes bool) {
	parts := pathParam.Split(op.Path, -1)
	fields := jen.Dict{
		jen.Id("id"):        jen.Lit(op.ID),
		jen.Id("method"):    jen.Lit(op.Method),
		jen.Id("path"):      jen.Lit(op.Path),
		jen.Id("pathParts"): jen.Index().String().Values(lits(parts)...),
		jen.Id("status"):    jen.Lit(op.Result.Status),
	}
	if op.Server != "" {
		fields[jen.Id("server")] = jen.Lit(op.Server)
	}
	if b := op.Body; b != nil {
		fields[jen.Id("contentType")] = jen.Lit(b.ContentType)
		if b.Kind != ir.BodyJSON {
			fields[jen.Id("bodyKind")] = jen.Id(bodyKindConst[b.Kind])
		}
		if len(b.Files) > 0 {
			fields[jen.Id("fileParts")] = jen.Index().String().Values(lits(b.Files)...)
		}
	}
	if op.Result.Type != nil && len(op.Result.Empty) > 0 {
		var codes []jen.Code
		for _, s := range op.Result.Empty {
			codes = append(codes, jen.Lit(s))
		}
		fields[jen.Id("empty")] = jen.Index().Int().Values(codes...)
	}
	if slices.ContainsFunc(op.PathSlots, func(p *ir.Param) bool { return p.MultiSegment }) {
		var kinds []jen.Code
		for _, p := range op.PathSlots {
			kinds = append(kinds, jen.Id(segmentKind(p)))
		}
		fields[jen.Id("pathKinds")] = jen.Index().Id("segments").Values(kinds...)
	}
	if len(op.Auth) > 0 {
		var reqs []jen.Code
		for _, r := range op.Auth {
			var creds []jen.Code
			for _, c := range r {
				creds = append(creds, credentialExpr(c))
			}
			reqs = append(reqs, jen.Values(creds...))
		}
		fields[jen.Id("auth")] = jen.Index().Index().Id("credential").Values(reqs...)
	}
	if revokes {
		fields[jen.Id("revokesToken")] = jen.True()
	}
	f.Var().Id(n.descriptor[op]).Op("=").Id("operation").Values(fields)
	f.Line()
}

// bodyKindConst names the client core's constant for how a request body is written.
var bodyKindConst = map[ir.BodyKind]string{
	ir.BodyJSON: "bodyJSON", ir.BodyText: "bodyText", ir.BodyBinary: "bodyStream",
	ir.BodyForm: "bodyForm", ir.BodyMultipart: "bodyMultipart",
}

// segmentKind names the client core's constant for how a path parameter becomes text.
func segmentKind(p *ir.Param) string {
	switch {
	case p.MayBeEmpty:
		return "manySegmentsOrNone"
	case p.MultiSegment:
		return "manySegments"
	}
	return "oneSegment"
}

// credentialConst names the client core's constant for each credential.
var credentialConst = map[ir.Credential]string{
	ir.CredAppJWT:            "credAppJWT",
	ir.CredInstallationToken: "credInstallationToken",
	ir.CredToken:             "credToken",
	ir.CredBasic:             "credBasic",
	ir.CredMutualTLS:         "credMutualTLS",
	ir.CredUnsendable:        "credUnsendable",
}

// credentialExpr is a credential in generated code: the client core's constant, or an API
// key's credential, which the core's apiKeySchemes holds.
func credentialExpr(c ir.Credential) jen.Code {
	if name, ok := credentialConst[c]; ok {
		return jen.Id(name)
	}
	return jen.Lit(string(c))
}

// credentialText says in a doc comment what a credential is and which option gives it.
var credentialText = map[ir.Credential]string{
	ir.CredAppJWT:            "the app JWT (WithAppAuth, WithAppSigner)",
	ir.CredInstallationToken: "an installation token (WithInstallation, WithInstallationToken)",
	ir.CredToken:             "a user access token or classic PAT (WithToken)",
	ir.CredBasic:             "the app's client id and secret (WithClientCredentials)",
	ir.CredMutualTLS:         "a TLS client certificate, which WithHTTPClient's transport presents",
	ir.CredUnsendable:        "credentials that would all be the Authorization header, which no request can carry",
}

func authDoc(op *ir.Operation) string {
	if len(op.Auth) == 0 {
		return "Credentials: the description declares none; the client's token (WithToken) is sent when it has one."
	}
	parts := make([]string, len(op.Auth))
	for i, r := range op.Auth {
		creds := make([]string, len(r))
		for j, c := range r {
			creds[j] = credentialText[c]
			if creds[j] == "" {
				creds[j] = fmt.Sprintf("the API key of %s (WithAPIKey)", strings.TrimPrefix(string(c), "api-key:"))
			}
		}
		parts[i] = strings.Join(creds, " and ")
		if len(r) == 0 {
			parts[i] = "no credential"
		}
	}
	return "Credentials: " + strings.Join(parts, ", or ") + "."
}

func paramsType(f *jen.File, op *ir.Operation, n *goNames) {
	p := op.Params
	var fields []jen.Code
	for _, fl := range p.Fields {
		fields = append(fields, docComment(fl.Doc).Id(fl.Name).Add(fieldExpr(fl.Type, fl.Required)))
	}
	f.Add(docComment(fmt.Sprintf("%s holds the query and header parameters of %s. A nil field is not sent.", p.TypeName, methodRef(op)))).
		Type().Id(p.TypeName).Struct(fields...)
	for _, in := range paramLocations {
		if hasParamsIn(p, in) {
			paramsEncoder(f, p, in, n.encoder[paramsIn{p, in}])
		}
	}
	if secrets := secretParams(p); len(secrets) > 0 {
		maskingFormat(f, p.TypeName, secrets)
	}
}

func hasParamsIn(p *ir.Params, in string) bool {
	for _, fl := range p.Fields {
		if fl.In == in {
			return true
		}
	}
	return false
}

// paramLocations are where params other than the path's go, each rendered by a function of
// its own.
var paramLocations = []string{"query", "header", "cookie"}

// paramsEncoder emits the function that renders the params of one location: query and
// cookie values (by name, the client core sets the cookies) or headers. A function, not a
// method: a method would cost a whole API's compile a type descriptor for its signature.
func paramsEncoder(f *jen.File, p *ir.Params, in, name string) {
	target, ctor := jen.Qual("net/url", "Values"), jen.Qual("net/url", "Values").Values()
	if in == "header" {
		target, ctor = jen.Qual("net/http", "Header"), jen.Qual("net/http", "Header").Values()
	}
	body := []jen.Code{
		jen.If(jen.Id("p").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("v").Op(":=").Add(ctor),
	}
	for _, fl := range p.Fields {
		if fl.In == in {
			body = append(body, encodeParam(fl))
		}
	}
	body = append(body, jen.Return(jen.Id("v")))
	what := map[string]string{"query": "query values", "header": "headers", "cookie": "cookies, by name"}[in]
	f.Line()
	f.Add(docComment(fmt.Sprintf("%s renders the %s p sets; nil when p is nil.", name, what))).
		Func().Id(name).Params(jen.Id("p").Op("*").Id(p.TypeName)).Add(target).Block(body...)
}

// encodeParam sets one parameter: arrays repeat the key (explode) or join with commas.
// Query and cookie values go through valuesSet and valuesAdd (url.Values' methods, out of
// line), headers through http.Header's.
func encodeParam(fl *ir.Param) jen.Code {
	val := jen.Id("p").Dot(fl.Name)
	setter := func(method string, key, value jen.Code) jen.Code {
		if fl.In == "header" {
			return jen.Id("v").Dot(method).Call(key, value)
		}
		return jen.Id("values"+method).Call(jen.Id("v"), key, value)
	}
	if fl.Type.Kind == ir.Array {
		elem := textOf(fl.Type.Elem, jen.Id("x"), fl.Type.Elem.Nullable && pointable(fl.Type.Elem))
		if fl.Explode {
			return jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(val)).Block(
				setter("Add", jen.Lit(fl.WireName), elem))
		}
		return jen.If(jen.Len(val).Op(">").Lit(0)).Block(
			jen.Id("parts").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(val)),
			jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(val)).Block(
				jen.Id("parts").Op("=").Append(jen.Id("parts"), elem)),
			setter("Set", jen.Lit(fl.WireName), jen.Qual("strings", "Join").Call(jen.Id("parts"), jen.Lit(","))),
		)
	}
	set := setter("Set", jen.Lit(fl.WireName), textOf(fl.Type, val.Clone(), isPointer(fl.Type, fl.Required)))
	if isPointer(fl.Type, fl.Required) || fl.Type.Kind == ir.Map || fl.Type.Kind == ir.Any {
		return jen.If(val.Clone().Op("!=").Nil()).Block(set)
	}
	return set
}

// textOf renders a parameter value as text; deref says v is a pointer.
func textOf(r *ir.TypeRef, v *jen.Statement, deref bool) *jen.Statement {
	if r.Kind == ir.Primitive && r.Primitive == ir.DateTime {
		return v.Dot("Format").Call(jen.Qual("time", "RFC3339")) // methods deref by themselves
	}
	if deref {
		v = jen.Op("*").Add(v)
	}
	switch {
	case r.Kind == ir.Primitive && r.Primitive == ir.Int64:
		return jen.Qual("strconv", "FormatInt").Call(v, jen.Lit(10))
	case r.Kind == ir.Primitive && r.Primitive == ir.Float64:
		return jen.Qual("strconv", "FormatFloat").Call(v, jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
	case r.Kind == ir.Primitive && r.Primitive == ir.Bool:
		return jen.Qual("strconv", "FormatBool").Call(v)
	case r.Kind == ir.Primitive:
		return v
	case r.Kind == ir.Named && r.Named.Kind == ir.Enum:
		return jen.String().Call(v)
	}
	return jen.Id("jsonText").Call(v)
}

// group emits a group's type, a view of the client that holds the methods of the
// operations with the group's tag, and the client's method that returns it.
func group(f *jen.File, g *ir.Group) {
	doc := fmt.Sprintf("%s holds the operations tagged %q.", g.TypeName, g.Tag)
	if g.Doc != "" {
		doc += " " + strings.TrimSuffix(g.Doc, ".") + "."
	}
	f.Add(docComment(doc, fmt.Sprintf("Get it from the client: c.%s().", g.Name))).Type().Id(g.TypeName).Id("Client")
	f.Line()
	f.Add(docComment(fmt.Sprintf("%s returns the operations tagged %q: a view of c, which costs nothing to make.", g.Name, g.Tag))).
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id(g.Name).Params().Op("*").Id(g.TypeName).Block(
		jen.Return(jen.Parens(jen.Op("*").Id(g.TypeName)).Call(jen.Id("c"))))
	f.Line()
}
