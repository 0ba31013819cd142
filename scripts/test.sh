#!/usr/bin/env bash
# Every test: static checks, unit and integration tests (vitest), one production build, and the
# Playwright journeys in Debian's chromium against the sandbox cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
bash scripts/ensure-node-modules.sh
export NEXT_TELEMETRY_DISABLED=1
echo "== typecheck" && npx tsc --noEmit
echo "== lint" && npx eslint --max-warnings=0 .
echo "== format" && npx prettier --check . >/dev/null
echo "== unit + integration" && npx vitest run
echo "== build" && npx next build
echo "== peers (Alertmanager for e2e/alert-to-pod)" && bash contract/alertmanager/build.sh
echo "== e2e" && CI=${CI:-true} npx playwright test
