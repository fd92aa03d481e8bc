package webhooktests

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	wh "github.com/ghappsgen/ghappsgen/generated/githubwebhooks"
)

// FuzzParse feeds arbitrary payloads to Parse under the events of the description: it may
// refuse them, with an error matching ErrPayload, but never panics, and what it parses
// encodes back to JSON. The seeds are the description's examples and a synthesized payload
// of every webhook.
func FuzzParse(f *testing.F) {
	d := readDescription(f)
	hooks := d.hooks()
	for i, h := range hooks {
		for _, ex := range h.examples {
			f.Add(uint16(i), []byte(ex))
		}
		if i%8 == 0 {
			payload, _ := json.Marshal(d.synthesize(h.schema, 0))
			f.Add(uint16(i), payload)
		}
	}
	f.Fuzz(func(t *testing.T, which uint16, payload []byte) {
		event := hooks[int(which)%len(hooks)].event
		wd := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("no answer within 10 s (a hang) on %q", payload)) })
		defer wd.Stop()
		e, err := wh.Parse(event, payload)
		if err != nil {
			if !errors.Is(err, wh.ErrPayload) {
				t.Fatalf("%s: an error that is not ErrPayload: %v", event, err)
			}
			return
		}
		if _, err := json.Marshal(e); err != nil {
			t.Fatalf("%s parsed but does not encode: %v", event, err)
		}
	})
}
