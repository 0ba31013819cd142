// Command mockoidc is a real OpenID Connect provider process for Podtrail's sign-in tests:
// github.com/oauth2-proxy/mockoidc serving discovery, authorize (auto-approves the queued or
// default user), token, userinfo and JWKS on 127.0.0.1.
//
//	mockoidc --port 0 --client-id podtrail --client-secret s3cret
//
// prints one JSON line {"issuer": "...", "clientId": "...", "clientSecret": "..."} when ready.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/oauth2-proxy/mockoidc"
)

func main() {
	port := flag.Int("port", 0, "port on 127.0.0.1 (0 = any free port)")
	clientID := flag.String("client-id", "podtrail", "OAuth client id")
	clientSecret := flag.String("client-secret", "podtrail-test-secret", "OAuth client secret")
	flag.Parse()

	m, err := mockoidc.NewServer(nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mockoidc:", err)
		os.Exit(1)
	}
	m.ClientID = *clientID
	m.ClientSecret = *clientSecret
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		fmt.Fprintln(os.Stderr, "mockoidc:", err)
		os.Exit(1)
	}
	if err := m.Start(ln, nil); err != nil {
		fmt.Fprintln(os.Stderr, "mockoidc:", err)
		os.Exit(1)
	}
	ready, _ := json.Marshal(map[string]string{
		"issuer": m.Issuer(), "clientId": m.ClientID, "clientSecret": m.ClientSecret,
	})
	fmt.Println(string(ready))

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	_ = m.Shutdown()
}
