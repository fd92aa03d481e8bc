package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ghappsgen/ghappsgen/generator/slice"
)

type sliceConfig struct {
	Source struct {
		Package string `yaml:"package"`
		Version string `yaml:"version"`
		File    string `yaml:"file"`
	} `yaml:"source"`
	// Enterprise is the other description the operations are carved from and merged with
	// the source's: the newest file of the source package matching its pattern.
	Enterprise *struct {
		Pattern string `yaml:"pattern"` // generated/ghes-*.json
		Name    string `yaml:"name"`    // what doc comments call it: GitHub Enterprise Server
	} `yaml:"enterprise"`
	SourceName string   `yaml:"source_name"` // what doc comments call the source's API: github.com
	Output     string   `yaml:"output"`
	Carves     string   `yaml:"carves"` // the folder of each side's own carve, beside output
	Operations []string `yaml:"operations"`
	// Webhooks is the webhooks description, copied whole: every webhook of it is generated.
	Webhooks *struct {
		Package string `yaml:"package"`
		Version string `yaml:"version"`
		File    string `yaml:"file"`
		Output  string `yaml:"output"`
	} `yaml:"webhooks"`
}

func sliceCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("slice", "[-config spec/slice.yaml] -from PACKAGE_DIR", "slice: carve spec/ out of GitHub's published descriptions (the operations spec/slice.yaml lists, from github.com's and the newest GHES's, merged), printing what changes.", stderr)
	configPath := fs.String("config", "spec/slice.yaml", "what to carve: source package, version, file, operations")
	from := fs.String("from", "", "the installed source package's folder (e.g. tools/upstream/node_modules/@octokit/openapi)")
	webhooksFrom := fs.String("webhooks-from", "", "the installed webhooks package's folder (e.g. tools/upstream/node_modules/@octokit/openapi-webhooks), when the config names one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" {
		return usageError(fs, "-from is required")
	}
	cfg, err := readSliceConfig(*configPath)
	if err != nil {
		return err
	}
	if err := checkVersion(*from, cfg); err != nil {
		return err
	}
	dir := filepath.Dir(*configPath)
	res, err := carve(stdout, cfg, *from, dir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), specReadme(cfg, res), 0o644); err != nil {
		return err
	}
	if cfg.Webhooks == nil {
		return nil
	}
	if *webhooksFrom == "" {
		return usageError(fs, "-webhooks-from is required: %s names a webhooks description", *configPath)
	}
	return copyWebhooks(stdout, cfg, *webhooksFrom, dir)
}

// copyWebhooks copies the pinned webhooks description into spec/, printing what changes.
func copyWebhooks(stdout io.Writer, cfg *sliceConfig, from, dir string) error {
	w := cfg.Webhooks
	if err := checkPackage(from, w.Package, w.Version); err != nil {
		return err
	}
	src, err := os.ReadFile(filepath.Join(from, w.File))
	if err != nil {
		return err
	}
	out := filepath.Join(dir, w.Output)
	if err := reportChanges(stdout, out, src); err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ghappsgen: copied %s@%s %s into %s\n", w.Package, w.Version, w.File, out)
	return nil
}

// reportChanges prints what the new carve changes in the one on disk, before it is replaced.
func reportChanges(stdout io.Writer, path string, carved []byte) error {
	old, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		fmt.Fprintf(stdout, "ghappsgen: %s is new\n", path)
		return nil
	}
	if err != nil {
		return err
	}
	lines, err := slice.Diff(old, carved)
	if err != nil {
		return err
	}
	if len(lines) == 0 {
		fmt.Fprintf(stdout, "ghappsgen: no operation, schema or property of %s changes\n", path)
		return nil
	}
	fmt.Fprintf(stdout, "ghappsgen: changes to %s:\n", path)
	for _, l := range lines {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	return nil
}

func readSliceConfig(path string) (*sliceConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg sliceConfig
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cfg.Source.File == "" || cfg.Output == "" || len(cfg.Operations) == 0 {
		return nil, fmt.Errorf("%s: source.file, output and operations are required", path)
	}
	return &cfg, nil
}

// checkVersion refuses to carve from a package other than the pinned one, so that
// spec/README.md never records a version the spec did not come from.
func checkVersion(from string, cfg *sliceConfig) error {
	return checkPackage(from, cfg.Source.Package, cfg.Source.Version)
}

// checkPackage checks that the package installed at from is name@version.
func checkPackage(from, name, version string) error {
	data, err := os.ReadFile(filepath.Join(from, "package.json"))
	if err != nil {
		return fmt.Errorf("reading the source package: %w", err)
	}
	var pkg struct{ Name, Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		return fmt.Errorf("%s/package.json: %w", from, err)
	}
	if pkg.Name != name || pkg.Version != version {
		return fmt.Errorf("%s holds %s@%s, but spec/slice.yaml pins %s@%s", from, pkg.Name, pkg.Version, name, version)
	}
	return nil
}

func specReadme(cfg *sliceConfig, res *carved) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# spec/\n\n")
	fmt.Fprintf(&b, "`%s` is carved by `make spec` (`ghappsgen slice`) from GitHub's published OpenAPI descriptions;\n", cfg.Output)
	fmt.Fprintf(&b, "do not edit it by hand: correct it in `overrides/`. `slice.yaml` lists the operations.\n")
	if len(res.sides) > 1 {
		fmt.Fprintf(&b, "It merges the carves of %s and %s (in `%s/`, which the contract tests run against):\n",
			res.sides[0].name, res.sides[1].name, cfg.Carves)
		fmt.Fprintf(&b, "every operation and schema member of either, what only one has marked `%s`.\n", slice.ExtOnly)
	}
	fmt.Fprintf(&b, "\n| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| package | `%s` |\n| version | `%s` |\n", cfg.Source.Package, cfg.Source.Version)
	for _, side := range res.sides {
		sum := sha256.Sum256(side.src)
		fmt.Fprintf(&b, "| %s | `%s` (sha256 `%s`), %d operations |\n", side.name, side.file, hex.EncodeToString(sum[:]), len(side.res.Operations))
	}
	merged := res.sides[0].res
	fmt.Fprintf(&b, "| operations | %d |\n", len(res.operations))
	for _, kind := range []string{"schemas", "parameters", "responses", "examples", "headers"} {
		if n := len(merged.Components[kind]); n > 0 {
			fmt.Fprintf(&b, "| %s (%s) | %d |\n", kind, res.sides[0].name, n)
		}
	}
	if w := cfg.Webhooks; w != nil {
		fmt.Fprintf(&b, "\n`%s` is `%s` of `%s` `%s`, copied whole by `make spec`: every webhook of it is generated\n"+
			"into `generated/githubwebhooks`, with `overrides/webhooks/` and the templates of `templates/githubwebhooks/`.\n",
			w.Output, w.File, w.Package, w.Version)
	}
	return []byte(b.String())
}
