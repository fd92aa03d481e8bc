package corenames

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCoreNamesStayTheCores builds (which alone proves no name is declared twice) and checks
// that the schemas and the operation gave way to the client core, not the other way round.
func TestCoreNamesStayTheCores(t *testing.T) {
	var c Client2
	if err := json.Unmarshal([]byte(`{"response": {"code": 7}, "error": {"message": "m"}, "option": {"name": "o"}, "state": "open"}`), &c); err != nil {
		t.Fatal(err)
	}
	var _ Response2 = *c.Response
	var _ APIError2 = *c.Error
	var _ Option2 = *c.Option
	if *c.Response.Code != 7 || *c.State != StateOpen2 {
		t.Errorf("decoded %+v", c)
	}
	var _ StateOpen = StateOpen{}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"code": 200}`))
	}))
	defer srv.Close()
	client, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := client.MetaBaseURL(context.Background())
	if err != nil || *got.Code != 200 {
		t.Fatalf("MetaBaseURL: %+v, %v", got, err)
	}
	if client.BaseURL() != srv.URL+"/" && client.BaseURL() != srv.URL {
		t.Errorf("BaseURL is still the core's: %q", client.BaseURL())
	}
}
