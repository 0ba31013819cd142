#!/usr/bin/env bash
# Builds Alertmanager (the version go.mod requires) into the file $1. Called by
# scripts/build-peers.sh (its "script:" row), which decides when a rebuild is due. The published
# module has no ui/app/dist (see go.mod): it is built from a copy with a placeholder page there.
set -euo pipefail
out="${1:?usage: build.sh OUTPUT-FILE}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
cd "$(dirname "$0")"
version="$(sed -n "s/^require github.com\/prometheus\/alertmanager \(v[^ ]*\)$/\1/p" go.mod)"
dir="$(go list -m -f '{{.Dir}}' github.com/prometheus/alertmanager 2>/dev/null || true)"
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  go mod download github.com/prometheus/alertmanager
  dir="$(go list -m -f '{{.Dir}}' github.com/prometheus/alertmanager)"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy of the verified module with the placeholder UI, built by a copy of this module that
# points at it (the module cache itself is read-only, and -overlay may not replace files there).
cp -R "$dir" "$work/src"
chmod -R u+w "$work/src"
for ui in elm mantine; do
  mkdir -p "$work/src/ui/app/dist/$ui"
  printf '<!doctype html><title>Alertmanager</title><p>Web UI not built (test build).</p>\n' \
    >"$work/src/ui/app/dist/$ui/index.html"
done
cp go.mod go.sum tools.go "$work/"
(cd "$work" && go mod edit -replace github.com/prometheus/alertmanager=./src)
mkdir -p "$(dirname "$out")"
(cd "$work" && go build -mod=readonly -trimpath -o "$out" \
  -ldflags "-s -w -X github.com/prometheus/common/version.Version=${version#v}" \
  github.com/prometheus/alertmanager/cmd/alertmanager)
"$out" --version 2>&1 | head -1
