package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlagSet returns a command's flag set whose -h starts with one line saying what the
// command does. Its parse errors are printed once, by the flag package, and become errUsage
// (exit 2): parseFlags says so.
func newFlagSet(name, synopsis, what string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s\n\nusage: ghappsgen %s %s\n\nflags:\n", what, name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args: -h is flag.ErrHelp (exit 0), any other problem errUsage (exit 2),
// already reported with the usage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		if fs.NArg() > 0 {
			fmt.Fprintf(fs.Output(), "%s: unexpected arguments: %v\n", fs.Name(), fs.Args())
			return errUsage
		}
		return nil
	case errors.Is(err, flag.ErrHelp):
		return err
	}
	return errUsage
}

// usageError reports a flag's bad value the way the flag package reports its own errors,
// and makes the command exit 2.
func usageError(fs *flag.FlagSet, format string, args ...any) error {
	fmt.Fprintf(fs.Output(), "%s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	return errUsage
}
