package templates

// The client core declares these names in the generated package, so the types, constants
// and methods generated from a description must take others (a schema named "client" must
// not become a second Client). TestReservedNamesAreTheCoresOwn keeps the lists true.

// Exported are the exported package-level names the templates declare.
var Exported = []string{
	"APIError", "APIVersion", "Cache", "CachedResponse", "CallOption", "Client", "DecodeError",
	"DefaultBaseURL", "DefaultMaxPages", "DefaultMaxResponseBytes", "ErrBadRequest",
	"ErrConflict", "ErrForbidden", "ErrGone", "ErrNoCredential", "ErrNotFound", "ErrNotModified",
	"ErrPaginationLoop", "ErrRateLimited", "ErrRedirect", "ErrResponseTooLarge", "ErrServer",
	"ErrTooManyPages", "ErrUnauthorized", "ErrValidation", "LRUCache", "Limits", "Links",
	"NewClient", "NewLRUCache", "NoCredentialError", "NotNull", "Null", "Nullable", "Option",
	"Ptr", "Rate", "RateLimitError", "RedirectError", "Response", "ResponseTooLargeError",
	"RetryEvent", "RetryPolicy", "SecondaryRateLimitError", "Unmarshal", "UnmarshalList",
	"Upload", "ValidationError", "Webhook", "WebhookPayload", "Webhooks", "WithAPIKey",
	"WithAPIKeyFor", "WithAccept", "WithAppAuth", "WithAppSigner", "WithBaseURL", "WithBodyTo",
	"WithCache", "WithClientCredentials", "WithClock", "WithEnterpriseURLs", "WithHTTPClient",
	"WithInstallation", "WithInstallationToken", "WithInstallationTokenOptions", "WithLimits",
	"WithRetry", "WithServerURL", "WithToken", "WithUserAgent",
}

// ClientMethods are the exported methods the templates give Client.
var ClientMethods = []string{
	"BaseURL", "ForInstallation", "Format",
}

// ModelMethods are the exported methods generated models may have: no field or union
// variant takes one (Format only where a type masks a credential, which alone has it).
var ModelMethods = []string{"Format", "MarshalJSON", "UnmarshalJSON"}

// Unexported are the unexported package-level names the templates declare: generated
// helpers (descriptors, member tables) and method arguments must not take one.
var Unexported = []string{
	"absent", "apiKeyScheme", "apiKeySchemes", "appAuth", "appendFolded", "arena", "arenaBlock",
	"arenaMaxString", "authState", "bodyBuffers", "bodyForm", "bodyJSON", "bodyKind",
	"bodyMultipart", "bodyStream", "bodyText", "byteDecoders", "cachedToken", "caseScore",
	"chooseCase", "closeBody", "connectionLost", "count", "counters", "credAppJWT", "credBasic",
	"credInstallationToken", "credMutualTLS", "credToken", "credUnsendable", "credential",
	"credentialPattern", "dec", "decodeAny", "decodeBool", "decodeBytes", "decodeEnum",
	"decodeExtra", "decodeFloat64", "decodeFresh", "decodeInPlace", "decodeInt64", "decodeMap",
	"decodeMemberOf", "decodeModels", "decodeNullable", "decodeNullableRef", "decodeObject",
	"decodeOptBool", "decodeOptEnum", "decodeOptInt64", "decodeOptStr", "decodeOptTime",
	"decodePtr", "decodeRaw", "decodeReader", "decodeSlice", "decodeStr", "decodeTarget",
	"decodeTime", "decodeWhole", "decodeWith", "decoderFunc", "defaultUserAgent", "eachMember",
	"enc", "encodeAny", "encodeBody", "encodeBool", "encodeEnum", "encodeExtra", "encodeFloat64",
	"encodeInPlace", "encodeInt64", "encodeMap", "encodeObject", "encodePtr", "encodeRaw",
	"encodeScalar", "encodeSlice", "encodeStr", "encodeTime", "encodeWith", "errGuessedWrong",
	"errMissing", "errNoBody", "errNoServer", "errTooLarge", "failedIter", "fingerprint",
	"flight", "foldedIndex", "formValues", "guessCase", "headerInt", "idempotent", "isFile",
	"isJSONContentType", "isRedirect", "iterate", "jsonKindOf", "jsonText", "jwtBackdate",
	"jwtLifetime", "jwtRenewBefore", "lruEntry", "manySegments", "manySegmentsOrNone",
	"maskSecret", "maskSecretNullable", "maskSecretPtr", "maxCachedBody", "maxErrorBody",
	"maxPooledBody", "mediaTypeGitHub", "memberBool", "memberByModel", "memberField",
	"memberFloat64", "memberInt64", "memberKind", "memberKindMask", "memberNullBool",
	"memberNullFloat64", "memberNullInt64", "memberNullStr", "memberNullTime", "memberOptBool",
	"memberOptFloat64", "memberOptInt64", "memberOptStr", "memberOptTime", "memberReadOnly",
	"memberReader", "memberRequired", "memberStr", "memberTable", "memberText", "memberTime",
	"memberWriter", "mintInstallationToken", "mintTimeout", "multipartBody", "newAPIError",
	"newDecodeError", "newRedirectError", "newResponse", "newTokenCache", "noElements",
	"nonEmpty", "notComparable", "null", "nullState", "oneSegment", "operation",
	"operationServers", "pageOf", "pager", "parseLinks", "parseRate", "parseRoot", "pathText",
	"payload", "peekKind", "pickCase", "prefixWriter", "present", "quoteSnippet", "rateLimited",
	"readAPIError", "redactURL", "redacted", "request", "requestEncoder", "retryAfter",
	"scanKeys", "secondaryWait", "segments", "signerMethod", "skipMember", "slabSize", "sleep",
	"sliceHeader", "slot", "snippetLen", "sortedSchemes", "statusErrors", "statusTarget",
	"tokenCache", "tokenRenewAhead", "transportError", "union", "unionCase", "unwrapCallback",
	"used", "valuesAdd", "valuesSet", "withoutDeclaredAuth",
}
