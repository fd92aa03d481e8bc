package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v84/github"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

const appID = 12345

type fixture struct {
	bodies *Bodies
	key    []byte
	srv    *httptest.Server
	want   want
}

// want is what the bodies hold, read with encoding/json, for the benchmarks to check that
// each client decoded them.
type want struct {
	installationID int64  // Bodies.Installation's id
	lastRepoName   string // the 30th repository's name
}

func newFixture(b *testing.B) *fixture {
	b.Helper()
	bodies, err := LoadBodies("../spec/apps.json")
	if err != nil {
		b.Fatal(err)
	}
	key, err := NewAppKey()
	if err != nil {
		b.Fatal(err)
	}
	auth, err := newAuthChecker(key)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	// Every route checks the credential its operation takes (an app JWT under /app, the
	// installation token under /installation): a client that sends the wrong one, or none,
	// gets a 401 and its benchmark fails.
	serve := func(pattern string, body []byte) {
		mux.HandleFunc(pattern, auth.check(func(w http.ResponseWriter, r *http.Request) {
			if body == nil {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = w.Write(body)
		}))
	}
	serve("GET /installation/repositories", bodies.Repos)
	serve("GET /app/installations", bodies.Installations)
	serve("GET /app/installations/{id}", bodies.Installation)
	serve("DELETE /app/installations/{id}", nil)
	serve("DELETE /installation/token", nil)
	f := &fixture{bodies: bodies, key: key, srv: httptest.NewServer(mux)}
	b.Cleanup(f.srv.Close)
	if f.want, err = readWant(bodies); err != nil {
		b.Fatal(err)
	}
	return f
}

func readWant(bodies *Bodies) (want, error) {
	var w want
	var inst struct{ ID int64 }
	var page struct{ Repositories []struct{ Name string } }
	if err := json.Unmarshal(bodies.Installation, &inst); err != nil {
		return w, err
	}
	if err := json.Unmarshal(bodies.Repos, &page); err != nil || len(page.Repositories) != 30 {
		return w, fmt.Errorf("the repositories' body: %v", err)
	}
	return want{installationID: inst.ID, lastRepoName: page.Repositories[29].Name}, nil
}

func (f *fixture) ours(b *testing.B, opts ...gh.Option) *gh.Client {
	c, err := gh.NewClient(append([]gh.Option{gh.WithBaseURL(f.srv.URL), gh.WithHTTPClient(f.srv.Client())}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func (f *fixture) goGitHub(b *testing.B, transport http.RoundTripper) *github.Client {
	c, err := github.NewClient(&http.Client{Transport: transport}).WithEnterpriseURLs(f.srv.URL+"/", f.srv.URL+"/")
	if err != nil {
		b.Fatal(err)
	}
	// WithEnterpriseURLs adds /api/v3/; the benchmark server serves the paths at its root.
	c.BaseURL.Path = "/"
	return c
}

func (f *fixture) appsTransport(b *testing.B) http.RoundTripper {
	tr, err := ghinstallation.NewAppsTransport(f.srv.Client().Transport, appID, f.key)
	if err != nil {
		b.Fatal(err)
	}
	tr.BaseURL = f.srv.URL
	return tr
}

type bearer struct {
	token string
	next  http.RoundTripper
}

func (t bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+t.token)
	return t.next.RoundTrip(r)
}

func BenchmarkListRepos(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.Run("impl=ghappsgen", func(b *testing.B) {
		c := f.ours(b, gh.WithInstallationToken(installationToken))
		b.ReportAllocs()
		for b.Loop() {
			page, _, err := c.ListReposAccessibleToInstallation(ctx, nil)
			if err != nil || len(page.Repositories) != 30 || page.Repositories[29].Name != f.want.lastRepoName {
				b.Fatal("not the 30 repositories served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, bearer{installationToken, f.srv.Client().Transport})
		b.ReportAllocs()
		for b.Loop() {
			page, _, err := c.Apps.ListRepos(ctx, nil)
			if err != nil || len(page.Repositories) != 30 || page.Repositories[29].GetName() != f.want.lastRepoName {
				b.Fatal("not the 30 repositories served:", err)
			}
		}
	})
}

func BenchmarkListInstallations(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.Run("impl=ghappsgen", func(b *testing.B) {
		c := f.ours(b, gh.WithAppAuth(appID, f.key))
		b.ReportAllocs()
		for b.Loop() {
			list, _, err := c.ListInstallations(ctx, nil)
			if err != nil || len(list) != 30 || list[29].ID != 30 {
				b.Fatal("not the 30 installations served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, f.appsTransport(b))
		b.ReportAllocs()
		for b.Loop() {
			list, _, err := c.Apps.ListInstallations(ctx, nil)
			if err != nil || len(list) != 30 || list[29].GetID() != 30 {
				b.Fatal("not the 30 installations served:", err)
			}
		}
	})
}

// BenchmarkGetInstallation is a JWT-authenticated call: ghinstallation's AppsTransport signs
// a JWT per request; the generated client signs once and reuses it.
func BenchmarkGetInstallation(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.Run("impl=ghappsgen", func(b *testing.B) {
		c := f.ours(b, gh.WithAppAuth(appID, f.key))
		b.ReportAllocs()
		for b.Loop() {
			if inst, _, err := c.GetInstallation(ctx, 1); err != nil || inst.ID != f.want.installationID {
				b.Fatal("not the installation served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, f.appsTransport(b))
		b.ReportAllocs()
		for b.Loop() {
			if inst, _, err := c.Apps.GetInstallation(ctx, 1); err != nil || inst.GetID() != f.want.installationID {
				b.Fatal("not the installation served:", err)
			}
		}
	})
}

// BenchmarkJWTCall and BenchmarkInstallationTokenCall are the same kind of call, a DELETE
// answered 204 with no body, authenticated once with the app JWT and once with a static
// installation token: their ratio is what app authentication costs per call.
// ghinstallation's AppsTransport signs a JWT per request; the generated client reuses one.
func BenchmarkJWTCall(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.Run("impl=ghappsgen", func(b *testing.B) {
		c := f.ours(b, gh.WithAppAuth(appID, f.key))
		b.ReportAllocs()
		for b.Loop() {
			if resp, err := c.DeleteInstallation(ctx, 1); err != nil || resp.StatusCode != http.StatusNoContent {
				b.Fatal("not the 204 served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, f.appsTransport(b))
		b.ReportAllocs()
		for b.Loop() {
			if resp, err := c.Apps.DeleteInstallation(ctx, 1); err != nil || resp.StatusCode != http.StatusNoContent {
				b.Fatal("not the 204 served:", err)
			}
		}
	})
}

func BenchmarkInstallationTokenCall(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.Run("impl=ghappsgen", func(b *testing.B) {
		c := f.ours(b, gh.WithInstallationToken(installationToken))
		b.ReportAllocs()
		for b.Loop() {
			if resp, err := c.RevokeInstallationAccessToken(ctx); err != nil || resp.StatusCode != http.StatusNoContent {
				b.Fatal("not the 204 served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, bearer{installationToken, f.srv.Client().Transport})
		b.ReportAllocs()
		for b.Loop() {
			if resp, err := c.Apps.RevokeInstallationToken(ctx); err != nil || resp.StatusCode != http.StatusNoContent {
				b.Fatal("not the 204 served:", err)
			}
		}
	})
}

func BenchmarkDecodeRepos(b *testing.B) {
	f := newFixture(b)
	b.Run("impl=ghappsgen", func(b *testing.B) {
		b.SetBytes(int64(len(f.bodies.Repos)))
		b.ReportAllocs()
		for b.Loop() {
			var page gh.ListReposAccessibleToInstallationResponse
			err := page.UnmarshalJSON(f.bodies.Repos) // the generated decoder, without encoding/json's pre-scan
			if err != nil || len(page.Repositories) != 30 || page.Repositories[29].Name != f.want.lastRepoName {
				b.Fatal("not the 30 repositories served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		b.SetBytes(int64(len(f.bodies.Repos)))
		b.ReportAllocs()
		for b.Loop() {
			var page github.ListRepositories
			err := json.Unmarshal(f.bodies.Repos, &page)
			if err != nil || len(page.Repositories) != 30 || page.Repositories[29].GetName() != f.want.lastRepoName {
				b.Fatal("not the 30 repositories served:", err)
			}
		}
	})
}

func BenchmarkDecodeInstallations(b *testing.B) {
	benchmarkDecodeInstallations(b, newFixture(b).bodies.Installations)
}

// BenchmarkDecodeMixedInstallations decodes a list whose every tenth account is an
// enterprise: the generated decoder guesses each account is a user, as the last one was,
// and at the first enterprise decodes the list again without guessing.
func BenchmarkDecodeMixedInstallations(b *testing.B) {
	body := newFixture(b).bodies.MixedInstallations
	list, err := gh.UnmarshalList[gh.Installation](body)
	if err != nil || list[9].Account.Or(gh.InstallationAccount{}).Which() != "Enterprise" || list[10].Account.Or(gh.InstallationAccount{}).Which() != "SimpleUser" {
		b.Fatalf("the fixture is not the mix it claims: %v", err)
	}
	benchmarkDecodeInstallations(b, body)
}

func benchmarkDecodeInstallations(b *testing.B, body []byte) {
	b.Run("impl=ghappsgen", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			list, err := gh.UnmarshalList[gh.Installation](body)
			if err != nil || len(list) != 30 || list[29].ID != 30 {
				b.Fatal("not the 30 installations served:", err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			var list []*github.Installation
			err := json.Unmarshal(body, &list)
			if err != nil || len(list) != 30 || list[29].GetID() != 30 {
				b.Fatal("not the 30 installations served:", err)
			}
		}
	})
}
