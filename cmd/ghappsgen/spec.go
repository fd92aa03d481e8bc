package main

import (
	"encoding/json"
	"io"
	"os"

	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
)

// specCmd writes the description the client is generated from: spec/ with the overrides
// applied (patches, names, security schemes). A mock server serves it to contract tests.
func specCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("spec", "[-spec FILE] [-overrides DIR] -out FILE", "spec: write the description with the overrides applied (patches, names, security schemes), as the client is generated from it.", stderr)
	specPath := fs.String("spec", "spec/apps.json", "the OpenAPI description")
	ovDir := fs.String("overrides", "overrides", "the overrides folder")
	out := fs.String("out", "", "where to write the effective description (JSON); - for standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError(fs, "-out is required")
	}
	ov, err := overrides.LoadDir(*ovDir)
	if err != nil {
		return err
	}
	doc, err := load.File(*specPath, ov)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(doc.T, "", "  ")
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err = stdout.Write(append(data, '\n'))
		return err
	}
	return os.WriteFile(*out, append(data, '\n'), 0o644)
}
