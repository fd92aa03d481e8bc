package union

import (
	"encoding/json"
	"testing"
)

func TestUnionDecoding(t *testing.T) {
	var th Thing
	data := `{"owner": {"slug": "octo", "id": 2}, "pet": {"kind": "woof", "barks": true}, "label": ["a", "b"]}`
	if err := json.Unmarshal([]byte(data), &th); err != nil {
		t.Fatal(err)
	}
	if th.Owner.Which() != "Org" || th.Owner.Org.Slug != "octo" {
		t.Errorf("owner: got %q %+v", th.Owner.Which(), th.Owner)
	}
	if th.Pet.Which() != "Dog" || !*th.Pet.Dog.Barks {
		t.Errorf("pet: the discriminator says dog, got %q", th.Pet.Which())
	}
	if th.Label.Which() != "StringList" || len(th.Label.StringList) != 2 {
		t.Errorf("label: got %q", th.Label.Which())
	}
	out, err := json.Marshal(th.Owner)
	if err != nil || string(out) != `{"id":2,"slug":"octo"}` {
		t.Errorf("owner encodes as its variant: %s %v", out, err)
	}
}

func TestUnionPrimitives(t *testing.T) {
	for data, want := range map[string]string{`"x"`: "String", `7`: "Int64", `[]`: "StringList"} {
		var l ThingLabel
		if err := json.Unmarshal([]byte(data), &l); err != nil || l.Which() != want {
			t.Errorf("%s: got %q, %v; want %s", data, l.Which(), err, want)
		}
	}
	var l ThingLabel
	if err := json.Unmarshal([]byte(`1.5`), &l); err == nil {
		t.Errorf("1.5 is no integer and no string: want an error, got %q", l.Which())
	}
}

func TestUnknownDiscriminatorValueIsAnError(t *testing.T) {
	var p ThingPet
	if err := json.Unmarshal([]byte(`{"kind": "tweet"}`), &p); err == nil {
		t.Errorf("want an error, got %q", p.Which())
	}
}
