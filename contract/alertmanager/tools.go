//go:build tools

// Keeps github.com/prometheus/alertmanager/cmd/alertmanager and its dependencies in go.mod.
package tools

import _ "github.com/prometheus/alertmanager/cmd/alertmanager"
