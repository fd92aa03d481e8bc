// Package bench runs the same GitHub App calls through the generated client and through
// go-github v84 with ghinstallation, against one httptest server in one process, so that the
// two are measured side by side. It is its own module: the generated package never depends
// on what it compares against.
package bench

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
)

// Bodies are the answers the benchmark server gives, built from the spec's own examples.
type Bodies struct {
	Repos         []byte // {total_count, repositories: 30 repositories}
	Installations []byte // 30 installations
	// MixedInstallations are 30 installations whose every tenth account is an enterprise:
	// the generated decoder's worst case, where a union's guessed variant is wrong mid-list.
	MixedInstallations []byte
	Installation       []byte // one installation
	Token              []byte // an installation token
}

// LoadBodies builds the bodies from the examples in the description at specPath.
func LoadBodies(specPath string) (*Bodies, error) {
	data, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Components struct {
			Examples map[string]struct{ Value json.RawMessage } `json:"examples"`
		} `json:"components"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	ex := doc.Components.Examples
	var page struct {
		Repositories []map[string]any `json:"repositories"`
	}
	if err := json.Unmarshal(ex["repository-paginated"].Value, &page); err != nil {
		return nil, err
	}
	var inst map[string]any
	if err := json.Unmarshal(ex["installation"].Value, &inst); err != nil {
		return nil, err
	}
	repos := make([]map[string]any, 30)
	insts := make([]map[string]any, 30)
	for i := range 30 {
		repos[i] = clone(page.Repositories[0])
		repos[i]["id"] = 1296269 + i
		repos[i]["name"] = fmt.Sprintf("Hello-World-%d", i)
		repos[i]["full_name"] = fmt.Sprintf("octocat/Hello-World-%d", i)
		insts[i] = clone(inst)
		insts[i]["id"] = i + 1
	}
	b := &Bodies{}
	if b.Repos, err = json.Marshal(map[string]any{"total_count": 30, "repositories": repos}); err != nil {
		return nil, err
	}
	if b.Installations, err = json.Marshal(insts); err != nil {
		return nil, err
	}
	for i := 9; i < len(insts); i += 10 {
		insts[i]["account"] = map[string]any{
			"id": 9000 + i, "node_id": "E_kgDOAA", "name": "Octo Enterprise", "slug": "octo-enterprise",
			"html_url": "https://github.com/enterprises/octo-enterprise", "website_url": "https://octo.example",
			"avatar_url": "https://avatars.githubusercontent.com/b/1?v=4", "description": "An enterprise account",
			"created_at": "2019-05-10T19:37:36Z", "updated_at": "2023-01-20T12:00:00Z",
		}
	}
	if b.MixedInstallations, err = json.Marshal(insts); err != nil {
		return nil, err
	}
	if b.Installation, err = json.Marshal(inst); err != nil {
		return nil, err
	}
	b.Token = ex["installation-token"].Value
	return b, nil
}

func clone(m map[string]any) map[string]any {
	data, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(data, &out)
	return out
}

// NewAppKey returns a fresh RSA key in PEM, for app JWTs.
func NewAppKey() ([]byte, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}), nil
}
