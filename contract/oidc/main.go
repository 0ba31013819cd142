// Command mockoidc is a real OpenID Connect provider process for Podtrail's sign-in tests:
// github.com/oauth2-proxy/mockoidc serving discovery, authorize (auto-approves the queued or
// default user), token, userinfo and JWKS on 127.0.0.1.
//
//	mockoidc --port 0 --client-id podtrail --client-secret s3cret
//
// prints one JSON line {"issuer": "...", "clientId": "...", "clientSecret": "..."} when ready.
//
// Tests choose who signs in next: POST <control>/next-user (the "control" URL of that line, its
// own listener) with a JSON user {"subject","email","preferredUsername","groups"} queues it for
// the next authorize request (otherwise mockoidc's default user, jane.doe@example.com in groups
// engineering and design).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/oauth2-proxy/mockoidc"
)

// nextUser is the body of POST /next-user.
type nextUser struct {
	Subject           string   `json:"subject"`
	Email             string   `json:"email"`
	PreferredUsername string   `json:"preferredUsername"`
	Groups            []string `json:"groups"`
}

// queueUsers serves POST /next-user on the control listener.
func queueUsers(m *mockoidc.MockOIDC) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/next-user" {
			http.NotFound(rw, req)
			return
		}
		var u nextUser
		if req.Method != http.MethodPost || json.NewDecoder(req.Body).Decode(&u) != nil || u.Subject == "" {
			http.Error(rw, "POST a JSON user with at least a subject", http.StatusBadRequest)
			return
		}
		m.QueueUser(&mockoidc.MockUser{
			Subject: u.Subject, Email: u.Email, EmailVerified: u.Email != "",
			PreferredUsername: u.PreferredUsername, Groups: u.Groups,
		})
		rw.WriteHeader(http.StatusNoContent)
	})
}

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
	control, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "mockoidc:", err)
		os.Exit(1)
	}
	go func() { _ = http.Serve(control, queueUsers(m)) }()
	ready, _ := json.Marshal(map[string]string{
		"issuer": m.Issuer(), "clientId": m.ClientID, "clientSecret": m.ClientSecret,
		"control": "http://" + control.Addr().String(),
	})
	fmt.Println(string(ready))

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	_ = m.Shutdown()
}
