#!/usr/bin/env bash
# The embedded default: the sandbox cluster plus the dashboard against it, with nothing installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
export NEXT_TELEMETRY_DISABLED=1
exec npx tsx scripts/demo.ts "$@"
