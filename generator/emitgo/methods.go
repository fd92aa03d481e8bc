package emitgo

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// call is one method of an operation: the operation's own, or one of its variants, which
// asks for another media type and reads its answer accordingly.
type call struct {
	op     *ir.Operation
	name   string
	result *ir.Result
	accept string // the media type asked for; "" for the client's default
}

// calls lists an operation's methods: its own and its variants'. Each asks for the media
// type it reads, unless that is JSON, for which the client asks in its own way.
func calls(op *ir.Operation) []call {
	primary := call{op: op, name: op.Name, result: op.Result}
	if op.Result.Body == ir.BodyText || op.Result.Body == ir.BodyBinary {
		primary.accept = op.Result.ContentType
	}
	out := []call{primary}
	for _, v := range op.Variants {
		out = append(out, call{op: op, name: v.Name, result: v.Result, accept: v.MediaType})
	}
	return out
}

// arguments are a method's parameters and the texts of its path arguments.
func arguments(op *ir.Operation, n *goNames) (args, pathArgs []jen.Code) {
	args = []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.PathParams {
		args = append(args, jen.Id(n.args[p]).Add(typeExpr(p.Type)))
	}
	for _, p := range op.PathSlots {
		pathArgs = append(pathArgs, textOf(p.Type, jen.Id(n.args[p]), false))
	}
	if op.Params != nil {
		args = append(args, jen.Id("params").Op("*").Id(op.Params.TypeName))
	}
	if op.Body != nil {
		args = append(args, jen.Id("body").Add(bodyExpr(op.Body.Type)))
	}
	return append(args, jen.Id("opts").Op("...").Id("CallOption")), pathArgs
}

// method emits one method of an operation on *Client.
func method(f *jen.File, cl call, n *goNames) {
	args, pathArgs := arguments(cl.op, n)
	results := []jen.Code{jen.Op("*").Id("Response"), jen.Error()}
	if cl.result.Type != nil {
		results = append([]jen.Code{resultExpr(cl.result.Type)}, results...)
	}
	f.Add(methodDoc(cl)).Func().Add(receiver(cl.op)).Id(cl.name).Params(args...).Params(results...).
		Block(append(clientOf(cl.op), methodBody(cl, n, pathArgs)...)...)
}

// receiver is the receiver of an operation's methods: the client, or its group's type.
func receiver(op *ir.Operation) *jen.Statement {
	if op.Group == nil {
		return jen.Params(jen.Id("c").Op("*").Id("Client"))
	}
	return jen.Params(jen.Id("g").Op("*").Id(op.Group.TypeName))
}

// clientOf starts the body of a group's method: the client it is a view of.
func clientOf(op *ir.Operation) []jen.Code {
	if op.Group == nil {
		return nil
	}
	return []jen.Code{jen.Id("c").Op(":=").Parens(jen.Op("*").Id("Client")).Call(jen.Id("g"))}
}

// methodRef is how code on a client calls an operation's method: Repos().Get, or Get.
func methodRef(op *ir.Operation) string {
	if op.Group == nil {
		return op.Name
	}
	return op.Group.Name + "()." + op.Name
}

func methodDoc(cl call) *jen.Statement {
	op := cl.op
	summary := methodSummary(cl.name, op)
	var variant string
	if cl.accept != "" && cl.name != op.Name {
		variant = fmt.Sprintf("It asks for the answer as %s%s.", cl.accept, readNote(cl.result))
	}
	var docs string
	if op.DocsURL != "" {
		docs = "GitHub API docs: " + op.DocsURL
	}
	var only string
	if op.Only != "" {
		only = op.Only + " only."
	}
	return docComment(summary, only, variant, op.Doc, authDoc(op), docs, "\t"+op.Method+" "+op.Path)
}

// readNote says how a variant's answer comes back, where it is not decoded JSON.
func readNote(r *ir.Result) string {
	switch r.Body {
	case ir.BodyText:
		return ", returned as text"
	case ir.BodyBinary:
		return ", returned as a stream the caller reads and closes"
	}
	return ""
}

// bodyExpr is the type of the body argument: a pointer to a named type (nil: no body), or
// an *Upload for a stream.
func bodyExpr(r *ir.TypeRef) *jen.Statement {
	switch r.Kind {
	case ir.Named:
		return jen.Op("*").Add(typeExpr(r))
	case ir.Stream:
		return jen.Op("*").Id("Upload")
	}
	return typeExpr(r)
}

// zeroOf is the zero value of a result that is not a pointer.
func zeroOf(r *ir.TypeRef) jen.Code {
	switch {
	case r.Kind != ir.Primitive:
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

func methodBody(cl call, n *goNames, pathArgs []jen.Code) []jen.Code {
	fail := func(err jen.Code) jen.Code {
		if cl.result.Type == nil {
			return jen.Return(jen.Nil(), err)
		}
		return jen.Return(zeroOf(cl.result.Type), jen.Nil(), err)
	}
	body := append(argumentChecks(cl.op, n, fail), buildRequest(cl, n, pathArgs, jen.Id("params"))...)
	if cl.result.Type == nil {
		return append(body, jen.Return(jen.Id("c").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), jen.Nil())))
	}
	return append(body, readResult(cl.result, n)...)
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
// pointer to the params struct.
func buildRequest(cl call, n *goNames, pathArgs []jen.Code, params *jen.Statement) []jen.Code {
	op := cl.op
	req := jen.Dict{jen.Id("op"): jen.Op("&").Id(n.descriptor[op]), jen.Id("opts"): jen.Id("opts")}
	if len(pathArgs) > 0 {
		req[jen.Id("pathArgs")] = jen.Index().String().Values(pathArgs...)
	}
	field := map[string]string{"query": "query", "header": "header", "cookie": "cookies"}
	for _, in := range paramLocations {
		if op.Params != nil && hasParamsIn(op.Params, in) {
			req[jen.Id(field[in])] = jen.Id(n.encoder[paramsIn{op.Params, in}]).Call(params.Clone())
		}
	}
	if cl.accept != "" {
		req[jen.Id("accept")] = jen.Lit(cl.accept)
	}
	body := []jen.Code{jen.Id("r").Op(":=").Op("&").Id("request").Values(req)}
	if op.Body != nil {
		set := jen.Id("r").Dot("body").Op("=").Add(bodyValue(op.Body))
		if nilable(op.Body.Type) {
			body = append(body, jen.If(jen.Id("body").Op("!=").Nil()).Block(set))
		} else {
			body = append(body, set)
		}
	}
	return body
}

// bodyValue is what the request carries as its body: text and streams as they are, anything
// written as JSON (forms and multipart bodies go through JSON too) with its generated
// encoder, which leaves out readOnly members.
func bodyValue(b *ir.Body) jen.Code {
	t := b.Type
	switch {
	case b.Kind == ir.BodyText || t.Kind == ir.Stream:
		return jen.Id("body")
	case isModel(t):
		return jen.Id("body")
	case t.Kind == ir.Named: // an enum, passed by pointer
		return jen.Op("&").Id("encodeWith").Types(typeExpr(t)).Values(jen.Op("*").Id("body"), encodeFunc(t))
	}
	return jen.Op("&").Id("encodeWith").Types(typeExpr(t)).Values(jen.Id("body"), encodeFunc(t))
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
