package anydescription

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type seen struct {
	path, query, apiKey, auth, cookies string
}

func server(t *testing.T, opts ...Option) (*Client, *[]seen) {
	var got []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var cookies []string
		for _, c := range r.Cookies() {
			cookies = append(cookies, c.Name+"="+c.Value)
		}
		got = append(got, seen{r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("X-API-Key"), r.Header.Get("Authorization"), strings.Join(cookies, "; ")})
		if strings.HasPrefix(r.URL.Path, "/pets/") {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"id": 3, "kind": "pet", "nickname": null, "weight": 4.5, "tag": 7}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(append([]Option{WithBaseURL(srv.URL)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, &got
}

var ctx = context.Background()

func TestAPIKeysGoWhereTheirSchemesSay(t *testing.T) {
	c, got := server(t, WithAPIKey("k-123"))
	if _, _, err := c.GetSelfLink(ctx, 3, &GetSelfLinkParams{Session: Ptr("s1"), Prefs: []string{"a", "b"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Search(ctx); err != nil {
		t.Fatal(err)
	}
	want := []seen{
		{path: "/pets/3/links/3", apiKey: "k-123", cookies: "prefs=a; prefs=b; session=s1"},
		{path: "/search", query: "api_key=k-123"}, // the first requirement it can meet
	}
	if fmt.Sprint(*got) != fmt.Sprint(want) {
		t.Fatalf("got %+v\nwant %+v", *got, want)
	}
	if s := fmt.Sprintf("%+v", c); strings.Contains(s, "k-123") {
		t.Fatalf("the key printed: %s", s)
	}
}

func TestAKeyPerScheme(t *testing.T) {
	c, got := server(t, WithAPIKeyFor("cookieKey", "c-9"))
	if _, err := c.Search(ctx); err != nil {
		t.Fatal(err)
	}
	if (*got)[0].cookies != "key=c-9" || (*got)[0].query != "" {
		t.Fatalf("%+v", *got)
	}
	if _, err := NewClient(WithAPIKeyFor("nope", "x")); err == nil {
		t.Fatal("a scheme the description lacks is an error")
	}
}

func TestRequirementsOfTwoCredentialsNeedBoth(t *testing.T) {
	c, got := server(t, WithAPIKey("k"))
	if _, err := c.Admin(ctx); !errors.Is(err, ErrNoCredential) || len(*got) != 0 {
		t.Fatalf("only the key: want ErrNoCredential and nothing sent, got %v", err)
	}
	c, got = server(t, WithAPIKey("k"), WithToken("t"))
	if _, err := c.Admin(ctx); err != nil || (*got)[0].apiKey != "k" || (*got)[0].auth != "Bearer t" {
		t.Fatalf("%v %+v", err, *got)
	}
}

func TestAPathItemRefIsItsOperations(t *testing.T) {
	c, got := server(t, WithAPIKey("k"))
	if _, err := c.GetPets(ctx); err != nil || (*got)[0].path != "/pets" {
		t.Fatalf("%v %+v", err, *got)
	}
	if _, err := c.GetPetList(ctx); err != nil || (*got)[1].path != "/pet-list" {
		t.Fatalf("%v %+v", err, *got)
	}
}

func TestTypeArraysAndConst(t *testing.T) {
	c, _ := server(t, WithAPIKey("k"))
	pet, _, err := c.GetSelfLink(ctx, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !pet.Nickname.IsNull() || pet.Weight == nil || *pet.Weight != 4.5 || pet.Tag == nil || pet.Tag.Which() != "Int64" || pet.Kind != PetKindPet {
		t.Fatalf("%+v", pet)
	}
	out, _ := json.Marshal(pet)
	if !strings.Contains(string(out), `"nickname":null`) {
		t.Fatalf("null in a type array comes back as null: %s", out)
	}
	if DefaultBaseURL != "https://api.example.com/v1" {
		t.Fatal(DefaultBaseURL)
	}
}
