package nullable

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestRequestsSayAbsentNullAndEmpty(t *testing.T) {
	var sent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		sent = string(data)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		body UpdateIssueRequest
		want string
	}{
		{UpdateIssueRequest{}, `{}`},
		{UpdateIssueRequest{Milestone: Null[int64](), Labels: []string{}}, `{"milestone":null,"labels":[]}`},
		{UpdateIssueRequest{Milestone: NotNull[int64](3), Assignee: NotNull("octocat"), Labels: []string{"bug"}}, `{"milestone":3,"assignee":"octocat","labels":["bug"]}`},
		{UpdateIssueRequest{Manager: Null[*User]()}, `{"manager":null}`},
		{UpdateIssueRequest{Manager: NotNull(&User{Login: "hubot"})}, `{"manager":{"login":"hubot"}}`},
		{UpdateIssueRequest{Manager: NotNull[*User](nil)}, `{"manager":null}`}, // nothing to write but null
	} {
		if _, err := c.UpdateIssue(context.Background(), 1, &tc.body); err != nil {
			t.Fatal(err)
		}
		if sent != tc.want {
			t.Errorf("sent %s, want %s", sent, tc.want)
		}
		std, _ := json.Marshal(tc.body) // encoding/json agrees: omitzero leaves out absent members only
		if string(std) != tc.want {
			t.Errorf("json.Marshal gives %s, want %s", std, tc.want)
		}
	}
}

func TestAnswersTellAbsentFromNull(t *testing.T) {
	var p Profile
	if err := json.Unmarshal([]byte(`{"id": 1, "bio": null, "tags": [], "manager": null}`), &p); err != nil {
		t.Fatal(err)
	}
	if !p.Bio.IsNull() || !p.Manager.IsNull() || p.DeletedAt.IsSet() || p.Tags == nil || len(p.Tags) != 0 || p.Notes != nil {
		t.Fatalf("%+v", p)
	}
	out, _ := json.Marshal(p)
	var round map[string]any
	json.Unmarshal(out, &round)
	if _, ok := round["deleted_at"]; ok {
		t.Errorf("an absent member came back: %s", out)
	}
	if v, ok := round["manager"]; !ok || v != nil {
		t.Errorf("a null member did not come back as null: %s", out)
	}
	if bio := p.Bio.Or("none"); bio != "none" {
		t.Errorf("Or: %q", bio)
	}
}

// TestEncodingJSONWritesWhatTheEncoderWrites: a model whose members all have tags gets no
// MarshalJSON of its own, so encoding/json writes it from the tags; that must be what the
// generated encoder writes outside a request, for every form of member.
func TestEncodingJSONWritesWhatTheEncoderWrites(t *testing.T) {
	if _, ok := any(Profile{}).(json.Marshaler); ok {
		t.Fatal("Profile has a MarshalJSON, though its tags say everything")
	}
	active, score, note := true, 2.5, "n"
	full := Profile{
		Active: &active, Anything: map[string]any{"k": []any{1.0, "v"}}, Bio: NotNull("b"),
		CreatedAt: time.Date(2024, 5, 6, 7, 8, 9, 100, time.FixedZone("", 3600)),
		DeletedAt: NotNull(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)), ID: 7,
		Manager: NotNull(&User{Login: "m"}), Notes: []*string{&note, nil}, Owner: User{Login: "o"},
		Score: &score, Tags: []string{"x"},
	}
	for _, p := range []Profile{{}, {Bio: Null[string](), Manager: Null[*User](), Tags: []string{}}, full} {
		var e enc
		p.encodeJSON(&e)
		std, err := json.Marshal(p)
		if err != nil || string(std) != string(e.Bytes()) {
			t.Errorf("json.Marshal gives %s (%v), the encoder %s", std, err, e.Bytes())
		}
	}
}

// TestOnlyRequestModelsHaveAnEncoder: a model no request body holds is only decoded by the
// client; it has no encoder, and encoding/json writes it from its tags.
func TestOnlyRequestModelsHaveAnEncoder(t *testing.T) {
	type encoder interface{ encodeJSON(*enc) }
	if _, ok := any(&Visit{}).(encoder); ok {
		t.Error("Visit, only in answers, has an encoder")
	}
	if _, ok := any(&User{}).(encoder); !ok {
		t.Error("User, in request bodies, has no encoder")
	}
	out, err := json.Marshal(Visit{At: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	if want := `{"at":"2024-01-02T03:04:05Z"}`; err != nil || string(out) != want {
		t.Errorf("json.Marshal gives %s (%v), want %s", out, err, want)
	}
}
