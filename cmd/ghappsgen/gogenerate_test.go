package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegenerateCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tc := range []struct {
		name string
		args []string
		out  string
		want string
	}{
		{"inside", []string{"-spec", "api.json", "-out", "gen/api"}, "gen/api",
			"go -C ../.. run github.com/ghappsgen/ghappsgen/cmd/ghappsgen generate -spec api.json -out gen/api"},
		{"here", []string{"-out", "."}, ".", "go -C . run github.com/ghappsgen/ghappsgen/cmd/ghappsgen generate -out ."},
		{"quoted", []string{"-spec", "my api.json", "-tags", "a$b", "-out", "x"}, "x",
			`go -C .. run github.com/ghappsgen/ghappsgen/cmd/ghappsgen generate -spec "my api.json" -tags a$DOLLARb -out x`},
		{"outside", []string{"-out", "../elsewhere"}, "../elsewhere", ""},
		{"absolute outside", []string{"-out", "/tmp/x"}, "/tmp/x", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, regenerateCommand(tc.args, tc.out))
		})
	}
}

// TestGoGenerateRegeneratesEveryPackage: each package `make generate` writes carries a
// //go:generate line that runs, from the project's root, the command that writes it there,
// so that `go generate ./...` in generated/ regenerates all of them.
func TestGoGenerateRegeneratesEveryPackage(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	line := regexp.MustCompile(`(?m)^//go:generate go -C (\S+) run \./cmd/ghappsgen generate(.*)$`)
	for _, pkg := range []string{"generated/githubapps", "generated/githubwebhooks", "generated/internal/stdmodels"} {
		t.Run(pkg, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(root, pkg, "doc_gen.go"))
			require.NoError(t, err)
			m := line.FindStringSubmatch(string(src))
			require.NotNil(t, m, "no //go:generate line that runs ghappsgen")
			assert.Equal(t, root, filepath.Join(root, pkg, m[1]), "-C does not lead to the root")
			g, err := parseGenFlags("generate", generateWhat, strings.Fields(m[2]), &strings.Builder{})
			require.NoError(t, err)
			assert.Equal(t, filepath.Clean(pkg), filepath.Clean(g.out), "the line writes another folder")
		})
	}
}
