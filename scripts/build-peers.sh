#!/usr/bin/env bash
# Builds the real programs the tests talk to ("test peers") from Go modules under contract/ into
# $PODTRAIL_PEERS_DIR (default <repo>/.peers/bin, gitignored). Nothing is downloaded but Go modules.
#
#   scripts/build-peers.sh                 # every peer
#   scripts/build-peers.sh kube-apiserver  # only those named
#
# A peer is rebuilt only when its module's go.mod/go.sum/sources or the Go version changed (a stamp
# file beside the binary records what it was built from); the Go build cache makes a rebuild of an
# unchanged module ~25 s, a cold build of the Kubernetes binaries 10–20 min on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${PODTRAIL_PEERS_DIR:-$ROOT/.peers/bin}"

# One line per peer: output name | module dir (relative to the repo) | package | extra -ldflags.
# Add yours here (its own Go module under contract/, go.sum committed). A package of the form
# `script:FILE` means the module's FILE builds the peer itself (called with the output path), for a
# peer that needs more than `go build` (Alertmanager: a placeholder for its unpublished web UI).
K8S_VERSION_FLAGS="-X k8s.io/component-base/version.gitVersion=v1.37.2 -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=37 -X k8s.io/component-base/version.gitTreeState=clean -X k8s.io/client-go/pkg/version.gitVersion=v1.37.2 -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=37"
PEERS=(
  "etcd|contract/kube|./cmd/etcd|"
  "kube-apiserver|contract/kube|./cmd/kube-apiserver|$K8S_VERSION_FLAGS"
  "kubectl|contract/kube|./cmd/kubectl|$K8S_VERSION_FLAGS"
  "helm|contract/helm|helm.sh/helm/v3/cmd/helm|-X helm.sh/helm/v3/internal/version.version=v3.22.0"
  "mockoidc|contract/oidc|.|"
  "alertmanager|contract/alertmanager|script:build.sh|"
)

# Go comes with the machine image (/usr/local/go, Go ≥ 1.26); Debian's golang package is too old.
command -v go >/dev/null || PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "build-peers: Go ≥ 1.26 is required (not found on PATH or in /usr/local/go/bin)" >&2; exit 1; }
mkdir -p "$OUT"

want=("$@")
known=()
for entry in "${PEERS[@]}"; do known+=("${entry%%|*}"); done
for w in "${want[@]}"; do
  [[ " ${known[*]} " == *" $w "* ]] || { echo "build-peers: unknown peer \"$w\"; known: ${known[*]}" >&2; exit 2; }
done

# Paths relative to the repository, so that every checkout (worktrees too) agrees on a stamp.
stamp_of() { # module dir → a hash of everything the build depends on (a build script included)
  local dir="$1"
  { go version
    cd "$ROOT" && find "$dir" -type f \( -name '*.go' -o -name 'go.mod' -o -name 'go.sum' -o -name '*.sh' \) -print0 |
      sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}

for entry in "${PEERS[@]}"; do
  IFS='|' read -r name dir pkg ldflags <<<"$entry"
  if ((${#want[@]})) && [[ " ${want[*]} " != *" $name "* ]]; then continue; fi
  stamp="$(stamp_of "$dir")-$(echo "$pkg $ldflags" | sha256sum | cut -c1-16)"
  if [[ -x "$OUT/$name" && -f "$OUT/$name.stamp" && "$(cat "$OUT/$name.stamp")" == "$stamp" ]]; then
    echo "build-peers: $name up to date"
    continue
  fi
  echo "build-peers: building $name ($dir $pkg)…"
  start=$SECONDS
  if [[ "$pkg" == script:* ]]; then
    (cd "$ROOT/$dir" && nice -n 10 bash "./${pkg#script:}" "$OUT/$name.tmp")
  else
    (cd "$ROOT/$dir" && nice -n 10 go build -mod=readonly -trimpath -ldflags "-s -w $ldflags" -o "$OUT/$name.tmp" "$pkg")
  fi
  mv -f "$OUT/$name.tmp" "$OUT/$name"
  echo "$stamp" >"$OUT/$name.stamp"
  echo "build-peers: $name built in $((SECONDS - start)) s"
done
