package behaviour

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	gh "github.com/ghappsgen/ghappsgen/generated/githubapps"
)

// FuzzDecoders feeds arbitrary bytes to the generated models' decoders, directly and as a
// server's answer through the client: any outcome but a panic is fine. The seed corpus is
// every example in the description.
func FuzzDecoders(f *testing.F) {
	var doc struct {
		Components struct {
			Examples map[string]struct{ Value json.RawMessage } `json:"examples"`
		} `json:"components"`
	}
	data, err := os.ReadFile(specPath)
	if err != nil {
		f.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		f.Fatal(err)
	}
	for _, ex := range doc.Components.Examples {
		f.Add([]byte(ex.Value))
	}
	f.Add([]byte(`{"account": {"slug": 1}, "owner": [], "permissions": {"x": {}}}`))
	targets := []func() any{
		func() any { return new(gh.Installation) },
		func() any { return new([]gh.Installation) },
		func() any { return new(gh.App) },
		func() any { return new(gh.CreateFromManifestResponse) },
		func() any { return new(gh.InstallationToken) },
		func() any { return new(gh.Authorization) },
		func() any { return new(gh.ListReposAccessibleToInstallationResponse) },
		func() any { return new([]gh.IntegrationInstallationRequest) },
		func() any { return new(gh.InstallationAccount) },
		func() any { return new(gh.AppPermissionSet) },
	}
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	f.Cleanup(srv.Close)
	c, err := gh.NewClient(gh.WithBaseURL(srv.URL), gh.WithToken("t"), gh.WithInstallationToken("i"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		wd := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("no answer within 10 s (a hang) on %q", in)) })
		defer wd.Stop()
		for _, target := range targets {
			v := target()
			if json.Unmarshal(in, v) == nil {
				if _, err := json.Marshal(v); err != nil {
					t.Fatalf("%T decoded but does not encode: %v", v, err)
				}
			}
		}
		body = in
		_, _, _ = c.ListInstallationsForAuthenticatedUser(context.Background(), nil)
		_, _, _ = c.ListReposAccessibleToInstallation(context.Background(), nil)
	})
}
