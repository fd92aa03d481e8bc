package emitgo

import (
	"go/doc/comment"
	"strings"

	"github.com/dave/jennifer/jen"
)

const commentWidth = 96

// docComment renders paragraphs as a wrapped comment; empty paragraphs are skipped.
func docComment(paragraphs ...string) *jen.Statement {
	var lines []string
	for _, p := range paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, wrap(p)...)
	}
	s := jen.Null()
	if len(lines) == 0 {
		return s
	}
	for _, l := range canonical(lines) {
		s.Comment(l).Line() // l starts with //, which jennifer writes as it is
	}
	return s
}

// canonical returns the comment's lines, with their // markers, as gofmt prints a doc
// comment. gofmt rewrites a doc comment's text (two single quotes become a curly one, a line
// starting "- " becomes a list item, ...), but jennifer indents what follows a comment, so
// gofmt sees a doc comment only on a second pass: output formatted once would not be
// gofmt-clean. The text goes through go/doc/comment, as gofmt's does, before it is emitted.
func canonical(lines []string) []string {
	var p comment.Parser
	var pr comment.Printer
	text := pr.Comment(p.Parse(strings.Join(lines, "\n") + "\n"))
	out := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	for i, l := range out {
		switch {
		case l == "":
			out[i] = "//"
		case strings.HasPrefix(l, "\t"):
			out[i] = "//" + l
		default:
			out[i] = "// " + l
		}
	}
	return out
}

// wrap breaks text into lines of at most commentWidth characters at spaces. Lines that
// start with a tab (preformatted) are kept whole.
func wrap(text string) []string {
	if strings.HasPrefix(text, "\t") {
		return []string{text}
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > commentWidth {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
