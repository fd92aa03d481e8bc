package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeSpec writes the one-operation description into dir and returns its path.
func writeSpec(t *testing.T, dir string) string {
	t.Helper()
	specFile := filepath.Join(dir, "spec.yaml")
	require.NoError(t, os.WriteFile(specFile, []byte(spec), 0o644))
	return specFile
}

// snapshot is every file under dir and its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			rel, _ := filepath.Rel(dir, path)
			files[rel] = string(data)
		}
		return nil
	}))
	return files
}

// TestGenerateKeepsTheUsersFiles: hand-written files beside the generated ones survive a
// run, and a generated file the new run no longer produces is removed.
func TestGenerateKeepsTheUsersFiles(t *testing.T) {
	dir := t.TempDir()
	specFile := writeSpec(t, dir)
	out := filepath.Join(dir, "pingapi")
	mine := map[string]string{
		"doc.go":           "// Package pingapi pings.\npackage pingapi\n\n//go:generate ghappsgen generate -spec ../spec.yaml -out .\n",
		"client_ext.go":    "package pingapi\n\nfunc Helper() {}\n",
		"ext_test.go":      "package pingapi_test\n",
		"README.md":        "notes\n",
		"testdata/x.json":  "{}\n",
		".gitkeep":         "",
		"old_generated.go": generatorHeader + "\n\npackage pingapi\n",
	}
	require.NoError(t, os.MkdirAll(filepath.Join(out, "testdata"), 0o755))
	for name, content := range mine {
		require.NoError(t, os.WriteFile(filepath.Join(out, name), []byte(content), 0o644))
	}
	code, _, stderr := runCLI("generate", "-spec", specFile, "-out", out)
	require.Equal(t, 0, code, stderr)
	after := snapshot(t, out)
	for name, content := range mine {
		if name == "old_generated.go" {
			assert.NotContains(t, after, name, "a generated file the run no longer produces is removed")
			continue
		}
		assert.Equal(t, content, after[name], "%s is kept as it was", name)
	}
	assert.Contains(t, after, "operations.go")
	for name := range after {
		assert.False(t, strings.Contains(name, ".new-") || strings.HasSuffix(name, ".old"), "no temp file is left: %s", name)
	}
}

// TestGenerateRefusesOutputItDoesNotOwn: -out at a file, at someone else's folder, or at a
// folder where a file of the same name is not generated, is an error, and nothing changes.
func TestGenerateRefusesOutputItDoesNotOwn(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, out string)
		want  string
	}{
		{"a regular file", func(t *testing.T, out string) {
			require.NoError(t, os.WriteFile(out, []byte("precious"), 0o644))
		}, "is a file, not a folder"},
		{"a module root", func(t *testing.T, out string) {
			require.NoError(t, os.MkdirAll(filepath.Join(out, "behaviour"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(out, "go.mod"), []byte("module x\n"), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(out, "behaviour", "a_test.go"), []byte("package behaviour\n"), 0o644))
		}, "holds files ghappsgen did not write (behaviour, go.mod) and none that it did"},
		{"a hand-written file at a generated name", func(t *testing.T, out string) {
			require.NoError(t, os.MkdirAll(out, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(out, "client.go"), []byte("package p\n\n// mine\n"), 0o644))
		}, "client.go is not a file ghappsgen generated"},
		{"Go files of another package", func(t *testing.T, out string) {
			require.NoError(t, os.MkdirAll(out, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(out, "util.go"), []byte("package util\n"), 0o644))
		}, `util.go declares package "util"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			specFile := writeSpec(t, dir)
			out := filepath.Join(dir, "p")
			tc.setup(t, out)
			before := snapshot(t, dir)
			code, stdout, stderr := runCLI("generate", "-spec", specFile, "-out", out, "-package", "p")
			assert.Equal(t, 1, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tc.want)
			assert.Equal(t, before, snapshot(t, dir), "nothing is touched")
		})
	}
}

// TestPackageNameIsChecked: a -package, or a folder name standing in for one, that cannot
// name an importable Go package is a usage error (exit 2, printed once) naming the flag.
func TestPackageNameIsChecked(t *testing.T) {
	dir := t.TempDir()
	specFile := writeSpec(t, dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-out", filepath.Join(dir, "x"), "-package", "123bad"}, `-package: "123bad" is not a Go identifier`},
		{[]string{"-out", filepath.Join(dir, "x"), "-package", "func"}, `-package: "func" is a Go keyword`},
		{[]string{"-out", filepath.Join(dir, "x"), "-package", "main"}, `-package: "main" is a program`},
		{[]string{"-out", filepath.Join(dir, "my-client")}, `-package is not given, and the output folder's name cannot be the package's: "my-client" is not a Go identifier (letters, digits and _, not starting with a digit) (myclient would do)`},
	} {
		code, stdout, stderr := runCLI(append([]string{"generate", "-spec", specFile}, tc.args...)...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, tc.want)
		assert.Equal(t, 1, strings.Count(stderr, "\n"), "printed once: %s", stderr)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "nothing is written")
}

// TestOutDotNamesThePackageAfterTheFolder: -out . takes the current folder's name.
func TestOutDotNamesThePackageAfterTheFolder(t *testing.T) {
	dir := t.TempDir()
	specFile := writeSpec(t, dir)
	out := filepath.Join(dir, "pingapi")
	require.NoError(t, os.Mkdir(out, 0o755))
	t.Chdir(out)
	code, _, stderr := runCLI("generate", "-spec", specFile, "-out", ".")
	require.Equal(t, 0, code, stderr)
	src, err := os.ReadFile(filepath.Join(out, "client.go"))
	require.NoError(t, err)
	assert.Contains(t, string(src), "package pingapi\n")
}

// TestFlagErrorsExit2AndPrintOnce: the flag package reports a bad flag with the usage; the
// command adds nothing and exits 2. -h starts with what the command does and exits 0.
func TestFlagErrorsExit2AndPrintOnce(t *testing.T) {
	for _, cmd := range []string{"generate", "check", "spec", "slice"} {
		code, _, stderr := runCLI(cmd, "-nope")
		assert.Equal(t, 2, code, cmd)
		assert.Equal(t, 1, strings.Count(stderr, "flag provided but not defined: -nope"), "%s: %s", cmd, stderr)
		assert.NotContains(t, stderr, "ghappsgen: ", cmd)

		code, _, stderr = runCLI(cmd, "-h")
		assert.Equal(t, 0, code, cmd)
		first, _, _ := strings.Cut(stderr, "\n")
		assert.True(t, strings.HasPrefix(first, cmd+": "), "%s -h starts with what it does: %q", cmd, first)
	}
	code, _, stderr := runCLI("generate", "extra-arg")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unexpected arguments")
}
