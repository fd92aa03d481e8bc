package bench

import (
	"context"
	"encoding/json"
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
	mux := http.NewServeMux()
	serve := func(pattern string, body []byte) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = w.Write(body)
		})
	}
	serve("GET /installation/repositories", bodies.Repos)
	serve("GET /app/installations", bodies.Installations)
	serve("GET /app/installations/{id}", bodies.Installation)
	noContent := func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
	mux.HandleFunc("DELETE /app/installations/{id}", noContent)
	mux.HandleFunc("DELETE /installation/token", noContent)
	f := &fixture{bodies: bodies, key: key, srv: httptest.NewServer(mux)}
	b.Cleanup(f.srv.Close)
	return f
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
		c := f.ours(b, gh.WithInstallationToken("ghs_x"))
		b.ReportAllocs()
		for b.Loop() {
			page, _, err := c.ListReposAccessibleToInstallation(ctx, nil)
			if err != nil || len(page.Repositories) != 30 {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, bearer{"ghs_x", f.srv.Client().Transport})
		b.ReportAllocs()
		for b.Loop() {
			page, _, err := c.Apps.ListRepos(ctx, nil)
			if err != nil || len(page.Repositories) != 30 {
				b.Fatal(err)
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
			if err != nil || len(list) != 30 {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, f.appsTransport(b))
		b.ReportAllocs()
		for b.Loop() {
			list, _, err := c.Apps.ListInstallations(ctx, nil)
			if err != nil || len(list) != 30 {
				b.Fatal(err)
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
			if _, _, err := c.GetInstallation(ctx, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, f.appsTransport(b))
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := c.Apps.GetInstallation(ctx, 1); err != nil {
				b.Fatal(err)
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
			if _, err := c.DeleteInstallation(ctx, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, f.appsTransport(b))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Apps.DeleteInstallation(ctx, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkInstallationTokenCall(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.Run("impl=ghappsgen", func(b *testing.B) {
		c := f.ours(b, gh.WithInstallationToken("ghs_x"))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.RevokeInstallationAccessToken(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		c := f.goGitHub(b, bearer{"ghs_x", f.srv.Client().Transport})
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Apps.RevokeInstallationToken(ctx); err != nil {
				b.Fatal(err)
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
			if err := page.UnmarshalJSON(f.bodies.Repos); err != nil { // the generated decoder, without encoding/json's pre-scan
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		b.SetBytes(int64(len(f.bodies.Repos)))
		b.ReportAllocs()
		for b.Loop() {
			var page github.ListRepositories
			if err := json.Unmarshal(f.bodies.Repos, &page); err != nil {
				b.Fatal(err)
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
			if _, err := gh.UnmarshalList[gh.Installation](body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			var list []*github.Installation
			if err := json.Unmarshal(body, &list); err != nil {
				b.Fatal(err)
			}
		}
	})
}
