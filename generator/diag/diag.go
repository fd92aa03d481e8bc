// Package diag carries the generator's errors: each names the file and, where it is known, the
// line:column and JSON pointer of the node at fault, so a maintainer can jump straight to it.
package diag

import (
	"errors"
	"fmt"
	"strings"
)

// Pos locates a node of an input document.
type Pos struct {
	File    string // the file the node came from
	Line    int    // 1-based; 0 when unknown
	Column  int    // 1-based; 0 when unknown
	Pointer string // JSON pointer of the node, "#/..."; empty when not a document node
}

// String renders the position as "file:line:col #/pointer", leaving out what is unknown.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	if p.Pointer != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Pointer)
	}
	return b.String()
}

// Error is a problem found at a position of an input.
type Error struct {
	Pos Pos
	Msg string
	Err error // the underlying cause, if any
}

func (e *Error) Error() string {
	msg := e.Msg
	if e.Err != nil {
		if msg == "" {
			msg = e.Err.Error()
		} else {
			msg += ": " + e.Err.Error()
		}
	}
	if at := e.Pos.String(); at != "" {
		return at + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List gathers several errors so that one run reports every problem it found, not only the first.
type List []*Error

// Add appends err.
func (l *List) Add(err *Error) { *l = append(*l, err) }

// Err returns nil for an empty list, the single error for one, or the list itself.
func (l List) Err() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	return l
}

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return fmt.Sprintf("%d problems:\n  %s", len(l), strings.Join(lines, "\n  "))
}

// Unwrap exposes the members to errors.Is and errors.As.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// As finds the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// EscapePointerToken escapes one JSON pointer reference token (RFC 6901).
func EscapePointerToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// UnescapePointerToken undoes EscapePointerToken.
func UnescapePointerToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// Pointer joins tokens into a "#/a/b" JSON pointer, escaping each.
func Pointer(tokens ...string) string {
	var b strings.Builder
	b.WriteByte('#')
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(EscapePointerToken(t))
	}
	return b.String()
}

// Child extends a pointer with more tokens.
func Child(ptr string, tokens ...string) string {
	if ptr == "" {
		ptr = "#"
	}
	var b strings.Builder
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(EscapePointerToken(t))
	}
	return b.String()
}

// Each calls f for every *Error in err: err itself, or the members of a List.
func Each(err error, f func(*Error)) {
	var list List
	if errors.As(err, &list) {
		for _, e := range list {
			f(e)
		}
		return
	}
	if e, ok := As(err); ok {
		f(e)
	}
}
