//go:build replay

// Package replay runs recorded GitHub exchanges against a client generated from GitHub's
// whole api.github.com description (tools/upstream/check.sh generates it as
// upstream/api_github_com and runs this test beside it). Each recording holds the requests
// GitHub expects, in order, and its answers: the test fails when the client sends anything
// else (host, method, path as escaped on the wire, query, the headers recorded, the body,
// JSON compared canonically) or does not take an answer as GitHub means it.
package replay

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gh "upstream/api_github_com"
)

type recording struct {
	About     string `json:"about"`
	Exchanges []struct {
		Request struct {
			Method  string            `json:"method"`
			URL     string            `json:"url"`
			Headers map[string]string `json:"headers"`
			Body    *string           `json:"body"`
		} `json:"request"`
		Answer struct {
			Status  int               `json:"status"`
			Headers map[string]string `json:"headers"`
			Body    string            `json:"body"`
		} `json:"answer"`
	} `json:"exchanges"`
}

// play serves a recording on one loopback TLS server that answers for every host, and
// gives call a client that reaches api.github.com and uploads.github.com there.
func play(t *testing.T, name string, call func(ctx context.Context, c *gh.Client)) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(os.Getenv("REPLAY_RECORDINGS"), name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec recording
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var mu sync.Mutex
	next := 0
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		body, _ := io.ReadAll(r.Body)
		if next >= len(rec.Exchanges) {
			t.Errorf("%s: unexpected request %s %s%s", name, r.Method, r.Host, r.URL.RequestURI())
			w.WriteHeader(http.StatusTeapot)
			return
		}
		ex := rec.Exchanges[next]
		next++
		compare(t, name, next, ex.Request.Method, ex.Request.URL, ex.Request.Headers, ex.Request.Body, r, body)
		for k, v := range ex.Answer.Headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(ex.Answer.Status)
		_, _ = io.WriteString(w, ex.Answer.Body)
	}))
	srv.StartTLS()
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	hc := &http.Client{Transport: &http.Transport{
		DialTLSContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return tls.Client(conn, &tls.Config{InsecureSkipVerify: true}), nil // the test server's own certificate
		},
	}}
	c, err := gh.NewClient(gh.WithHTTPClient(hc), gh.WithToken("ghp_replayToken"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	call(ctx, c)
	if next != len(rec.Exchanges) {
		t.Errorf("%s: %d of %d recorded requests were sent", name, next, len(rec.Exchanges))
	}
}

// compare checks one request against its recording.
func compare(t *testing.T, name string, n int, method, rawURL string, headers map[string]string, body *string, r *http.Request, got []byte) {
	t.Helper()
	want, err := url.Parse(rawURL)
	if err != nil {
		t.Fatalf("%s #%d: %v", name, n, err)
	}
	at := func(what string, got, want any) {
		t.Errorf("%s #%d: %s: sent %v, recorded %v", name, n, what, got, want)
	}
	if r.Method != method {
		at("method", r.Method, method)
	}
	if r.Host != want.Host {
		at("host", r.Host, want.Host)
	}
	if r.URL.EscapedPath() != want.EscapedPath() {
		at("path", r.URL.EscapedPath(), want.EscapedPath())
	}
	if gotQ, wantQ := r.URL.Query().Encode(), want.Query().Encode(); gotQ != wantQ {
		at("query", gotQ, wantQ)
	}
	for k, v := range headers {
		g := r.Header.Get(k)
		if k == "Content-Length" { // the server reads it into ContentLength
			g = strconv.FormatInt(r.ContentLength, 10)
		}
		if g != v {
			at("header "+k, g, v)
		}
	}
	switch {
	case body == nil && len(got) > 0:
		at("body", string(got), "none")
	case body != nil && strings.Contains(r.Header.Get("Content-Type"), "json"):
		if canonical(t, got) != canonical(t, []byte(*body)) {
			at("body", string(got), *body)
		}
	case body != nil && !bytes.Equal(got, []byte(*body)):
		at("body", got, []byte(*body))
	}
}

// canonical renders JSON with its members sorted and no whitespace.
func canonical(t *testing.T, data []byte) string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return "not JSON: " + string(data)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func TestContentsByNestedPath(t *testing.T) {
	play(t, "contents-nested", func(ctx context.Context, c *gh.Client) {
		got, _, err := c.Repos().GetContent(ctx, "octocat", "Hello-World", "docs/guides/README.md", &gh.ReposGetContentParams{Ref: gh.Ptr("main")})
		if err != nil {
			t.Fatal(err)
		}
		if got.ContentFile == nil || got.ContentFile.Path != "docs/guides/README.md" {
			t.Fatalf("want the file, got %s", got.Which())
		}
	})
}

func TestContentsOfTheRoot(t *testing.T) {
	play(t, "contents-root", func(ctx context.Context, c *gh.Client) {
		got, _, err := c.Repos().GetContent(ctx, "octocat", "Hello-World", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.ContentDirectoryItemList) != 2 || got.ContentDirectoryItemList[1].Type != "dir" {
			t.Fatalf("want the root's listing, got %s", got.Which())
		}
	})
}

func TestGitRefsWithSlashes(t *testing.T) {
	play(t, "git-refs", func(ctx context.Context, c *gh.Client) {
		ref, _, err := c.Git().GetRef(ctx, "octocat", "Hello-World", "heads/feature/login")
		if err != nil || ref.Object.SHA != "aa218f56b14c9653891f9e74264a383fa43fefbd" {
			t.Fatalf("%+v %v", ref, err)
		}
		moved, _, err := c.Git().UpdateRef(ctx, "octocat", "Hello-World", "heads/feature/login",
			&gh.GitUpdateRefRequest{SHA: "7638417db6d59f3c431d3e1f261cc637155684cd", Force: gh.Ptr(true)})
		if err != nil || moved.Object.SHA != "7638417db6d59f3c431d3e1f261cc637155684cd" {
			t.Fatalf("%+v %v", moved, err)
		}
	})
}

func TestBranchProtectionWithEmptyListsAndNulls(t *testing.T) {
	play(t, "branch-protection", func(ctx context.Context, c *gh.Client) {
		_, _, err := c.Repos().UpdateBranchProtection(ctx, "octocat", "Hello-World", "release/v1", &gh.ReposUpdateBranchProtectionRequest{
			RequiredStatusChecks: gh.Null[*gh.ReposUpdateBranchProtectionRequestRequiredStatusChecks](),
			EnforceAdmins:        gh.NotNull(true),
			RequiredPullRequestReviews: gh.NotNull(&gh.ReposUpdateBranchProtectionRequestRequiredPullRequestReviews{
				DismissalRestrictions:        &gh.ReposUpdatePullRequestReviewProtectionRequestDismissalRestrictions{Users: []string{"octocat"}, Teams: []string{}},
				DismissStaleReviews:          gh.Ptr(true),
				RequiredApprovingReviewCount: gh.Ptr[int64](2),
			}),
			Restrictions: gh.Null[*gh.ReposUpdateBranchProtectionRequestRestrictions](),
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestReleaseAssetUploadGoesToTheUploadsHost(t *testing.T) {
	play(t, "release-asset", func(ctx context.Context, c *gh.Client) {
		data := "PK\x03\x04zipdata"
		asset, _, err := c.Repos().UploadReleaseAsset(ctx, "octocat", "Hello-World", 1, &gh.ReposUploadReleaseAssetParams{Name: "hello.zip", Label: gh.Ptr("Hello")},
			&gh.Upload{Body: strings.NewReader(data), Size: int64(len(data)), ContentType: "application/zip"})
		if err != nil || asset.Name != "hello.zip" || asset.Size != 11 {
			t.Fatalf("%+v %v", asset, err)
		}
	})
}

func TestMarkNotificationsReadAnswers205(t *testing.T) {
	play(t, "notifications-read", func(ctx context.Context, c *gh.Client) {
		at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
		got, resp, err := c.Activity().MarkNotificationsAsRead(ctx, &gh.ActivityMarkNotificationsAsReadRequest{LastReadAt: &at})
		if err != nil || got != nil || resp.StatusCode != http.StatusResetContent || !resp.NoContent {
			t.Fatalf("%+v %+v %v", got, resp, err)
		}
	})
}

func TestCreateFileAnswers201(t *testing.T) {
	play(t, "file-create", func(ctx context.Context, c *gh.Client) {
		commit, resp, err := c.Repos().CreateOrUpdateFileContents(ctx, "octocat", "Hello-World", "notes/hello.txt", &gh.ReposCreateOrUpdateFileContentsRequest{
			Message:   "my commit message",
			Content:   "bXkgbmV3IGZpbGUgY29udGVudHM=",
			Committer: &gh.ReposCreateOrUpdateFileContentsRequestCommitter{Name: "Monalisa Octocat", Email: "octocat@github.com"},
		})
		if err != nil || resp.StatusCode != http.StatusCreated || commit.Commit.SHA == nil || *commit.Commit.SHA != "7638417db6d59f3c431d3e1f261cc637155684cd" {
			t.Fatalf("%+v %v", commit, err)
		}
	})
}

func TestRawFileDownload(t *testing.T) {
	play(t, "raw-file", func(ctx context.Context, c *gh.Client) {
		var file bytes.Buffer
		_, _, err := c.Repos().GetContent(ctx, "octocat", "Hello-World", "bin/logo.png", nil, gh.WithAccept("application/vnd.github.raw+json"), gh.WithBodyTo(&file))
		if err != nil || file.String() != "\u0089PNG\r\n\x1a\n-bytes-" {
			t.Fatalf("%q %v", file.String(), err)
		}
	})
}

func TestFivePageList(t *testing.T) {
	play(t, "issues-five-pages", func(ctx context.Context, c *gh.Client) {
		var numbers []int64
		for issue, err := range c.Issues().ListForRepoIter(ctx, "octocat", "Hello-World", &gh.IssuesListForRepoParams{State: gh.Ptr(gh.IssuesListForRepoStateAll)}) {
			if err != nil {
				t.Fatal(err)
			}
			numbers = append(numbers, issue.Number)
		}
		if len(numbers) != 15 || numbers[14] != 15 {
			t.Fatalf("got %v", numbers)
		}
	})
}
