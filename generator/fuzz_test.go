package generator_test

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ghappsgen/ghappsgen/generator"
)

// FuzzGenerate feeds arbitrary bytes to the whole pipeline: it may refuse them with an
// error, but it must never panic, and what it does generate must be Go that gofmt accepts
// as it is. The seed corpus is every rule fixture's spec and a few broken documents.
func FuzzGenerate(f *testing.F) {
	specs, _ := filepath.Glob(filepath.Join("testdata", "rules", "*", "spec.yaml"))
	hostile, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*.yaml"))
	specs = append(specs, hostile...)
	for _, s := range specs {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}`))
	f.Add([]byte(`{"openapi": "3.0.3", "paths": {"/x/{id}": {"get": {"responses": {"200": {"$ref": "#/nope"}}}}}}`))
	f.Add([]byte("openapi: 3.0.3\npaths: [\n"))
	f.Fuzz(func(t *testing.T, spec []byte) {
		wd := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("no answer within 10 s (a hang) on %q", spec)) })
		defer wd.Stop()
		files, err := generator.GenerateBytes("fuzz.yaml", spec, generator.Config{Package: "fuzz"})
		if err != nil {
			return
		}
		for name, src := range files {
			formatted, err := format.Source(src)
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", name, err, src)
			}
			if !bytes.Equal(formatted, src) {
				t.Fatalf("%s is not gofmt-clean", name)
			}
		}
	})
}
