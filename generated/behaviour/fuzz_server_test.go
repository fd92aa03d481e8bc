package behaviour

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// hostileAnswer is what a fuzzed server says: a status, a few headers and a body, all made
// from the fuzzer's bytes.
type hostileAnswer struct {
	status  int
	headers http.Header
	body    []byte
}

// hostileHeaders are the headers the client reads, which a fuzzed answer may set to anything.
var hostileHeaders = []string{"Content-Type", "Content-Length", "Link", "Retry-After", "X-RateLimit-Remaining",
	"X-RateLimit-Reset", "ETag", "Last-Modified", "Location"}

// parseAnswer turns fuzz bytes into an answer: two bytes of status (100-599), then a
// header value for each of hostileHeaders, separated by newlines, then the body.
func parseAnswer(in []byte, base string) hostileAnswer {
	a := hostileAnswer{status: 200, headers: http.Header{}}
	if len(in) >= 2 {
		a.status = 100 + int(binary.BigEndian.Uint16(in[:2]))%500
		in = in[2:]
	}
	parts := strings.SplitN(string(in), "\n", len(hostileHeaders)+1)
	for i, name := range hostileHeaders {
		if i >= len(parts)-1 {
			break
		}
		if v := strings.ReplaceAll(parts[i], "{base}", base); v != "" {
			a.headers.Set(name, v)
		}
	}
	a.body = []byte(parts[len(parts)-1])
	return a
}

// FuzzHostileServer runs the client with every credential against a server whose status,
// headers and body come from the fuzzer. The client may fail, but never panics, never waits
// longer than its limits allow, never follows a server off the host with a credential, and
// never prints a secret in an error.
func FuzzHostileServer(f *testing.F) {
	for _, seed := range []string{
		"\x00\x64application/json\n\n\n\n\n\n\n\n\n{\"id\": 1}",
		"\x00\x64application/json\n\n<{base}/user/installations?page=2>; rel=\"next\"\n\n\n\n\n\n\n{\"total_count\": 0, \"installations\": []}",
		"\x01\x93application/json\n\n\n99999999999999999999\n0\n\n\n\n\n{\"message\": \"You have exceeded a secondary rate limit\"}",
		"\x00\xcftext/html\n\n\n\n\n\n\n\nhttp://evil.test/steal\n<html>",
		"\x00\x64application/json\n999999999999\n\n\n\n\n\n\n\n{\"token\": \"",
		"\x00\x65application/json\n\n\n\n\n\n\"e\"\n\n\n{\"token\": \"ghs_x\", \"expires_at\": \"not a time\"}",
	} {
		f.Add([]byte(seed))
	}
	var current atomic.Pointer[hostileAnswer]
	var offHost atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Host, "127.0.0.1") {
			offHost.Add(1)
		}
		a := current.Load()
		for k, vs := range a.headers {
			w.Header()[k] = vs
		}
		w.WriteHeader(a.status)
		_, _ = w.Write(a.body)
	}))
	f.Cleanup(srv.Close)
	secrets := []string{testUserToken, testInstallationToken, testClientSecret}
	f.Fuzz(func(t *testing.T, in []byte) {
		a := parseAnswer(in, srv.URL)
		current.Store(&a)
		wd := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("no answer within 20 s (a hang) on %q", in)) })
		defer wd.Stop()
		c, err := gh.NewClient(append(allCredentials(t), gh.WithBaseURL(srv.URL),
			gh.WithInstallation(7), gh.WithCache(gh.NewLRUCache(4)),
			gh.WithLimits(gh.Limits{MaxResponseBytes: 1 << 16, MaxPages: 3}),
			gh.WithRetry(gh.RetryPolicy{MaxRetries: 2, Sleep: func(context.Context, time.Duration) error { return nil }}))...)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var errs []error
		_, _, err = c.GetInstallation(ctx, 1)
		errs = append(errs, err)
		_, _, err = c.ScopeToken(ctx, testClientID, &gh.ScopeTokenRequest{AccessToken: testUserToken})
		errs = append(errs, err)
		for _, e := range c.ListInstallationsForAuthenticatedUserIter(ctx, nil) {
			errs = append(errs, e)
		}
		minting, _ := c.ForInstallation(8, nil)
		_, _, err = minting.ListReposAccessibleToInstallation(ctx, nil)
		errs = append(errs, err)
		for _, err := range errs {
			if err == nil {
				continue
			}
			for _, s := range secrets {
				if strings.Contains(err.Error(), s) {
					t.Fatalf("an error quotes a credential: %v", err)
				}
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("a call ran into the test's deadline: %v", err)
			}
		}
		if n := offHost.Load(); n > 0 {
			t.Fatalf("%d requests reached another host", n)
		}
	})
}
