package webhooktests

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	wh "github.com/ghappsgen/ghappsgen/generated/githubwebhooks"
)

var secret = []byte("s3cr3t")

func sign(body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// deliver POSTs a delivery to h as GitHub would and returns the status.
func deliver(t *testing.T, h http.Handler, event string, body []byte, mutate func(*http.Request)) int {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(string(body)))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-GitHub-Event", event)
	r.Header.Set("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
	r.Header.Set("X-Hub-Signature-256", sign(body))
	if mutate != nil {
		mutate(r)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code
}

const installationCreated = `{"action":"created","installation":{"id":42,"account":{"login":"octo-org","id":1}},"repositories":[{"id":1,"name":"hello","full_name":"octo-org/hello","private":false,"node_id":"x"}],"sender":{"login":"octocat","id":1}}`

// recorder notes every call a handler gets.
type recorder struct {
	mu    sync.Mutex
	calls []string
}

func (r *recorder) note(s string) {
	r.mu.Lock()
	r.calls = append(r.calls, s)
	r.mu.Unlock()
}

func TestHandlerCallsTheFunctionsOfTheEvent(t *testing.T) {
	h := wh.NewHandler(secret)
	rec := &recorder{}
	h.OnInstallationCreated(func(ctx context.Context, e *wh.InstallationCreated) error {
		id, _ := e.InstallationID()
		rec.note("typed " + wh.DeliveryID(ctx) + " " + wh.EventName(ctx) + " " + e.Sender.Login + " " + itoa(id))
		return nil
	})
	h.On("installation", func(ctx context.Context, e wh.Event) error { rec.note("every action " + e.Action()); return nil })
	h.On("installation.deleted", func(ctx context.Context, e wh.Event) error { rec.note("not this one"); return nil })
	assert.Equal(t, http.StatusNoContent, deliver(t, h, "installation", []byte(installationCreated), nil))
	assert.Equal(t, []string{"every action created", "typed 72d3162e-cc78-11e3-81ab-4c9367dc0958 installation octocat 42"}, rec.calls)
}

func TestHandlerRefusesDeliveriesItCannotTrust(t *testing.T) {
	body := []byte(installationCreated)
	for _, tc := range []struct {
		name   string
		mutate func(*http.Request)
		status int
	}{
		{"unsigned", func(r *http.Request) { r.Header.Del("X-Hub-Signature-256") }, http.StatusUnauthorized},
		{"signed with another secret", func(r *http.Request) {
			mac := hmac.New(sha256.New, []byte("other"))
			mac.Write(body)
			r.Header.Set("X-Hub-Signature-256", "sha256="+hex.EncodeToString(mac.Sum(nil)))
		}, http.StatusUnauthorized},
		{"tampered", func(r *http.Request) {
			r.Body = http.NoBody
			*r = *httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(strings.Replace(installationCreated, "42", "43", 1)))
			r.Header.Set("X-GitHub-Event", "installation")
			r.Header.Set("X-Hub-Signature-256", sign(body))
		}, http.StatusUnauthorized},
		{"SHA-1 only", func(r *http.Request) {
			r.Header.Del("X-Hub-Signature-256")
			r.Header.Set("X-Hub-Signature", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")
		}, http.StatusUnauthorized},
		{"not POST", func(r *http.Request) { r.Method = http.MethodGet }, http.StatusMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := wh.NewHandler(secret)
			called := false
			h.On("installation", func(context.Context, wh.Event) error { called = true; return nil })
			assert.Equal(t, tc.status, deliver(t, h, "installation", body, tc.mutate))
			assert.False(t, called, "no function is called")
		})
	}
}

func TestHandlerCapsTheBody(t *testing.T) {
	h := wh.NewHandler(secret, wh.WithMaxBodyBytes(100))
	called := false
	h.On("installation", func(context.Context, wh.Event) error { called = true; return nil })
	assert.Equal(t, http.StatusRequestEntityTooLarge, deliver(t, h, "installation", []byte(installationCreated), nil))
	assert.False(t, called)
	assert.Equal(t, int64(25<<20), int64(wh.DefaultMaxBodyBytes))
}

func TestHandlerAnswers500WhenAFunctionFails(t *testing.T) {
	h := wh.NewHandler(secret)
	h.On("installation", func(context.Context, wh.Event) error { return errors.New("database down") })
	assert.Equal(t, http.StatusInternalServerError, deliver(t, h, "installation", []byte(installationCreated), nil))
}

func TestHandlerPassesUnknownEventsOn(t *testing.T) {
	h := wh.NewHandler(secret)
	var got wh.Event
	h.On("brand_new", func(_ context.Context, e wh.Event) error { got = e; return nil })
	assert.Equal(t, http.StatusNoContent, deliver(t, h, "brand_new", []byte(`{"action":"happened"}`), nil))
	require.IsType(t, &wh.UnknownEvent{}, got)
	assert.Equal(t, "happened", got.Action())
	assert.Equal(t, http.StatusNoContent, deliver(t, h, "nobody_listens", []byte(`{}`), nil), "an event no one registered for is acknowledged")
}

func TestHandlerRefusesAPayloadThatIsNotItsEventsJSON(t *testing.T) {
	h := wh.NewHandler(secret)
	called := false
	h.On("installation", func(context.Context, wh.Event) error { called = true; return nil })
	assert.Equal(t, http.StatusBadRequest, deliver(t, h, "installation", []byte(`{"action":"created","installation":"x"}`), nil))
	assert.False(t, called)
}

func TestHandlerReadsFormDeliveries(t *testing.T) {
	body := []byte("payload=" + url.QueryEscape(installationCreated))
	h := wh.NewHandler(secret)
	var got *wh.InstallationCreated
	h.OnInstallationCreated(func(_ context.Context, e *wh.InstallationCreated) error { got = e; return nil })
	status := deliver(t, h, "installation", body, func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded") })
	require.Equal(t, http.StatusNoContent, status)
	require.NotNil(t, got)
	assert.Equal(t, "octocat", got.Sender.Login)
}

func itoa(n int64) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{digits[n%10]}, b...)
	}
	return string(b)
}
