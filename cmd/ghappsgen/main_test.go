package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const spec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      responses: {"204": {description: pong}}
`

func runCLI(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestGenerateThenCheck(t *testing.T) {
	dir := t.TempDir()
	specFile := filepath.Join(dir, "spec.yaml")
	out := filepath.Join(dir, "gen", "pingapi")
	require.NoError(t, os.WriteFile(specFile, []byte(spec), 0o644))

	code, _, stderr := runCLI("check", "-spec", specFile, "-out", out)
	assert.Equal(t, 1, code, "nothing generated yet: stale")
	assert.Contains(t, stderr, "client.go: missing")

	code, stdout, stderr := runCLI("generate", "-spec", specFile, "-out", out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "wrote")
	src, err := os.ReadFile(filepath.Join(out, "operations.go"))
	require.NoError(t, err)
	assert.Contains(t, string(src), "package pingapi", "the package is named after the folder")

	code, stdout, _ = runCLI("check", "-spec", specFile, "-out", out)
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "up to date")

	require.NoError(t, os.WriteFile(filepath.Join(out, "operations.go"), append(src, []byte("// edited\n")...), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "stray.go"), []byte("package pingapi\n"), 0o644))
	code, _, stderr = runCLI("check", "-spec", specFile, "-out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "operations.go: line")
	assert.Contains(t, stderr, "stray.go: not generated")
	edited, _ := os.ReadFile(filepath.Join(out, "operations.go"))
	assert.Contains(t, string(edited), "// edited", "check never writes")
}

func TestUsageErrors(t *testing.T) {
	code, _, stderr := runCLI()
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage")
	code, _, stderr = runCLI("frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)
	code, _, _ = runCLI("slice")
	assert.Equal(t, 2, code, "slice needs -from")
}

func TestGenerateReportsBadInput(t *testing.T) {
	code, _, stderr := runCLI("generate", "-spec", filepath.Join(t.TempDir(), "missing.json"), "-out", t.TempDir())
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "missing.json: reading the description: no such file or directory")
}

func TestGenerateSelectsOperations(t *testing.T) {
	dir := t.TempDir()
	specFile := filepath.Join(dir, "spec.yaml")
	twoOps := spec + `  /repos/{owner}/hooks:
    get:
      operationId: repos/list-hooks
      tags: [repos]
      parameters:
        - {name: owner, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: none}}
  /apps/x:
    get:
      operationId: apps/get-x
      tags: [apps]
      responses: {"204": {description: none}}
`
	require.NoError(t, os.WriteFile(specFile, []byte(twoOps), 0o644))
	for _, tc := range []struct {
		flags []string
		want  []string
	}{
		{[]string{"-operations", "ping"}, []string{"Ping"}},
		{[]string{"-tags", "apps,repos"}, []string{"GetX", "ListHooks"}},
		{[]string{"-paths", "/repos/*/hooks"}, []string{"ListHooks"}},
		{[]string{"-operations", "ping", "-paths", "/apps/*"}, []string{"GetX", "Ping"}},
	} {
		out := filepath.Join(t.TempDir(), "sel")
		code, _, stderr := runCLI(append([]string{"generate", "-spec", specFile, "-out", out}, tc.flags...)...)
		require.Equal(t, 0, code, stderr)
		src, err := os.ReadFile(filepath.Join(out, "operations.go"))
		require.NoError(t, err)
		var got []string
		for _, m := range []string{"Ping", "GetX", "ListHooks"} {
			if bytes.Contains(src, []byte("func (c *Client) "+m+"(")) {
				got = append(got, m)
			}
		}
		assert.ElementsMatch(t, tc.want, got, "%v", tc.flags)
	}
	code, _, stderr := runCLI("generate", "-spec", specFile, "-out", t.TempDir(), "-operations", "pong")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `select: `+specFile+` has no operation "pong"`)
}
