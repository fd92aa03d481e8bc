package behaviour

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// A hostile or broken server must not make the client leak, panic, hang or take unbounded
// memory. Each test here broke before the client was hardened against it.

// mintAnswers serves the token endpoint with mint and GET /installation/repositories with
// a valid list, counting mints.
func mintAnswers(t *testing.T, mint http.HandlerFunc, opts ...gh.Option) (*gh.Client, *atomic.Int32) {
	var mints atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("POST /app/installations/{id}/access_tokens", func(w http.ResponseWriter, r *http.Request) {
		mints.Add(1)
		mint(w, r)
	})
	mux.HandleFunc("GET /installation/repositories", answer(200, "application/json", `{"total_count": 0, "repositories": []}`))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, err := gh.NewClient(append([]gh.Option{gh.WithBaseURL(srv.URL), gh.WithAppAuth(testAppID, pkcs1PEM(t)), gh.WithInstallation(7)}, opts...)...)
	require.NoError(t, err)
	return c, &mints
}

// TestAFailingMintIsNeitherAPanicNorRetried: under WithRetry, a token endpoint answering
// 502/503/504 or garbage fails the call with that error; the mint, a POST, goes out once.
func TestAFailingMintIsNeitherAPanicNorRetried(t *testing.T) {
	for _, tc := range []struct {
		name string
		mint http.HandlerFunc
		want error
	}{
		{"502", answer(502, "text/html", "<html>bad gateway</html>"), gh.ErrServer},
		{"503 with Retry-After", answer(503, "application/json", `{"message":"later"}`, "Retry-After", "1"), gh.ErrServer},
		{"504", answer(504, "", ""), gh.ErrServer},
		{"truncated JSON", answer(201, "application/json", `{"token": "ghs_abc", "expires_at": "2030-01-`), nil},
		{"not JSON", answer(201, "text/html", `<html>`), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			c, mints := mintAnswers(t, tc.mint, gh.WithRetry(rec.policy(3)))
			_, _, err := c.ListReposAccessibleToInstallation(context.Background(), nil)
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			} else {
				var decode *gh.DecodeError
				assert.ErrorAs(t, err, &decode)
			}
			assert.Equal(t, int32(1), mints.Load(), "the mint POST is sent once")
			assert.Empty(t, rec.events, "nothing is retried")
		})
	}
}

// TestAMintWithoutATokenIsAnError: an answer with an empty or missing token, or with no body
// at all (a 2xx without content is success for an ordinary call), is an error, not a panic; it
// is not cached and never sent as a bare "Bearer".
func TestAMintWithoutATokenIsAnError(t *testing.T) {
	for _, tc := range []struct {
		name string
		mint http.HandlerFunc
	}{
		{"empty token", answer(201, "application/json", `{"token": "", "expires_at": "2030-01-01T00:00:00Z"}`)},
		{"no token member", answer(201, "application/json", `{"expires_at": "2030-01-01T00:00:00Z"}`)},
		{"201 without a body", answer(201, "application/json", "")},
		{"200 without a body", answer(200, "", "")},
		{"204", answer(204, "", "")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, mints := mintAnswers(t, tc.mint)
			for range 2 {
				_, _, err := c.ListReposAccessibleToInstallation(context.Background(), nil)
				require.ErrorContains(t, err, "the answer holds no token")
			}
			assert.Equal(t, int32(2), mints.Load(), "nothing was cached: each call mints again")
		})
	}
}

// TestACancelledContextSendsNothing: not the call, and not a mint for it.
func TestACancelledContextSendsNothing(t *testing.T) {
	c, mints := mintAnswers(t, answer(201, "application/json", `{"token": "ghs_x", "expires_at": "2030-01-01T00:00:00Z"}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := c.ListReposAccessibleToInstallation(ctx, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, int32(0), mints.Load())
}

// TestAnswersAreReadUpToTheLimit: an answer longer than MaxResponseBytes fails with a
// *ResponseTooLargeError, whether it says its length or streams without end, and the client
// reads no more than the limit (the endless body would otherwise never finish).
func TestAnswersAreReadUpToTheLimit(t *testing.T) {
	const limit = 1 << 20
	endless := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id": 1, "app_slug": "`)
		chunk := []byte(strings.Repeat("x", 32<<10))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
	declared := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", fmt.Sprint(4<<30))
		w.WriteHeader(200)
	}
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
		size    int64
	}{
		{"endless", endless, -1},
		{"declared 4 GiB", declared, 4 << 30},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, cache := range []bool{false, true} {
				opts := []gh.Option{gh.WithLimits(gh.Limits{MaxResponseBytes: limit})}
				if cache {
					opts = append(opts, gh.WithCache(gh.NewLRUCache(4)))
				}
				c := serve(t, tc.handler, opts...)
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				_, _, err := c.GetInstallation(context.Background(), 1)
				var tooLarge *gh.ResponseTooLargeError
				require.ErrorAs(t, err, &tooLarge)
				assert.ErrorIs(t, err, gh.ErrResponseTooLarge)
				assert.Equal(t, int64(limit), tooLarge.Limit)
				assert.Equal(t, tc.size, tooLarge.Size)
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16*limit), "read about the limit, not the answer")
			}
		})
	}
	t.Run("the default is 64 MiB", func(t *testing.T) {
		c := serve(t, declared)
		_, _, err := c.GetInstallation(context.Background(), 1)
		var tooLarge *gh.ResponseTooLargeError
		require.ErrorAs(t, err, &tooLarge)
		assert.Equal(t, int64(gh.DefaultMaxResponseBytes), tooLarge.Limit)
	})
}

// TestIteratorsStopOnALoopingNextLink: a next link that leads back to a page already fetched
// (the same page, with no items for the caller to break on) is an error, not a hang.
func TestIteratorsStopOnALoopingNextLink(t *testing.T) {
	var calls atomic.Int32
	var srvURL string
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		if n > 10 {
			t.Error("the loop was followed")
			return
		}
		next := srvURL + "/user/installations?page=2&per_page=100"
		if n > 1 {
			next = srvURL + "/user/installations?per_page=100" // back to the first page
		}
		w.Header().Set("Link", `<`+next+`>; rel="next"`)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"total_count": 0, "installations": []}`)
	})
	srvURL = c.BaseURL()
	var err error
	for _, e := range c.ListInstallationsForAuthenticatedUserIter(context.Background(), nil) {
		err = e
	}
	require.ErrorIs(t, err, gh.ErrPaginationLoop)
	assert.Equal(t, int32(2), calls.Load())
}

// TestIteratorsStopAtMaxPages: a list that never ends stops at the client's page limit.
func TestIteratorsStopAtMaxPages(t *testing.T) {
	var calls atomic.Int32
	var srvURL string
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		w.Header().Set("Link", fmt.Sprintf(`<%s/user/installations?page=%d>; rel="next"`, srvURL, n+1))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"total_count": 0, "installations": []}`)
	}, gh.WithLimits(gh.Limits{MaxPages: 5}))
	srvURL = c.BaseURL()
	var err error
	for _, e := range c.ListInstallationsForAuthenticatedUserIter(context.Background(), nil) {
		err = e
	}
	require.ErrorIs(t, err, gh.ErrTooManyPages)
	assert.Equal(t, int32(5), calls.Load())
}

// TestServerWaitsAreCapped: a Retry-After or rate-limit reset past MaxWait is returned at
// once rather than waited out, even without a deadline; one that overflows time.Duration is
// not an immediate retry.
func TestServerWaitsAreCapped(t *testing.T) {
	far := fmt.Sprint(time.Now().Add(10 * 365 * 24 * time.Hour).Unix())
	for _, tc := range []struct {
		name    string
		headers []string
	}{
		{"ten years of Retry-After", []string{"Retry-After", fmt.Sprint(10 * 365 * 24 * 3600)}},
		{"Retry-After past a Duration", []string{"Retry-After", "99999999999999999"}},
		{"a reset ten years away", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", far}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &flaky{statuses: []int{403, 403}, headers: tc.headers}
			rec := &recorder{}
			c := serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(3)))
			_, _, err := c.GetInstallation(context.Background(), 1)
			require.ErrorIs(t, err, gh.ErrRateLimited)
			assert.Empty(t, rec.slept, "nothing waited")
			assert.Equal(t, int32(1), f.calls.Load(), "no retry")
		})
	}
	t.Run("a wait within MaxWait is honoured", func(t *testing.T) {
		f := &flaky{statuses: []int{403}, headers: []string{"Retry-After", "90"}}
		rec := &recorder{}
		p := rec.policy(3)
		p.MaxWait = 2 * time.Minute
		c := serve(t, f.ServeHTTP, gh.WithRetry(p))
		_, _, err := c.GetInstallation(context.Background(), 1)
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{90 * time.Second}, rec.slept)
	})
}

// TestClientsPrintNoSecret: no verb prints a credential the client holds, the app JWT and
// minted tokens it caches included, nor their hex.
func TestClientsPrintNoSecret(t *testing.T) {
	c, _ := mintAnswers(t, answer(201, "application/json", `{"token": "ghs_mintedSecretToken", "expires_at": "2030-01-01T00:00:00Z"}`),
		gh.WithToken(testUserToken), gh.WithInstallationToken(testInstallationToken), gh.WithClientCredentials(testClientID, testClientSecret))
	minting, err := c.ForInstallation(8, nil)
	require.NoError(t, err)
	_, _, err = minting.ListReposAccessibleToInstallation(context.Background(), nil) // caches a minted token and the JWT
	require.NoError(t, err)
	secrets := []string{testUserToken, testInstallationToken, testClientSecret, "ghs_mintedSecretToken", "eyJ", "PRIVATE KEY"}
	for _, v := range []any{c, *c, minting, []*gh.Client{c}, struct{ C *gh.Client }{c}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			out := fmt.Sprintf(verb, v)
			for _, secret := range secrets {
				assert.NotContains(t, out, secret, "%s of %T", verb, v)
				assert.NotContains(t, strings.ToLower(out), hex.EncodeToString([]byte(secret)), "%s of %T", verb, v)
			}
		}
	}
	assert.Contains(t, fmt.Sprint(c), "app-jwt", "what kinds of credential it holds does print")
}

// TestDecodeErrorsQuoteNoCredential: an answer whose value does not decode is reported by
// where it failed; the value itself, which can be a token, is not quoted.
func TestDecodeErrorsQuoteNoCredential(t *testing.T) {
	c := serve(t, answer(200, "application/json", `{"id": 1, "created_at": "ghs_leakedTokenValue000", "x": "`+strings.Repeat("y", 300)+`"}`))
	_, _, err := c.GetInstallation(context.Background(), 1)
	var decode *gh.DecodeError
	require.ErrorAs(t, err, &decode)
	assert.NotContains(t, err.Error(), "leakedTokenValue")
	assert.Contains(t, err.Error(), "created_at")
}
