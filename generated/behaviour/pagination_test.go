package behaviour

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// pagedServer serves three pages of a list at path. Page links carry an opaque cursor, not
// page numbers, so only a client that follows the URL it is given gets them right. page
// renders the items of one page; failOn makes that page answer 500.
type pagedServer struct {
	srv      *httptest.Server
	mu       sync.Mutex
	requests []string
}

func newPagedServer(t *testing.T, path string, page func(n int) string, failOn int) *pagedServer {
	ps := &pagedServer{}
	cursors := map[string]int{"": 1, "c2": 2, "c3": 3}
	ps.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.requests = append(ps.requests, r.URL.RequestURI())
		ps.mu.Unlock()
		assert.Equal(t, path, r.URL.Path)
		n := cursors[r.URL.Query().Get("after")]
		if n == failOn {
			w.WriteHeader(500)
			return
		}
		if n < 3 {
			next := fmt.Sprintf("%s%s?per_page=%s&after=c%d", ps.srv.URL, path, r.URL.Query().Get("per_page"), n+1)
			w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="next", <%s?after=c3>; rel="last"`, next, ps.srv.URL+path))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, page(n))
	}))
	t.Cleanup(ps.srv.Close)
	return ps
}

func (ps *pagedServer) client(t *testing.T) *gh.Client {
	c, err := gh.NewClient(append(allCredentials(t), gh.WithBaseURL(ps.srv.URL))...)
	require.NoError(t, err)
	return c
}

func installationsPage(n int) string {
	return fmt.Sprintf(`[{"id": %d}, {"id": %d}]`, 2*n-1, 2*n)
}

func reposPage(n int) string {
	return fmt.Sprintf(`{"total_count": 6, "repositories": [{"id": %d, "name": "r%d"}, {"id": %d, "name": "r%d"}]}`, 2*n-1, 2*n-1, 2*n, 2*n)
}

func TestIteratorWalksAnArrayListPageByPage(t *testing.T) {
	ps := newPagedServer(t, "/app/installations", installationsPage, 0)
	var ids []int64
	for inst, err := range ps.client(t).ListInstallationsIter(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, inst.ID)
	}
	assert.Equal(t, []int64{1, 2, 3, 4, 5, 6}, ids)
	assert.Equal(t, []string{
		"/app/installations?per_page=100",
		"/app/installations?per_page=100&after=c2",
		"/app/installations?per_page=100&after=c3",
	}, ps.requests, "one request per page, per_page=100 by default, next URLs as given")
}

// One iterator value may be ranged more than once, and at once from two goroutines (run
// under -race): each walk reads its own pages, and an item yielded from one page is still
// whole after the walk has read the next.
func TestIteratorWalksShareNothing(t *testing.T) {
	ps := newPagedServer(t, "/app/installations", installationsPage, 0)
	seq := ps.client(t).ListInstallationsIter(context.Background(), nil)
	walk := func() []*gh.Installation {
		var items []*gh.Installation
		for inst, err := range seq {
			if !assert.NoError(t, err) {
				break
			}
			items = append(items, inst)
		}
		return items
	}
	var wg sync.WaitGroup
	walks := make([][]*gh.Installation, 3)
	for i := range walks {
		wg.Add(1)
		go func() { defer wg.Done(); walks[i] = walk() }()
	}
	wg.Wait()
	for _, items := range walks {
		var ids []int64
		for _, inst := range items {
			ids = append(ids, inst.ID)
		}
		assert.Equal(t, []int64{1, 2, 3, 4, 5, 6}, ids)
	}
	assert.NotSame(t, walks[0][0], walks[1][0], "each walk decodes its own pages")
}

func TestIteratorWalksAWrappedListAndKeepsTheCallersPerPage(t *testing.T) {
	ps := newPagedServer(t, "/installation/repositories", reposPage, 0)
	c := ps.client(t)
	var names []string
	for repo, err := range c.ListReposAccessibleToInstallationIter(context.Background(), &gh.ListReposAccessibleToInstallationParams{PerPage: gh.Ptr[int64](2)}) {
		require.NoError(t, err)
		names = append(names, repo.Name)
	}
	assert.Equal(t, []string{"r1", "r2", "r3", "r4", "r5", "r6"}, names)
	assert.Len(t, ps.requests, 3)
	assert.True(t, strings.HasPrefix(ps.requests[0], "/installation/repositories?per_page=2"))

	page, resp, err := c.ListReposAccessibleToInstallation(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, int64(6), page.TotalCount, "the single-page method keeps total_count")
	assert.Contains(t, resp.Links.Next, "after=c2")
}

func TestIteratorStopsWhenTheLoopBreaks(t *testing.T) {
	ps := newPagedServer(t, "/app/installations", installationsPage, 0)
	var ids []int64
	for inst, err := range ps.client(t).ListInstallationsIter(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, inst.ID)
		if inst.ID == 3 {
			break
		}
	}
	assert.Equal(t, []int64{1, 2, 3}, ids)
	assert.Len(t, ps.requests, 2, "no request for the page after the break")
}

func TestIteratorYieldsTheErrorOfPageTwoAndStops(t *testing.T) {
	ps := newPagedServer(t, "/app/installations", installationsPage, 2)
	var ids []int64
	var errs []error
	for inst, err := range ps.client(t).ListInstallationsIter(context.Background(), nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, inst.ID)
	}
	assert.Equal(t, []int64{1, 2}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], gh.ErrServer)
	assert.Len(t, ps.requests, 2)
}

func TestIteratorRespectsACancelledContext(t *testing.T) {
	ps := newPagedServer(t, "/app/installations", installationsPage, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ids []int64
	var last error
	for inst, err := range ps.client(t).ListInstallationsIter(ctx, nil) {
		if err != nil {
			last = err
			break
		}
		ids = append(ids, inst.ID)
		cancel()
	}
	assert.ErrorIs(t, last, context.Canceled)
	assert.Equal(t, []int64{1, 2}, ids, "the page in hand is finished, the next is not fetched")
	assert.Len(t, ps.requests, 1)
}

func TestIteratorRefusesALinkToAnotherHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<https://elsewhere.example/app/installations?page=2>; rel="next"`)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id": 1}]`)
	}))
	defer srv.Close()
	c, err := gh.NewClient(append(allCredentials(t), gh.WithBaseURL(srv.URL))...)
	require.NoError(t, err)
	var got []error
	for _, err := range c.ListInstallationsIter(context.Background(), nil) {
		if err != nil {
			got = append(got, err)
		}
	}
	require.Len(t, got, 1)
	assert.ErrorContains(t, got[0], "does not lead to the API host")
}
