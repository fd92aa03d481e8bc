package emitgo

import (
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
	for _, l := range lines {
		if strings.HasPrefix(l, "\t") {
			l = "//" + l // a code block: jennifer writes comments starting with // as they are
		}
		s.Comment(l).Line()
	}
	return s
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
