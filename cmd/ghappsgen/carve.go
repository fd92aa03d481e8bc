package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ghappsgen/ghappsgen/generator/slice"
)

// carved is what slice made: each side's carve, and the operations of the merged one.
type carved struct {
	sides      []carvedSide
	operations []string
}

type carvedSide struct {
	name string // what doc comments call its API
	file string // its file in the source package
	src  []byte
	res  *slice.Result
}

// carve carves the configured operations from the source description and, when the
// configuration names an enterprise one, from the newest of those too, merges the two into
// the output, writes each side's carve into the carves folder, and prints what the new
// output changes and what the two sides differ in.
func carve(stdout io.Writer, cfg *sliceConfig, from, dir string) (*carved, error) {
	files := []string{cfg.Source.File}
	names := []string{cmp.Or(cfg.SourceName, "github.com")}
	if e := cfg.Enterprise; e != nil {
		newest, err := newestFile(from, e.Pattern)
		if err != nil {
			return nil, err
		}
		files, names = append(files, newest), append(names, cmp.Or(e.Name, "GitHub Enterprise Server"))
	}
	out := &carved{}
	inSome := map[string]bool{}
	for i, file := range files {
		path := filepath.Join(from, file)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		res, _, err := slice.SlicePresent(src, cfg.Operations)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, id := range res.Operations {
			inSome[id] = true
		}
		out.sides = append(out.sides, carvedSide{name: names[i], file: file, src: src, res: res})
	}
	var missing []string
	for _, id := range cfg.Operations {
		if !inSome[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("operations in no description (%s): %s", strings.Join(files, ", "), strings.Join(missing, ", "))
	}
	out.operations = slices.Sorted(maps.Keys(inSome))
	merged := out.sides[0].res.JSON
	if len(out.sides) > 1 {
		var conflicts []string
		var err error
		a, b := out.sides[0], out.sides[1]
		merged, conflicts, err = slice.Merge(slice.Side{Name: a.name, JSON: a.res.JSON}, slice.Side{Name: b.name, JSON: b.res.JSON})
		if err != nil {
			return nil, err
		}
		if err := writeCarves(cfg, dir, out.sides); err != nil {
			return nil, err
		}
		if err := reportSides(stdout, a, b, conflicts); err != nil {
			return nil, err
		}
	}
	outPath := filepath.Join(dir, cfg.Output)
	if err := reportChanges(stdout, outPath, merged); err != nil {
		return nil, err
	}
	if err := os.WriteFile(outPath, merged, 0o644); err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "ghappsgen: carved %d operations from %s into %s\n", len(out.operations), strings.Join(files, " and "), outPath)
	return out, nil
}

// writeCarves writes each side's carve into the carves folder as <output>'s name with the
// side's file (apps.ghes-3.19.json), and removes the carves of sides no longer carved.
func writeCarves(cfg *sliceConfig, dir string, sides []carvedSide) error {
	folder := filepath.Join(dir, cmp.Or(cfg.Carves, "carves"))
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	stem := strings.TrimSuffix(cfg.Output, ".json")
	keep := map[string]bool{}
	for _, s := range sides {
		name := carveName(stem, s.file)
		keep[name] = true
		if err := os.WriteFile(filepath.Join(folder, name), s.res.JSON, 0o644); err != nil {
			return err
		}
	}
	old, _ := filepath.Glob(filepath.Join(folder, stem+".*.json"))
	for _, path := range old {
		if !keep[filepath.Base(path)] {
			if err := os.Remove(path); err != nil {
				return err
			}
		}
	}
	return nil
}

// carveName names a side's carve: apps + ghes-3.19.json -> apps.ghes-3.19.json.
func carveName(stem, file string) string {
	return stem + "." + filepath.Base(file)
}

// reportSides prints what one side has that the other lacks, and the conflicts the merge
// settled.
func reportSides(stdout io.Writer, a, b carvedSide, conflicts []string) error {
	lines, err := slice.Diff(a.res.JSON, b.res.JSON)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ghappsgen: %s and %s differ in %d places (+: %s only, -: %s only):\n", a.file, b.file, len(lines), b.name, a.name)
	for _, l := range lines {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	for _, c := range conflicts {
		fmt.Fprintf(stdout, "  conflict: %s\n", c)
	}
	return nil
}

// newestFile is the file of the package folder matching pattern (generated/ghes-*.json)
// whose version, the part the * matches, is the highest ("3.19" over "3.9"); files whose
// name says they are another form (.deref) do not match a pattern without it.
func newestFile(from, pattern string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(from, pattern))
	if err != nil {
		return "", err
	}
	prefix, suffix, _ := strings.Cut(filepath.Base(pattern), "*")
	var best string
	var bestVersion []int
	for _, m := range matches {
		v, ok := versionOf(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), prefix), suffix))
		if ok && (best == "" || slices.Compare(v, bestVersion) > 0) {
			best, bestVersion = m, v
		}
	}
	if best == "" {
		return "", fmt.Errorf("%s: no file matches %s", from, pattern)
	}
	return filepath.Rel(from, best)
}

// versionOf reads a dotted version ("3.19"); ok is false for anything else ("3.19.deref").
func versionOf(s string) ([]int, bool) {
	var out []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil, false
		}
		out = append(out, n)
	}
	return out, len(out) > 0
}
