// Package lower is the generator's second stage: it turns a loaded OpenAPI document into the
// intermediate model (package ir), applying the general mapping rules: which schemas become
// named types, how unions, allOf, enums, nullables and maps are represented, and what every
// operation, parameter and type is called.
package lower

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/naming"
)

// Build lowers a loaded document. Every problem found is reported, each at its position.
func Build(doc *load.Document, opts Options) (*ir.API, error) {
	b := &builder{doc: doc, apiKeys: map[string]*ir.APIKey{}, schemas: newSchemas(doc, opts), methods: map[string]*ir.Operation{}, reservedMethods: map[string]bool{}}
	for _, m := range opts.ReservedMethods {
		b.reservedMethods[m] = true
	}
	api := &ir.API{}
	if doc.T.Info != nil {
		api.Title, api.Version = doc.T.Info.Title, doc.T.Info.Version
	}
	api.BaseURL = serverURL(doc.T.Servers)
	b.baseURL = api.BaseURL
	b.groups = newGroups(doc, b.reservedMethods)
	for name := range b.groups.accessors() {
		b.reservedMethods[name] = true // no operation of the client's own takes an accessor's name
	}
	b.names = methodNames(doc, b.reservedMethods, b.groups)
	for _, key := range reachedComponents(doc.T) {
		b.schemas.component(key, doc.T.Components.Schemas[key].Value)
	}
	for _, path := range doc.T.Paths.InMatchingOrder() {
		item := doc.T.Paths.Value(path)
		for _, method := range sortedKeys(item.Operations()) {
			if op := b.operation(path, method, item); op != nil {
				api.Operations = append(api.Operations, op)
			}
		}
	}
	b.webhooks(api)
	b.installationTokens(api)
	for _, cred := range sortedKeys(b.apiKeys) {
		api.APIKeys = append(api.APIKeys, b.apiKeys[cred])
	}
	b.errs = append(b.errs, b.schemas.errs...)
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	sort.Slice(api.Operations, func(i, j int) bool { return api.Operations[i].FullName < api.Operations[j].FullName })
	for _, g := range b.groups.sorted() {
		g.TypeName = b.schemas.names.claim(g.Name + "Service")
		api.Groups = append(api.Groups, g)
	}
	api.Types = b.schemas.types
	breakValueCycles(api.Types)
	sort.Slice(api.Types, func(i, j int) bool { return api.Types[i].Name < api.Types[j].Name })
	return api, nil
}

// warn records a departure from the specification the generator goes past, with its position.
func (b *builder) warn(w *diag.Error) {
	b.doc.Warnings.Add(w)
}

// Options are what the emitter's fixed code needs the model to leave alone.
type Options struct {
	Reserved        []string // package-level names the client core declares: no type or constant takes one
	ReservedMethods []string // methods the client core gives Client: no operation's method takes one
	// ReservedMembers are the methods generated types have: no field or variant takes one.
	// "Format" is reserved only in types that mask a credential, which alone have it.
	ReservedMembers []string
	// KeepUnknown keeps the members an object has beyond its properties in every struct, as
	// raw JSON, so that encoding it gives back every member decoding was given.
	KeepUnknown bool
	// PayloadMethods are methods templates give every webhook payload type (GitHub's
	// EventName, Action, InstallationID): no field of a payload takes one.
	PayloadMethods []string
}

type builder struct {
	doc             *load.Document
	schemas         *schemas
	methods         map[string]*ir.Operation // full name -> operation, to catch two operations with one name
	reservedMethods map[string]bool          // Options.ReservedMethods, and the groups' accessors
	names           map[opKey]string         // each operation's method name
	groups          groups
	baseURL         string
	apiKeys         map[string]*ir.APIKey // the apiKey schemes operations use, by credential
	errs            diag.List
}

func (b *builder) operation(path, method string, item *openapi3.PathItem) *ir.Operation {
	op := item.GetOperation(method)
	ptr := diag.Pointer("paths", path, strings.ToLower(method))
	pos := b.doc.Pos(op.Origin, ptr)
	group := b.groups.of(op)
	o := &ir.Operation{
		ID:      op.OperationID,
		Name:    b.names[opKey{path, method}],
		Group:   group,
		Method:  method,
		Path:    path,
		Summary: firstParagraph(op.Summary),
		Doc:     firstParagraph(op.Description),
		Tags:    op.Tags,
		Server:  b.operationServer(op, item, b.baseURL),
	}
	o.FullName = fullName(group, o.Name)
	o.Only, _ = op.Extensions[load.ExtOnly].(string)
	if op.ExternalDocs != nil {
		o.DocsURL = op.ExternalDocs.URL
	}
	if group == nil && b.reservedMethods[o.Name] {
		b.errs.Add(diag.Errorf(pos, "operation %q would be method %s, which the client has already; rename it in the overrides", o.ID, o.Name))
		return nil
	}
	if prev, dup := b.methods[o.FullName]; dup {
		b.errs.Add(diag.Errorf(pos, "operations %s and %s would both be method %s; rename one in the overrides",
			describeOp(prev.ID, prev.Method, prev.Path), describeOp(o.ID, method, path), methodText(o)))
		return nil
	}
	b.methods[o.FullName] = o
	b.parameters(o, op, item, ptr)
	o.Body = b.body(o, op, ptr)
	o.Result = b.result(o, op, ptr)
	o.Variants = b.variants(o, op, ptr, pos)
	o.Auth = b.auth(op, pos)
	o.Pages = b.pages(o, op, pos)
	if o.Pages != nil {
		// A list operation also has <Method>Iter, which no other method may be.
		iter := o.FullName + "Iter"
		if prev, dup := b.methods[iter]; dup || group == nil && b.reservedMethods[o.Name+"Iter"] {
			other := "the client"
			if dup {
				other = fmt.Sprintf("operation %q", prev.ID)
			}
			b.errs.Add(diag.Errorf(pos, "the iterator of operation %q would be method %sIter, which %s has already; rename one in the overrides", o.ID, methodText(o), other))
			return nil
		}
		b.methods[iter] = o
	}
	return o
}

// methodNames names every operation's method after the part of its operationId after the
// slash (apps/get-by-slug -> GetBySlug). Where several operations of one group (or of the
// client) would share a name (users/list and issues/list), all of them take their whole
// operationId instead (UsersList, IssuesList), so that no name depends on which operation
// came first; so does an operation of the client whose short name is a method the client
// has already (reserved). A name from the overrides is kept as it is.
// Operations are told apart by path and method, not by their object: a Path Item $ref
// gives two paths the same operations.
func methodNames(doc *load.Document, reserved map[string]bool, g groups) map[opKey]string {
	short := map[opKey]string{}
	count := map[string]int{}
	ops := map[opKey]*openapi3.Operation{}
	scoped := func(op *openapi3.Operation, name string) string {
		if gr := g.of(op); gr != nil {
			return gr.Name + "." + name
		}
		return name
	}
	for path, item := range doc.T.Paths.Map() {
		for method, op := range item.Operations() {
			k := opKey{path, method}
			name := shortName(op, method, path)
			short[k], ops[k] = name, op
			count[scoped(op, name)]++
		}
	}
	names := map[opKey]string{}
	for k, name := range short {
		op := ops[k]
		clash := count[scoped(op, name)] > 1 || g.of(op) == nil && reserved[name]
		if _, pinned := op.Extensions[load.ExtName].(string); !pinned && clash && op.OperationID != "" {
			name = naming.Exported(op.OperationID, "Operation")
		}
		names[k] = name
	}
	return names
}

// methodText is how a message names an operation's method: Repos().Get, or Get.
func methodText(o *ir.Operation) string {
	if o.Group != nil {
		return o.Group.Name + "()." + o.Name
	}
	return o.Name
}

// opKey identifies an operation by its path and method.
type opKey struct{ path, method string }

// describeOp names an operation in a message: by its operationId and where it is, or by
// where it is alone when it has no operationId.
func describeOp(id, method, path string) string {
	if id == "" {
		return method + " " + path
	}
	return fmt.Sprintf("%q (%s %s)", id, method, path)
}

func shortName(op *openapi3.Operation, method, path string) string {
	if n, ok := op.Extensions[load.ExtName].(string); ok && n != "" {
		return n
	}
	if op.OperationID != "" {
		return naming.Operation(op.OperationID)
	}
	return naming.Exported(strings.ToLower(method)+" "+path, "Operation")
}

var pathParamPattern = regexp.MustCompile(`\{([^{}]+)\}`)

// extMultiSegment marks a path parameter whose value may hold slashes (Octokit's extension,
// on GitHub's file paths, refs and branch names).
const extMultiSegment = "x-multi-segment"

// parameters sorts the operation's parameters (its own, overriding the path item's by name
// and location) into path arguments, in path order, and a params struct.
func (b *builder) parameters(o *ir.Operation, op *openapi3.Operation, item *openapi3.PathItem, ptr string) {
	params := map[string]*openapi3.Parameter{}
	ptrs := map[string]string{}
	for i, p := range item.Parameters {
		if p.Value != nil {
			params[p.Value.In+":"+p.Value.Name] = p.Value
			ptrs[p.Value.In+":"+p.Value.Name] = diag.Pointer("paths", o.Path, "parameters", strconv.Itoa(i))
		}
	}
	for i, p := range op.Parameters {
		if p.Value != nil {
			params[p.Value.In+":"+p.Value.Name] = p.Value
			ptrs[p.Value.In+":"+p.Value.Name] = diag.Child(ptr, "parameters", strconv.Itoa(i))
		}
	}
	argNames := map[string]bool{}
	assigned := map[string]*ir.Param{}
	for _, m := range pathParamPattern.FindAllStringSubmatch(o.Path, -1) {
		if prev := assigned[m[1]]; prev != nil { // /things/{id}/{action}/{id}: one argument, used twice
			o.PathSlots = append(o.PathSlots, prev)
			continue
		}
		p := params["path:"+m[1]]
		if p == nil {
			b.errs.Add(diag.Errorf(b.doc.Pos(op.Origin, ptr), "path %s has {%s} but the operation declares no such path parameter; declare it (in: path, required: true)", o.Path, m[1]))
			continue
		}
		multi := p.Extensions[extMultiSegment] == true
		param := &ir.Param{
			Name:         uniqueWithin(argNames, naming.Unexported(p.Name)),
			WireName:     p.Name,
			In:           "path",
			Doc:          firstParagraph(p.Description),
			Type:         pathParamType(p.Schema),
			Required:     true,
			MultiSegment: multi,
			MayBeEmpty:   multi && strings.HasSuffix(o.Path, "/"+m[0]) && strings.Count(o.Path, m[0]) == 1,
		}
		assigned[m[1]] = param
		o.PathParams = append(o.PathParams, param)
		o.PathSlots = append(o.PathSlots, param)
		delete(params, "path:"+m[1])
	}
	paramsName := o.FullName + "Params"
	fields := map[string]bool{}
	for _, p := range params {
		if p.In != "path" && isSecret(p.Name, p.Schema) {
			fields["Format"] = true // the params type masks it with a Format method
		}
	}
	var out []*ir.Param
	for _, key := range sortedKeys(params) {
		p := params[key]
		pos := b.doc.Pos(p.Origin, ptrs[key])
		switch p.In {
		case "path":
			b.errs.Add(diag.Errorf(pos, "path parameter %q does not appear in the path %s", p.Name, o.Path))
			continue
		case "query", "header", "cookie":
		default:
			b.errs.Add(diag.Errorf(pos, "parameter %q: %q is not a place for a parameter (query, header, path or cookie)", p.Name, p.In))
			continue
		}
		name := uniqueWithin(fields, naming.Exported(p.Name, "Param"))
		out = append(out, &ir.Param{
			Name:     name,
			WireName: p.Name,
			In:       p.In,
			Doc:      firstParagraph(p.Description),
			Type:     b.paramType(p.Schema, o.FullName+name, diag.Child(ptrs[key], "schema")),
			Required: p.Required,
			Explode:  p.Explode == nil || *p.Explode,
			Secret:   isSecret(p.Name, p.Schema) || slices.Contains(b.doc.SecretProperties(), p.Name),
		})
	}
	if len(out) > 0 {
		sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
		o.Params = &ir.Params{TypeName: b.schemas.names.claim(paramsName), Fields: out}
	}
}

// paramType maps a query or header parameter's schema. A union of scalars (integer |
// string) is sent as the text the caller gives, like a path parameter: its JSON form would
// put quotes around strings.
func (b *builder) paramType(sref *openapi3.SchemaRef, hint, ptr string) *ir.TypeRef {
	if sref != nil && sref.Value != nil && isUnion(sref.Value) {
		return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.String}
	}
	return b.schemas.ref(sref, hint, ptr)
}

// pathParamType keeps a path parameter's integer, number or boolean type and renders
// everything else (strings, unions such as integer | string, anything without a type) as a
// string: the value only ever becomes text in the path.
func pathParamType(sref *openapi3.SchemaRef) *ir.TypeRef {
	if sref != nil && sref.Value != nil && sref.Value.Type != nil && len(*sref.Value.Type) == 1 {
		switch (*sref.Value.Type)[0] {
		case "integer":
			return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.Int64}
		case "number":
			return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.Float64}
		case "boolean":
			return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.Bool}
		}
	}
	return &ir.TypeRef{Kind: ir.Primitive, Primitive: ir.String}
}
