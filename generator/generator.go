// Package generator runs the pipeline: load (spec and overrides) -> lower (intermediate
// model) -> emit (Go files). It renders everything in memory first, so that a failed run
// writes nothing, and writes atomically, so that a reader never sees half a package.
package generator

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/ghappsgen/ghappsgen/generator/diag"
	"github.com/ghappsgen/ghappsgen/generator/emitgo"
	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/lower"
	"github.com/ghappsgen/ghappsgen/generator/overrides"
	"github.com/ghappsgen/ghappsgen/templates"
)

// Config says what to generate from what.
type Config struct {
	Spec      string // the OpenAPI description
	Overrides string // the overrides folder; empty for none
	Package   string // the output's package name
	Generate  string // the //go:generate command written into the output; empty for none
	// Extras is a folder of *.go.tmpl files rendered into the output beside the generated
	// code, with the same data as the client core (examples, for one); empty for none.
	Extras string
	// StdModels writes the models alone with encoding/json's reflection-based decoding: the
	// reference the differential tests hold the generated codecs to.
	StdModels bool
	// Select, when not empty, picks the operations to generate, in place of the overrides'
	// own selection.
	Select *overrides.Selection
	// Warn, when set, is told of each departure from the specification the generator went
	// past because its meaning is plain, with its position.
	Warn func(*diag.Error)
	// KeepUnknown keeps, in every model, the members the description does not name, so that
	// encoding a decoded value gives back every member; the overrides can ask for it too.
	KeepUnknown bool

	packageDoc     string   // from the overrides
	payloadMethods []string // from the overrides
}

// Files are the rendered files of a package, by name.
type Files map[string][]byte

// Generate runs the pipeline in memory.
func Generate(cfg Config) (Files, error) {
	var ov *overrides.Set
	if cfg.Overrides != "" {
		var err error
		if ov, err = overrides.LoadDir(cfg.Overrides); err != nil {
			return nil, err
		}
	}
	if !cfg.Select.Empty() {
		if ov == nil {
			ov = &overrides.Set{}
		}
		ov.Select = cfg.Select
	}
	if ov != nil && ov.Package != nil {
		cfg.KeepUnknown = cfg.KeepUnknown || ov.Package.KeepUnknown
		cfg.packageDoc = ov.Package.Doc
		cfg.payloadMethods = ov.Package.PayloadMethods
	}
	doc, err := load.File(cfg.Spec, ov)
	if err == nil {
		var files Files
		files, err = fromDocument(doc, cfg)
		warn(doc, cfg) // the load and lower stages' warnings, whether or not generation went on
		if err == nil {
			return files, nil
		}
	}
	load.Locate(err, cfg.Spec)
	return nil, err
}

// warn hands the document's warnings, with their line:column, to cfg.Warn.
func warn(doc *load.Document, cfg Config) {
	if cfg.Warn == nil || len(doc.Warnings) == 0 {
		return
	}
	load.Locate(doc.Warnings, doc.File)
	for _, w := range doc.Warnings {
		cfg.Warn(w)
	}
}

// GenerateBytes runs the pipeline on a description held in memory (name is used in errors),
// without overrides.
func GenerateBytes(name string, spec []byte, cfg Config) (Files, error) {
	doc, err := load.Bytes(name, spec, nil)
	if err != nil {
		return nil, err
	}
	files, err := fromDocument(doc, cfg)
	warn(doc, cfg)
	return files, err
}

func fromDocument(doc *load.Document, cfg Config) (Files, error) {
	if err := CheckPackageName(cfg.Package); err != nil {
		return nil, fmt.Errorf("package name: %w", err)
	}
	reserved := templates.Exported
	if cfg.Extras != "" && !cfg.StdModels { // the extras' own names too: a type must not take one
		extra, err := templates.DeclaredIn(cfg.Extras)
		if err != nil {
			return nil, err
		}
		reserved = append(slices.Clone(reserved), extra...)
	}
	api, err := lower.Build(doc, lower.Options{Reserved: reserved, ReservedMethods: templates.ClientMethods,
		ReservedMembers: templates.ModelMethods, KeepUnknown: cfg.KeepUnknown, PayloadMethods: cfg.payloadMethods})
	if err != nil {
		return nil, err
	}
	files, err := emitgo.Emit(api, emitgo.Options{Package: cfg.Package, Generate: cfg.Generate, Extras: cfg.Extras,
		StdModels: cfg.StdModels, PackageDoc: cfg.packageDoc})
	if err != nil {
		return nil, err
	}
	return Files(files), nil
}

// The project's own layout: what `make generate` reads and writes, relative to the repo root.
const (
	DefaultSpec      = "spec/apps.json"
	DefaultOverrides = "overrides"
	DefaultOut       = "generated/githubapps"
	DefaultPackage   = "githubapps"
	// DefaultGenerate regenerates generated/githubapps from inside it: the //go:generate
	// line the command writes for the command that wrote it (see Makefile's generate).
	DefaultGenerate = "go -C ../.. run ./cmd/ghappsgen generate"
	DefaultExtras   = "templates/examples"
	// DefaultStdOut holds the reference models (StdModels) of the differential tests.
	DefaultStdOut      = "generated/internal/stdmodels"
	DefaultStdPackage  = "stdmodels"
	DefaultStdGenerate = "go -C ../../.. run ./cmd/ghappsgen generate -std-models -out " + DefaultStdOut
)

// The webhooks package `make generate` writes: GitHub's webhooks description, its overrides,
// and the templates that hold GitHub's webhook conventions.
const (
	DefaultWebhooksSpec      = "spec/webhooks.json"
	DefaultWebhooksOverrides = "overrides/webhooks"
	DefaultWebhooksExtras    = "templates/githubwebhooks"
	DefaultWebhooksOut       = "generated/githubwebhooks"
	DefaultWebhooksGenerate  = "go -C ../.. run ./cmd/ghappsgen generate -spec " + DefaultWebhooksSpec +
		" -overrides " + DefaultWebhooksOverrides + " -extras " + DefaultWebhooksExtras + " -out " + DefaultWebhooksOut
)

// DefaultWebhooksConfig is the configuration of generated/githubwebhooks, with paths under root.
func DefaultWebhooksConfig(root string) Config {
	return Config{
		Spec:      filepath.Join(root, DefaultWebhooksSpec),
		Overrides: filepath.Join(root, DefaultWebhooksOverrides),
		Package:   "githubwebhooks",
		Generate:  DefaultWebhooksGenerate,
		Extras:    filepath.Join(root, DefaultWebhooksExtras),
	}
}

// DefaultStdConfig is the configuration of the reference models `make generate` writes
// beside the client.
func DefaultStdConfig(root string) Config {
	return Config{
		Spec:      filepath.Join(root, DefaultSpec),
		Overrides: filepath.Join(root, DefaultOverrides),
		Package:   DefaultStdPackage,
		Generate:  DefaultStdGenerate,
		StdModels: true,
	}
}

// DefaultConfig is the configuration of `make generate`, with paths under root.
func DefaultConfig(root string) Config {
	return Config{
		Spec:      filepath.Join(root, DefaultSpec),
		Overrides: filepath.Join(root, DefaultOverrides),
		Package:   DefaultPackage,
		Generate:  DefaultGenerate,
		Extras:    filepath.Join(root, DefaultExtras),
	}
}
