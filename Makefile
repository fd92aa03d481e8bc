# ghappsgen: `make generate` regenerates generated/ from spec/ and overrides/; `make test`
# runs every test. Both work from a clean clone: Go fetches its modules itself.
GO ?= go
UPSTREAM := tools/upstream/node_modules/@octokit/openapi
UPSTREAM_WEBHOOKS := tools/upstream/node_modules/@octokit/openapi-webhooks

.PHONY: generate test check spec vet lint upstream test-upstream corpus test-corpus fuzz bench bench-smoke

# The webhooks package: spec/webhooks.json with its overrides and GitHub's webhook templates.
WEBHOOKS := -spec spec/webhooks.json -overrides overrides/webhooks -extras templates/githubwebhooks -out generated/githubwebhooks

generate:
	$(GO) run ./cmd/ghappsgen generate
	$(GO) run ./cmd/ghappsgen generate -std-models -out generated/internal/stdmodels
	$(GO) run ./cmd/ghappsgen generate $(WEBHOOKS)

PRISM := generated/contract/node_modules/.package-lock.json

test: vet $(PRISM)
	$(GO) test ./...
	cd generated && $(GO) test -race ./...

# The contract tests run the client against Prism, pinned in generated/contract/package-lock.json.
$(PRISM): generated/contract/package-lock.json
	cd generated/contract && npm ci --no-audit --no-fund

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	cd generated && $(GO) vet ./...

# lint: go vet and staticcheck (pinned) on every module, generated code included, and
# actionlint (pinned) on the GitHub workflows, so that a broken workflow fails here first.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
ACTIONLINT := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
lint: vet
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt -l: $$unformatted" >&2; exit 1; fi
	$(GO) run $(ACTIONLINT)
	$(GO) run $(STATICCHECK) ./...
	cd generated && $(GO) run $(STATICCHECK) ./...
	cd bench && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...

# check fails when generated/ is not what `make generate` would write; it writes nothing.
check:
	$(GO) run ./cmd/ghappsgen check
	$(GO) run ./cmd/ghappsgen check -std-models -out generated/internal/stdmodels
	$(GO) run ./cmd/ghappsgen check $(WEBHOOKS)

# spec re-carves spec/apps.json from the @octokit/openapi version pinned in
# tools/upstream/package.json, copies the pinned @octokit/openapi-webhooks description into
# spec/webhooks.json, then regenerates.
spec: upstream
	$(GO) run ./cmd/ghappsgen slice -from $(UPSTREAM) -webhooks-from $(UPSTREAM_WEBHOOKS)
	$(MAKE) generate

# upstream installs the pinned @octokit/openapi (tools/upstream/package-lock.json).
upstream:
	cd tools/upstream && npm ci --no-audit --no-fund

# test-upstream generates GitHub's two whole descriptions, unmodified, builds and vets them,
# and replays recorded GitHub exchanges against the api.github.com client.
test-upstream: upstream
	tools/upstream/check.sh

# corpus installs the @readme/oas-examples corpus pinned in tools/corpus/package-lock.json.
corpus:
	cd tools/corpus && npm ci --no-audit --no-fund

# test-corpus generates every description of the corpus (OpenAPI 3.0, 3.1 and Swagger 2.0),
# builds and vets each output, prints a table, and fails on any description that is neither
# generated into Go that builds nor refused with its line:column.
test-corpus: corpus
	$(GO) run ./tools/corpus -dir tools/corpus/node_modules/@readme/oas-examples

# fuzz runs each fuzz target from its committed seed corpus: the loader and generator (spec
# bytes in), the generated decoders (response bytes in), the generated codecs against
# encoding/json on the reference models (same value out), the client against a server whose
# status, headers and body are the fuzzer's, and webhook payloads into Parse.
#
# Each target's budget is a number of executions, not a duration. Go 1.26's fuzz coordinator
# can report a spurious "context deadline exceeded" failure when a -fuzztime duration runs out
# while a worker is mid-call (go.dev/issue/75804, fixed in Go 1.27); a count never arms that
# deadline. Each count is about 30 s of fuzzing on a 2-core machine; FUZZSCALE multiplies them
# all (FUZZSCALE=10 for a long run). -timeout still bounds a run that hangs. Short
# minimisation keeps the engine fuzzing rather than shrinking each new input for a minute.
FUZZSCALE ?= 1
FUZZFLAGS = -run='^$$' -fuzzminimizetime=1s -timeout=20m
fuzz-budget = -fuzztime=$$(( $(1) * $(FUZZSCALE) ))x
fuzz:
	$(GO) test ./generator $(FUZZFLAGS) -fuzz=FuzzGenerate $(call fuzz-budget,15000)
	cd generated && $(GO) test ./behaviour $(FUZZFLAGS) -fuzz=FuzzDecoders $(call fuzz-budget,100000)
	cd generated && $(GO) test ./behaviour $(FUZZFLAGS) -fuzz=FuzzDifferential $(call fuzz-budget,150000)
	cd generated && $(GO) test ./behaviour $(FUZZFLAGS) -fuzz=FuzzHostileServer $(call fuzz-budget,3500)
	cd generated && $(GO) test ./webhooktests $(FUZZFLAGS) -fuzz=FuzzParse $(call fuzz-budget,60000)

# bench runs the bench/ module (the generated client beside go-github v84 + ghinstallation,
# and generation itself) with -benchmem, BENCHCOUNT rounds of every benchmark, and prints
# benchstat's table with go-github as the base of each ratio, then the compile benchmark's
# own table (it pairs the two clients' builds itself). Rounds, not -count (which runs
# one benchmark's repetitions back to back), so that a spell of noise on a shared machine
# falls on both clients alike. BENCHMARKS.md records a run.
BENCHCOUNT ?= 6
BENCHSTAT := golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
bench: upstream
	cd bench && $(GO) test -c -o bench.test
	cd bench && rm -f bench.out && for i in $$(seq $(BENCHCOUNT)); do \
		./bench.test -test.run='^$$' -test.bench=. -test.benchmem -test.timeout=60m > round.out || { cat round.out; exit 1; }; \
		tee -a bench.out < round.out; \
	done; rm -f round.out
	cd bench && $(GO) run $(BENCHSTAT) -col '/impl@(go-github ghappsgen)' -filter '-.name:Generate -.name:Compile' bench.out
	cd bench && $(GO) run $(BENCHSTAT) -filter '.name:Compile' bench.out
	cd bench && $(GO) run $(BENCHSTAT) -filter '.name:Generate' bench.out

# bench-smoke runs every benchmark once: they check their own results, so CI knows they
# still build and measure what they claim, without timing anything.
bench-smoke: upstream
	cd bench && $(GO) vet ./... && $(GO) test -run='^$$' -bench=. -benchtime=1x
