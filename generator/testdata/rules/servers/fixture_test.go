package servers

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// seen records host+path and the Authorization header of each request one loopback server
// receives for every host name.
type seen struct {
	mu  sync.Mutex
	got []string
}

func (s *seen) client(t *testing.T, opts ...Option) *Client {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.got = append(s.got, r.Host+r.URL.Path+" "+r.Header.Get("Authorization"))
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	hc := srv.Client()
	addr := srv.Listener.Addr().String()
	hc.Transport.(*http.Transport).DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	c, err := NewClient(append([]Option{WithHTTPClient(hc), WithToken("tok")}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func upload(c *Client) error {
	_, err := c.UploadAsset(context.Background(), 7, &Upload{Body: strings.NewReader("zip")})
	return err
}

func TestTheDescriptionsServersByDefault(t *testing.T) {
	if DefaultBaseURL != "https://api.example.com" {
		t.Fatalf("DefaultBaseURL = %q: the first server, with its variables' defaults", DefaultBaseURL)
	}
	s := &seen{}
	c := s.client(t)
	if _, err := c.GetRelease(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	if err := upload(c); err != nil {
		t.Fatal(err)
	}
	want := []string{"api.example.com/releases/7 Bearer tok", "uploads.example.com/releases/7/assets Bearer tok"}
	if strings.Join(s.got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", s.got, want)
	}
}

func TestAnotherRootNeedsTheUploadRootToo(t *testing.T) {
	s := &seen{}
	c := s.client(t, WithBaseURL("https://ghe.example.com/api/v3"))
	if err := upload(c); !errors.Is(err, errNoServer) {
		t.Fatalf("an upload with another API root but no upload root: want errNoServer, got %v", err)
	}
	if len(s.got) != 0 {
		t.Fatalf("sent %q: the declared upload host must not get this API's token", s.got)
	}
	s = &seen{}
	c = s.client(t, WithEnterpriseURLs("https://ghe.example.com/api/v3", "https://ghe.example.com/api/uploads/"))
	if err := upload(c); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetRelease(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	want := []string{"ghe.example.com/api/uploads/releases/7/assets Bearer tok", "ghe.example.com/api/v3/releases/7 Bearer tok"}
	if strings.Join(s.got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", s.got, want)
	}
	s = &seen{}
	c = s.client(t, WithBaseURL("https://ghe.example.com/api/v3"), WithServerURL("https://uploads.example.com", "https://files.example.com"))
	if err := upload(c); err != nil || len(s.got) != 1 || s.got[0] != "files.example.com/releases/7/assets Bearer tok" {
		t.Fatalf("%v %q", err, s.got)
	}
}
