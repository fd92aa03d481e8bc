package bench

import (
	"os"
	"testing"

	"github.com/ghappsgen/ghappsgen/generator"
)

// BenchmarkGenerate runs the whole pipeline in process (load, lower, emit, gofmt), writing
// nothing: spec/ with the overrides, and GitHub's whole GHES description as published.
func BenchmarkGenerate(b *testing.B) {
	b.Run("spec=apps", func(b *testing.B) {
		cfg := generator.DefaultConfig("..")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := generator.Generate(cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("spec=ghes-3.19", func(b *testing.B) {
		path := "../tools/upstream/node_modules/@octokit/openapi/generated/ghes-3.19.json"
		if _, err := os.Stat(path); err != nil {
			b.Fatalf("%v: run make upstream (make bench does)", err)
		}
		cfg := generator.Config{Spec: path, Package: "ghes"}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := generator.Generate(cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}
