package behaviour

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

const (
	testAppID             = int64(4242)
	testInstallationToken = "ghs_staticInstallationToken0000000000"
	testUserToken         = "ghu_userToken000000000000000000000000"
	testClientID          = "Iv1.0123456789abcdef"
	testClientSecret      = "0123456789abcdef0123456789abcdef01234567"
)

var (
	keyOnce sync.Once
	testKey *rsa.PrivateKey
)

// appKey is one RSA key for the whole test run: generating one takes a while.
func appKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	keyOnce.Do(func() {
		var err error
		testKey, err = rsa.GenerateKey(rand.Reader, 2048)
		require.NoError(t, err)
	})
	return testKey
}

func pkcs1PEM(t *testing.T) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(appKey(t))})
}

func pkcs8PEM(t *testing.T) []byte {
	der, err := x509.MarshalPKCS8PrivateKey(appKey(t))
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// allCredentials gives a client every kind of credential.
func allCredentials(t *testing.T) []gh.Option {
	return []gh.Option{
		gh.WithAppAuth(testAppID, pkcs1PEM(t)),
		gh.WithInstallationToken(testInstallationToken),
		gh.WithToken(testUserToken),
		gh.WithClientCredentials(testClientID, testClientSecret),
	}
}

// credentialOf names the credential an Authorization header carries, checking it on the way:
// a JWT must verify against the app's public key with the claims GitHub asks for.
func credentialOf(t *testing.T, header string) string {
	t.Helper()
	switch {
	case header == "":
		return "none"
	case header == "Bearer "+testInstallationToken:
		return "installation-token"
	case header == "Bearer "+testUserToken:
		return "user-token"
	case strings.HasPrefix(header, "Basic "):
		raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(header, "Basic "))
		require.NoError(t, err)
		assert.Equal(t, testClientID+":"+testClientSecret, string(raw))
		return "basic"
	case strings.HasPrefix(header, "Bearer ey"):
		verifyAppJWT(t, strings.TrimPrefix(header, "Bearer "), time.Now())
		return "app-jwt"
	}
	return "unknown: " + header
}

// verifyAppJWT checks an app JWT's signature and claims as of now.
func verifyAppJWT(t *testing.T, token string, now time.Time) *jwt.RegisteredClaims {
	t.Helper()
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(tok *jwt.Token) (any, error) {
		return &appKey(t).PublicKey, nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer("4242"), jwt.WithTimeFunc(func() time.Time { return now }))
	require.NoError(t, err)
	// NumericDate keeps whole seconds, and now is read after the token was signed.
	assert.WithinDuration(t, now.Add(-60*time.Second), claims.IssuedAt.Time, 3*time.Second, "iat is 60 s in the past")
	assert.LessOrEqual(t, claims.ExpiresAt.Sub(now), 10*time.Minute, "exp is at most 10 minutes ahead")
	return claims
}

// authorization records the Authorization header of each request a handler serves.
func authorization(h http.HandlerFunc, seen *[]string, mu *sync.Mutex) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		*seen = append(*seen, r.Header.Get("Authorization"))
		mu.Unlock()
		h(w, r)
	}
}
