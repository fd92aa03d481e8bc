// Package contract runs every operation of the generated client against Prism, a mock
// server that serves a description and rejects any request that does not conform to it:
// wrong path, method, parameter type, missing required field, wrong body schema. It serves
// spec/apps.json, the client's description, and each API's own carve of it (spec/carves:
// github.com's and GitHub Enterprise Server's), so that the one client is held to both.
// make test installs the pinned Prism with npm ci in this folder.
package contract

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// effectiveSpec writes a description (spec/apps.json, or a carve) with overrides/ applied:
// the corrections of GitHub's defects, and the security each operation takes, so that
// Prism checks credentials too.
func effectiveSpec(t *testing.T, spec string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "apps.effective.json")
	cmd := exec.Command("go", "-C", "../..", "run", "./cmd/ghappsgen", "spec", "-spec", spec, "-overrides", "overrides", "-out", out)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "ghappsgen spec: %s", msg)
	return out
}

// startPrism runs prism mock with --errors on a free loopback port until the test ends,
// and returns its base URL.
func startPrism(t *testing.T, description string) string {
	t.Helper()
	spec := effectiveSpec(t, description)
	bin, err := filepath.Abs(filepath.Join("node_modules", ".bin", "prism"))
	require.NoError(t, err)
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("Prism is not installed: run `make test`, or `npm ci` in generated/contract (%v)", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())

	cmd := exec.Command(bin, "mock", "--errors", "-h", "127.0.0.1", "-p", fmt.Sprint(port), spec)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so that its children stop with it
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &lockedWriter{w: &logs}, &lockedWriter{w: &logs}
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("prism output:\n%s", logs.String())
		}
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(60 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = conn.Close()
			return "http://" + addr
		}
		if time.Now().After(deadline) {
			t.Fatalf("prism did not listen on %s within 60 s", addr)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// violations records what Prism says about each request: an sl-violations header, or a
// problem+json answer of its own.
type violations struct {
	mu    sync.Mutex
	found []string
	next  http.RoundTripper
}

func (v *violations) RoundTrip(req *http.Request) (*http.Response, error) {
	// The client asks for GitHub's media type, application/vnd.github+json, which GitHub
	// answers with JSON; the description lists the answers as application/json, and Prism
	// negotiates to the letter (406 otherwise). Only this header is changed for Prism.
	if req.Header.Get("Accept") != "application/vnd.github+json" {
		v.add(req, "the client sent Accept: "+req.Header.Get("Accept"))
	}
	req = req.Clone(req.Context())
	req.Header.Set("Accept", "application/json")
	resp, err := v.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if h := resp.Header.Get("sl-violations"); h != "" {
		v.add(req, h)
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		v.add(req, string(body))
		resp.Body = io.NopCloser(strings.NewReader(string(body)))
	}
	return resp, nil
}

func (v *violations) add(req *http.Request, what string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.found = append(v.found, fmt.Sprintf("%s %s: %s", req.Method, req.URL.RequestURI(), what))
}

func (v *violations) take() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := v.found
	v.found = nil
	return out
}

func appKeyPEM(t *testing.T) []byte {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
}

// descriptions are the descriptions the client is held to, relative to the project's root.
func descriptions(t *testing.T) []string {
	carves, err := filepath.Glob("../../spec/carves/apps.*.json")
	require.NoError(t, err)
	require.Len(t, carves, 2, "spec/carves holds github.com's carve and GitHub Enterprise Server's")
	out := []string{"spec/apps.json"}
	for _, c := range carves {
		out = append(out, filepath.Join("spec", "carves", filepath.Base(c)))
	}
	return out
}

func TestEveryOperationConformsToTheDescription(t *testing.T) {
	for _, description := range descriptions(t) {
		t.Run(filepath.Base(description), func(t *testing.T) { everyOperationConforms(t, description) })
	}
}

func everyOperationConforms(t *testing.T, description string) {
	base := startPrism(t, description)
	v := &violations{next: http.DefaultTransport}
	c, err := gh.NewClient(
		gh.WithBaseURL(base),
		gh.WithHTTPClient(&http.Client{Transport: v}),
		gh.WithAppAuth(1, appKeyPEM(t)),
		gh.WithInstallationToken("ghs_contract"),
		gh.WithToken("ghp_contract"),
		gh.WithClientCredentials("Iv1.contract", "secret"),
	)
	require.NoError(t, err)
	since := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		call  func() (any, *gh.Response, error)
		check func(t *testing.T, got any)
	}{
		{"GetAuthenticated", func() (any, *gh.Response, error) { return c.GetAuthenticated(ctx) },
			func(t *testing.T, got any) { assert.NotZero(t, got.(*gh.App).ID) }},
		{"CreateFromManifest", func() (any, *gh.Response, error) { return c.CreateFromManifest(ctx, "temporary-code") },
			func(t *testing.T, got any) { assert.NotEmpty(t, got.(*gh.CreateFromManifestResponse).PEM) }},
		{"ListInstallationRequestsForAuthenticatedApp", func() (any, *gh.Response, error) {
			return c.ListInstallationRequestsForAuthenticatedApp(ctx, &gh.ListInstallationRequestsForAuthenticatedAppParams{PerPage: gh.Ptr[int64](30), Page: gh.Ptr[int64](1)})
		}, func(t *testing.T, got any) { assert.NotEmpty(t, got.([]gh.IntegrationInstallationRequest)) }},
		{"ListInstallations", func() (any, *gh.Response, error) {
			return c.ListInstallations(ctx, &gh.ListInstallationsParams{PerPage: gh.Ptr[int64](100), Page: gh.Ptr[int64](2), Since: &since, Outdated: gh.Ptr("true")})
		}, func(t *testing.T, got any) { assert.NotZero(t, got.([]gh.Installation)[0].ID) }},
		{"GetInstallation", func() (any, *gh.Response, error) { return c.GetInstallation(ctx, 42) },
			func(t *testing.T, got any) { assert.NotEmpty(t, got.(*gh.Installation).AppSlug) }},
		{"DeleteInstallation", func() (any, *gh.Response, error) { r, err := c.DeleteInstallation(ctx, 42); return nil, r, err }, nil},
		{"CreateInstallationAccessToken", func() (any, *gh.Response, error) {
			return c.CreateInstallationAccessToken(ctx, 42, &gh.CreateInstallationAccessTokenRequest{
				Repositories:  []string{"Hello-World"},
				RepositoryIDs: []int64{1296269},
				Permissions:   &gh.AppPermissions{Issues: gh.Ptr(gh.AppPermissionsIssuesWrite), Contents: gh.Ptr(gh.AppPermissionsContentsRead)},
			})
		}, func(t *testing.T, got any) { assert.NotEmpty(t, got.(*gh.InstallationToken).Token) }},
		{"SuspendInstallation", func() (any, *gh.Response, error) { r, err := c.SuspendInstallation(ctx, 42); return nil, r, err }, nil},
		{"UnsuspendInstallation", func() (any, *gh.Response, error) { r, err := c.UnsuspendInstallation(ctx, 42); return nil, r, err }, nil},
		{"ScopeToken", func() (any, *gh.Response, error) {
			return c.ScopeToken(ctx, "Iv1.contract", &gh.ScopeTokenRequest{
				AccessToken: "e72e16c7e42f292c6912e7710c838347ae178b4a", Target: gh.Ptr("octocat"),
				Permissions: &gh.AppPermissions{Metadata: gh.Ptr(gh.AppPermissionsMetadataRead)},
			})
		}, func(t *testing.T, got any) { assert.NotEmpty(t, got.(*gh.Authorization).Token) }},
		{"GetBySlug", func() (any, *gh.Response, error) { return c.GetBySlug(ctx, "octoapp") },
			func(t *testing.T, got any) { assert.NotEmpty(t, got.(*gh.App).Name) }},
		{"ListReposAccessibleToInstallation", func() (any, *gh.Response, error) {
			return c.ListReposAccessibleToInstallation(ctx, &gh.ListReposAccessibleToInstallationParams{PerPage: gh.Ptr[int64](50)})
		}, func(t *testing.T, got any) {
			assert.NotEmpty(t, got.(*gh.ListReposAccessibleToInstallationResponse).Repositories[0].FullName)
		}},
		{"RevokeInstallationAccessToken", func() (any, *gh.Response, error) { r, err := c.RevokeInstallationAccessToken(ctx); return nil, r, err }, nil},
		{"GetOrgInstallation", func() (any, *gh.Response, error) { return c.GetOrgInstallation(ctx, "octo-org") },
			func(t *testing.T, got any) { assert.NotNil(t, got.(*gh.Installation).Account) }},
		{"GetRepoInstallation", func() (any, *gh.Response, error) { return c.GetRepoInstallation(ctx, "octocat", "Hello-World") },
			func(t *testing.T, got any) { assert.NotZero(t, got.(*gh.Installation).AppID) }},
		{"GetUserInstallation", func() (any, *gh.Response, error) { return c.GetUserInstallation(ctx, "octocat") },
			func(t *testing.T, got any) { assert.NotZero(t, got.(*gh.Installation).TargetID) }},
		{"ListInstallationsForAuthenticatedUser", func() (any, *gh.Response, error) {
			return c.ListInstallationsForAuthenticatedUser(ctx, &gh.ListInstallationsForAuthenticatedUserParams{PerPage: gh.Ptr[int64](10)})
		}, func(t *testing.T, got any) {
			assert.NotZero(t, got.(*gh.ListInstallationsForAuthenticatedUserResponse).TotalCount)
		}},
		{"ListInstallationReposForAuthenticatedUser", func() (any, *gh.Response, error) {
			return c.ListInstallationReposForAuthenticatedUser(ctx, 42, &gh.ListInstallationReposForAuthenticatedUserParams{Page: gh.Ptr[int64](1)})
		}, func(t *testing.T, got any) {
			assert.NotEmpty(t, got.(*gh.ListInstallationReposForAuthenticatedUserResponse).Repositories)
		}},
		{"AddRepoToInstallationForAuthenticatedUser", func() (any, *gh.Response, error) {
			r, err := c.AddRepoToInstallationForAuthenticatedUser(ctx, 42, 1296269)
			return nil, r, err
		}, nil},
		{"RemoveRepoFromInstallationForAuthenticatedUser", func() (any, *gh.Response, error) {
			r, err := c.RemoveRepoFromInstallationForAuthenticatedUser(ctx, 42, 1296269)
			return nil, r, err
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, resp, err := tc.call()
			found := v.take()
			require.Empty(t, found, "Prism reports violations")
			require.NoError(t, err)
			assert.Less(t, resp.StatusCode, 300)
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}
