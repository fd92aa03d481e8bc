package generator_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator"
	"github.com/ghappsgen/ghappsgen/templates"
)

var update = flag.Bool("update", false, "rewrite the rule fixtures' golden files")

// ruleFixtures are the folders under testdata/rules: each has a spec.yaml exercising one
// mapping rule, an optional overrides/ folder, and golden/ with every file written from the
// description (models.go, models_json.go, operations.go...; the files rendered from the
// templates are the same for every package).
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
			var code []string
			for name := range files {
				if !templates.IsTemplateOutput(name) {
					code = append(code, name+".golden")
				}
			}
			slices.Sort(code)
			goldenDir := filepath.Join(dir, "golden")
			if *update {
				require.NoError(t, os.RemoveAll(goldenDir))
				require.NoError(t, os.MkdirAll(goldenDir, 0o755))
				for _, name := range code {
					require.NoError(t, os.WriteFile(filepath.Join(goldenDir, name), files[strings.TrimSuffix(name, ".golden")], 0o644))
				}
				return
			}
			entries, err := os.ReadDir(goldenDir)
			require.NoError(t, err, "run go test ./generator -run TestRuleFixtures -update")
			var have []string
			for _, e := range entries {
				have = append(have, e.Name())
			}
			require.Equal(t, code, have, "the files written from the description are not the golden ones")
			for _, name := range code {
				want, err := os.ReadFile(filepath.Join(goldenDir, name))
				require.NoError(t, err)
				require.Equal(t, string(want), string(files[strings.TrimSuffix(name, ".golden")]), "%s differs", name)
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
