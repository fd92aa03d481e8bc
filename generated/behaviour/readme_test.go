package behaviour

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadmeQuickStartCompiles builds the README's quick start, as it is written there, in a
// package of this module (through go's -overlay: nothing is written into the tree), so that
// the first code a user copies compiles.
func TestReadmeQuickStartCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a package with the go command")
	}
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), "## Quick start")
	require.True(t, ok, "the README has no quick start")
	_, rest, ok = strings.Cut(rest, "```go\n")
	require.True(t, ok, "the quick start has no Go block")
	code, _, ok := strings.Cut(rest, "```")
	require.True(t, ok)

	dir := t.TempDir()
	src := filepath.Join(dir, "quickstart.go")
	require.NoError(t, os.WriteFile(src, []byte("package quickstart\n\n"+code), 0o644))
	module, err := filepath.Abs("..")
	require.NoError(t, err)
	overlay, err := json.Marshal(map[string]any{"Replace": map[string]string{
		filepath.Join(module, "internal", "quickstart", "quickstart.go"): src,
	}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "overlay.json"), overlay, 0o644))
	cmd := exec.Command("go", "build", "-overlay", filepath.Join(dir, "overlay.json"), "./internal/quickstart")
	cmd.Dir = module
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "the README's quick start does not build:\n%s", out)
}
