package union

import (
	"encoding/json"
	"fmt"
	"strings"
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
	if label := th.Label.Or(ThingLabel{}); label.Which() != "StringList" || len(label.StringList) != 2 {
		t.Errorf("label: got %q", label.Which())
	}
	out, err := json.Marshal(th.Owner)
	if err != nil || string(out) != `{"slug":"octo","id":2}` {
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

// TestNewValuesGuessTheVariant decodes into new values, where a union first tries the
// variant it chose last, in one pass, and starts over without guessing when the members (or
// the discriminator) choose another: each must come out as the look-ahead decides. A list
// stops guessing at its first wrong guess, so the values are decoded one by one as well.
func TestNewValuesGuessTheVariant(t *testing.T) {
	values := []string{
		`{"owner": {"login": "a", "id": 1}, "pet": {"kind": "woof", "barks": true}}`,
		`{"owner": {"slug": "b", "id": 2}, "pet": {"kind": "meow", "meows": true}}`,
		`{"owner": {"slug": "c", "id": 3}, "pet": {"kind": "meow"}}`,
		`{"owner": {"slug": "d", "id": 4}, "pet": {"kind": "woof", "meows": true}}`,
		`{"owner": {"login": "e", "id": 5, "slug": "e"}, "pet": {"kind": "meow", "barks": true}}`,
	}
	want := []string{"User/Dog", "Org/Cat", "Org/Cat", "Org/Dog", "User/Cat"}
	var got []string
	for _, data := range values {
		th, err := Unmarshal[Thing]([]byte(data))
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		got = append(got, th.Owner.Which()+"/"+th.Pet.Which())
		sameAsUnmarshalJSON(t, data, th)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("variants: got %v, want %v", got, want)
	}
	list := "[" + strings.Join(values, ",") + "]"
	things, err := UnmarshalList[Thing]([]byte(list))
	if err != nil {
		t.Fatal(err)
	}
	sameAsUnmarshalJSON(t, list, &things)
}

// sameAsUnmarshalJSON checks that v encodes as data decoded by json.Unmarshal (the
// generated UnmarshalJSON, which never guesses) into a value of v's type does.
func sameAsUnmarshalJSON[T any](t *testing.T, data string, v *T) {
	t.Helper()
	var ref T
	if err := json.Unmarshal([]byte(data), &ref); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(v)
	b, _ := json.Marshal(&ref)
	if string(a) != string(b) {
		t.Errorf("a new value decodes as UnmarshalJSON does:\n got  %s\n want %s", a, b)
	}
}
