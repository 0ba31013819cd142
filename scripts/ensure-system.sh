#!/usr/bin/env bash
# Installs what Podtrail's tests need from Debian when it is missing: chromium (Playwright drives
# it; browser downloads fail here), kubectl (the sandbox is tested with a real one), PostgreSQL
# (history is tested against it) and docker-registry (a real OCI registry for lib/registry).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
{ command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; } || need+=(postgresql)
{ command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ]; } || need+=(docker-registry)
if [ ${#need[@]} -gt 0 ]; then
  echo "podtrail: installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
