package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Write puts files into dir and removes the files an earlier run generated there that files
// no longer has. Everything else in dir is someone else's and is left exactly as it is; a
// folder where writing would overwrite or break such files is refused before anything is
// touched (see folder.check).
//
// Every new file is written in full beside its target first; only then are they renamed
// into place, one rename each, so a reader never sees half a file and the old package is
// replaced in one short pass. Should a rename fail, what was renamed or removed is put back
// from hard links taken beforehand: a failed Write leaves dir as it was. (A swap of the
// whole folder would replace the set of files in one step, but it cannot keep the files
// and folders of others, and it pulls the folder from under a process working in it: go
// generate runs its commands there.)
func Write(dir string, files Files) error {
	f, err := inspect(dir)
	if err != nil {
		return err
	}
	if err := f.check(files, packageOf(files)); err != nil {
		return err
	}
	if !f.exists {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("output %s: %w", dir, err)
		}
	}
	t := &transaction{dir: dir, created: !f.exists}
	if err := t.run(files, f.stale(files)); err != nil {
		t.rollback()
		return err
	}
	t.cleanup()
	return nil
}

// transaction is one Write's changes to a folder, and what it takes to undo them.
type transaction struct {
	dir     string
	created bool              // Write made dir; undoing removes it again if it is empty
	temps   map[string]string // name -> the temp file holding its new content
	backups map[string]string // name -> a hard link to its old content
	done    []string          // names renamed into place or removed, in order
}

// renameFile is os.Rename; tests replace it to make a rename fail partway.
var renameFile = os.Rename

func (t *transaction) run(files Files, stale []string) error {
	t.temps, t.backups = map[string]string{}, map[string]string{}
	var changed []string
	for _, name := range files.Names() {
		old, err := os.ReadFile(filepath.Join(t.dir, name))
		if err == nil && bytes.Equal(old, files[name]) {
			continue // unchanged files keep their modification time, so builds stay cached
		}
		if err := t.stage(name, files[name]); err != nil {
			return err
		}
		changed = append(changed, name)
	}
	for _, name := range append(append([]string{}, changed...), stale...) {
		if err := t.backup(name); err != nil {
			return err
		}
	}
	for _, name := range changed {
		if err := renameFile(t.temps[name], filepath.Join(t.dir, name)); err != nil {
			return fmt.Errorf("output %s: %w", t.dir, err)
		}
		delete(t.temps, name)
		t.done = append(t.done, name)
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(t.dir, name)); err != nil {
			return fmt.Errorf("output %s: removing %s, which this run no longer generates: %w", t.dir, name, err)
		}
		t.done = append(t.done, name)
	}
	return nil
}

// stage writes a file's new content to a temp file beside it.
func (t *transaction) stage(name string, data []byte) error {
	tmp, err := os.CreateTemp(t.dir, "."+name+".new-*")
	if err != nil {
		return fmt.Errorf("output %s is not writable: %w", t.dir, err)
	}
	t.temps[name] = tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output %s: writing %s: %w", t.dir, name, err)
	}
	return nil
}

// backup keeps the current content of name, if it has any, under a hidden name.
func (t *transaction) backup(name string) error {
	path := filepath.Join(t.dir, name)
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	link := filepath.Join(t.dir, "."+name+".old")
	_ = os.Remove(link) // left by a run that was killed: it is ours
	if err := os.Link(path, link); err != nil {
		if err := copyFile(path, link); err != nil {
			return fmt.Errorf("output %s: keeping a copy of %s: %w", t.dir, name, err)
		}
	}
	t.backups[name] = link
	return nil
}

// rollback puts back everything the transaction changed and removes what it added.
func (t *transaction) rollback() {
	for i := len(t.done) - 1; i >= 0; i-- {
		name := t.done[i]
		path := filepath.Join(t.dir, name)
		if link, ok := t.backups[name]; ok {
			if os.Rename(link, path) == nil {
				delete(t.backups, name)
			}
			continue
		}
		_ = os.Remove(path) // a new file this run added
	}
	t.cleanup()
	if t.created {
		_ = os.Remove(t.dir) // only when empty
	}
}

// cleanup removes the temp files and backups that are left.
func (t *transaction) cleanup() {
	for _, tmp := range t.temps {
		_ = os.Remove(tmp)
	}
	for _, link := range t.backups {
		_ = os.Remove(link)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
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
// missing, changed (with the first differing line), or generated by an earlier run and no
// longer (Write would remove it). Files of others in dir are no difference; a dir Write
// would refuse is an error. Nothing means dir is current.
func (f Files) Diff(dir string) ([]string, error) {
	out, err := inspect(dir)
	if err != nil {
		return nil, err
	}
	if err := out.check(f, packageOf(f)); err != nil {
		return nil, err
	}
	var diffs []string
	for _, name := range f.Names() {
		have, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			diffs = append(diffs, fmt.Sprintf("%s: missing", name))
			continue
		}
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(have, f[name]) {
			diffs = append(diffs, fmt.Sprintf("%s: %s", name, firstDifference(have, f[name])))
		}
	}
	for _, name := range out.stale(f) {
		diffs = append(diffs, fmt.Sprintf("%s: no longer generated (would be removed)", name))
	}
	return diffs, nil
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
