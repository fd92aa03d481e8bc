package behaviour

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// opCase is one operation called through the client: what must arrive on the wire, what the
// server answers (the spec's example for the documented status), and what must come out.
type opCase struct {
	name     string
	method   string
	wirePath string // escaped path the server must see, below the base URL's /api/v3
	specPath string // the path template in spec/apps.json
	query    url.Values
	body     string // JSON the client must send; "" for no body
	status   int
	auth     string // the credential the request must carry, with every credential available
	call     func(ctx context.Context, c *gh.Client) (any, *gh.Response, error)
	check    func(t *testing.T, got any)
}

func TestEveryOperation(t *testing.T) {
	for _, tc := range operationCases() {
		t.Run(tc.name, func(t *testing.T) {
			var answer []byte
			if tc.check != nil {
				answer = example(t, tc.method, tc.specPath, strconv.Itoa(tc.status))
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				assert.Equal(t, tc.method, r.Method)
				assert.Equal(t, "/api/v3"+tc.wirePath, r.URL.EscapedPath())
				assert.Equal(t, tc.query.Encode(), r.URL.Query().Encode())
				assert.Equal(t, "application/vnd.github+json", r.Header.Get("Accept"))
				assert.Equal(t, "2022-11-28", r.Header.Get("X-GitHub-Api-Version"))
				assert.Equal(t, "behaviour-test/1.0", r.Header.Get("User-Agent"))
				assert.Equal(t, tc.auth, credentialOf(t, r.Header.Get("Authorization")), "credential")
				sent, _ := io.ReadAll(r.Body)
				if tc.body == "" {
					assert.Empty(t, sent)
				} else {
					assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
					assert.JSONEq(t, tc.body, string(sent))
				}
				w.Header().Set("X-GitHub-Request-Id", "ABCD:1234")
				if answer != nil {
					w.Header().Set("Content-Type", "application/json; charset=utf-8")
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write(answer)
			}))
			defer srv.Close()

			// A GHES-style base URL with a trailing slash: the path must join without doubling it.
			opts := append(allCredentials(t), gh.WithBaseURL(srv.URL+"/api/v3/"), gh.WithUserAgent("behaviour-test/1.0"))
			c, err := gh.NewClient(opts...)
			require.NoError(t, err)
			got, resp, err := tc.call(context.Background(), c)
			require.NoError(t, err)
			require.Equal(t, tc.status, resp.StatusCode)
			require.Equal(t, "ABCD:1234", resp.RequestID)
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func operationCases() []opCase {
	since := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	return []opCase{
		{
			name: "GetAuthenticated", auth: "app-jwt", method: "GET", wirePath: "/app", specPath: "/app", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) { return c.GetAuthenticated(ctx) },
			check: func(t *testing.T, got any) {
				app := got.(*gh.App)
				assert.Equal(t, int64(1), app.ID)
				assert.Equal(t, "octoapp", *app.Slug)
				assert.Equal(t, "SimpleUser", app.Owner.Which())
				assert.Equal(t, "octocat", app.Owner.SimpleUser.Login)
				assert.Equal(t, []string{"push", "pull_request"}, app.Events)
				assert.Equal(t, "write", *app.Permissions.Issues)
				assert.Equal(t, map[string]string{"single_file": "write"}, app.Permissions.AdditionalProperties)
			},
		},
		{
			name: "CreateFromManifest", auth: "none", method: "POST", wirePath: "/app-manifests/abc%2F123/conversions",
			specPath: "/app-manifests/{code}/conversions", status: 201,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.CreateFromManifest(ctx, "abc/123")
			},
			check: func(t *testing.T, got any) {
				m := got.(*gh.CreateFromManifestResponse)
				assert.Equal(t, "Iv1.8a61f9b3a7aba766", m.ClientID)
				assert.Equal(t, "1726be1638095a19edd134c77bde3aa2ece1e5d8", m.ClientSecret)
				assert.Equal(t, "e340154128314309424b7c8e90325147d99fdafa", m.WebhookSecret.Or(""))
				assert.Contains(t, m.PEM, "-----BEGIN RSA PRIVATE KEY-----")
				assert.Equal(t, "octoapp", *m.Slug)
				assert.Equal(t, "github", m.Owner.SimpleUser.Login)
			},
		},
		{
			name: "ListInstallationRequestsForAuthenticatedApp", auth: "app-jwt", method: "GET", wirePath: "/app/installation-requests",
			specPath: "/app/installation-requests", status: 200, query: url.Values{"per_page": {"50"}, "page": {"2"}},
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.ListInstallationRequestsForAuthenticatedApp(ctx, &gh.ListInstallationRequestsForAuthenticatedAppParams{PerPage: gh.Ptr[int64](50), Page: gh.Ptr[int64](2)})
			},
			check: func(t *testing.T, got any) {
				reqs := got.([]gh.IntegrationInstallationRequest)
				require.Len(t, reqs, 1)
				assert.Equal(t, int64(25381), reqs[0].ID)
				assert.Equal(t, "octo-org", reqs[0].Account.SimpleUser.Login)
				assert.Equal(t, int64(1), reqs[0].Requester.ID)
			},
		},
		{
			name: "ListInstallations", auth: "app-jwt", method: "GET", wirePath: "/app/installations", specPath: "/app/installations", status: 200,
			query: url.Values{"since": {"2024-05-01T12:00:00Z"}, "outdated": {"true"}},
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.ListInstallations(ctx, &gh.ListInstallationsParams{Since: &since, Outdated: gh.Ptr("true")})
			},
			check: func(t *testing.T, got any) {
				list := got.([]gh.Installation)
				require.Len(t, list, 1)
				assert.Equal(t, int64(1), list[0].ID)
				assert.Equal(t, "octocat", present(t, list[0].Account).SimpleUser.Login)
				assert.Nil(t, present(t, list[0].Account).Enterprise)
				assert.Equal(t, gh.InstallationRepositorySelectionSelected, list[0].RepositorySelection)
			},
		},
		{
			name: "GetInstallation", auth: "app-jwt", method: "GET", wirePath: "/app/installations/42", specPath: "/app/installations/{installation_id}", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) { return c.GetInstallation(ctx, 42) },
			check: func(t *testing.T, got any) {
				inst := got.(*gh.Installation)
				assert.Equal(t, "github-actions", inst.AppSlug)
				assert.Equal(t, "Organization", inst.TargetType)
				assert.True(t, inst.SuspendedBy.IsNull(), "the example has suspended_by: null")
				assert.True(t, inst.SuspendedAt.IsNull())
				assert.True(t, mustTime(t, "2017-07-08T20:18:44Z").Equal(inst.CreatedAt), "created_at keeps its instant: %v", inst.CreatedAt)
				_, offset := inst.CreatedAt.Zone()
				assert.Equal(t, -4*3600, offset, "and its offset")
			},
		},
		{
			name: "DeleteInstallation", auth: "app-jwt", method: "DELETE", wirePath: "/app/installations/42", specPath: "/app/installations/{installation_id}", status: 204,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				resp, err := c.DeleteInstallation(ctx, 42)
				return nil, resp, err
			},
		},
		{
			name: "CreateInstallationAccessToken", auth: "app-jwt", method: "POST", wirePath: "/app/installations/42/access_tokens",
			specPath: "/app/installations/{installation_id}/access_tokens", status: 201,
			body: `{"repositories":["Hello-World"],"permissions":{"issues":"write","contents":"read"}}`,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.CreateInstallationAccessToken(ctx, 42, &gh.CreateInstallationAccessTokenRequest{
					Repositories: []string{"Hello-World"},
					Permissions: &gh.AppPermissions{
						Issues:   gh.Ptr(gh.AppPermissionsIssuesWrite),
						Contents: gh.Ptr(gh.AppPermissionsContentsRead),
					},
				})
			},
			check: func(t *testing.T, got any) {
				tok := got.(*gh.InstallationToken)
				assert.Equal(t, "ghs_16C7e42F292c6912E7710c838347Ae178B4a", tok.Token)
				assert.Equal(t, "2016-07-11T22:14:10Z", tok.ExpiresAt) // the description gives no date-time format
				assert.Equal(t, gh.AppPermissionsIssuesWrite, *tok.Permissions.Issues)
				require.Len(t, tok.Repositories, 1)
				assert.Equal(t, "octocat/Hello-World", tok.Repositories[0].FullName)
			},
		},
		{
			name: "SuspendInstallation", auth: "app-jwt", method: "PUT", wirePath: "/app/installations/42/suspended",
			specPath: "/app/installations/{installation_id}/suspended", status: 204,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				resp, err := c.SuspendInstallation(ctx, 42)
				return nil, resp, err
			},
		},
		{
			name: "UnsuspendInstallation", auth: "app-jwt", method: "DELETE", wirePath: "/app/installations/42/suspended",
			specPath: "/app/installations/{installation_id}/suspended", status: 204,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				resp, err := c.UnsuspendInstallation(ctx, 42)
				return nil, resp, err
			},
		},
		{
			name: "ScopeToken", auth: "basic", method: "POST", wirePath: "/applications/Iv1.8a61f9b3a7aba766/token/scoped",
			specPath: "/applications/{client_id}/token/scoped", status: 200,
			body: `{"access_token":"e72e16c7e42f292c6912e7710c838347ae178b4a","target":"octocat","repositories":["Hello-World"]}`,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.ScopeToken(ctx, "Iv1.8a61f9b3a7aba766", &gh.ScopeTokenRequest{
					AccessToken:  "e72e16c7e42f292c6912e7710c838347ae178b4a",
					Target:       gh.Ptr("octocat"),
					Repositories: []string{"Hello-World"},
				})
			},
			check: func(t *testing.T, got any) {
				a := got.(*gh.Authorization)
				assert.Equal(t, "Ae178B4a", a.TokenLastEight.Or(""))
				assert.Equal(t, "my github app", a.App.Name)
				installation, ok := a.Installation.Get()
				require.True(t, ok)
				assert.Equal(t, "octocat", installation.Account.Login)
				assert.Equal(t, gh.ScopedInstallationRepositorySelectionSelected, installation.RepositorySelection)
			},
		},
		{
			name: "GetBySlug", auth: "installation-token", method: "GET", wirePath: "/apps/octoapp", specPath: "/apps/{app_slug}", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) { return c.GetBySlug(ctx, "octoapp") },
			check: func(t *testing.T, got any) {
				assert.Equal(t, "Iv1.ab1112223334445c", *got.(*gh.App).ClientID)
			},
		},
		{
			name: "ListReposAccessibleToInstallation", auth: "installation-token", method: "GET", wirePath: "/installation/repositories",
			specPath: "/installation/repositories", status: 200, query: url.Values{"per_page": {"100"}},
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.ListReposAccessibleToInstallation(ctx, &gh.ListReposAccessibleToInstallationParams{PerPage: gh.Ptr[int64](100)})
			},
			check: func(t *testing.T, got any) {
				list := got.(*gh.ListReposAccessibleToInstallationResponse)
				assert.Equal(t, int64(1), list.TotalCount)
				require.Len(t, list.Repositories, 1)
				r := list.Repositories[0]
				assert.Equal(t, "octocat/Hello-World", r.FullName)
				assert.Equal(t, "mit", present(t, r.License).Key)
				assert.Equal(t, "octocat", r.Owner.Login)
			},
		},
		{
			name: "RevokeInstallationAccessToken", auth: "installation-token", method: "DELETE", wirePath: "/installation/token", specPath: "/installation/token", status: 204,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				resp, err := c.RevokeInstallationAccessToken(ctx)
				return nil, resp, err
			},
		},
		{
			name: "GetOrgInstallation", auth: "app-jwt", method: "GET", wirePath: "/orgs/octo-org/installation", specPath: "/orgs/{org}/installation", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.GetOrgInstallation(ctx, "octo-org")
			},
			check: func(t *testing.T, got any) {
				inst := got.(*gh.Installation)
				assert.Equal(t, "github", present(t, inst.Account).SimpleUser.Login)
				assert.Equal(t, []string{"config.yml", ".github/issue_TEMPLATE.md"}, inst.SingleFilePaths)
			},
		},
		{
			// Path parameters are escaped one segment each: "a?b" and "../x" cannot change the path.
			name: "GetRepoInstallation", auth: "app-jwt", method: "GET", wirePath: "/repos/..%2Fx/a%3Fb/installation",
			specPath: "/repos/{owner}/{repo}/installation", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.GetRepoInstallation(ctx, "../x", "a?b")
			},
			check: func(t *testing.T, got any) { assert.Equal(t, int64(1), got.(*gh.Installation).ID) },
		},
		{
			name: "GetUserInstallation", auth: "app-jwt", method: "GET", wirePath: "/users/octocat/installation", specPath: "/users/{username}/installation", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.GetUserInstallation(ctx, "octocat")
			},
			check: func(t *testing.T, got any) { assert.Equal(t, "github-actions", got.(*gh.Installation).AppSlug) },
		},
		{
			name: "ListInstallationsForAuthenticatedUser", auth: "user-token", method: "GET", wirePath: "/user/installations", specPath: "/user/installations", status: 200,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.ListInstallationsForAuthenticatedUser(ctx, nil)
			},
			check: func(t *testing.T, got any) {
				list := got.(*gh.ListInstallationsForAuthenticatedUserResponse)
				assert.Equal(t, int64(2), list.TotalCount)
				require.NotEmpty(t, list.Installations)
				assert.Equal(t, "octocat", present(t, list.Installations[0].Account).SimpleUser.Login)
			},
		},
		{
			name: "ListInstallationReposForAuthenticatedUser", auth: "user-token", method: "GET", wirePath: "/user/installations/7/repositories",
			specPath: "/user/installations/{installation_id}/repositories", status: 200, query: url.Values{"page": {"3"}},
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				return c.ListInstallationReposForAuthenticatedUser(ctx, 7, &gh.ListInstallationReposForAuthenticatedUserParams{Page: gh.Ptr[int64](3)})
			},
			check: func(t *testing.T, got any) {
				list := got.(*gh.ListInstallationReposForAuthenticatedUserResponse)
				assert.Equal(t, int64(1), list.TotalCount)
				assert.Equal(t, "Hello-World", list.Repositories[0].Name)
			},
		},
		{
			name: "AddRepoToInstallationForAuthenticatedUser", auth: "user-token", method: "PUT", wirePath: "/user/installations/7/repositories/1296269",
			specPath: "/user/installations/{installation_id}/repositories/{repository_id}", status: 204,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				resp, err := c.AddRepoToInstallationForAuthenticatedUser(ctx, 7, 1296269)
				return nil, resp, err
			},
		},
		{
			name: "RemoveRepoFromInstallationForAuthenticatedUser", auth: "user-token", method: "DELETE", wirePath: "/user/installations/7/repositories/1296269",
			specPath: "/user/installations/{installation_id}/repositories/{repository_id}", status: 204,
			call: func(ctx context.Context, c *gh.Client) (any, *gh.Response, error) {
				resp, err := c.RemoveRepoFromInstallationForAuthenticatedUser(ctx, 7, 1296269)
				return nil, resp, err
			},
		},
	}
}

// present returns the value a Nullable member holds, failing the test when it holds none.
func present[T any](t *testing.T, n gh.Nullable[T]) T {
	t.Helper()
	v, ok := n.Get()
	require.True(t, ok, "the member is %s, not a value", n)
	return v
}
