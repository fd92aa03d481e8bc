package generator_test

import (
	"bytes"
	"go/format"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDocCommentsComeOutAsGofmtPrintsThem: gofmt rewrites the text of a doc comment (pairs
// of single quotes or backquotes become curly quotes, a line that starts like a list item or
// a heading becomes one), and the emitter formats its output once, so descriptions that trip
// those rules must already be in gofmt's form: formatting the output again changes nothing.
func TestDocCommentsComeOutAsGofmtPrintsThem(t *testing.T) {
	description := `"It is ''quoted'' and ` + "``quoted``" + `.\n\n- a list item\n- another\n\n# Heading\n\n` +
		`Text that wraps after a while, long enough that a wrapped line starts with a dash: - like this - one does."`
	spec := replace(okSpec, "      operationId: get-thing\n", "      operationId: get-thing\n      description: "+description+"\n")
	spec = replace(spec, "    thing: {type: object,", "    thing: {description: "+description+", type: object,")
	files, err := generateYAML(t, spec)
	require.NoError(t, err)
	for name, src := range files {
		formatted, err := format.Source(src)
		require.NoError(t, err, name)
		require.True(t, bytes.Equal(formatted, src), "%s changes when formatted again:\n%s", name, src)
	}
	require.Contains(t, string(files["operations.go"]), "It is ”quoted” and “quoted“.")
	require.Contains(t, string(files["models.go"]), "It is ”quoted” and “quoted“.")
}
