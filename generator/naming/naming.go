// Package naming turns the names an OpenAPI description uses (kebab-case schema keys,
// snake_case properties, slash-separated operationIds) into Go identifiers that follow Go's
// conventions: PascalCase with initialisms in capitals (ID, URL, HTML).
package naming

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iancoleman/strcase"
)

// initialisms are written in capitals inside identifiers, as golint and go-github do.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "dns": "DNS",
	"eof": "EOF", "gpg": "GPG", "guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS",
	"id": "ID", "ids": "IDs", "ip": "IP", "json": "JSON", "jwt": "JWT", "ldap": "LDAP", "lfs": "LFS",
	"oidc": "OIDC", "pem": "PEM", "qps": "QPS", "ram": "RAM", "rpc": "RPC", "saml": "SAML", "sarif": "SARIF",
	"scim": "SCIM", "sha": "SHA", "sla": "SLA", "smtp": "SMTP", "sql": "SQL", "ssh": "SSH",
	"ssl": "SSL", "sso": "SSO", "tcp": "TCP", "tls": "TLS", "ttl": "TTL", "udp": "UDP",
	"ui": "UI", "uid": "UID", "uri": "URI", "url": "URL", "urls": "URLs", "utf8": "UTF8",
	"uuid": "UUID", "vm": "VM", "xml": "XML", "xsrf": "XSRF", "xss": "XSS",
}

// Words splits a name into lower-case words at separators, case changes and digits.
func Words(s string) []string {
	s = spellSigns(s)
	snake := strcase.ToSnake(s)
	var words []string
	for _, w := range strings.FieldsFunc(snake, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words = append(words, strings.ToLower(w))
	}
	return words
}

// spellSigns names the signs that carry meaning in GitHub's property names: "+1" and "-1"
// (reactions) must not both become "1".
func spellSigns(s string) string {
	if len(s) > 1 && (s[0] == '+' || s[0] == '-') && s[1] >= '0' && s[1] <= '9' {
		if s[0] == '+' {
			return "plus_" + s[1:]
		}
		return "minus_" + s[1:]
	}
	return strings.ReplaceAll(s, "+", "_plus_")
}

// Exported returns the PascalCase Go identifier for s ("html_url" -> "HTMLURL",
// "nullable-simple-user" -> "NullableSimpleUser"). A name that would start with a digit gets
// a leading "N", and one whose first letter has no upper case (名前) a leading "X", since Go
// exports only names that start with an upper-case letter; a name with no letters or digits
// at all becomes fallback.
func Exported(s, fallback string) string {
	var b strings.Builder
	for _, w := range Words(s) {
		if up, ok := initialisms[w]; ok {
			b.WriteString(up)
			continue
		}
		b.WriteString(upperFirst(w))
	}
	out := b.String()
	first, _ := utf8.DecodeRuneInString(out)
	switch {
	case out == "":
		return fallback
	case unicode.IsDigit(first):
		return "N" + out
	case !unicode.IsUpper(first):
		return "X" + out
	}
	return out
}

// upperFirst upper-cases the first rune of w, whatever its length in bytes.
func upperFirst(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// reserved are names a generated method's arguments must not take: Go's keywords, and the
// names generated bodies use for themselves or for imported packages.
var reserved = map[string]bool{
	"c": true, "r": true, "ctx": true, "out": true, "resp": true, "err": true, "params": true, "body": true,
	"context": true, "http": true, "url": true, "strconv": true, "time": true, "json": true,
}

// Unexported returns the lowerCamelCase identifier for s, for arguments and locals
// ("installation_id" -> "installationID"). A keyword or reserved name gets the suffix "Arg".
func Unexported(s string) string {
	words := Words(s)
	if len(words) == 0 {
		return "arg"
	}
	var b strings.Builder
	b.WriteString(words[0])
	for _, w := range words[1:] {
		if up, ok := initialisms[w]; ok {
			b.WriteString(up)
			continue
		}
		b.WriteString(upperFirst(w))
	}
	out := b.String()
	if first, _ := utf8.DecodeRuneInString(out); unicode.IsDigit(first) {
		out = "n" + out
	}
	if token.IsKeyword(out) || reserved[out] {
		out += "Arg"
	}
	return out
}

// Operation names a method after an operationId: the part after the last slash, in
// PascalCase ("apps/list-installations" -> "ListInstallations").
func Operation(operationID string) string {
	if i := strings.LastIndexByte(operationID, '/'); i >= 0 {
		operationID = operationID[i+1:]
	}
	return Exported(operationID, "Operation")
}

// secretWords end the names of members that hold credentials (token, client_secret,
// password, pem), and secretPairs the names that end in "key" and do too (private_key,
// api_key); a public key ("key", "public_key") is no secret.
var (
	secretWords = map[string]bool{"token": true, "secret": true, "password": true, "passwd": true, "passphrase": true,
		"pem": true, "credential": true, "credentials": true, "apikey": true}
	secretPairs = map[string]bool{"private key": true, "api key": true, "secret key": true, "signing key": true, "access key": true}
)

// Claim takes the lowest free form of want in taken (want, want2, want3, ...) and returns it.
func Claim(taken map[string]bool, want string) string {
	name := want
	for i := 2; taken[name]; i++ {
		name = want + strconv.Itoa(i)
	}
	taken[name] = true
	return name
}

// LooksSecret tells whether a member's name says it holds a credential, as GitHub's and
// most APIs' names do: its last word is token, secret, password, pem or credential(s), or
// its last two words are private key, api key, secret key, signing key or access key.
func LooksSecret(name string) bool {
	words := Words(name)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if secretWords[last] {
		return true
	}
	return len(words) > 1 && secretPairs[words[len(words)-2]+" "+last]
}
