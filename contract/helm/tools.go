//go:build tools

// Package tools pins the real helm CLI (helm.sh/helm/v3/cmd/helm) that tests lint and render the
// chart with; scripts/build-peers.sh builds it into .peers/bin.
package tools

import _ "helm.sh/helm/v3/cmd/helm"
