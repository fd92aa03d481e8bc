package behaviour

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// accepts is what overrides/auth.yaml says each operation accepts, in order of preference.
var accepts = map[string][]string{
	"GetBySlug":                                      {"installation-token", "user-token", "none"},
	"CreateFromManifest":                             {"none"},
	"ScopeToken":                                     {"basic"},
	"ListReposAccessibleToInstallation":              {"installation-token"},
	"RevokeInstallationAccessToken":                  {"installation-token"},
	"ListInstallationsForAuthenticatedUser":          {"user-token"},
	"ListInstallationReposForAuthenticatedUser":      {"user-token"},
	"AddRepoToInstallationForAuthenticatedUser":      {"user-token"},
	"RemoveRepoFromInstallationForAuthenticatedUser": {"user-token"},
}

func acceptsOf(name string) []string {
	if a, ok := accepts[name]; ok {
		return a
	}
	return []string{"app-jwt"}
}

// TestEachCredentialGoesOnlyWhereItIsAccepted gives a client one kind of credential (or
// none) and calls every operation: an operation that accepts it gets exactly it, one that
// accepts no credential gets nothing, and every other call fails with ErrNoCredential
// without sending anything.
func TestEachCredentialGoesOnlyWhereItIsAccepted(t *testing.T) {
	only := map[string]gh.Option{
		"app-jwt":            gh.WithAppAuth(testAppID, pkcs8PEM(t)),
		"installation-token": gh.WithInstallationToken(testInstallationToken),
		"user-token":         gh.WithToken(testUserToken),
		"basic":              gh.WithClientCredentials(testClientID, testClientSecret),
		"none":               gh.WithUserAgent("no credentials"),
	}
	for kind, opt := range only {
		for _, tc := range operationCases() {
			t.Run(kind+"/"+tc.name, func(t *testing.T) {
				var seen []string
				var mu sync.Mutex
				srv := httptest.NewServer(authorization(func(w http.ResponseWriter, r *http.Request) {
					w.WriteHeader(http.StatusNoContent)
				}, &seen, &mu))
				defer srv.Close()
				c, err := gh.NewClient(opt, gh.WithBaseURL(srv.URL+"/api/v3"))
				require.NoError(t, err)
				_, _, err = tc.call(context.Background(), c)

				want := ""
				for _, a := range acceptsOf(tc.name) {
					if a == kind || a == "none" {
						want = a
						break
					}
				}
				if want == "" {
					require.ErrorIs(t, err, gh.ErrNoCredential)
					var nc *gh.NoCredentialError
					require.ErrorAs(t, err, &nc)
					assert.Equal(t, acceptsOf(tc.name), nc.Accepts)
					assert.Contains(t, err.Error(), nc.Operation)
					assert.Empty(t, seen, "nothing is sent")
					return
				}
				require.Len(t, seen, 1)
				assert.Equal(t, want, credentialOf(t, seen[0]))
			})
		}
	}
}

func TestPrivateKeysLoadAsPKCS1AndPKCS8(t *testing.T) {
	for name, key := range map[string][]byte{"PKCS#1": pkcs1PEM(t), "PKCS#8": pkcs8PEM(t)} {
		_, err := gh.NewClient(gh.WithAppAuth(1, key))
		assert.NoError(t, err, name)
	}
}

func TestBadPrivateKeysFailInNewClientWithoutQuotingThem(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ecDER, err := x509.MarshalPKCS8PrivateKey(ec)
	require.NoError(t, err)
	garbled := pkcs1PEM(t)
	garbled[100], garbled[101], garbled[102] = 'A', 'A', 'A'
	for name, key := range map[string][]byte{
		"not PEM":     []byte("MIIEowIBAAKCAQEAuEPzOUE+kiEH1WLiMeBytTEF856j0hOVcSUSUkZxKvqczkWM"),
		"EC key":      pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ecDER}),
		"garbled DER": garbled,
		"empty":       nil,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := gh.NewClient(gh.WithAppAuth(1, key))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "WithAppAuth: the private key is not an RSA key in PEM form")
			if len(key) > 20 {
				assert.NotContains(t, err.Error(), string(key[40:60]), "the key never appears in the error")
			}
		})
	}
}

// opaqueSigner hides the key type, as a KMS signer would.
type opaqueSigner struct{ crypto.Signer }

func TestAppSignerSignsTheJWT(t *testing.T) {
	var header string
	c := serveOnly(t, func(w http.ResponseWriter, r *http.Request) {
		header = r.Header.Get("Authorization")
		w.WriteHeader(http.StatusNoContent)
	}, gh.WithAppSigner(testAppID, opaqueSigner{appKey(t)}))
	_, err := c.DeleteInstallation(context.Background(), 1)
	require.NoError(t, err)
	assert.Equal(t, "app-jwt", credentialOf(t, header))

	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, err = gh.NewClient(gh.WithAppSigner(1, ec))
	assert.ErrorContains(t, err, "RS256, which needs an RSA key")
}

// clock is a settable clock for the client.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func serveOnly(t *testing.T, handler http.HandlerFunc, opts ...gh.Option) *gh.Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	c, err := gh.NewClient(append([]gh.Option{gh.WithBaseURL(srv.URL)}, opts...)...)
	require.NoError(t, err)
	return c
}

func TestAppJWTIsReusedAndRenewedBeforeExpiry(t *testing.T) {
	clk := &clock{now: time.Now()}
	var seen []string
	var mu sync.Mutex
	c := serveOnly(t, authorization(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }, &seen, &mu),
		gh.WithAppAuth(testAppID, pkcs1PEM(t)), gh.WithClock(clk.Now))
	call := func() string {
		_, err := c.SuspendInstallation(context.Background(), 1)
		require.NoError(t, err)
		return strings.TrimPrefix(seen[len(seen)-1], "Bearer ")
	}
	start := clk.Now()
	first := call()
	verifyAppJWT(t, first, start)
	clk.Advance(7*time.Minute + 59*time.Second)
	assert.Equal(t, first, call(), "reused while more than a minute of life is left")
	clk.Advance(2 * time.Second)
	renewed := call()
	assert.NotEqual(t, first, renewed, "renewed within a minute of expiry")
	claims := verifyAppJWT(t, renewed, clk.Now())
	assert.True(t, claims.ExpiresAt.After(start.Add(10*time.Minute)))
}

// mintServer is a fake API: it mints installation tokens numbered from 1, and serves the
// installation's repositories to requests that carry the current token.
type mintServer struct {
	t        *testing.T
	clk      *clock
	mints    atomic.Int32
	lists    atomic.Int32
	reject   atomic.Int32 // reject this many valid-looking list requests with 401
	block    chan struct{}
	lastBody atomic.Value
	valid    sync.Map // tokens minted so far
	srv      *httptest.Server
}

func newMintServer(t *testing.T, clk *clock) *mintServer {
	m := &mintServer{t: t, clk: clk}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /app/installations/{id}/access_tokens", func(w http.ResponseWriter, r *http.Request) {
		if m.block != nil {
			<-m.block
		}
		verifyAppJWT(t, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), clk.Now())
		body, _ := io.ReadAll(r.Body)
		m.lastBody.Store(string(body))
		token := fmt.Sprintf("ghs_minted%d_%s", m.mints.Add(1), r.PathValue("id"))
		m.valid.Store(token, true)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(201)
		fmt.Fprintf(w, `{"token": %q, "expires_at": %q}`, token, clk.Now().Add(time.Hour).UTC().Format(time.RFC3339))
	})
	mux.HandleFunc("GET /installation/repositories", func(w http.ResponseWriter, r *http.Request) {
		m.lists.Add(1)
		_, valid := m.valid.Load(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		if !valid || m.reject.Add(-1) >= 0 {
			w.WriteHeader(401)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"total_count": 0, "repositories": []}`)
	})
	mux.HandleFunc("DELETE /installation/token", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	m.srv = httptest.NewServer(mux)
	t.Cleanup(m.srv.Close)
	return m
}

func (m *mintServer) client(opts ...gh.Option) *gh.Client {
	base := []gh.Option{gh.WithBaseURL(m.srv.URL), gh.WithAppAuth(testAppID, pkcs1PEM(m.t)), gh.WithInstallation(77), gh.WithClock(m.clk.Now)}
	c, err := gh.NewClient(append(base, opts...)...)
	require.NoError(m.t, err)
	return c
}

func TestInstallationTokensAreMintedCachedAndRenewed(t *testing.T) {
	clk := &clock{now: time.Now()}
	m := newMintServer(t, clk)
	c := m.client(gh.WithInstallationTokenOptions(&gh.CreateInstallationAccessTokenRequest{Repositories: []string{"Hello-World"}}))
	ctx := context.Background()
	list := func() {
		_, _, err := c.ListReposAccessibleToInstallation(ctx, nil)
		require.NoError(t, err)
	}
	list()
	list()
	assert.Equal(t, int32(1), m.mints.Load(), "the token is reused")
	assert.JSONEq(t, `{"repositories": ["Hello-World"]}`, m.lastBody.Load().(string), "minted with the requested scope")
	clk.Advance(54 * time.Minute)
	list()
	assert.Equal(t, int32(1), m.mints.Load(), "still more than five minutes to go")
	clk.Advance(2 * time.Minute)
	list()
	assert.Equal(t, int32(2), m.mints.Load(), "renewed a few minutes before expires_at")
}

func TestInstallationTokensAreCachedPerInstallationAndScope(t *testing.T) {
	m := newMintServer(t, &clock{now: time.Now()})
	c := m.client()
	ctx := context.Background()
	other, err := c.ForInstallation(78, nil)
	require.NoError(t, err)
	narrow, err := c.ForInstallation(77, &gh.CreateInstallationAccessTokenRequest{RepositoryIDs: []int64{1}})
	require.NoError(t, err)
	for _, cl := range []*gh.Client{c, other, narrow, c, other, narrow} {
		_, _, err := cl.ListReposAccessibleToInstallation(ctx, nil)
		require.NoError(t, err)
	}
	assert.Equal(t, int32(3), m.mints.Load(), "one token per installation and scope, shared through ForInstallation")
}

func TestConcurrentCallersOnAColdClientShareOneMint(t *testing.T) {
	m := newMintServer(t, &clock{now: time.Now()})
	m.block = make(chan struct{})
	c := m.client()
	const callers = 120
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := c.ListReposAccessibleToInstallation(context.Background(), nil)
			errs <- err
		}()
	}
	time.Sleep(50 * time.Millisecond) // let the callers pile up on the cold cache
	close(m.block)
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, int32(1), m.mints.Load(), "exactly one POST for all callers")
	assert.Equal(t, int32(callers), m.lists.Load())
}

func TestACallerWhoseContextEndsWhileWaitingReturnsAtOnce(t *testing.T) {
	m := newMintServer(t, &clock{now: time.Now()})
	m.block = make(chan struct{})
	c := m.client()
	patient := make(chan error, 1)
	go func() {
		_, _, err := c.ListReposAccessibleToInstallation(context.Background(), nil)
		patient <- err
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := c.ListReposAccessibleToInstallation(ctx, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second, "it did not wait for the mint")
	close(m.block)
	require.NoError(t, <-patient, "the mint went on for the caller that waited")
	assert.Equal(t, int32(1), m.mints.Load())
}

func TestA401DropsTheTokenMintsOnceMoreAndRetriesOnce(t *testing.T) {
	m := newMintServer(t, &clock{now: time.Now()})
	c := m.client()
	m.reject.Store(1)
	_, _, err := c.ListReposAccessibleToInstallation(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, int32(2), m.mints.Load())
	assert.Equal(t, int32(2), m.lists.Load())

	m.reject.Store(5)
	_, _, err = c.ListReposAccessibleToInstallation(context.Background(), nil)
	require.ErrorIs(t, err, gh.ErrUnauthorized, "only one retry")
	assert.Equal(t, int32(4), m.lists.Load())
}

func TestRevokingTheTokenDropsItFromTheCache(t *testing.T) {
	m := newMintServer(t, &clock{now: time.Now()})
	c := m.client()
	ctx := context.Background()
	_, _, err := c.ListReposAccessibleToInstallation(ctx, nil)
	require.NoError(t, err)
	_, err = c.RevokeInstallationAccessToken(ctx)
	require.NoError(t, err)
	_, _, err = c.ListReposAccessibleToInstallation(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, int32(2), m.mints.Load(), "a fresh token after the revoke")
}

func TestWithInstallationNeedsAppCredentials(t *testing.T) {
	_, err := gh.NewClient(gh.WithInstallation(1))
	require.ErrorContains(t, err, "add WithAppAuth or WithAppSigner")
}

func TestSecretsPrintMaskedButKeepTheirValues(t *testing.T) {
	tok := gh.InstallationToken{Token: "ghs_verysecret", ExpiresAt: "2030-01-01T00:00:00Z"}
	manifest := &gh.CreateFromManifestResponse{ClientSecret: "cs_verysecret", PEM: "-----BEGIN RSA PRIVATE KEY-----verysecret", WebhookSecret: gh.NotNull("wh_verysecret"), ClientID: "Iv1.visible"}
	auth := gh.Authorization{Token: "ghu_verysecret", TokenLastEight: gh.NotNull("visible8")}
	scope := gh.ScopeTokenRequest{AccessToken: "ghu_verysecret"} // masked by the name rule, not by a list
	repo := gh.Repository{Name: "visible", TempCloneToken: gh.Ptr("verysecret")}
	for _, v := range []any{tok, &tok, manifest, auth, scope, &scope, repo, struct{ Inner gh.InstallationToken }{tok}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, "verysecret", "%s of %T", verb, v)
			assert.NotContains(t, out, hex.EncodeToString([]byte("verysecret")), "%s of %T", verb, v)
		}
		if _, pointerOnly := v.(gh.Repository); !pointerOnly { // %v shows a *string field as its address
			assert.Contains(t, fmt.Sprintf("%v", v), "[REDACTED]", "%T", v)
		}
	}
	assert.Contains(t, fmt.Sprintf("%+v", manifest), "Iv1.visible", "other fields print as usual")
	data, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.Contains(t, string(data), "ghs_verysecret", "the values are still there")
	assert.Equal(t, "cs_verysecret", manifest.ClientSecret)
}

func TestNoCredentialErrorNamesTheOperationAndModes(t *testing.T) {
	// The default base URL is never reached: the call fails before anything is sent.
	c, err := gh.NewClient()
	require.NoError(t, err)
	_, err = c.DeleteInstallation(context.Background(), 1)
	assert.EqualError(t, err, "githubapps: apps/delete-installation accepts app-jwt, and the client has none of them")
}
