// kube-apiserver, exactly as upstream's cmd/kube-apiserver/apiserver.go builds it.
package main

import (
	"io"
	"os"
	"syscall"
	_ "time/tzdata" // for timeZone support in CronJob

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"          // for JSON log format registration
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // load all the prometheus client-go plugins
	_ "k8s.io/component-base/metrics/prometheus/version"  // for version metric registration
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	exitWhenParentGoes()
	command := app.NewAPIServerCommand()
	code := cli.Run(command)
	os.Exit(code)
}

// exitWhenParentGoes: with PODTRAIL_EXIT_ON_STDIN_EOF=1 the server stops (SIGTERM to itself, so it
// shuts down as usual) when its stdin closes, i.e. when the test process that started it dies
// without stopping it. No orphaned servers after a killed test run.
func exitWhenParentGoes() {
	if os.Getenv("PODTRAIL_EXIT_ON_STDIN_EOF") != "1" {
		return
	}
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		_ = syscall.Kill(os.Getpid(), syscall.SIGTERM)
	}()
}
