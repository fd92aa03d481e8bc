package behaviour

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// hosts is one loopback server that answers for any host name: a client dials it for
// api.example.test, evil.api.example.test and elsewhere.test alike, so redirects between
// "hosts" can be followed and what each host received recorded.
type hosts struct {
	srv  *httptest.Server
	port string
	mu   sync.Mutex
	got  map[string]*http.Request // host+path -> the request it received
	body map[string]string
}

func newHosts(t *testing.T, tlsToo bool, route func(h *hosts, w http.ResponseWriter, r *http.Request)) *hosts {
	h := &hosts{got: map[string]*http.Request{}, body: map[string]string{}}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.got[r.Host+r.URL.Path], h.body[r.Host+r.URL.Path] = r, string(data)
		h.mu.Unlock()
		route(h, w, r)
	})
	if tlsToo {
		h.srv = httptest.NewTLSServer(handler)
	} else {
		h.srv = httptest.NewServer(handler)
	}
	t.Cleanup(h.srv.Close)
	addr := h.srv.Listener.Addr().String()
	h.port = addr[strings.LastIndex(addr, ":"):]
	return h
}

// client dials every host name to the one server; it trusts the server's certificate.
func (h *hosts) client(t *testing.T, scheme string, opts ...gh.Option) *gh.Client {
	addr := h.srv.Listener.Addr().String()
	dial := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
		DialTLSContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return tls.Client(conn, &tls.Config{InsecureSkipVerify: true}), nil // a test server's own certificate
		},
	}}
	c, err := gh.NewClient(append([]gh.Option{gh.WithBaseURL(scheme + "://api.example.test" + h.port), gh.WithHTTPClient(dial)}, opts...)...)
	require.NoError(t, err)
	return c
}

func (h *hosts) received(hostPath string) (*http.Request, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.got[hostPath]
	return r, ok
}

// TestRedirectsKeepCredentialsOnTheAPIHost: a redirect within the API host is followed with
// the credential; one to any other host (a subdomain included) is not followed by a request
// that carries a credential: the call fails with a *RedirectError and the other host hears
// nothing.
func TestRedirectsKeepCredentialsOnTheAPIHost(t *testing.T) {
	h := newHosts(t, false, func(h *hosts, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/repos/a/b/installation":
			http.Redirect(w, r, "http://api.example.test"+h.port+"/repositories/1/installation", http.StatusMovedPermanently)
		case "/repositories/1/installation":
			http.Redirect(w, r, "http://evil.api.example.test"+h.port+"/steal?code=x", http.StatusMovedPermanently)
		default:
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"id": 1}`)
		}
	})
	c := h.client(t, "http", gh.WithAppAuth(testAppID, pkcs1PEM(t)))
	_, resp, err := c.GetRepoInstallation(context.Background(), "a", "b")
	var redirect *gh.RedirectError
	require.ErrorAs(t, err, &redirect)
	assert.ErrorIs(t, err, gh.ErrRedirect)
	assert.Equal(t, http.StatusMovedPermanently, redirect.StatusCode)
	assert.Equal(t, "http://evil.api.example.test"+h.port+"/steal?code=x", redirect.Location)
	assert.NotContains(t, err.Error(), "code=x", "the message leaves out the query, which can hold a credential")
	assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode)

	first, _ := h.received("api.example.test" + h.port + "/repos/a/b/installation")
	second, ok := h.received("api.example.test" + h.port + "/repositories/1/installation")
	require.True(t, ok, "the redirect within the API host was followed")
	assert.Equal(t, "app-jwt", credentialOf(t, first.Header.Get("Authorization")))
	assert.Equal(t, "app-jwt", credentialOf(t, second.Header.Get("Authorization")), "same host: still authenticated")
	_, contacted := h.received("evil.api.example.test" + h.port + "/steal")
	assert.False(t, contacted, "a subdomain is another host, and it is never contacted")
}

// TestRedirectsNeverCarryABodyOffTheAPIHost: a 307 or 308 would send the body again; ScopeToken's
// body holds the user's access token. Another host, another port and plain http are all off
// the API host.
func TestRedirectsNeverCarryABodyOffTheAPIHost(t *testing.T) {
	for _, tc := range []struct {
		name, target string
		status       int
	}{
		{"another host", "http://elsewhere.test%s/x", http.StatusTemporaryRedirect},
		{"a subdomain", "http://evil.api.example.test%s/x", http.StatusPermanentRedirect},
		{"another port", "http://api.example.test:1/x", http.StatusTemporaryRedirect},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHosts(t, false, func(h *hosts, w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(r.URL.Path, "/applications/") {
					target := tc.target
					if strings.Contains(target, "%s") {
						target = fmt.Sprintf(target, h.port)
					}
					http.Redirect(w, r, target, tc.status)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{}`)
			})
			c := h.client(t, "http", gh.WithClientCredentials(testClientID, testClientSecret))
			_, _, err := c.ScopeToken(context.Background(), testClientID, &gh.ScopeTokenRequest{AccessToken: "ghu_theUsersOwnToken"})
			require.ErrorIs(t, err, gh.ErrRedirect)
			h.mu.Lock()
			defer h.mu.Unlock()
			assert.Len(t, h.got, 1, "only the API host heard the request")
			for hostPath, body := range h.body {
				if !strings.HasPrefix(hostPath, "api.example.test"+h.port+"/") {
					assert.NotContains(t, body, "ghu_theUsersOwnToken", hostPath)
				}
			}
		})
	}
}

// TestNoRedirectDowngradesToPlainHTTP: even a request without credentials does not follow
// https -> http, on the API host itself.
func TestNoRedirectDowngradesToPlainHTTP(t *testing.T) {
	h := newHosts(t, true, func(h *hosts, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://api.example.test"+h.port+"/apps/plain", http.StatusFound)
	})
	c := h.client(t, "https")
	_, _, err := c.GetBySlug(context.Background(), "octoapp")
	var redirect *gh.RedirectError
	require.ErrorAs(t, err, &redirect)
	assert.True(t, strings.HasPrefix(redirect.Location, "http://"))
	assert.Len(t, h.got, 1)
}

// TestAnonymousRedirectsOffTheHostAreFollowedButNotCached: a request with no credential and no
// body may follow a redirect to another host, without the cache's conditional headers, and
// that host's answer is not stored under the API URL.
func TestAnonymousRedirectsOffTheHostAreFollowedButNotCached(t *testing.T) {
	h := newHosts(t, false, func(h *hosts, w http.ResponseWriter, r *http.Request) {
		if r.Host == "api.example.test"+h.port {
			http.Redirect(w, r, "http://mirror.test"+h.port+"/apps/octoapp", http.StatusFound)
			return
		}
		w.Header().Set("ETag", `"mirror"`)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id": 9, "slug": "octoapp"}`)
	})
	cache := gh.NewLRUCache(8)
	c := h.client(t, "http", gh.WithCache(cache))
	for range 2 {
		app, resp, err := c.GetBySlug(context.Background(), "octoapp")
		require.NoError(t, err)
		assert.Equal(t, int64(9), app.ID)
		assert.False(t, resp.FromCache)
		mirror, ok := h.received("mirror.test" + h.port + "/apps/octoapp")
		require.True(t, ok)
		assert.Empty(t, mirror.Header.Get("If-None-Match"), "nothing was stored under the API URL to revalidate")
		assert.Empty(t, mirror.Header.Get("Authorization"))
	}
}
