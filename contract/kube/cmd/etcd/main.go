// A single-member etcd for tests, embedded through go.etcd.io/etcd/server/v3/embed.
//
//	etcd --data-dir DIR [--client-port 0]
//
// Listens on 127.0.0.1 only. Port 0 picks a free port; once the member is ready it prints one line
// "ready <client-url>" on stdout. It stops cleanly on SIGINT/SIGTERM, and with
// PODTRAIL_EXIT_ON_STDIN_EOF=1 also when its stdin closes (the test process that started it died).
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

func main() {
	dataDir := flag.String("data-dir", "", "data directory (required)")
	clientPort := flag.Int("client-port", 0, "client port on 127.0.0.1 (0 = free port)")
	peerPort := flag.Int("peer-port", 0, "peer port on 127.0.0.1 (0 = free port)")
	flag.Parse()
	if *dataDir == "" {
		fmt.Fprintln(os.Stderr, "etcd: --data-dir is required")
		os.Exit(2)
	}

	cfg := embed.NewConfig()
	cfg.Name = "podtrail-test"
	cfg.Dir = *dataDir
	cfg.LogLevel = "warn"
	clientURL := url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", *clientPort)}
	peerURL := url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", *peerPort)}
	cfg.ListenClientUrls = []url.URL{clientURL}
	cfg.AdvertiseClientUrls = []url.URL{clientURL}
	cfg.ListenPeerUrls = []url.URL{peerURL}
	cfg.AdvertisePeerUrls = []url.URL{peerURL}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)

	e, err := embed.StartEtcd(cfg)
	if err != nil {
		log.Fatalf("etcd: %v", err)
	}
	select {
	case <-e.Server.ReadyNotify():
	case <-time.After(60 * time.Second):
		e.Server.Stop()
		log.Fatal("etcd: not ready after 60s")
	}
	fmt.Printf("ready http://%s\n", e.Clients[0].Addr().String())

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	if os.Getenv("PODTRAIL_EXIT_ON_STDIN_EOF") == "1" {
		// Stop when the process that started us dies (its end of our stdin closes).
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			sig <- syscall.SIGTERM
		}()
	}
	select {
	case <-sig:
	case err := <-e.Err():
		log.Printf("etcd: %v", err)
	}
	e.Close()
}
