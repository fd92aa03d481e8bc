#!/usr/bin/env bash
# bump moves the pins of GitHub's descriptions to the newest published versions: the npm
# packages in tools/upstream (package.json and its lock) and spec/slice.yaml, which names the
# same versions (ghappsgen slice refuses to carve from any other). It prints what moved.
# Then `make spec` carves spec/ from them and prints what changed. The scheduled workflow
# .github/workflows/upstream.yml runs both.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/tools/upstream"

pinned() { node -p "require('./package.json').dependencies['$1']"; }

args=()
for pkg in @octokit/openapi @octokit/openapi-webhooks; do
	old=$(pinned "$pkg")
	new=$(npm view "$pkg" version)
	args+=("$pkg@$new")
	if [ "$old" = "$new" ]; then
		echo "$pkg: $old is the newest"
	else
		echo "$pkg: $old -> $new"
	fi
	# spec/slice.yaml: the version line that follows the package's line.
	awk -v pkg="\"$pkg\"" -v v="$new" '
		$1 == "package:" { want = ($2 == pkg) }
		want && $1 == "version:" { sub(/version: .*/, "version: " v); want = 0 }
		{ print }' "$root/spec/slice.yaml" > "$root/spec/slice.yaml.new"
	mv "$root/spec/slice.yaml.new" "$root/spec/slice.yaml"
done
npm install --save-exact --no-audit --no-fund "${args[@]}" > /dev/null
