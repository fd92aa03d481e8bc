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
	Output     string   `yaml:"output"`
	Operations []string `yaml:"operations"`
}

func sliceCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("slice", "[-config spec/slice.yaml] -from PACKAGE_DIR", "slice: carve spec/ out of GitHub's published description (the operations spec/slice.yaml lists), printing what changes.", stderr)
	configPath := fs.String("config", "spec/slice.yaml", "what to carve: source package, version, file, operations")
	from := fs.String("from", "", "the installed source package's folder (e.g. tools/upstream/node_modules/@octokit/openapi)")
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
	srcPath := filepath.Join(*from, cfg.Source.File)
	src, err := os.ReadFile(srcPath)
	if err != nil {
		return err
	}
	res, err := slice.Slice(src, cfg.Operations)
	if err != nil {
		return fmt.Errorf("%s: %w", srcPath, err)
	}
	dir := filepath.Dir(*configPath)
	outPath := filepath.Join(dir, cfg.Output)
	if err := reportChanges(stdout, outPath, res.JSON); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, res.JSON, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), specReadme(cfg, src, res), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ghappsgen: carved %d operations and %d schemas from %s into %s\n",
		len(res.Operations), len(res.Components["schemas"]), srcPath, filepath.Join(dir, cfg.Output))
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
	data, err := os.ReadFile(filepath.Join(from, "package.json"))
	if err != nil {
		return fmt.Errorf("reading the source package: %w", err)
	}
	var pkg struct{ Name, Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		return fmt.Errorf("%s/package.json: %w", from, err)
	}
	if pkg.Name != cfg.Source.Package || pkg.Version != cfg.Source.Version {
		return fmt.Errorf("%s holds %s@%s, but spec/slice.yaml pins %s@%s", from, pkg.Name, pkg.Version, cfg.Source.Package, cfg.Source.Version)
	}
	return nil
}

func specReadme(cfg *sliceConfig, src []byte, res *slice.Result) []byte {
	sum := sha256.Sum256(src)
	var b strings.Builder
	fmt.Fprintf(&b, "# spec/\n\n")
	fmt.Fprintf(&b, "`%s` is carved by `make spec` (`ghappsgen slice`) from GitHub's published OpenAPI description;\n", cfg.Output)
	fmt.Fprintf(&b, "do not edit it by hand: correct it in `overrides/`. `slice.yaml` lists the operations.\n\n")
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| package | `%s` |\n| version | `%s` |\n| file | `%s` |\n| sha256 | `%s` |\n",
		cfg.Source.Package, cfg.Source.Version, cfg.Source.File, hex.EncodeToString(sum[:]))
	fmt.Fprintf(&b, "| operations | %d |\n", len(res.Operations))
	for _, kind := range []string{"schemas", "parameters", "responses", "examples", "headers"} {
		if n := len(res.Components[kind]); n > 0 {
			fmt.Fprintf(&b, "| %s | %d |\n", kind, n)
		}
	}
	return []byte(b.String())
}
