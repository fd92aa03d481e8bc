package generator_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator"
)

var update = flag.Bool("update", false, "rewrite the rule fixtures' golden files")

// ruleFixtures are the folders under testdata/rules: each has a spec.yaml exercising one
// mapping rule, an optional overrides/ folder, and golden/ with the expected models.go and
// operations.go (the template files are the same for every package).
func ruleFixtures(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "rules", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	return dirs
}

func generateFixture(t *testing.T, dir string) generator.Files {
	t.Helper()
	cfg := generator.Config{Spec: filepath.Join(dir, "spec.yaml"), Package: filepath.Base(dir)}
	if _, err := os.Stat(filepath.Join(dir, "overrides")); err == nil {
		cfg.Overrides = filepath.Join(dir, "overrides")
	}
	files, err := generator.Generate(cfg)
	require.NoError(t, err)
	return files
}

func TestRuleFixtures(t *testing.T) {
	for _, dir := range ruleFixtures(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files := generateFixture(t, dir)
			for _, name := range []string{"models.go", "operations.go"} {
				golden := filepath.Join(dir, "golden", name+".golden")
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
					require.NoError(t, os.WriteFile(golden, files[name], 0o644))
					continue
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run go test ./generator -run TestRuleFixtures -update")
				require.Equal(t, string(want), string(files[name]), "%s differs from %s", name, golden)
			}
		})
	}
}

// TestRuleFixturesBuildAndBehave vets every fixture's whole package in one temporary module
// and runs the fixture's own fixture_test.go where it has one: golden files prove the output
// is stable, this proves it is valid Go that behaves as the rule says.
func TestRuleFixturesBuildAndBehave(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	mod := pinnedModule(t, "fixtures")
	for _, dir := range ruleFixtures(t) {
		files := generateFixture(t, dir)
		if test, err := os.ReadFile(filepath.Join(dir, "fixture_test.go")); err == nil {
			files["fixture_test.go"] = test
		}
		require.NoError(t, generator.Write(filepath.Join(mod, filepath.Base(dir)), files))
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		goCommand(t, mod, args...)
	}
}
