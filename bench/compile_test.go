package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/ghappsgen/ghappsgen/generator"
)

// BenchmarkCompile measures what a client costs a downstream build: one `go build` of the
// client's package alone, its dependencies already built. go-github is its v84 package
// (hand-written, all of GitHub's REST API); ghappsgen is a client generated from GitHub's whole
// api.github.com description as published, in a module with the generated module's
// requirements. Besides the wall time (sec/op) it reports the CPU time of the build and the
// peak resident memory of its largest process (the compiler), as the build's wait4 rusage
// gives them.
func BenchmarkCompile(b *testing.B) {
	b.Run("impl=go-github", func(b *testing.B) {
		benchCompile(b, ".", "github.com/google/go-github/v84/github")
	})
	b.Run("impl=ghappsgen", func(b *testing.B) {
		dir := generateWholeAPI(b)
		benchCompile(b, dir, "upstream/api")
	})
}

// benchCompile builds pkg in the module at dir once per iteration. Compiler flags that differ
// per iteration (where the compiler writes its own phase timings) change the build's cache
// key for pkg alone, so pkg is compiled each time and nothing else is.
func benchCompile(b *testing.B, dir, pkg string) {
	warm := exec.Command("go", "build", pkg)
	warm.Dir = dir
	if out, err := warm.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	phases := b.TempDir()
	var cpu float64
	var peak int64
	i := 0
	for b.Loop() {
		i++
		cmd := exec.Command("go", "build", fmt.Sprintf("-gcflags=%s=-bench=%s", pkg, filepath.Join(phases, fmt.Sprint(i))), pkg)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
		if _, err := os.Stat(filepath.Join(phases, fmt.Sprint(i))); err != nil {
			b.Fatalf("%s was not compiled again (%v): the measurement would be of the build cache", pkg, err)
		}
		state := cmd.ProcessState
		cpu += (state.UserTime() + state.SystemTime()).Seconds()
		if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss*1024)
		}
	}
	b.ReportMetric(cpu/float64(i), "cpu-sec/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
}

// generateWholeAPI generates a client of GitHub's whole api.github.com description into a
// temporary module and returns the module's folder; the package is upstream/api.
func generateWholeAPI(b *testing.B) string {
	spec := "../tools/upstream/node_modules/@octokit/openapi/generated/api.github.com.json"
	if _, err := os.Stat(spec); err != nil {
		b.Fatalf("%v: run make upstream (make bench does)", err)
	}
	files, err := generator.Generate(generator.Config{Spec: spec, Package: "api"})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := generator.Write(filepath.Join(dir, "api"), files); err != nil {
		b.Fatal(err)
	}
	// The generated module's requirements are what any generated package needs.
	mod, err := os.ReadFile("../generated/go.mod")
	if err != nil {
		b.Fatal(err)
	}
	sum, err := os.ReadFile("../generated/go.sum")
	if err != nil {
		b.Fatal(err)
	}
	_, requirements, _ := bytes.Cut(mod, []byte("\n")) // all but the module line
	mod = append([]byte("module upstream\n"), requirements...)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}
