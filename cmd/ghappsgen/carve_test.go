package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ghappsgen/ghappsgen/generator/load"
	"github.com/ghappsgen/ghappsgen/generator/slice"
)

func TestTheMergeMarksWhatTheGeneratorReads(t *testing.T) {
	assert.Equal(t, load.ExtOnly, slice.ExtOnly)
}

func TestNewestFileComparesVersionsAsNumbers(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "generated"), 0o755))
	for _, name := range []string{"ghes-3.9.json", "ghes-3.19.json", "ghes-3.20.deref.json", "ghes-3.18.json", "ghec.json"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "generated", name), []byte("{}"), 0o644))
	}
	got, err := newestFile(dir, "generated/ghes-*.json")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join("generated", "ghes-3.19.json"), got)

	_, err = newestFile(dir, "generated/nothing-*.json")
	assert.ErrorContains(t, err, "no file matches")
}
