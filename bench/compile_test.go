package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/ghappsgen/ghappsgen/generator"
)

// BenchmarkCompile measures what a client costs a downstream build: one `go build` of the
// client's package alone, its dependencies already built. go-github is its v84 package
// (hand-written, all of GitHub's REST API); ghappsgen is a client generated from GitHub's whole
// api.github.com description as published, in a module with the generated module's
// requirements.
//
// Each iteration builds both, in turn one first then the other, and the ratios
// (ghappsgen's over go-github's) are taken per pair: x-wall and x-cpu are their medians. A
// shared machine's speed drifts by tens of percent within minutes; two builds back to back
// see the same spell, so a ratio of a pair holds where a ratio of two separate series does
// not. It also reports each client's median wall time (sec), CPU time of the build
// (cpu-sec) and the peak resident memory of its largest process, the compiler (peak-MiB),
// as the build's wait4 rusage gives them.
func BenchmarkCompile(b *testing.B) {
	theirs := &compiled{name: "go-github", dir: ".", pkg: "github.com/google/go-github/v84/github"}
	ours := &compiled{name: "ghappsgen", dir: generateWholeAPI(b), pkg: "upstream/api"}
	phases := b.TempDir()
	theirs.warm(b)
	ours.warm(b)
	for b.Loop() {
		pair := []*compiled{theirs, ours}
		if len(theirs.wall)%2 == 1 { // either order, in turn: what the first build leaves behind is shared
			pair = []*compiled{ours, theirs}
		}
		for _, c := range pair {
			c.build(b, filepath.Join(phases, fmt.Sprint(c.name, len(c.wall))))
		}
	}
	for _, c := range []*compiled{theirs, ours} {
		b.ReportMetric(median(c.wall), c.name+"-sec")
		b.ReportMetric(median(c.cpu), c.name+"-cpu-sec")
		b.ReportMetric(float64(c.peak)/(1<<20), c.name+"-peak-MiB")
	}
	b.ReportMetric(median(ratios(ours.wall, theirs.wall)), "x-wall")
	b.ReportMetric(median(ratios(ours.cpu, theirs.cpu)), "x-cpu")
}

// compiled is a client's package and what its builds measured.
type compiled struct {
	name, dir, pkg string
	wall, cpu      []float64 // seconds, per build
	peak           int64     // bytes, the largest of all builds
}

// warm builds the package's dependencies, so that a build measures the package alone.
func (c *compiled) warm(b *testing.B) {
	cmd := exec.Command("go", "build", c.pkg)
	cmd.Dir = c.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", c.pkg, err, out)
	}
}

// build compiles the package once. The compiler writes its phase timings to phases: a flag
// that differs per build changes the build's cache key for the package alone, so the
// package is compiled each time and nothing else is.
func (c *compiled) build(b *testing.B, phases string) {
	cmd := exec.Command("go", "build", fmt.Sprintf("-gcflags=%s=-bench=%s", c.pkg, phases), c.pkg)
	cmd.Dir = c.dir
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", c.pkg, err, out)
	}
	c.wall = append(c.wall, time.Since(start).Seconds())
	if _, err := os.Stat(phases); err != nil {
		b.Fatalf("%s was not compiled again (%v): the measurement would be of the build cache", c.pkg, err)
	}
	state := cmd.ProcessState
	c.cpu = append(c.cpu, (state.UserTime() + state.SystemTime()).Seconds())
	if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
		c.peak = max(c.peak, ru.Maxrss*1024)
	}
}

// ratios are a[i]/b[i], pair by pair.
func ratios(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i] / b[i]
	}
	return out
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
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
