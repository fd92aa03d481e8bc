package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// modulePath is this project's module, whose command a generated package's //go:generate
// line runs.
const modulePath = "github.com/ghappsgen/ghappsgen"

// regenerateCommand is the //go:generate line of an output inside the current folder: this
// same command, with the same flags, run from the current folder (go generate runs in the
// package's folder, and the flags' paths are relative to where they were given), so that
// `go generate ./...` regenerates every package ghappsgen wrote. It is "" for an output
// elsewhere, which no relative path leads back from.
func regenerateCommand(args []string, out string) string {
	cwd, err := os.Getwd()
	if err != nil {
		return ""
	}
	dir, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	back, err := filepath.Rel(dir, cwd)
	if err != nil || !isUpward(back) {
		return ""
	}
	words := []string{"go", "-C", filepath.ToSlash(back), "run", commandPackage(cwd), "generate"}
	for _, a := range args {
		words = append(words, shellWord(a))
	}
	return strings.Join(words, " ")
}

// isUpward tells whether a relative path only climbs ("..", "../.."): the output is inside.
func isUpward(rel string) bool {
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part != ".." && part != "." {
			return false
		}
	}
	return true
}

// commandPackage is how the line names ghappsgen: its folder inside this project, its import
// path anywhere else (a module that requires ghappsgen, as a tool dependency say).
func commandPackage(cwd string) string {
	mod, err := os.ReadFile(filepath.Join(cwd, "go.mod"))
	if err == nil && strings.HasPrefix(string(mod), "module "+modulePath+"\n") {
		return "./cmd/ghappsgen"
	}
	return modulePath + "/cmd/ghappsgen"
}

// shellWord quotes an argument as go generate reads its line: words split at spaces, a
// double-quoted Go string for one that holds a space or a quote, and $ spelled $DOLLAR, as
// go generate expands $NAME.
func shellWord(a string) string {
	a = strings.ReplaceAll(a, "$", "$DOLLAR")
	if a == "" || strings.ContainsAny(a, " \t\"\\") {
		return strconv.Quote(a)
	}
	return a
}
