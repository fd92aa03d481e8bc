package behaviour

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

func TestRateLimitAnswersBecomeTypedErrors(t *testing.T) {
	reset := time.Now().Add(30 * time.Minute).Truncate(time.Second)
	resetHeader := strconv.FormatInt(reset.Unix(), 10)
	for _, tc := range []struct {
		name    string
		status  int
		headers []string
		message string
		check   func(t *testing.T, err error)
	}{
		{
			name: "primary", status: 403, message: "API rate limit exceeded for installation ID 1.",
			headers: []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Limit", "5000", "X-RateLimit-Reset", resetHeader},
			check: func(t *testing.T, err error) {
				var rl *gh.RateLimitError
				require.ErrorAs(t, err, &rl)
				assert.Equal(t, reset, rl.Rate.Reset)
				assert.Equal(t, 5000, rl.Rate.Limit)
				assert.ErrorIs(t, err, gh.ErrForbidden, "the wrapped APIError still matches its status")
			},
		},
		{
			name: "primary as 429", status: 429, message: "API rate limit exceeded",
			headers: []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", resetHeader},
			check: func(t *testing.T, err error) {
				var rl *gh.RateLimitError
				require.ErrorAs(t, err, &rl)
			},
		},
		{
			name: "secondary with Retry-After", status: 403, message: "You have exceeded a secondary rate limit.",
			headers: []string{"Retry-After", "42"},
			check: func(t *testing.T, err error) {
				var sl *gh.SecondaryRateLimitError
				require.ErrorAs(t, err, &sl)
				assert.Equal(t, 42*time.Second, sl.RetryAfter)
			},
		},
		{
			name: "secondary by message", status: 403, message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			check: func(t *testing.T, err error) {
				var sl *gh.SecondaryRateLimitError
				require.ErrorAs(t, err, &sl)
				assert.Equal(t, time.Minute, sl.RetryAfter, "GitHub asks for at least a minute")
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := serve(t, answer(tc.status, "application/json", fmt.Sprintf(`{"message": %q}`, tc.message), tc.headers...))
			_, _, err := c.GetInstallation(context.Background(), 1)
			require.ErrorIs(t, err, gh.ErrRateLimited)
			tc.check(t, err)
		})
	}
	t.Run("a plain 403 is not a rate limit", func(t *testing.T) {
		c := serve(t, answer(403, "application/json", `{"message": "Resource not accessible by integration"}`, "X-RateLimit-Remaining", "4000"))
		_, _, err := c.GetInstallation(context.Background(), 1)
		require.ErrorIs(t, err, gh.ErrForbidden)
		assert.NotErrorIs(t, err, gh.ErrRateLimited)
	})
}

// flaky answers with the given statuses in turn, then 200s, counting requests.
type flaky struct {
	statuses []int
	headers  []string
	calls    atomic.Int32
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(f.calls.Add(1))
	if n <= len(f.statuses) {
		for i := 0; i+1 < len(f.headers); i += 2 {
			w.Header().Set(f.headers[i], f.headers[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(f.statuses[n-1])
		fmt.Fprint(w, `{"message": "You have exceeded a secondary rate limit"}`)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet {
		fmt.Fprint(w, `{"id": 7}`)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// recorder records retries and fakes the waits.
type recorder struct {
	mu     sync.Mutex
	events []gh.RetryEvent
	slept  []time.Duration
}

func (r *recorder) policy(max int) gh.RetryPolicy {
	return gh.RetryPolicy{
		MaxRetries: max, MinBackoff: 100 * time.Millisecond, MaxBackoff: 400 * time.Millisecond,
		OnRetry: func(e gh.RetryEvent) { r.mu.Lock(); r.events = append(r.events, e); r.mu.Unlock() },
		Sleep: func(_ context.Context, d time.Duration) error {
			r.mu.Lock()
			r.slept = append(r.slept, d)
			r.mu.Unlock()
			return nil
		},
	}
}

func TestRetriesTransientFailuresOfIdempotentRequests(t *testing.T) {
	f := &flaky{statuses: []int{502, 503, 504}}
	rec := &recorder{}
	c := serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(3)))
	inst, resp, err := c.GetInstallation(context.Background(), 7)
	require.NoError(t, err)
	assert.Equal(t, int64(7), inst.ID)
	assert.Equal(t, 4, resp.Attempts)
	assert.Equal(t, int32(4), f.calls.Load())
	require.Len(t, rec.events, 3)
	require.Len(t, rec.slept, 3, "a wait before every retry")
	for i, d := range rec.slept {
		ceiling := min(100*time.Millisecond<<i, 400*time.Millisecond)
		assert.GreaterOrEqual(t, d, ceiling/2, "attempt %d", i+1)
		assert.LessOrEqual(t, d, ceiling, "attempt %d: capped, jittered exponential backoff", i+1)
		assert.Equal(t, i+1, rec.events[i].Attempt)
		assert.ErrorIs(t, rec.events[i].Err, gh.ErrServer)
	}
}

func TestRetriesStopAfterMaxRetries(t *testing.T) {
	f := &flaky{statuses: []int{503, 503, 503, 503}}
	rec := &recorder{}
	c := serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(2)))
	_, resp, err := c.GetInstallation(context.Background(), 7)
	require.ErrorIs(t, err, gh.ErrServer)
	assert.Equal(t, 3, resp.Attempts)
	assert.Equal(t, int32(3), f.calls.Load())
}

func TestRetriesHonourRetryAfterAndRateLimitReset(t *testing.T) {
	f := &flaky{statuses: []int{403}, headers: []string{"Retry-After", "7"}}
	rec := &recorder{}
	c := serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(3)))
	_, err := c.SuspendInstallation(context.Background(), 1)
	require.NoError(t, err, "PUT is idempotent")
	assert.Equal(t, []time.Duration{7 * time.Second}, rec.slept)

	reset := time.Now().Add(20 * time.Second)
	f = &flaky{statuses: []int{429}, headers: []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10)}}
	rec = &recorder{}
	c = serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(3)))
	_, err = c.DeleteInstallation(context.Background(), 1)
	require.NoError(t, err)
	require.Len(t, rec.slept, 1)
	assert.InDelta(t, time.Until(reset).Seconds(), rec.slept[0].Seconds(), 2, "waits until X-RateLimit-Reset")
}

func TestRetriesNeverRunPastTheDeadline(t *testing.T) {
	f := &flaky{statuses: []int{403}, headers: []string{"Retry-After", "60"}}
	rec := &recorder{}
	c := serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(3)))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _, err := c.GetInstallation(ctx, 1)
	require.ErrorIs(t, err, gh.ErrRateLimited, "the secondary limit is returned rather than waited out")
	assert.Empty(t, rec.slept)
	assert.Equal(t, int32(1), f.calls.Load())
}

func TestPOSTIsNeverRetried(t *testing.T) {
	f := &flaky{statuses: []int{503}}
	rec := &recorder{}
	c := serve(t, f.ServeHTTP, gh.WithRetry(rec.policy(3)))
	_, _, err := c.CreateInstallationAccessToken(context.Background(), 1, nil)
	require.ErrorIs(t, err, gh.ErrServer)
	assert.Equal(t, int32(1), f.calls.Load())
	assert.Empty(t, rec.events)
}

func TestRetriesAreOffByDefault(t *testing.T) {
	f := &flaky{statuses: []int{503}}
	c := serve(t, f.ServeHTTP)
	_, _, err := c.GetInstallation(context.Background(), 1)
	require.ErrorIs(t, err, gh.ErrServer)
	assert.Equal(t, int32(1), f.calls.Load())
}

func TestRetriesConnectionResets(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			require.NoError(t, err)
			_ = conn.(*net.TCPConn).SetLinger(0) // close with a reset
			_ = conn.Close()
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id": 1}`)
	}))
	defer srv.Close()
	rec := &recorder{}
	c, err := gh.NewClient(append(allCredentials(t), gh.WithBaseURL(srv.URL), gh.WithRetry(rec.policy(3)))...)
	require.NoError(t, err)
	_, resp, err := c.GetInstallation(context.Background(), 1)
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	require.Len(t, rec.events, 1)
}

func TestConditionalRequestsServeA304FromTheCache(t *testing.T) {
	var calls atomic.Int32
	var ifNoneMatch []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		mu.Lock()
		ifNoneMatch = append(ifNoneMatch, r.Header.Get("If-None-Match"))
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id": 5, "app_slug": "octoapp"}`)
	}))
	defer srv.Close()
	cache := gh.NewLRUCache(10)
	newClient := func(opts ...gh.Option) *gh.Client {
		c, err := gh.NewClient(append([]gh.Option{gh.WithBaseURL(srv.URL), gh.WithCache(cache)}, opts...)...)
		require.NoError(t, err)
		return c
	}
	c := newClient(gh.WithAppAuth(testAppID, pkcs1PEM(t)))
	first, resp, err := c.GetInstallation(context.Background(), 5)
	require.NoError(t, err)
	assert.False(t, resp.FromCache)

	second, resp, err := c.GetInstallation(context.Background(), 5)
	require.NoError(t, err)
	assert.True(t, resp.FromCache)
	assert.Equal(t, http.StatusNotModified, resp.StatusCode)
	assert.Equal(t, first, second, "the cached value")

	other := newClient(gh.WithAppAuth(testAppID+1, pkcs1PEM(t)))
	_, resp, err = other.GetInstallation(context.Background(), 5)
	require.NoError(t, err)
	assert.False(t, resp.FromCache, "another credential never sees the entry")
	assert.Equal(t, []string{"", `"v1"`, ""}, ifNoneMatch)
}

func TestA304WithoutACacheIsErrNotModified(t *testing.T) {
	c := serve(t, answer(http.StatusNotModified, "", ""))
	_, _, err := c.ListInstallationsForAuthenticatedUser(context.Background(), nil)
	require.ErrorIs(t, err, gh.ErrNotModified)
}

func TestLRUCacheEvictsTheLeastRecentlyUsed(t *testing.T) {
	l := gh.NewLRUCache(2)
	l.Set("a", &gh.CachedResponse{ETag: "a"})
	l.Set("b", &gh.CachedResponse{ETag: "b"})
	_, _ = l.Get("a")
	l.Set("c", &gh.CachedResponse{ETag: "c"})
	_, hasA := l.Get("a")
	_, hasB := l.Get("b")
	_, hasC := l.Get("c")
	assert.Equal(t, []bool{true, false, true}, []bool{hasA, hasB, hasC})
}

// TestAnswersTooLargeToCacheStillDecode: a cacheable answer over the cache's size limit is
// decoded whole and not stored.
func TestAnswersTooLargeToCacheStillDecode(t *testing.T) {
	big := strings.Repeat("x", 33<<20)
	var calls atomic.Int32
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		assert.Empty(t, r.Header.Get("If-None-Match"), "nothing was stored to revalidate")
		w.Header().Set("ETag", `"big"`)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id": 1, "app_slug": %q}`, big)
	}, gh.WithCache(gh.NewLRUCache(4)))
	for range 2 {
		inst, resp, err := c.GetInstallation(context.Background(), 1)
		require.NoError(t, err)
		assert.Len(t, inst.AppSlug, len(big))
		assert.False(t, resp.FromCache)
	}
	assert.Equal(t, int32(2), calls.Load())
}
