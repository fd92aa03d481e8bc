package emitgo

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

func operations(api *ir.API, opts Options, n *goNames) *jen.File {
	f := newFile(opts.Package)
	for _, op := range api.Operations {
		descriptor(f, op, n, api.InstallationTokens != nil && api.InstallationTokens.Revoke == op)
		if op.Params != nil {
			paramsType(f, op)
		}
		method(f, op, n)
		if op.Pages != nil {
			iterMethod(f, op, n)
		}
		f.Line()
	}
	return f
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
	if slices.ContainsFunc(op.PathParams, func(p *ir.Param) bool { return p.MultiSegment }) {
		var kinds []jen.Code
		for _, p := range op.PathParams {
			kinds = append(kinds, jen.Id(segmentKind(p)))
		}
		fields[jen.Id("pathKinds")] = jen.Index().Id("segments").Values(kinds...)
	}
	if len(op.Auth) > 0 {
		var creds []jen.Code
		for _, c := range op.Auth {
			creds = append(creds, jen.Id(credentialConst[c]))
		}
		fields[jen.Id("auth")] = jen.Index().Id("credential").Values(creds...)
	}
	if revokes {
		fields[jen.Id("revokesToken")] = jen.True()
	}
	f.Var().Id(n.descriptor[op]).Op("=").Id("operation").Values(fields)
	f.Line()
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
	ir.CredNone:              "credNone",
}

// credentialText says in a doc comment what a credential is and which option gives it.
var credentialText = map[ir.Credential]string{
	ir.CredAppJWT:            "the app JWT (WithAppAuth, WithAppSigner)",
	ir.CredInstallationToken: "an installation token (WithInstallation, WithInstallationToken)",
	ir.CredToken:             "a user access token or classic PAT (WithToken)",
	ir.CredBasic:             "the app's client id and secret (WithClientCredentials)",
	ir.CredNone:              "no credential",
}

func authDoc(op *ir.Operation) string {
	if len(op.Auth) == 0 {
		return "Credentials: the description declares none; the client's token (WithToken) is sent when it has one."
	}
	parts := make([]string, len(op.Auth))
	for i, c := range op.Auth {
		parts[i] = credentialText[c]
	}
	return "Credentials: " + strings.Join(parts, ", or ") + "."
}

func paramsType(f *jen.File, op *ir.Operation) {
	p := op.Params
	var fields []jen.Code
	for _, fl := range p.Fields {
		fields = append(fields, docComment(fl.Doc).Id(fl.Name).Add(fieldExpr(fl.Type, fl.Required)))
	}
	f.Add(docComment(fmt.Sprintf("%s holds the query and header parameters of %s. A nil field is not sent.", p.TypeName, op.Name))).
		Type().Id(p.TypeName).Struct(fields...)
	for _, in := range []string{"query", "header"} {
		if hasParamsIn(p, in) {
			paramsEncoder(f, p, in)
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

// paramsEncoder emits the method that renders the params of one location (query or header).
func paramsEncoder(f *jen.File, p *ir.Params, in string) {
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
	f.Line()
	f.Func().Params(jen.Id("p").Op("*").Id(p.TypeName)).Id(in).Params().Add(target).Block(body...)
}

// encodeParam sets one parameter: arrays repeat the key (explode) or join with commas.
func encodeParam(fl *ir.Param) jen.Code {
	val := jen.Id("p").Dot(fl.Name)
	if fl.Type.Kind == ir.Array {
		elem := textOf(fl.Type.Elem, jen.Id("x"), fl.Type.Elem.Nullable && pointable(fl.Type.Elem))
		if fl.Explode {
			return jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(val)).Block(
				jen.Id("v").Dot("Add").Call(jen.Lit(fl.WireName), elem))
		}
		return jen.If(jen.Len(val).Op(">").Lit(0)).Block(
			jen.Id("parts").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(val)),
			jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(val)).Block(
				jen.Id("parts").Op("=").Append(jen.Id("parts"), elem)),
			jen.Id("v").Dot("Set").Call(jen.Lit(fl.WireName), jen.Qual("strings", "Join").Call(jen.Id("parts"), jen.Lit(","))),
		)
	}
	set := jen.Id("v").Dot("Set").Call(jen.Lit(fl.WireName), textOf(fl.Type, val.Clone(), isPointer(fl.Type, fl.Required)))
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

// arguments are a method's parameters and the texts of its path arguments.
func arguments(op *ir.Operation, n *goNames) (args, pathArgs []jen.Code) {
	args = []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.PathParams {
		args = append(args, jen.Id(n.args[p]).Add(typeExpr(p.Type)))
		pathArgs = append(pathArgs, textOf(p.Type, jen.Id(n.args[p]), false))
	}
	if op.Params != nil {
		args = append(args, jen.Id("params").Op("*").Id(op.Params.TypeName))
	}
	if op.Body != nil {
		args = append(args, jen.Id("body").Add(bodyExpr(op.Body.Type)))
	}
	return args, pathArgs
}

// method emits the operation's method on *Client.
func method(f *jen.File, op *ir.Operation, n *goNames) {
	args, pathArgs := arguments(op, n)
	results, zero := []jen.Code{jen.Op("*").Id("Response"), jen.Error()}, []jen.Code{}
	if op.Result.Type != nil {
		results = append([]jen.Code{resultExpr(op.Result.Type)}, results...)
		zero = append(zero, jen.Nil())
		if op.Result.Type.Kind == ir.Primitive || op.Result.Type.Kind == ir.Any {
			zero[0] = zeroOf(op.Result.Type)
		}
	}
	f.Add(methodDoc(op)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).Params(args...).Params(results...).
		Block(methodBody(op, n, pathArgs, zero)...)
}

func methodDoc(op *ir.Operation) *jen.Statement {
	summary := op.Name
	if op.Summary != "" {
		summary += ": " + strings.TrimSuffix(op.Summary, ".") + "."
	}
	var docs string
	if op.DocsURL != "" {
		docs = "GitHub API docs: " + op.DocsURL
	}
	return docComment(summary, op.Doc, authDoc(op), docs, "\t"+op.Method+" "+op.Path)
}

// bodyExpr is the type of the body argument: a pointer to a named type (nil: no body).
func bodyExpr(r *ir.TypeRef) *jen.Statement {
	if r.Kind == ir.Named {
		return jen.Op("*").Add(typeExpr(r))
	}
	return typeExpr(r)
}

func zeroOf(r *ir.TypeRef) jen.Code {
	switch {
	case r.Kind == ir.Any:
		return jen.Nil()
	case r.Primitive == ir.String:
		return jen.Lit("")
	case r.Primitive == ir.Bool:
		return jen.False()
	case r.Primitive == ir.DateTime:
		return jen.Qual("time", "Time").Values()
	}
	return jen.Lit(0)
}

func methodBody(op *ir.Operation, n *goNames, pathArgs, zero []jen.Code) []jen.Code {
	fail := func(err jen.Code) jen.Code {
		return jen.Return(append(append([]jen.Code{}, zero...), jen.Nil(), err)...)
	}
	body := append(argumentChecks(op, n, fail), buildRequest(op, n, pathArgs, jen.Id("params"))...)
	if op.Result.Type == nil {
		return append(body, jen.Return(jen.Id("c").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), jen.Nil())))
	}
	return append(body, decodeResult(op, fail)...)
}

// argumentChecks reject a nil params or body where the operation requires one.
func argumentChecks(op *ir.Operation, n *goNames, fail func(jen.Code) jen.Code) []jen.Code {
	var checks []jen.Code
	if op.Params != nil && paramsRequired(op.Params) {
		checks = append(checks, jen.If(jen.Id("params").Op("==").Nil()).Block(
			fail(jen.Id("errMissing").Call(jen.Op("&").Id(n.descriptor[op]), jen.Lit("params")))))
	}
	if op.Body != nil && op.Body.Required && nilable(op.Body.Type) {
		checks = append(checks, jen.If(jen.Id("body").Op("==").Nil()).Block(
			fail(jen.Id("errMissing").Call(jen.Op("&").Id(n.descriptor[op]), jen.Lit("body")))))
	}
	return checks
}

// buildRequest declares r, the request for the call; params is the expression of the
// params struct pointer.
func buildRequest(op *ir.Operation, n *goNames, pathArgs []jen.Code, params *jen.Statement) []jen.Code {
	req := jen.Dict{jen.Id("op"): jen.Op("&").Id(n.descriptor[op])}
	if len(pathArgs) > 0 {
		req[jen.Id("pathArgs")] = jen.Index().String().Values(pathArgs...)
	}
	if op.Params != nil && hasParamsIn(op.Params, "query") {
		req[jen.Id("query")] = params.Clone().Dot("query").Call()
	}
	if op.Params != nil && hasParamsIn(op.Params, "header") {
		req[jen.Id("header")] = params.Clone().Dot("header").Call()
	}
	body := []jen.Code{jen.Id("r").Op(":=").Op("&").Id("request").Values(req)}
	if op.Body != nil {
		set := []jen.Code{
			jen.Id("r").Dot("body").Op("=").Id("body"),
			jen.Id("r").Dot("contentType").Op("=").Lit(op.Body.ContentType),
		}
		if op.Body.Type.Kind == ir.Primitive {
			set = append(set, jen.Id("r").Dot("rawBody").Op("=").True())
		}
		if nilable(op.Body.Type) {
			body = append(body, jen.If(jen.Id("body").Op("!=").Nil()).Block(set...))
		} else {
			body = append(body, set...)
		}
	}
	return body
}

func decodeResult(op *ir.Operation, fail func(jen.Code) jen.Code) []jen.Code {
	var out jen.Code
	var target jen.Code = jen.Op("&").Id("out")
	switch {
	case op.Result.Type.Kind == ir.Named:
		out = jen.Id("out").Op(":=").New(typeExpr(op.Result.Type))
		target = jen.Id("out")
	case !ir.IsJSON(op.Result.ContentType):
		out = jen.Var().Id("out").Add(typeExpr(op.Result.Type)) // text, read as it is
	default:
		out = jen.Var().Id("out").Add(typeExpr(op.Result.Type))
		target = intoTarget(op.Result.Type, jen.Op("&").Id("out"))
	}
	return []jen.Code{
		out,
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), target),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(append(zeroList(op), jen.Id("resp"), jen.Err())...)),
		jen.Return(jen.Id("out"), jen.Id("resp"), jen.Nil()),
	}
}

func zeroList(op *ir.Operation) []jen.Code {
	if op.Result.Type.Kind == ir.Primitive {
		return []jen.Code{zeroOf(op.Result.Type)}
	}
	return []jen.Code{jen.Nil()}
}

func nilable(r *ir.TypeRef) bool { return r.Kind != ir.Primitive }

func paramsRequired(p *ir.Params) bool {
	for _, fl := range p.Fields {
		if fl.Required {
			return true
		}
	}
	return false
}

// defaultPerPage is what iterators ask for unless the caller set per_page: the most GitHub
// gives, so that walking a list takes the fewest requests.
const defaultPerPage = 100

// iterMethod emits <Method>Iter, which walks every item of every page by following the
// Link header's next URL.
func iterMethod(f *jen.File, op *ir.Operation, n *goNames) {
	args, pathArgs := arguments(op, n)
	pg := op.Pages
	item := elemExpr(pg.Item)
	seq := jen.Qual("iter", "Seq2").Types(item.Clone(), jen.Error())
	var body []jen.Code
	body = append(body, argumentChecks(op, n, func(err jen.Code) jen.Code {
		return jen.Return(jen.Id("failedIter").Types(item.Clone()).Call(err))
	})...)
	body = append(body,
		jen.Var().Id("p").Id(op.Params.TypeName),
		jen.If(jen.Id("params").Op("!=").Nil()).Block(jen.Id("p").Op("=").Op("*").Id("params")),
		jen.If(jen.Id("p").Dot(pg.PerPage.Name).Op("==").Nil()).Block(
			jen.Id("p").Dot(pg.PerPage.Name).Op("=").Id("Ptr").Types(jen.Int64()).Call(jen.Lit(defaultPerPage))),
	)
	body = append(body, buildRequest(op, n, pathArgs, jen.Id("p"))...)
	page := jen.Op("*").Add(typeExpr(op.Result.Type))
	var items, target jen.Code = jen.Op("*").Id("page"), intoTarget(op.Result.Type, jen.Id("page"))
	if op.Result.Type.Kind == ir.Named {
		items, target = jen.Id("page").Dot(pg.Items.Name), jen.Id("page")
	}
	decode := jen.Func().Params(jen.Id("page").Add(page.Clone())).Id("decodeTarget").Block(jen.Return(target))
	extract := jen.Func().Params(jen.Id("page").Add(page)).Index().Add(item.Clone()).Block(jen.Return(items))
	body = append(body, jen.Return(jen.Id("iterate").Call(jen.Id("ctx"), jen.Id("c"), jen.Id("r"), decode, extract)))
	f.Line()
	f.Add(docComment(fmt.Sprintf("%sIter walks every item of every page of %s, following the Link header's next URL. "+
		"It asks for %d items a page unless params set %s. It stops at the first error, which it yields, when the loop breaks, or when ctx ends.",
		op.Name, op.Name, defaultPerPage, pg.PerPage.Name))).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name + "Iter").Params(args...).Add(seq).Block(body...)
}

// intoTarget wraps a pointer to a value that is not a named type (an array, a map, a
// scalar) with its generated decoder, as the client core's decodeTarget.
func intoTarget(r *ir.TypeRef, ptr jen.Code) jen.Code {
	return jen.Id("into").Types(typeExpr(r)).Values(ptr, decodeFunc(r))
}
