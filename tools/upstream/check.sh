#!/usr/bin/env bash
# make test-upstream: generate a client from each whole, unmodified description of the pinned
# @octokit/openapi (every operation, no overrides), then build and vet it in a temp module,
# and replay recorded GitHub exchanges (tools/replay) against the api.github.com client.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pkgdir="$root/tools/upstream/node_modules/@octokit/openapi/generated"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
go build -o "$tmp/ghappsgen" ./cmd/ghappsgen
# The generated module's requirements are what any generated package needs.
sed 's|^module .*|module upstream|' generated/go.mod > "$tmp/go.mod"
cp generated/go.sum "$tmp/go.sum"

for spec in ghes-3.19 api.github.com; do
	pkg=$(echo "$spec" | tr -c 'a-z0-9\n' '_')
	start=$(date +%s.%N)
	"$tmp/ghappsgen" generate -spec "$pkgdir/$spec.json" -out "$tmp/$pkg" -package "$pkg"
	generated=$(date +%s.%N)
	(cd "$tmp" && go build "./$pkg" && go vet "./$pkg")
	done_at=$(date +%s.%N)
	ops=$(cat "$tmp/$pkg"/*.go | grep -c '^var op[A-Z]')
	want=$(node -e 'const d = require(process.argv[1]); let n = 0;
		for (const item of Object.values(d.paths)) for (const m of ["get","put","post","delete","options","head","patch","trace"]) if (item[m]) n++;
		console.log(n)' "$pkgdir/$spec.json")
	if [ "$ops" != "$want" ]; then
		echo "test-upstream: $spec: $ops operations generated, but the description has $want" >&2
		exit 1
	fi
	# No generated file is so long an editor or a reader chokes on it (the layout's limit).
	longest=$(wc -l "$tmp/$pkg"/*.go | grep -v ' total$' | sort -n | tail -1)
	if [ "$(echo "$longest" | awk '{print $1}')" -gt 10000 ]; then
		echo "test-upstream: $spec: a generated file has more than 10,000 lines: $longest" >&2
		exit 1
	fi
	awk -v s="$spec" -v n="$ops" -v g="$(awk -v a="$start" -v b="$generated" 'BEGIN{print b-a}')" \
		-v b="$(awk -v a="$generated" -v b="$done_at" 'BEGIN{print b-a}')" \
		-v f="$(ls "$tmp/$pkg" | wc -l)" -v l="$(echo "$longest" | awk '{print $1}')" \
		'BEGIN{printf "test-upstream: %s: all %d operations; %d files, the longest %d lines; generate %.1fs, build+vet %.1fs\n", s, n, f, l, g, b}'
done

# The api.github.com client against recorded GitHub traffic: what it sends, byte for byte.
mkdir -p "$tmp/replay"
cp "$root/tools/replay/replay_test.go" "$tmp/replay/"
(cd "$tmp" && REPLAY_RECORDINGS="$root/tools/replay/recordings" go test -tags replay -count=1 ./replay)
