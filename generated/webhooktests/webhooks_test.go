package webhooktests

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	wh "github.com/ghappsgen/ghappsgen/generated/githubwebhooks"
)

// TestSignatureTestVector is GitHub's own example, from its docs on validating deliveries.
func TestSignatureTestVector(t *testing.T) {
	secret, payload := []byte("It's a Secret to Everybody"), []byte("Hello, World!")
	require.NoError(t, wh.ValidateSignature(payload, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", secret))
	for _, sig := range []string{
		"", "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256=nothex",
		"sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18", "sha256=7571",
		"sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59",
	} {
		err := wh.ValidateSignature(payload, sig, secret)
		assert.ErrorIs(t, err, wh.ErrSignature, "%q", sig)
	}
	assert.ErrorIs(t, wh.ValidateSignature([]byte("Hello, World?"), "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", secret), wh.ErrSignature, "tampered payload")
}

// TestExamplesRoundTrip: every example the description gives decodes into its webhook's type
// and encodes back to the same JSON.
func TestExamplesRoundTrip(t *testing.T) {
	d := readDescription(t)
	n := 0
	for _, h := range d.hooks() {
		for _, ex := range h.examples {
			n++
			e, err := wh.Parse(h.event, ex)
			require.NoError(t, err, h.key)
			_, unknown := e.(*wh.UnknownEvent)
			assert.False(t, unknown, "%s: a webhook of the description parses to its own type", h.key)
			out, err := json.Marshal(e)
			require.NoError(t, err, h.key)
			assert.True(t, sameJSON(t, ex, out), "%s: encodes back to what it was given:\n%s\n%s", h.key, ex, out)
		}
	}
	assert.GreaterOrEqual(t, n, 6, "the description's examples were found")
}

// TestEveryWebhookRoundTrips: a payload made from each webhook's schema, with every member
// filled, parses to the webhook's type, with its event name and action, and encodes back to
// the same JSON.
func TestEveryWebhookRoundTrips(t *testing.T) {
	d := readDescription(t)
	hooks := d.hooks()
	require.Greater(t, len(hooks), 250)
	for _, h := range hooks {
		payload, err := json.Marshal(d.synthesize(h.schema, 0))
		require.NoError(t, err)
		e, err := wh.Parse(h.event, payload)
		require.NoError(t, err, "%s: %s", h.key, payload)
		assert.NotEqual(t, "UnknownEvent", reflect.TypeOf(e).Elem().Name(), h.key)
		assert.Equal(t, h.event, e.EventName(), h.key)
		var top struct {
			Action       string
			Installation *struct{ ID int64 }
		}
		require.NoError(t, json.Unmarshal(payload, &top))
		assert.Equal(t, top.Action, e.Action(), h.key)
		id, ok := e.InstallationID()
		assert.Equal(t, top.Installation != nil, ok, h.key)
		if ok {
			assert.Equal(t, top.Installation.ID, id, h.key)
		}
		out, err := json.Marshal(e)
		require.NoError(t, err)
		assert.True(t, sameJSON(t, payload, out), "%s encodes back to what it was given:\n%s\n%s", h.key, payload, out)
	}
}

// TestMembersTheDescriptionDoesNotNameAreKept: GitHub adds members before its description
// names them; a payload keeps them, nested too, and gives them back.
func TestMembersTheDescriptionDoesNotNameAreKept(t *testing.T) {
	payload := []byte(`{"action":"created","installation":{"id":7,"brand_new":{"x":[1,2]}},"sender":{"login":"octocat","id":1,"future":true},"zzz":"kept"}`)
	e, err := wh.Parse("installation", payload)
	require.NoError(t, err)
	created, ok := e.(*wh.InstallationCreated)
	require.True(t, ok, "%T", e)
	assert.Equal(t, "created", e.Action())
	out, err := json.Marshal(created)
	require.NoError(t, err)
	for _, member := range []string{`"brand_new":{"x":[1,2]}`, `"future":true`, `"zzz":"kept"`} {
		assert.Contains(t, string(out), member)
	}
}

// TestUnknownEventsAreNoError: a new event or action is an *UnknownEvent that keeps its name,
// action, installation and payload.
func TestUnknownEventsAreNoError(t *testing.T) {
	for _, tc := range []struct{ event, payload, action string }{
		{"brand_new_event", `{"action":"happened","installation":{"id":9},"x":1}`, "happened"},
		{"installation", `{"action":"teleported","installation":{"id":9}}`, "teleported"},
	} {
		e, err := wh.Parse(tc.event, []byte(tc.payload))
		require.NoError(t, err)
		u, ok := e.(*wh.UnknownEvent)
		require.True(t, ok, "%T", e)
		assert.Equal(t, tc.event, u.EventName())
		assert.Equal(t, tc.action, u.Action())
		id, ok := u.InstallationID()
		assert.True(t, ok)
		assert.Equal(t, int64(9), id)
		out, _ := json.Marshal(u)
		assert.JSONEq(t, tc.payload, string(out))
	}
}

// TestBrokenPayloadsAreErrors: not JSON, or not the JSON of its event, is an error matching
// ErrPayload, never a panic, and quotes no value of the payload.
func TestBrokenPayloadsAreErrors(t *testing.T) {
	for _, payload := range []string{``, `{`, `[]`, `{"action": 5}`, `{"action":"created","installation":"ghs_notAnObject"}`, `{"action":"created"} trailing`} {
		_, err := wh.Parse("installation", []byte(payload))
		require.Error(t, err, payload)
		assert.ErrorIs(t, err, wh.ErrPayload, payload)
		assert.NotContains(t, err.Error(), "ghs_notAnObject")
	}
	_, err := wh.Parse("push", []byte(`{"ref": 1}`))
	assert.ErrorIs(t, err, wh.ErrPayload)
}

func ExampleParse() {
	e, err := wh.Parse("installation", []byte(`{"action":"created","installation":{"id":42},"sender":{"login":"octocat","id":1}}`))
	if err != nil {
		panic(err)
	}
	switch e := e.(type) {
	case *wh.InstallationCreated:
		id, _ := e.InstallationID()
		fmt.Println(e.EventName(), e.Action(), id, e.Sender.Login)
	case *wh.UnknownEvent:
		fmt.Println("not known yet:", e.Name)
	}
	// Output: installation created 42 octocat
}

var _ = errors.Is
var _ = strings.Contains
