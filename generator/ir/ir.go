// Package ir is the generator's intermediate model: what the API has (operations, their
// parameters, bodies and results, and the named types they use), with every OpenAPI
// construct already reduced to a few plain shapes and every name already chosen. It knows
// nothing of OpenAPI documents or of the Go source it will become.
package ir

import "strings"

// API is a whole description, ready to emit.
type API struct {
	Title      string
	Version    string
	BaseURL    string       // the first server the description names, its variables at their defaults; "" for none
	Operations []*Operation // sorted by Group, then Name
	// Groups are the description's tags, when its operations have more than one: each is a
	// type of its own that holds the methods of the operations tagged with it (client.Repos().
	// Get). Nil when the operations are methods of the client itself.
	Groups   []*Group
	Webhooks []*Webhook // sorted by Key, then Method
	Types    []*Type    // every named type, sorted by Name

	// APIKeys are the apiKey security schemes operations use, sorted by scheme.
	APIKeys []*APIKey

	// InstallationTokens is set when the API can mint installation tokens, so that the
	// client can do it on demand.
	InstallationTokens *InstallationTokens
}

// InstallationTokens describes how installation tokens are minted and revoked.
type InstallationTokens struct {
	Mint         *Operation // takes the installation id; its result has the two fields below
	Revoke       *Operation // may be nil
	TokenField   *Field     // the token, a string
	ExpiresField *Field     // when it expires, a date-time or an RFC 3339 string
}

// TypeKind is the shape of a named type.
type TypeKind int

const (
	Struct   TypeKind = iota // an object with known properties
	Enum                     // a string with a closed-ish set of values (unknown values still decode)
	Union                    // exactly one of several variants (oneOf / anyOf)
	ByStatus                 // an operation's result when its successes differ: a field per status (Field.Status)
)

// Type is a named type.
type Type struct {
	Name   string
	Doc    string
	Source string // JSON pointer of the schema it comes from, for readers of the output
	Kind   TypeKind

	Fields    []*Field    // Struct: in the description's order (allOf members' first)
	Extra     *TypeRef    // Struct: type of additional properties, nil if they are not kept
	ExtraName string      // Struct: the field that holds them
	Values    []EnumValue // Enum: the values, in document order
	Cases     []*Case     // Union: the variants, in document order
	Tag       string      // Union: the discriminator property, when the description names one
}

// EnumValue is one value of an enum and the name of its constant.
type EnumValue struct {
	Name  string
	Value string
	Only  string // the one API that has the value, in a description merged from two
}

// Field is a property of a struct.
type Field struct {
	Name     string // identifier in the output
	JSONName string // name on the wire
	Doc      string
	Type     *TypeRef
	Required bool     // the property must be present
	Secret   bool     // the value is a credential: print it masked
	Status   int      // ByStatus: the HTTP status whose answer the field holds
	Body     BodyKind // ByStatus: how that answer is read
	// Indirect holds a required value by pointer all the same: its type contains, by value,
	// the struct the field is in, which no Go value can.
	Indirect bool
	// ReadOnly members are the server's to set: a request body leaves them out.
	ReadOnly bool
	Only     string // the one API that has the member, in a description merged from two
}

// Case is one variant of a union.
type Case struct {
	Name     string   // identifier of the variant inside the union
	Type     *TypeRef // the variant's type
	JSON     JSONKind // the JSON value kind it accepts
	Required []string // object variants: properties that must be present for the variant to match
	Tags     []string // with a discriminator: the tag values that select this variant
}

// JSONKind is the kind of a JSON value a union variant accepts.
type JSONKind string

const (
	JSONObject  JSONKind = "object"
	JSONArray   JSONKind = "array"
	JSONString  JSONKind = "string"
	JSONInteger JSONKind = "integer"
	JSONNumber  JSONKind = "number"
	JSONBoolean JSONKind = "boolean"
	JSONAny     JSONKind = "any"
)

// RefKind is the shape of a type reference.
type RefKind int

const (
	Primitive RefKind = iota
	Named
	Array
	Map
	Any
	Stream // bytes read as they come (a binary answer): the caller reads and closes them
	Raw    // a JSON value kept as its bytes (the members a model does not know)
)

// Primitive types.
const (
	String   = "string"
	Int64    = "int64"
	Float64  = "float64"
	Bool     = "bool"
	DateTime = "date-time"
)

// TypeRef is the type of a field, parameter, body or result.
type TypeRef struct {
	Kind      RefKind
	Primitive string   // Primitive: one of the Primitive constants
	Named     *Type    // Named
	Elem      *TypeRef // Array and Map: the element type
	Nullable  bool     // null is a valid value
}

// Group is a tag of the description whose operations are methods of one type.
type Group struct {
	Name     string // the client's method that returns it ("Repos"), and its file's name
	Tag      string // the tag ("repos")
	Doc      string // the tag's description
	TypeName string // the type that holds its methods ("ReposService")
}

// Operation is one HTTP operation.
type Operation struct {
	ID    string // operationId
	Name  string // method name in the output, unique within its group
	Group *Group // the group whose type has the method; nil: the client has it
	// FullName is the operation's name in the package: its group's name and its own, unique
	// among operations; the types of its parameters, body and answer are named after it.
	FullName string
	Only     string // the one API that has the operation, in a description merged from two
	Method   string // upper-case HTTP method
	Path     string // path template, "/app/installations/{installation_id}"
	Server   string // the server the operation (or its path) declares for itself; "" for the API's
	Summary  string
	Doc      string // first paragraph of the description
	DocsURL  string // GitHub's documentation page for the operation
	Tags     []string

	PathParams []*Param // the method's path arguments, in the order they first appear in Path
	PathSlots  []*Param // the parameter of each {name} of Path, in order: one may fill several
	Params     *Params  // query and header parameters; nil when there are none
	Body       *Body    // nil when the operation takes no body
	Result     *Result  // the successful answer
	// Pages is set for list operations (those taking per_page and page): how to walk
	// every item of every page.
	Pages *Pages
	// Variants are the other representations of the primary answer the description
	// documents (a commit as a diff or a patch), each a method of its own.
	Variants []*Variant
	// Auth lists the ways the operation accepts credentials, in order of preference; an
	// empty requirement means it also works without. Empty when the description declares no
	// security.
	Auth []Requirement
}

// Variant is another representation of an operation's answer, asked for by media type.
type Variant struct {
	Name      string // the method's name
	MediaType string // sent as Accept
	Result    *Result
}

// Webhook is a request the API makes of its users (OpenAPI 3.1's webhooks): what it is
// called and what its payload holds.
type Webhook struct {
	Key         string // its key under webhooks ("installation-created")
	Method      string // upper-case HTTP method
	OperationID string
	Tag         string // its first tag, if any
	Summary     string
	Doc         string
	DocsURL     string
	ContentType string
	Payload     *TypeRef // its body: a named type, after the webhook (InstallationCreated)
}

// Pages describes a paginated list.
type Pages struct {
	Item    *TypeRef // the type of one item
	Items   *Field   // the result's field that holds the page's items; nil when the result is the array
	PerPage *Param   // the per_page query parameter
}

// APIKey is an apiKey security scheme: where its key goes.
type APIKey struct {
	Scheme string // its name in the description
	In     string // header, query or cookie
	Name   string // the header's, query parameter's or cookie's name
}

// Requirement is one way to meet an operation's security: every credential in it at once.
// An empty requirement is met with no credential.
type Requirement []Credential

// Credential is a kind of credential a client can hold.
type Credential string

// Credentials.
const (
	CredAppJWT            Credential = "app-jwt"            // a JWT signed with the app's key
	CredInstallationToken Credential = "installation-token" // an installation access token
	CredToken             Credential = "user-token"         // a user access token or PAT: any bearer token
	CredBasic             Credential = "basic"              // client id and secret
	CredNone              Credential = "none"               // no credential (the overrides' word for an empty requirement)
	CredMutualTLS         Credential = "mutual-tls"         // a TLS client certificate, which the transport presents
	CredUnsendable        Credential = "unsendable"         // stands for a requirement no request can carry (two Authorization headers)
)

// APIKeyCredential is the credential of an apiKey security scheme.
func APIKeyCredential(scheme string) Credential { return Credential("api-key:" + scheme) }

// Param is a path, query or header parameter.
type Param struct {
	Name     string // identifier in the output
	WireName string // name in the path template, query string or header
	In       string // "path", "query" or "header"
	Doc      string
	Type     *TypeRef
	Required bool
	Explode  bool // query arrays: repeat the key per value rather than join with commas
	Secret   bool // the value is a credential: print it masked
	// MultiSegment path parameters may hold slashes (a file path, a git ref): each segment
	// is escaped on its own (x-multi-segment). MayBeEmpty is set for one that ends the path
	// template: empty, it leaves the path ending in a slash (a repository's root folder).
	MultiSegment, MayBeEmpty bool
}

// Params is the struct that holds an operation's query and header parameters.
type Params struct {
	TypeName string
	Fields   []*Param // in name order
}

// Body is a request body.
type Body struct {
	ContentType string
	Kind        BodyKind // how it is written
	Type        *TypeRef // Stream for a binary body
	Required    bool
	Files       []string // BodyMultipart: the members sent as files
}

// Result is what a successful call returns.
type Result struct {
	Status      int      // the primary documented success status
	ContentType string   // the primary answer's media type; empty when it has no body
	Body        BodyKind // how the primary answer's body is read
	Type        *TypeRef // nil when the answer has no body
	// Empty are the other documented 2xx statuses whose answers carry nothing to read: no
	// body, or one that says nothing (an empty object). Their bodies are not decoded.
	Empty []int
}

// BodyKind is how a body is read or written.
type BodyKind int

const (
	BodyNone      BodyKind = iota
	BodyJSON               // by its schema, as JSON
	BodyText               // as text, a string
	BodyBinary             // as bytes: a stream
	BodyForm               // an object as application/x-www-form-urlencoded
	BodyMultipart          // an object as multipart/form-data
)

// IsJSON tells whether a media type is JSON: application/json or any +json type.
func IsJSON(contentType string) bool {
	ct, _, _ := strings.Cut(contentType, ";")
	ct = strings.TrimSpace(ct)
	return ct == "application/json" || strings.HasSuffix(ct, "+json")
}
