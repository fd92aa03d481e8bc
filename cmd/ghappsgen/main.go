// Command ghappsgen generates a typed Go client from an OpenAPI description.
//
//	ghappsgen generate [-spec FILE] [-overrides DIR] [-out DIR] [-package NAME]
//	ghappsgen check    [same flags]   exits 1 when the output is not what generate would write
//	ghappsgen slice    [-config spec/slice.yaml] -from PACKAGE_DIR
//	ghappsgen spec     [-spec FILE] [-overrides DIR] -out FILE
//
// Run from the repository root, the defaults regenerate generated/githubapps from spec/ and
// overrides/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: ghappsgen <command> [flags]

commands:
  generate  regenerate the client from a description and overrides
  check     exit 1 when the generated client is stale; writes nothing
  slice     carve spec/ out of GitHub's published descriptions (github.com + GHES)
  spec      write the description with the overrides applied (for mock servers)

Run 'ghappsgen <command> -h' for a command's flags.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "generate":
		err = generateCmd(args[1:], stdout, stderr)
	case "check":
		err = checkCmd(args[1:], stdout, stderr)
	case "slice":
		err = sliceCmd(args[1:], stdout, stderr)
	case "spec":
		err = specCmd(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "ghappsgen: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errStale):
		return 1
	}
	fmt.Fprintf(stderr, "ghappsgen: %v\n", err)
	return 1
}

var (
	errUsage = errors.New("usage")
	errStale = errors.New("stale")
)
