package behaviour

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
	std "github.com/ghappsgen/ghappsgen/generated/internal/stdmodels"
)

// pair is one model in its two builds: with the generated jx codec, and as the reference,
// decoded by encoding/json's reflection (internal/stdmodels, generated from the same spec).
// The generated build is decoded twice: through json.Unmarshal (UnmarshalJSON, which must
// keep what the input does not set) and into a new value (Unmarshal or UnmarshalList, where
// unions guess their variant and start over when the guess is wrong).
type pair struct {
	name      string
	fast, ref func() any
	fresh     func(data []byte) (any, error)
}

var pairs = []pair{
	{"Installation", func() any { return new(gh.Installation) }, func() any { return new(std.Installation) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.Installation](b) }},
	{"[]Installation", func() any { return new([]gh.Installation) }, func() any { return new([]std.Installation) },
		func(b []byte) (any, error) { v, err := gh.UnmarshalList[gh.Installation](b); return &v, err }},
	{"App", func() any { return new(gh.App) }, func() any { return new(std.App) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.App](b) }},
	{"CreateFromManifestResponse", func() any { return new(gh.CreateFromManifestResponse) }, func() any { return new(std.CreateFromManifestResponse) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.CreateFromManifestResponse](b) }},
	{"InstallationToken", func() any { return new(gh.InstallationToken) }, func() any { return new(std.InstallationToken) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.InstallationToken](b) }},
	{"Authorization", func() any { return new(gh.Authorization) }, func() any { return new(std.Authorization) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.Authorization](b) }},
	{"ListReposAccessibleToInstallationResponse", func() any { return new(gh.ListReposAccessibleToInstallationResponse) }, func() any { return new(std.ListReposAccessibleToInstallationResponse) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.ListReposAccessibleToInstallationResponse](b) }},
	{"ListInstallationsForAuthenticatedUserResponse", func() any { return new(gh.ListInstallationsForAuthenticatedUserResponse) }, func() any { return new(std.ListInstallationsForAuthenticatedUserResponse) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.ListInstallationsForAuthenticatedUserResponse](b) }},
	{"[]IntegrationInstallationRequest", func() any { return new([]gh.IntegrationInstallationRequest) }, func() any { return new([]std.IntegrationInstallationRequest) },
		func(b []byte) (any, error) {
			v, err := gh.UnmarshalList[gh.IntegrationInstallationRequest](b)
			return &v, err
		}},
	{"InstallationAccount", func() any { return new(gh.InstallationAccount) }, func() any { return new(std.InstallationAccount) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.InstallationAccount](b) }},
	{"AppPermissionSet", func() any { return new(gh.AppPermissionSet) }, func() any { return new(std.AppPermissionSet) },
		func(b []byte) (any, error) { return gh.Unmarshal[gh.AppPermissionSet](b) }},
}

// differ decodes data with both builds of p and describes any difference in outcome or in
// the value (compared as the JSON each encodes it back to). "" means they agree.
func differ(p pair, data []byte) string {
	fast, ref := p.fast(), p.ref()
	errFast, errRef := json.Unmarshal(data, fast), json.Unmarshal(data, ref)
	if errFast != nil && errRef == nil && strings.HasPrefix(canonical(ref), "marshal error") {
		// encoding/json decoded what it cannot encode again (a time offset of 24 hours or
		// more): the generated codec refuses it, so that a decoded model always encodes.
		if _, errFresh := p.fresh(data); errFresh == nil {
			return fmt.Sprintf("%s: decoding into a new value takes what cannot be encoded again", p.name)
		}
		return ""
	}
	if (errFast == nil) != (errRef == nil) {
		return fmt.Sprintf("%s: generated codec says %v, encoding/json says %v", p.name, errFast, errRef)
	}
	if errFast != nil {
		if _, errFresh := p.fresh(data); errFresh == nil {
			return fmt.Sprintf("%s: decoding into a new value succeeds, encoding/json says %v", p.name, errRef)
		}
		return ""
	}
	a, b := canonical(fast), canonical(ref)
	if a != b {
		return fmt.Sprintf("%s: values differ\n generated:     %s\n encoding/json: %s", p.name, a, b)
	}
	fresh, errFresh := p.fresh(data)
	if errFresh != nil {
		return fmt.Sprintf("%s: decoding into a new value says %v, encoding/json decodes it", p.name, errFresh)
	}
	if c := canonical(fresh); c != b {
		return fmt.Sprintf("%s: values differ\n new value:     %s\n encoding/json: %s", p.name, c, b)
	}
	return ""
}

// canonical renders a value as JSON with sorted keys, through a generic decode.
func canonical(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "marshal error: " + err.Error()
	}
	var generic any
	if err := json.Unmarshal(data, &generic); err != nil {
		return "unmarshal error: " + err.Error()
	}
	out, _ := json.Marshal(generic)
	return string(out)
}

func specExamples(t testing.TB) map[string][]byte {
	var doc struct {
		Components struct {
			Examples map[string]struct{ Value json.RawMessage } `json:"examples"`
		} `json:"components"`
	}
	data, err := os.ReadFile(specPath)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))
	out := map[string][]byte{}
	for name, ex := range doc.Components.Examples {
		out[name] = ex.Value
	}
	return out
}

// TestGeneratedCodecsAgreeWithEncodingJSON decodes every example of the description, and
// variations of them that the API sends (unknown members, unknown enum values, nulls,
// times with offsets), with both builds of every model.
func TestGeneratedCodecsAgreeWithEncodingJSON(t *testing.T) {
	inputs := specExamples(t)
	inputs["unknowns"] = []byte(`{"id": 7, "new_field": {"x": [1, 2]}, "repository_selection": "some-future-value", "account": {"login": "x", "id": 1, "node_id": "n", "avatar_url": "a", "gravatar_id": null, "url": "u", "html_url": "h", "followers_url": "f", "following_url": "f", "gists_url": "g", "starred_url": "s", "subscriptions_url": "s", "organizations_url": "o", "repos_url": "r", "events_url": "e", "received_events_url": "r", "type": "User", "site_admin": false, "extra": true}}`)
	inputs["nulls"] = []byte(`{"id": null, "account": null, "suspended_at": null, "single_file_name": null, "permissions": null, "events": null}`)
	inputs["offset times"] = []byte(`{"created_at": "2017-07-08T16:18:44-04:00", "updated_at": "2017-07-08T16:18:44.123+05:30", "expires_at": "2016-07-11T22:14:10Z"}`)
	inputs["enterprise account"] = []byte(`{"id": 2, "account": {"id": 9, "node_id": "E_1", "name": "Octo", "slug": "octo", "html_url": "h", "created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z", "avatar_url": "a"}}`)
	// A new value's union guesses the variant it chose last (a user, after the examples): an
	// enterprise in the middle of a list, or a member that is wrong for the guess but not for
	// the variant that wins, make it start over without guessing.
	inputs["mixed accounts"] = []byte(`[{"id": 1, "account": {"login": "u", "id": 1, "node_id": "n", "avatar_url": "a", "gravatar_id": null, "url": "u", "html_url": "h", "followers_url": "f", "following_url": "f", "gists_url": "g", "starred_url": "s", "subscriptions_url": "s", "organizations_url": "o", "repos_url": "r", "events_url": "e", "received_events_url": "r", "type": "User", "site_admin": false}},
		{"id": 2, "account": {"id": 9, "node_id": "E_1", "name": "Octo", "slug": "octo", "html_url": "h", "created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z", "avatar_url": "a"}},
		{"id": 3, "account": {"login": "v", "id": 3, "node_id": "n", "avatar_url": "a", "gravatar_id": "", "url": "u", "html_url": "h", "followers_url": "f", "following_url": "f", "gists_url": "g", "starred_url": "s", "subscriptions_url": "s", "organizations_url": "o", "repos_url": "r", "events_url": "e", "received_events_url": "r", "type": "Organization", "site_admin": false}}]`)
	inputs["wrong for the guess only"] = []byte(`{"id": 2, "account": {"login": 5, "id": 9, "node_id": "E_1", "name": "Octo", "slug": "octo", "html_url": "h", "created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z", "avatar_url": "a"}}`)
	inputs["escapes"] = []byte(`{"name": "caf\u00e9 \"quoted\" \\ \/ \n tab\t", "description": "\ud83d\ude00", "permissions": {"issues": "read", "x-\u00e9": "write"}}`)
	inputs["keys folded beyond ASCII"] = []byte(`{"ſlug": "long s", "node_ıd": "dotless i", "\u212Aey": "kelvin", "permissions": {"\u212A": "x", "iſſues": "read"}}`)
	inputs["keys in another case"] = []byte(`{"ID": 5, "App_Slug": "x", "permissions": {"Issues": "read", "ISSUES": "write", "new_one": "read"}, "Account": {"LOGIN": "octocat", "id": 1}}`)
	// Lists of models grow past decodeModels' first capacity (4) and hold nulls; [] is an empty
	// list and null none, which encode differently.
	inputs["lists of models"] = []byte(`{"total_count": 9, "repositories": [{"id": 1, "name": "a"}, null, {"id": 3, "topics": ["x"]}, {}, {"id": 5}, {"id": 6}, {"id": 7}, {"id": 8}, {"id": 9, "owner": {"login": "o"}}]}`)
	inputs["list of installations"] = []byte(`[{"id": 1}, {"id": 2}, null, {"id": 4}, {"id": 5, "events": []}, {"id": 6}]`)
	inputs["empty lists"] = []byte(`{"total_count": 0, "repositories": [], "installations": []}`)
	inputs["null lists"] = []byte(`{"total_count": 0, "repositories": null, "installations": null}`)
	inputs["empty list"] = []byte(`[]`)
	inputs["null list"] = []byte(`null`)
	checked := 0
	for name, data := range inputs {
		for _, p := range pairs {
			if d := differ(p, data); d != "" {
				t.Errorf("input %q: %s", name, d)
			}
			checked++
		}
	}
	require.Greater(t, checked, 100)
}

// TestMalformedJSONIsRefusedAlike feeds inputs that are not JSON, or not only JSON, to
// both builds: the generated decoders must refuse what encoding/json refuses (which checks
// the whole input first), also straight from bytes, the way the client decodes answers.
func TestMalformedJSONIsRefusedAlike(t *testing.T) {
	for _, in := range []string{
		`{}A`, `{} {}`, `{}]`, `A`, ``, ` `, `{"x": [1,,2]}`, `{"x": {"a" 1}}`, `{"x": tru}`, `{"x": [}`,
		`{"id": 01}`, `{"id": 1.}`, `{"app_slug": "\x"}`, "{\"app_slug\": \"a\tb\"}", "{\"app_slug\": \"\xff\"}",
	} {
		for _, p := range pairs {
			if d := differ(p, []byte(in)); d != "" {
				t.Errorf("input %q: %s", in, d)
			}
		}
	}
}

// FuzzDifferential holds the generated codecs to encoding/json on arbitrary input: where
// both decode it, the values must be the same; one decoding what the other refuses is
// reported too.
func FuzzDifferential(f *testing.F) {
	for _, data := range specExamples(f) {
		f.Add([]byte(data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if hasDuplicateKeys(data) {
			// RFC 8259 leaves objects with repeated names to the implementation, and the two
			// differ (encoding/json collects a map's members before decoding them).
			return
		}
		for _, p := range pairs {
			if d := differ(p, data); d != "" {
				t.Fatalf("%s\ninput: %q", d, data)
			}
		}
	})
}

// hasDuplicateKeys tells whether any object in data repeats a member name.
func hasDuplicateKeys(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object bool
		keys   map[string]bool
		expect bool // in an object, the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				if top != nil && top.object {
					top.expect = true
				}
				stack = append(stack, &frame{object: true, keys: map[string]bool{}, expect: true})
				continue
			case '[':
				if top != nil && top.object {
					top.expect = true
				}
				stack = append(stack, &frame{})
				continue
			default:
				stack = stack[:len(stack)-1]
				continue
			}
		case string:
			if top != nil && top.object && top.expect {
				if top.keys[v] {
					return true
				}
				top.keys[v] = true
				top.expect = false
				continue
			}
		}
		if top != nil && top.object {
			top.expect = true
		}
	}
}

// TestATimeThatCannotBeEncodedAgainIsRefused: encoding/json decodes a time whose offset is
// 24 hours or more and then cannot encode it; the generated codec refuses it, both through
// UnmarshalJSON and into a new value, and takes the largest offset RFC 3339 allows.
func TestATimeThatCannotBeEncodedAgainIsRefused(t *testing.T) {
	body := func(at string) []byte {
		return []byte(`{"id": 1, "created_at": "` + at + `", "updated_at": "2017-07-08T06:18:44Z"}`)
	}
	for _, at := range []string{"2017-07-08T06:18:44-24:00", "2017-07-08T06:18:44+24:30"} {
		var ref gh.Installation
		require.NoError(t, json.Unmarshal(body(at), &struct {
			CreatedAt *time.Time `json:"created_at"`
		}{&ref.CreatedAt}), "encoding/json decodes it")
		_, err := json.Marshal(ref.CreatedAt)
		require.Error(t, err, "and cannot encode it")

		var m gh.Installation
		require.ErrorContains(t, json.Unmarshal(body(at), &m), "offset is 24 hours or more")
		_, err = gh.Unmarshal[gh.Installation](body(at))
		require.ErrorContains(t, err, "offset is 24 hours or more")
	}
	m, err := gh.Unmarshal[gh.Installation](body("2017-07-08T06:18:44+23:59"))
	require.NoError(t, err)
	_, offset := m.CreatedAt.Zone()
	require.Equal(t, 23*3600+59*60, offset)
}

// TestMembersInAnyOrderDecodeAlike: the decoders guess each member from the order the last
// object of the model had (one comparison instead of a hash), learning it as they read and
// sharing it between goroutines. Objects whose members come in a different order each time,
// with unknown and case-folded members between them, read from several goroutines at once
// (make test runs this package with -race), must still decode as encoding/json decodes them.
func TestMembersInAnyOrderDecodeAlike(t *testing.T) {
	var inst map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(specExamples(t)["installation"], &inst))
	keys := slices.Sorted(maps.Keys(inst))
	require.Greater(t, len(keys), 10, "the example has the members to shuffle")
	object := func(seed int) []byte {
		rng := rand.New(rand.NewPCG(uint64(seed), 1))
		order := slices.Clone(keys)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var b bytes.Buffer
		b.WriteString("{")
		for i, k := range order {
			switch {
			case i%5 == 2:
				fmt.Fprintf(&b, `"unknown_%d": [%d], `, i, i)
			case i%7 == 3:
				k = strings.ToUpper(k) // found by its folded form, as encoding/json finds it
			}
			fmt.Fprintf(&b, "%q: %s, ", k, inst[strings.ToLower(k)])
		}
		fmt.Fprintf(&b, `"id": %d}`, seed) // a repeat of a member: the last one wins, in both
		return b.Bytes()
	}
	list := func(from int) []byte {
		var parts [][]byte
		for i := range 6 {
			parts = append(parts, object(from+i))
		}
		return append(append([]byte("["), bytes.Join(parts, []byte(","))...), ']')
	}
	lists := []pair{pairs[0], pairs[1]}
	require.Equal(t, []string{"Installation", "[]Installation"}, []string{lists[0].name, lists[1].name})
	var wg sync.WaitGroup
	failures := make(chan string, 64)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 20 {
				seed := g*1000 + round*10
				for _, c := range []struct {
					p    pair
					data []byte
				}{{lists[0], object(seed)}, {lists[1], list(seed)}} {
					if d := differ(c.p, c.data); d != "" {
						failures <- fmt.Sprintf("%s\ninput: %s", d, c.data)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
}
