package naming

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"nullable-simple-user":     "NullableSimpleUser",
		"html_url":                 "HTMLURL",
		"node_id":                  "NodeID",
		"installation_id":          "InstallationID",
		"repository_ids":           "RepositoryIDs",
		"ssh_key":                  "SSHKey",
		"+1":                       "Plus1",
		"-1":                       "Minus1",
		"2fa_enabled":              "N2FaEnabled",
		"already_PascalCase":       "AlreadyPascalCase",
		"AccessTokensURL":          "AccessTokensURL",
		"simple user":              "SimpleUser",
		"x-github.com/whatever/id": "XGithubComWhateverID",
	} {
		assert.Equal(t, want, Exported(in, "Fallback"), in)
	}
	assert.Equal(t, "Fallback", Exported("$$", "Fallback"))
}

func TestUnexported(t *testing.T) {
	for in, want := range map[string]string{
		"installation_id": "installationID",
		"owner":           "owner",
		"type":            "typeArg",
		"ctx":             "ctxArg",
		"url":             "urlArg",
		"client_id":       "clientID",
		"app_slug":        "appSlug",
	} {
		assert.Equal(t, want, Unexported(in), in)
	}
}

func TestOperation(t *testing.T) {
	assert.Equal(t, "ListInstallations", Operation("apps/list-installations"))
	assert.Equal(t, "GetBySlug", Operation("apps/get-by-slug"))
	assert.Equal(t, "CreateInstallationAccessToken", Operation("apps/create-installation-access-token"))
	assert.Equal(t, "Ping", Operation("ping"))
}

func TestLooksSecret(t *testing.T) {
	for name, want := range map[string]bool{
		"token": true, "access_token": true, "refresh_token": true, "client_secret": true, "webhook_secret": true,
		"secret": true, "password": true, "pem": true, "private_key": true, "api_key": true, "apiKey": true, "X-API-Key": true,
		"AWS_SECRET_KEY": true, "credentials": true,
		"token_last_eight": false, "access_tokens_url": false, "key": false, "public_key": false, "key_id": false,
		"secret_scanning": false, "expires_at": false, "tokens_url": false, "": false,
	} {
		if got := LooksSecret(name); got != want {
			t.Errorf("LooksSecret(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestNonASCIINamesStayWhole: a multi-byte first letter is upper-cased whole, and a name
// whose first letter has no case is still exported.
func TestNonASCIINamesStayWhole(t *testing.T) {
	for in, want := range map[string]string{
		"über": "Über", "ünïcödé": "Ünïcödé", "é": "É", "名前": "X名前", "Ωmega": "Ωmega", "日本-api": "X日本API",
		"получить-а": "ПолучитьА", "٣d": "N٣d",
	} {
		if got := Exported(in, "F"); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Unexported("über-name"); got != "überName" {
		t.Errorf("Unexported(über-name) = %q", got)
	}
}
