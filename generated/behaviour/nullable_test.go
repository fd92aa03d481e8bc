package behaviour

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// TestEncodingJSONLeavesOutExactlyTheAbsentMembers: json.Marshal of a model, by value or by
// pointer, writes its Nullable members from their tags: omitzero leaves out an absent
// member and only that, so a null, or a value that is itself zero, is still written. A
// required member (no omitzero) that is absent is written as null.
func TestEncodingJSONLeavesOutExactlyTheAbsentMembers(t *testing.T) {
	for _, tc := range []struct {
		name          string
		nameMember    gh.Nullable[string] // optional
		gravatar      gh.Nullable[string] // required
		wantName      any                 // nil: left out
		wantGravatar  any
		wantNamePrint string
	}{
		{"absent", gh.Nullable[string]{}, gh.Nullable[string]{}, nil, nil, "absent"},
		{"null", gh.Null[string](), gh.Null[string](), nil, nil, "null"},
		{"zero value", gh.NotNull(""), gh.NotNull(""), "", "", ""},
		{"value", gh.NotNull("Mona"), gh.NotNull("g"), "Mona", "g", "Mona"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := gh.SimpleUser{Login: "octocat", Name: tc.nameMember, GravatarID: tc.gravatar}
			for _, v := range []any{u, &u} { // by value, where nothing is addressable, and by pointer
				data, err := json.Marshal(v)
				require.NoError(t, err)
				var got map[string]any
				require.NoError(t, json.Unmarshal(data, &got))
				name, written := got["name"]
				require.Equal(t, tc.name != "absent", written, "is name written? %s", data)
				require.Equal(t, tc.wantName, name, "%s", data)
				require.Contains(t, got, "gravatar_id", "a required member is always written: %s", data)
				require.Equal(t, tc.wantGravatar, got["gravatar_id"], "%s", data)
			}
			require.Equal(t, tc.wantNamePrint, u.Name.String())
		})
	}
}
