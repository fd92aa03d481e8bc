package additionalprops

import (
	"encoding/json"
	"testing"
)

func TestAdditionalPropertiesRoundTrip(t *testing.T) {
	in := `{"labels":{"a":"b"},"permissions":{"issues":"read","single_file":"write","checks":"read"}}`
	var c Config
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	if *c.Permissions.Issues != "read" || len(c.Permissions.AdditionalProperties) != 2 || c.Permissions.AdditionalProperties["single_file"] != "write" {
		t.Fatalf("got %+v", c.Permissions)
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	_ = json.Unmarshal([]byte(in), &a)
	_ = json.Unmarshal(out, &b)
	if ja, jb := mustJSON(a), mustJSON(b); ja != jb {
		t.Errorf("round trip:\n in  %s\n out %s", ja, jb)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
