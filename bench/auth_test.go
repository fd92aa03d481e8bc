package bench

import (
	"crypto/rsa"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/golang-jwt/jwt/v5"
)

// installationToken is the token both clients are given for installation calls.
const installationToken = "ghs_x"

// authChecker is the benchmark server's check of credentials: an app JWT signed with the
// app's key and issued for the app under /app, the installation token elsewhere.
type authChecker struct {
	public   *rsa.PublicKey
	verified sync.Map // JWTs checked already: a client that reuses one is not charged again
}

func newAuthChecker(pemKey []byte) (*authChecker, error) {
	key, err := jwt.ParseRSAPrivateKeyFromPEM(pemKey)
	if err != nil {
		return nil, err
	}
	return &authChecker{public: &key.PublicKey}, nil
}

// check wraps a handler with the check, answering 401 when it fails.
func (a *authChecker) check(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !a.allows(r) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"message":"Bad credentials"}`))
			return
		}
		next(w, r)
	}
}

func (a *authChecker) allows(r *http.Request) bool {
	scheme, credential, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") && !strings.EqualFold(scheme, "token") {
		return false
	}
	if !strings.HasPrefix(r.URL.Path, "/app/") && r.URL.Path != "/app" {
		return credential == installationToken
	}
	if _, ok := a.verified.Load(credential); ok {
		return true
	}
	token, err := jwt.Parse(credential, func(*jwt.Token) (any, error) { return a.public, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(strconv.Itoa(appID)), jwt.WithExpirationRequired())
	if err != nil || !token.Valid {
		return false
	}
	a.verified.Store(credential, true)
	return true
}
