package nullable

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
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
		{UpdateIssueRequest{Milestone: Null[int64](), Labels: []string{}}, `{"labels":[],"milestone":null}`},
		{UpdateIssueRequest{Milestone: NotNull[int64](3), Assignee: NotNull("octocat"), Labels: []string{"bug"}}, `{"assignee":"octocat","labels":["bug"],"milestone":3}`},
		{UpdateIssueRequest{Manager: Null[User]()}, `{"manager":null}`},
		{UpdateIssueRequest{Manager: NotNull(User{Login: "hubot"})}, `{"manager":{"login":"hubot"}}`},
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
