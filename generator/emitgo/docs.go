package emitgo

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/ir"
)

// Doc comments say what a reader cannot see in the declaration: what a method does, in Go's
// form ("GetInstallation gets an installation for the authenticated app."), and for a type
// its description, or else where it is used (the operations that return or take it, the
// member it is), and the values an enum knows.

// methodSummary is the first sentence of a method's doc: the name, then the summary of its
// operation with the verb GitHub writes in the imperative ("Get an installation") as Go
// writes it ("gets an installation"). A summary that does not start with a verb known to be
// one follows the name after a colon, as written; no summary, the request it sends.
func methodSummary(name string, op *ir.Operation) string {
	summary := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(op.Summary), "."))
	if summary == "" {
		return fmt.Sprintf("%s sends %s %s.", name, op.Method, op.Path)
	}
	words := strings.Fields(summary)
	if third, ok := thirdPerson(words); ok {
		return name + " " + third + "."
	}
	return name + ": " + summary + "."
}

// thirdPerson rewrites a summary that starts with an imperative verb, or two joined by "or"
// or "and" ("Create or update a secret"), in the third person; ok is false when its first
// word is not a verb it knows.
func thirdPerson(words []string) (string, bool) {
	first, ok := conjugate(words[0])
	if !ok {
		if lower := strings.ToLower(words[0]); strings.HasSuffix(lower, "s") && isVerb(strings.TrimSuffix(strings.TrimSuffix(lower, "s"), "e")) || isVerb(strings.TrimSuffix(lower, "s")) {
			first, ok = lower, true // already "Returns ...", "Lists ..."
		}
	}
	if !ok {
		return "", false
	}
	out := append([]string{first}, words[1:]...)
	if len(words) > 2 && (words[1] == "or" || words[1] == "and") {
		if second, ok := conjugate(words[2]); ok {
			out[2] = second
		}
	}
	return strings.Join(out, " "), true
}

// conjugate is the third person singular of an imperative verb it knows, in lower case.
func conjugate(word string) (string, bool) {
	lower := strings.ToLower(word)
	if !isVerb(lower) || word != capitalized(lower) {
		return "", false
	}
	stem, last := lower, lower[len(lower)-1]
	switch {
	case strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "x") || strings.HasSuffix(stem, "z") ||
		strings.HasSuffix(stem, "ch") || strings.HasSuffix(stem, "sh") || last == 'o':
		return stem + "es", true
	case last == 'y' && len(stem) > 1 && !strings.ContainsRune("aeiou", rune(stem[len(stem)-2])):
		return stem[:len(stem)-1] + "ies", true
	}
	return stem + "s", true
}

func capitalized(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func isVerb(w string) bool { return apiVerbs[w] }

// apiVerbs are the imperative verbs API descriptions start their summaries with.
var apiVerbs = setOf(
	"accept", "acknowledge", "activate", "add", "allow", "apply", "approve", "archive", "assign", "associate",
	"attach", "authenticate", "authorize", "block", "build", "cancel", "change", "check", "clear", "clone",
	"close", "commit", "compare", "complete", "configure", "confirm", "connect", "convert", "copy", "count",
	"create", "deactivate", "decline", "decrypt", "delete", "deny", "deploy", "detach", "disable", "disconnect",
	"dismiss", "download", "edit", "enable", "encrypt", "enroll", "execute", "export", "fetch", "find",
	"follow", "fork", "generate", "get", "grant", "hide", "import", "initiate", "install", "invite", "link",
	"list", "lock", "manage", "map", "mark", "merge", "modify", "move", "notify", "open", "pause", "pin",
	"ping", "post", "preview", "process", "publish", "purge", "put", "query", "read", "rebuild", "receive",
	"redeliver", "refresh", "regenerate", "register", "reject", "remove", "rename", "render", "renew",
	"reopen", "reorder", "replace", "report", "reprioritize", "request", "rerequest", "re-run", "rerun",
	"resend", "reset", "resolve", "restore", "resume", "retrieve", "retry", "return", "revert", "review",
	"revoke", "rotate", "run", "save", "schedule", "search", "send", "set", "share", "show", "sign", "star",
	"start", "stop", "submit", "subscribe", "suspend", "sync", "test", "transfer", "trigger", "unarchive",
	"unassign", "unblock", "unfollow", "uninstall", "unlink", "unlock", "unpin", "unpublish", "unregister",
	"unstar", "unsubscribe", "unsuspend", "update", "upgrade", "upload", "upsert", "validate", "verify", "view",
	"watch", "write",
)

// typeUses says where each type is used, for the doc comments of types without a
// description of their own.
type typeUses struct {
	returned map[*ir.Type][]*ir.Operation // operations whose answer is it, or a list of it
	taken    map[*ir.Type][]*ir.Operation // operations whose request body is it
	payload  map[*ir.Type]*ir.Webhook     // the webhook whose payload it is
	owner    map[*ir.Type]memberOf        // the first member that holds it
}

type memberOf struct {
	owner *ir.Type
	field string
}

func newTypeUses(api *ir.API) *typeUses {
	u := &typeUses{returned: map[*ir.Type][]*ir.Operation{}, taken: map[*ir.Type][]*ir.Operation{},
		payload: map[*ir.Type]*ir.Webhook{}, owner: map[*ir.Type]memberOf{}}
	for _, op := range api.Operations {
		if t := namedIn(op.Result.Type); t != nil {
			u.returned[t] = append(u.returned[t], op)
		}
		if op.Body != nil {
			if t := namedIn(op.Body.Type); t != nil {
				u.taken[t] = append(u.taken[t], op)
			}
		}
	}
	for _, w := range api.Webhooks {
		if t := namedIn(w.Payload); t != nil {
			u.payload[t] = w
		}
	}
	for _, t := range api.Types {
		for _, f := range t.Fields {
			if inner := namedIn(f.Type); inner != nil && inner != t {
				if _, seen := u.owner[inner]; !seen {
					u.owner[inner] = memberOf{t, f.Name}
				}
			}
		}
		for _, c := range t.Cases {
			if inner := namedIn(c.Type); inner != nil {
				if _, seen := u.owner[inner]; !seen {
					u.owner[inner] = memberOf{t, c.Name}
				}
			}
		}
	}
	return u
}

// namedIn is the named type r is, or is a list or map of.
func namedIn(r *ir.TypeRef) *ir.Type {
	for r != nil && (r.Kind == ir.Array || r.Kind == ir.Map) {
		r = r.Elem
	}
	if r == nil || r.Kind != ir.Named {
		return nil
	}
	return r.Named
}

// typeDoc is a type's doc comment: its description (or, without one, what it is by where it
// is used), then what kind of value it is (what), then the uses a reader looks for, then the
// schema it comes from when that is a component of the description.
func (u *typeUses) typeDoc(t *ir.Type, what string) []string {
	var paras []string
	described := t.Doc != "" && !sameWords(t.Doc, t.Name)
	switch {
	case described:
		paras = append(paras, describedAs(t.Name, t.Doc))
	case u.firstUse(t) != "":
		paras = append(paras, t.Name+" is "+u.firstUse(t)+".")
	}
	if what != "" {
		if len(paras) == 0 {
			paras = append(paras, t.Name+" "+what)
		} else {
			paras = append(paras, "It "+what)
		}
	}
	if described {
		if use := u.firstUse(t); use != "" {
			paras = append(paras, "It is "+use+".")
		}
	}
	if key, ok := strings.CutPrefix(t.Source, "#/components/schemas/"); ok && !strings.Contains(key, "/") {
		paras = append(paras, "Schema: "+diag.UnescapePointerToken(key))
	}
	return paras
}

// describedAs makes a description the first sentence of a doc comment: "Installation is an
// installation of a GitHub App." when it starts with an article, "Name: ..." otherwise.
func describedAs(name, doc string) string {
	doc = strings.TrimSpace(doc)
	for _, article := range []string{"A ", "An ", "The "} {
		if strings.HasPrefix(doc, article) {
			return name + " is " + strings.ToLower(article[:1]) + doc[1:]
		}
	}
	return name + ": " + doc
}

// firstUse says where a type is used, most telling first: the answer of operations, the
// body of operations, the payload of a webhook, a member of another type.
func (u *typeUses) firstUse(t *ir.Type) string {
	switch {
	case len(u.returned[t]) > 0:
		return "the answer of " + opList(u.returned[t])
	case len(u.taken[t]) > 0:
		return "the request body of " + opList(u.taken[t])
	case u.payload[t] != nil:
		return fmt.Sprintf("the payload of the %s webhook", u.payload[t].Key)
	}
	if m, ok := u.owner[t]; ok {
		return fmt.Sprintf("the member %s of [%s]", m.field, m.owner.Name)
	}
	return ""
}

// opList names up to three operations as doc links, and how many more there are.
func opList(ops []*ir.Operation) string {
	var names []string
	for _, op := range ops[:min(3, len(ops))] {
		names = append(names, docLink(op))
	}
	switch {
	case len(ops) > 3:
		return strings.Join(names, ", ") + fmt.Sprintf(" and %d more", len(ops)-3)
	case len(names) > 1:
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return names[0]
}

// docLink is a doc link to an operation's method: [Client.GetInstallation], or
// [ReposService.Get].
func docLink(op *ir.Operation) string {
	if op.Group != nil {
		return "[" + op.Group.TypeName + "." + op.Name + "]"
	}
	return "[Client." + op.Name + "]"
}

// enumWhat says which values an enum knows: all of them, up to a dozen.
func enumWhat(t *ir.Type) string {
	var values []string
	for _, v := range t.Values[:min(12, len(t.Values))] {
		values = append(values, fmt.Sprintf("%q", v.Value))
	}
	list := strings.Join(values, ", ")
	if len(t.Values) > 12 {
		list += fmt.Sprintf(" and %d more", len(t.Values)-12)
	}
	return "is a string the API gives one of " + list + " (the constants below); it may send others, which decode as they are."
}

// unionWhat says which variants a union holds.
func unionWhat(t *ir.Type) string {
	var names []string
	for _, c := range t.Cases {
		names = append(names, c.Name)
	}
	return "holds one of " + strings.Join(names, ", ") + ": the field that is not nil; Which names it."
}
