package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ghappsgen/ghappsgen/generator"
	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
)

type genFlags struct {
	cfg generator.Config
	out string
}

// The one-line summaries of the commands that share parseGenFlags.
const (
	generateWhat = "generate: write a typed Go client for an OpenAPI description into a folder, replacing only the files an earlier run generated there."
	checkWhat    = "check: exit 1, listing what differs, when the folder is not what generate would write; it writes nothing."
)

func parseGenFlags(name, what string, args []string, stderr io.Writer) (*genFlags, error) {
	g := &genFlags{}
	fs := newFlagSet(name, "[-spec FILE] [-overrides DIR] [-out DIR] [-package NAME] [flags]", what, stderr)
	fs.StringVar(&g.cfg.Spec, "spec", generator.DefaultSpec, "the OpenAPI description (JSON or YAML)")
	fs.StringVar(&g.cfg.Overrides, "overrides", "", "the overrides folder (default "+generator.DefaultOverrides+" when -spec is the default; none otherwise)")
	fs.StringVar(&g.out, "out", generator.DefaultOut, "the output folder: generated files are replaced, files of your own beside them are kept")
	fs.StringVar(&g.cfg.Package, "package", "", "the package name (default: the output folder's name)")
	fs.StringVar(&g.cfg.Generate, "gogenerate", "", "the command for the output's //go:generate line (default: this command again, when -out is inside the current folder)")
	fs.StringVar(&g.cfg.Extras, "extras", "", "a folder of *.go.tmpl files (examples) rendered into the output too (default "+generator.DefaultExtras+" when -spec is the default)")
	fs.BoolVar(&g.cfg.StdModels, "std-models", false, "write only the models, decoded by encoding/json (a reference for differential tests)")
	fs.BoolVar(&g.cfg.KeepUnknown, "keep-unknown", false, "keep the members the description does not name in every model, so that encoding gives back what decoding was given")
	var ops, tags, paths string
	fs.StringVar(&ops, "operations", "", "generate only these operations: operationIds, comma-separated")
	fs.StringVar(&tags, "tags", "", "generate only operations with these tags, comma-separated")
	fs.StringVar(&paths, "paths", "", "generate only operations whose path matches these globs (/app/*), comma-separated")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	sel := &overrides.Selection{Operations: list(ops), Tags: list(tags), Paths: list(paths), Pos: diag.Pos{File: "command line"}}
	if !sel.Empty() {
		g.cfg.Select = sel
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["overrides"] && !set["spec"] {
		g.cfg.Overrides = generator.DefaultOverrides
	}
	if err := g.choosePackage(fs, set["package"]); err != nil {
		return nil, err
	}
	if !set["gogenerate"] {
		g.cfg.Generate = regenerateCommand(args, g.out)
	}
	if !set["extras"] && !set["spec"] && !g.cfg.StdModels {
		g.cfg.Extras = generator.DefaultExtras
	}
	return g, nil
}

// choosePackage checks -package, or names the package after the output folder when it is
// not given ("-out ." names it after the current folder).
func (g *genFlags) choosePackage(fs *flag.FlagSet, given bool) error {
	if given {
		if err := generator.CheckPackageName(g.cfg.Package); err != nil {
			return usageError(fs, "-package: %v", err)
		}
		return nil
	}
	dir, err := filepath.Abs(g.out)
	if err != nil {
		return usageError(fs, "-out: %v", err)
	}
	g.cfg.Package = filepath.Base(dir)
	if err := generator.CheckPackageName(g.cfg.Package); err != nil {
		return usageError(fs, "-package is not given, and the output folder's name cannot be the package's: %v; pass -package", err)
	}
	return nil
}

func list(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func generateCmd(args []string, stdout, stderr io.Writer) error {
	g, err := parseGenFlags("generate", generateWhat, args, stderr)
	if err != nil {
		return err
	}
	g.cfg.Warn = func(w *diag.Error) { fmt.Fprintf(stderr, "ghappsgen: warning: %v\n", w) }
	files, err := generator.Generate(g.cfg)
	if err != nil {
		return err
	}
	if err := generator.Write(g.out, files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ghappsgen: wrote %d files to %s\n", len(files), g.out)
	return nil
}

func checkCmd(args []string, stdout, stderr io.Writer) error {
	g, err := parseGenFlags("check", checkWhat, args, stderr)
	if err != nil {
		return err
	}
	g.cfg.Warn = func(w *diag.Error) { fmt.Fprintf(stderr, "ghappsgen: warning: %v\n", w) }
	files, err := generator.Generate(g.cfg)
	if err != nil {
		return err
	}
	diffs, err := files.Diff(g.out)
	if err != nil {
		return err
	}
	if len(diffs) == 0 {
		fmt.Fprintf(stdout, "ghappsgen: %s is up to date\n", g.out)
		return nil
	}
	fmt.Fprintf(stderr, "ghappsgen: %s is stale (run make generate):\n", g.out)
	for _, d := range diffs {
		fmt.Fprintf(stderr, "  %s\n", d)
	}
	return errStale
}
