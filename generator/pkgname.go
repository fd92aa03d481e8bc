package generator

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
)

// CheckPackageName tells why name cannot be the name of a generated package, nil when it
// can: it must be a Go identifier, not a keyword, and importable (not main, not the blank
// identifier). Go's convention of short lower-case names is advice, not a rule: any
// identifier compiles.
func CheckPackageName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("a package name is required")
	case !token.IsIdentifier(name):
		if token.IsKeyword(name) {
			return fmt.Errorf("%q is a Go keyword, which cannot name a package%s", name, suggest(name))
		}
		return fmt.Errorf("%q is not a Go identifier (letters, digits and _, not starting with a digit)%s", name, suggest(name))
	case name == "main":
		return fmt.Errorf(`"main" is a program, which cannot be imported`)
	case name == "_":
		return fmt.Errorf(`"_" cannot name a package`)
	}
	return nil
}

// suggest proposes a package name made of name's letters and digits, lower-cased.
func suggest(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "" || token.IsKeyword(s) || s == "main" || !token.IsIdentifier(s) {
		if s == "" {
			return ""
		}
		s += "api"
	}
	return fmt.Sprintf(" (%s would do)", s)
}
