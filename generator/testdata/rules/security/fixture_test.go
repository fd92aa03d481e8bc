package security

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestDeclaredSecurityPicksTheCredential(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("Authorization"))
		w.WriteHeader(204)
	}))
	defer srv.Close()
	ctx := context.Background()

	bare, _ := NewClient(WithBaseURL(srv.URL))
	if _, err := bare.GetMe(ctx); !errors.Is(err, ErrNoCredential) {
		t.Errorf("GetMe without a token: got %v", err)
	}
	if _, err := bare.LogIn(ctx); err != nil {
		t.Errorf("LogIn accepts no credential too: %v", err)
	}
	if _, err := bare.GetPublic(ctx); err != nil {
		t.Errorf("security: [] declares no requirement: %v", err)
	}
	full, _ := NewClient(WithBaseURL(srv.URL), WithToken("tok"), WithClientCredentials("id", "secret"))
	for _, call := range []func(context.Context, ...CallOption) (*Response, error){full.GetMe, full.LogIn, full.GetPublic} {
		if _, err := call(ctx); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"", "", "Bearer tok", "Basic aWQ6c2VjcmV0", ""}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("request %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
