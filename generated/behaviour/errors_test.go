package behaviour

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// serve starts a server that answers every request with handler and returns a client for
// it that holds every kind of credential, plus opts.
func serve(t *testing.T, handler http.HandlerFunc, opts ...gh.Option) *gh.Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	c, err := gh.NewClient(append(append(allCredentials(t), gh.WithBaseURL(srv.URL)), opts...)...)
	require.NoError(t, err)
	return c
}

func answer(status int, contentType, body string, headers ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

func TestAPIErrorsMatchTheirSentinels(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   error
	}{
		{304, gh.ErrNotModified}, {400, gh.ErrBadRequest}, {401, gh.ErrUnauthorized},
		{403, gh.ErrForbidden}, {404, gh.ErrNotFound}, {409, gh.ErrConflict}, {410, gh.ErrGone},
		{422, gh.ErrValidation}, {500, gh.ErrServer}, {503, gh.ErrServer},
	} {
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			c := serve(t, answer(tc.status, "application/json", `{"message":"nope"}`))
			_, resp, err := c.GetInstallation(context.Background(), 1)
			require.ErrorIs(t, err, tc.want)
			other := gh.ErrConflict
			if tc.want == gh.ErrConflict {
				other = gh.ErrNotFound
			}
			assert.NotErrorIs(t, err, other, "only its own sentinel")
			var apiErr *gh.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.status, resp.StatusCode)
		})
	}
}

func TestAPIErrorCarriesGitHubsDetails(t *testing.T) {
	c := serve(t, answer(422, "application/json",
		`{"message":"Validation Failed","documentation_url":"https://docs.github.com/rest","errors":[{"resource":"Installation","field":"repositories","code":"invalid"},"plain string error"]}`,
		"X-GitHub-Request-Id", "F00D:1"))
	_, _, err := c.CreateInstallationAccessToken(context.Background(), 1, nil)
	var apiErr *gh.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, &gh.APIError{
		Operation:        "apps/create-installation-access-token",
		StatusCode:       422,
		Message:          "Validation Failed",
		DocumentationURL: "https://docs.github.com/rest",
		Errors: []gh.ValidationError{
			{Resource: "Installation", Field: "repositories", Code: "invalid"},
			{Message: "plain string error"},
		},
		RequestID: "F00D:1",
		Response:  apiErr.Response,
	}, apiErr)
	assert.Equal(t, "githubapps: apps/create-installation-access-token: 422 Unprocessable Entity: Validation Failed; Installation repositories invalid; plain string error (request F00D:1)", err.Error())
}

func TestBodiesThatAreNotTheDocumentedJSONAreErrorsNotPanics(t *testing.T) {
	for name, tc := range map[string]struct {
		contentType, body, wantErr string
	}{
		"html page":         {"text/html", "<html><body>Bad gateway</body></html>", `expected a JSON body, got Content-Type "text/html"`},
		"truncated json":    {"application/json", `{"id": 1, "account": {"login":`, "account: "},
		"empty body":        {"application/json", "", "empty body"},
		"wrong type":        {"application/json", `{"id": "one"}`, `id: unexpected byte 34 '"'`},
		"trailing garbage":  {"application/json", `{"id": 1} {"id": 2}`, "data after the JSON value"},
		"trailing non-JSON": {"application/json", `{"id": 1}A`, "data after the JSON value"},
		"not JSON at all":   {"application/json", `A`, "unexpected byte"},
		"union fits nobody": {"application/json", `{"id": 1, "account": {"unrelated": true}}`, "account: InstallationAccount: the JSON object matches none of its variants"},
		"array for object":  {"application/json", `[1,2,3]`, `"{" expected`},
	} {
		t.Run(name, func(t *testing.T) {
			c := serve(t, answer(200, tc.contentType, tc.body))
			inst, _, err := c.GetInstallation(context.Background(), 1)
			require.Error(t, err)
			assert.Nil(t, inst)
			var decErr *gh.DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.Contains(t, err.Error(), tc.wantErr)
			if len(tc.body) > 0 {
				assert.Contains(t, decErr.Snippet, strings.Fields(tc.body)[0][:1], "the error quotes the body's start")
			}
		})
	}
}

func TestDecodeErrorsMaskCredentials(t *testing.T) {
	c := serve(t, answer(201, "application/json", `{"token":"ghs_16C7e42F292c6912E7710c838347Ae178B4a","expires_at":`))
	_, _, err := c.CreateInstallationAccessToken(context.Background(), 1, nil)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "ghs_16C7e42F292c6912E7710c838347Ae178B4a")
	assert.Contains(t, err.Error(), "[REDACTED]")
}

func TestUnionsPickTheVariantTheObjectIs(t *testing.T) {
	enterprise := `{"id": 1, "account": {"id": 9, "node_id": "E_1", "name": "Octo Enterprise", "slug": "octo", "html_url": "https://github.com/enterprises/octo", "created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z", "avatar_url": "https://x/a.png", "website_url": null}}`
	c := serve(t, answer(200, "application/json", enterprise))
	inst, _, err := c.GetInstallation(context.Background(), 1)
	require.NoError(t, err)
	account, ok := inst.Account.Get()
	require.True(t, ok)
	assert.Equal(t, "Enterprise", account.Which())
	assert.Nil(t, account.SimpleUser, "an enterprise must not read as a user")
	assert.Equal(t, "octo", account.Enterprise.Slug)

	c = serve(t, answer(200, "application/json", `{"id": 1, "account": null}`))
	inst, _, err = c.GetInstallation(context.Background(), 1)
	require.NoError(t, err)
	assert.True(t, inst.Account.IsNull(), "a null account is null, not absent")
	c = serve(t, answer(200, "application/json", `{"id": 1}`))
	inst, _, err = c.GetInstallation(context.Background(), 1)
	require.NoError(t, err)
	assert.False(t, inst.Account.IsSet(), "an absent account is absent, not null")
}

func TestResponseCarriesRateAndPages(t *testing.T) {
	c := serve(t, answer(200, "application/json", `[]`,
		"X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "4990", "X-RateLimit-Used", "10",
		"X-RateLimit-Reset", "1700000000", "X-RateLimit-Resource", "core",
		"Link", `<https://api.github.com/app/installations?page=3&per_page=10>; rel="next", <https://api.github.com/app/installations?page=9&per_page=10>; rel="last", <https://api.github.com/app/installations?page=1&per_page=10>; rel="first", <https://api.github.com/app/installations?page=1&per_page=10>; rel="prev"`))
	_, resp, err := c.ListInstallations(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, gh.Rate{Limit: 5000, Remaining: 4990, Used: 10, Reset: time.Unix(1700000000, 0), Resource: "core"}, resp.Rate)
	assert.Equal(t, gh.Links{
		Next:  "https://api.github.com/app/installations?page=3&per_page=10",
		Prev:  "https://api.github.com/app/installations?page=1&per_page=10",
		First: "https://api.github.com/app/installations?page=1&per_page=10",
		Last:  "https://api.github.com/app/installations?page=9&per_page=10",
	}, resp.Links)
	assert.Equal(t, [4]int{3, 1, 1, 9}, [4]int{resp.NextPage, resp.PrevPage, resp.FirstPage, resp.LastPage})
}

func TestInvalidArgumentsSendNothing(t *testing.T) {
	var hits atomic.Int32
	c := serve(t, func(w http.ResponseWriter, _ *http.Request) { hits.Add(1) })
	ctx := context.Background()

	_, _, err := c.ScopeToken(ctx, "Iv1.x", nil)
	assert.EqualError(t, err, "githubapps: apps/scope-token: body is required")
	_, _, err = c.GetOrgInstallation(ctx, "")
	assert.ErrorContains(t, err, "path parameter 1: empty value")
	_, _, err = c.GetRepoInstallation(ctx, "..", ".")
	require.Error(t, err, "the server answers nothing, so decoding must fail, but the path was escaped")
	assert.Equal(t, int32(1), hits.Load(), "only the last call, with dot segments escaped, was sent")
}

func TestDotSegmentsAreEscaped(t *testing.T) {
	var path string
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		path = r.URL.EscapedPath()
		w.WriteHeader(404)
	})
	_, _, err := c.GetRepoInstallation(context.Background(), "..", ".")
	require.ErrorIs(t, err, gh.ErrNotFound)
	assert.Equal(t, "/repos/%2E%2E/%2E/installation", path)
}

func TestNewClientValidatesItsOptions(t *testing.T) {
	for _, bad := range []string{"api.github.com", "ftp://x", "https://", "https://x/api?x=1", "://"} {
		_, err := gh.NewClient(gh.WithBaseURL(bad))
		assert.Error(t, err, bad)
	}
	_, err := gh.NewClient(gh.WithHTTPClient(nil))
	assert.Error(t, err)
	c, err := gh.NewClient()
	require.NoError(t, err)
	assert.Equal(t, gh.DefaultBaseURL, c.BaseURL())
	c, err = gh.NewClient(gh.WithBaseURL("https://ghe.example.com/api/v3/"))
	require.NoError(t, err)
	assert.Equal(t, "https://ghe.example.com/api/v3", c.BaseURL())
}

func TestContextCancellationStopsTheCall(t *testing.T) {
	release := make(chan struct{})
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, _, err := c.GetAuthenticated(ctx)
	require.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)
}
