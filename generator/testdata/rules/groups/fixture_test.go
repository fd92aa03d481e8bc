package groups

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestGroupsAreViewsOfTheClient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/repos/hello":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id": 7, "owner": {"login": "octocat"}}`))
		case "/issues":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"number": 3, "state": "` + r.URL.Query().Get("state") + `"}`))
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	repo, _, err := c.Repos().Get(ctx, "hello")
	if err != nil || repo.ID != 7 || repo.Owner.Login == nil || *repo.Owner.Login != "octocat" {
		t.Fatalf("Repos().Get: %+v %v", repo, err)
	}
	state := IssuesGetStateClosed
	issue, _, err := c.Issues().Get(ctx, &IssuesGetParams{State: &state})
	if err != nil || issue.Number != 3 {
		t.Fatalf("Issues().Get: %+v %v", issue, err)
	}
	if _, err := c.Client().Get(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.CodeWindows().Windows(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Meta(ctx); err != nil { // no tag: the client's own
		t.Fatal(err)
	}
}
