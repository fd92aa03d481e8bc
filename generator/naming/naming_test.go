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
