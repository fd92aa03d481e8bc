// Command corpus generates every OpenAPI description of a corpus folder (the pinned
// @readme/oas-examples package for make test-corpus), builds and vets each output in one
// fresh module with the generated module's pinned requirements, and prints a table. It
// fails when a description is refused without a line:column, or when what it generates does
// not build or vet: every description must become a package that compiles, or a refusal that
// says where.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/ghappsgen/ghappsgen/generator"
	"github.com/ghappsgen/ghappsgen/generator/diag"
)

type result struct {
	file     string
	pkg      string
	warnings int
	err      error
	vet      string // what go vet said of the package, when it failed
}

func main() {
	dir := flag.String("dir", "tools/corpus/node_modules/@readme/oas-examples", "the corpus folder")
	root := flag.String("root", ".", "the repository root (for generated/go.mod and go.sum)")
	flag.Parse()
	if err := run(*dir, *root); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(dir, root string) error {
	files, err := descriptions(dir)
	if err != nil {
		return err
	}
	mod, err := os.MkdirTemp("", "corpus-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(mod)
	if err := pinnedModule(root, mod); err != nil {
		return err
	}
	var results []*result
	for i, f := range files {
		r := &result{file: f, pkg: fmt.Sprintf("c%03d", i)}
		rel, _ := filepath.Rel(dir, f)
		r.file = rel
		cfg := generator.Config{Spec: f, Package: r.pkg, Warn: func(*diag.Error) { r.warnings++ }}
		var out generator.Files
		if out, r.err = generator.Generate(cfg); r.err == nil {
			r.err = generator.Write(filepath.Join(mod, r.pkg), out)
		}
		results = append(results, r)
	}
	vetAll(mod, results)
	return report(results)
}

// descriptions lists the corpus's OpenAPI and Swagger files, sorted.
func descriptions(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := filepath.Ext(path)
		if !d.IsDir() && (ext == ".json" || ext == ".yaml" || ext == ".yml") && !strings.Contains(path, "/test/") && filepath.Base(path) != "package.json" {
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func pinnedModule(root, mod string) error {
	gomod, err := os.ReadFile(filepath.Join(root, "generated", "go.mod"))
	if err != nil {
		return err
	}
	gosum, err := os.ReadFile(filepath.Join(root, "generated", "go.sum"))
	if err != nil {
		return err
	}
	gomod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAll(gomod, []byte("module corpus"))
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), gomod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(mod, "go.sum"), gosum, 0o644)
}

// vetAll vets every generated package in one go command (it builds them too), and gives
// each package what the go command said of it.
func vetAll(mod string, results []*result) {
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	byPkg := map[string]*result{}
	for _, r := range results {
		byPkg[r.pkg] = r
	}
	matched := false
	for _, line := range strings.Split(string(out), "\n") {
		for pkg, r := range byPkg {
			if strings.Contains(line, pkg+"/") || strings.Contains(line, "corpus/"+pkg) {
				r.vet += line + "\n"
				matched = true
			}
		}
	}
	if !matched { // an error no package owns: blame them all rather than pass
		for _, r := range results {
			if r.err == nil {
				r.vet = string(out)
			}
		}
	}
}

var position = regexp.MustCompile(`:\d+:\d+`)

func report(results []*result) error {
	var generated, warned, refused, bad int
	fmt.Printf("%-58s %-10s %s\n", "description", "outcome", "detail")
	for _, r := range results {
		outcome, detail := "generated", ""
		switch {
		case r.err != nil && !position.MatchString(r.err.Error()):
			outcome, detail = "BAD", "refused without a line:column: "+firstLine(r.err.Error())
			bad++
		case r.err != nil:
			outcome, detail = "refused", firstLine(r.err.Error())
			refused++
		case r.vet != "":
			outcome, detail = "BAD", "does not build or vet: "+firstLine(r.vet)
			bad++
		case r.warnings > 0:
			outcome, detail = "generated", fmt.Sprintf("%d warnings", r.warnings)
			warned++
			generated++
		default:
			generated++
		}
		fmt.Printf("%-58s %-10s %s\n", r.file, outcome, detail)
	}
	fmt.Printf("\n%d descriptions: %d generated, built and vetted (%d with warnings), %d refused with their position, %d bad\n",
		len(results), generated, warned, refused, bad)
	if bad > 0 {
		return fmt.Errorf("%d descriptions were neither generated into Go that builds nor refused with a position", bad)
	}
	return nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n"); i >= 0 {
		s = s[:i] + " …"
	}
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
