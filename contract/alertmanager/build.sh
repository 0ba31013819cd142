#!/usr/bin/env bash
# Builds Alertmanager v0.35.0 (go.mod) into $1 (default .peers/bin). The published module has no
# ui/app/dist (see go.mod): it is built from a copy with a placeholder page there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../.peers/bin}"
cd "$here"
version="$(sed -n "s/^require github.com\/prometheus\/alertmanager \(v[^ ]*\)$/\1/p" go.mod)"
if "$out/alertmanager" --version 2>&1 | grep -q "version ${version#v} "; then
  echo "alertmanager ${version#v} already built in $out"
  exit 0
fi
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
mkdir -p "$out"
(cd "$work" && go build -mod=readonly -trimpath -o "$out/alertmanager.tmp" \
  -ldflags "-X github.com/prometheus/common/version.Version=${version#v}" \
  github.com/prometheus/alertmanager/cmd/alertmanager)
mv "$out/alertmanager.tmp" "$out/alertmanager"
"$out/alertmanager" --version 2>&1 | head -1
