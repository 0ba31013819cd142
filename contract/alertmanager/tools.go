//go:build tools

// Keeps github.com/prometheus/alertmanager/cmd/alertmanager and its dependencies in go.mod and
// go.sum; build.sh builds it.
package tools

import _ "github.com/prometheus/alertmanager/cmd/alertmanager"
