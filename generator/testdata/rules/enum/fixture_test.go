package enum

import (
	"encoding/json"
	"testing"
)

func TestUnknownEnumValuesDecode(t *testing.T) {
	var r Repo
	if err := json.Unmarshal([]byte(`{"visibility":"secret-new-value","state":null}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.Visibility != "secret-new-value" || !r.State.IsNull() {
		t.Errorf("got %+v", r)
	}
}

func TestQueryEncoding(t *testing.T) {
	sort := ListReposSortFullName
	trace := "abc"
	p := &ListReposParams{Sort: &sort, Labels: []string{"a", "b c"}, IDs: []int64{1, 2}, XTrace: &trace}
	if got, want := listReposParamsQuery(p).Encode(), "ids=1&ids=2&labels=a%2Cb+c&sort=full_name"; got != want {
		t.Errorf("query: got %s, want %s", got, want)
	}
	if got := listReposParamsHeader(p).Get("X-Trace"); got != "abc" {
		t.Errorf("header: got %q", got)
	}
	if listReposParamsQuery(nil) != nil {
		t.Error("nil params send no query")
	}
}
