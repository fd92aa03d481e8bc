package templates

// The client core declares these names in the generated package, so the types, constants
// and methods generated from a description must take others (a schema named "client" must
// not become a second Client). TestReservedNamesAreTheCoresOwn keeps the lists true.

// Exported are the exported package-level names the templates declare.
var Exported = []string{
	"APIError", "APIVersion", "Cache", "CachedResponse", "Client", "DecodeError", "DefaultBaseURL", "DefaultMaxPages", "DefaultMaxResponseBytes",
	"ErrBadRequest", "ErrConflict", "ErrForbidden", "ErrGone", "ErrNoCredential", "ErrNotFound",
	"ErrNotModified", "ErrPaginationLoop", "ErrRateLimited", "ErrRedirect", "ErrResponseTooLarge", "ErrServer",
	"ErrTooManyPages", "ErrUnauthorized", "ErrValidation",
	"LRUCache", "Limits", "Links", "NewClient", "NewLRUCache", "NoCredentialError", "Option", "Ptr", "Rate",
	"RateLimitError", "RedirectError", "Response", "ResponseTooLargeError", "RetryEvent", "RetryPolicy", "SecondaryRateLimitError",
	"Unmarshal", "UnmarshalList", "ValidationError", "WithAppAuth", "WithAppSigner", "WithBaseURL",
	"WithCache", "WithClientCredentials", "WithClock", "WithHTTPClient", "WithInstallation",
	"WithInstallationToken", "WithInstallationTokenOptions", "WithLimits", "WithRetry", "WithToken",
	"WithUserAgent",
}

// ClientMethods are the exported methods the templates give Client.
var ClientMethods = []string{"BaseURL", "ForInstallation", "Format"}
