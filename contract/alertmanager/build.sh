#!/usr/bin/env bash
# Builds Alertmanager v0.35.0 into $1 (default .peers/bin): the published module, verified by the
# module cache, copied to .src with a placeholder for the web UI's built assets (see go.mod).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../.peers/bin}"
version=v0.35.0
cd "$here"
dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/prometheus/alertmanager@$version" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -n "$dir" ] || { echo "build.sh: could not download alertmanager $version" >&2; exit 1; }
rm -rf .src
cp -R "$dir" .src
chmod -R u+w .src
for ui in elm mantine; do
  mkdir -p ".src/ui/app/dist/$ui"
  printf '<!doctype html><title>Alertmanager</title><p>UI not built (Podtrail test build).\n' \
    >".src/ui/app/dist/$ui/index.html"
done
mkdir -p "$out"
go build -trimpath -o "$out/alertmanager" github.com/prometheus/alertmanager/cmd/alertmanager
"$out/alertmanager" --version 2>&1 | head -1
