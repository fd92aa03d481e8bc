package webhooks

import (
	"encoding/json"
	"testing"
)

func TestWebhookPayloadsDecodeAndEncode(t *testing.T) {
	if len(Webhooks) != 1 || Webhooks[0].Key != "order-shipped" {
		t.Fatalf("%+v", Webhooks)
	}
	p := Webhooks[0].New()
	if err := json.Unmarshal([]byte(`{"id": 3, "carrier": null}`), p); err != nil {
		t.Fatal(err)
	}
	s, ok := p.(*OrderShipped)
	if !ok || s.ID != 3 || !s.Carrier.IsNull() {
		t.Fatalf("%#v", p)
	}
	out, err := json.Marshal(p)
	if err != nil || string(out) != `{"id":3,"carrier":null}` {
		t.Fatalf("%s %v", out, err)
	}
}
