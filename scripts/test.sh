#!/usr/bin/env bash
# Every test: static checks, the test peers (real kube-apiserver/etcd/kubectl built from Go modules),
# unit, integration and contract tests (vitest), one production build, and the Playwright journeys
# in Debian's chromium against the sandbox cluster and against the real kube-apiserver.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
bash scripts/ensure-node-modules.sh
export NEXT_TELEMETRY_DISABLED=1
# Real peers (kube-apiserver, etcd, kubectl 1.37, Alertmanager ...) from Go modules, once per run:
# built in the background while the static checks run (a cold build takes 10–20 min on 2 cores, a
# warm one ~25 s).
mkdir -p .peers
bash scripts/build-peers.sh >.peers/build.log 2>&1 &
peers=$!
echo "== typecheck" && npx tsc --noEmit
echo "== lint" && npx eslint --max-warnings=0 .
echo "== format" && npx prettier --check . >/dev/null
echo "== test peers"
if ! wait "$peers"; then cat .peers/build.log >&2; echo "building the test peers failed" >&2; exit 1; fi
cat .peers/build.log
echo "== unit + integration + contract (sandbox and real kube-apiserver)" && npx vitest run
echo "== build" && npx next build
echo "== e2e" && CI=${CI:-true} npx playwright test
