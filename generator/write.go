package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Write replaces dir with exactly files. It writes a sibling temp folder and swaps it in
// with renames, so that on any error the old dir is left as it was, and the new one appears
// whole. dir is owned by the generator: files in it that are not in files are removed.
func Write(dir string, files Files) (err error) {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("output %s is not writable: %w", dir, err)
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	for _, name := range files.Names() {
		if err := os.WriteFile(filepath.Join(tmp, name), files[name], 0o644); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	return swap(tmp, dir)
}

// swap moves the old dir aside, the new one into place, and then removes the old one.
func swap(tmp, dir string) error {
	old := tmp + ".old"
	hadOld := true
	if err := os.Rename(dir, old); err != nil {
		if !os.IsNotExist(err) {
			return fmt.Errorf("output %s: %w", dir, err)
		}
		hadOld = false
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if hadOld {
		_ = os.RemoveAll(old)
	}
	return nil
}

// Names lists the file names in order.
func (f Files) Names() []string {
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Diff compares f with the files in dir and describes each difference, one line each:
// missing, extra, or changed (with the first differing line). Nothing means dir is current.
func (f Files) Diff(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	onDisk := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			onDisk[e.Name()] = true
		}
	}
	var diffs []string
	for _, name := range f.Names() {
		if !onDisk[name] {
			diffs = append(diffs, fmt.Sprintf("%s: missing", name))
			continue
		}
		have, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(have, f[name]) {
			diffs = append(diffs, fmt.Sprintf("%s: %s", name, firstDifference(have, f[name])))
		}
	}
	var extra []string
	for name := range onDisk {
		if _, ok := f[name]; !ok {
			extra = append(extra, fmt.Sprintf("%s: not generated (would be removed)", name))
		}
	}
	sort.Strings(extra)
	return append(diffs, extra...), nil
}

func firstDifference(have, want []byte) string {
	h, w := bytes.Split(have, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(h) || i < len(w); i++ {
		var hl, wl []byte
		if i < len(h) {
			hl = h[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(hl, wl) {
			return fmt.Sprintf("line %d differs:\n  - %s\n  + %s", i+1, bytes.TrimSpace(hl), bytes.TrimSpace(wl))
		}
	}
	return "differs"
}
