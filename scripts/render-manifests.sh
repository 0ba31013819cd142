#!/usr/bin/env bash
# Renders the plain manifests in deploy/manifests from the Helm chart with the real helm
# ($PODTRAIL_PEERS_DIR/helm, default .peers/bin, built from Go modules by scripts/build-peers.sh).
# A test checks they are current: run this after changing the chart. RENDER_DRY_RUN=1 prints them ("=== file" headers).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HELM="${HELM:-${PODTRAIL_PEERS_DIR:-$ROOT/.peers/bin}/helm}"
CHART="$ROOT/deploy/helm/podtrail"
OUT="$ROOT/deploy/manifests"

cluster_wide() {
  echo '# Rendered from deploy/helm/podtrail by scripts/render-manifests.sh. Do not edit.'
  echo '# Cluster-wide read-only access; sign-in with the shared token in Secret podtrail-auth.'
  "$HELM" template podtrail "$CHART" --namespace podtrail --set auth.existingSecret=podtrail-auth
}
namespaced() {
  echo '# Rendered from deploy/helm/podtrail by scripts/render-manifests.sh. Do not edit.'
  echo '# Reads only namespaces shop and payments (a Role in each, no ClusterRole).'
  "$HELM" template podtrail "$CHART" --namespace podtrail --set auth.existingSecret=podtrail-auth \
    --set rbac.scope=namespaces --set 'rbac.namespaces={shop,payments}'
}

if [[ "${RENDER_DRY_RUN:-}" == 1 ]]; then
  echo "=== podtrail.yaml"; cluster_wide
  echo "=== podtrail-namespaced.yaml"; namespaced
  exit 0
fi
mkdir -p "$OUT"
cluster_wide >"$OUT/podtrail.yaml"
namespaced >"$OUT/podtrail-namespaced.yaml"
echo "render-manifests: wrote deploy/manifests/podtrail.yaml and podtrail-namespaced.yaml"
