package bench

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"

	"github.com/google/go-github/v84/github"

	wh "github.com/ghappsgen/ghappsgen/generated/githubwebhooks"
)

// BenchmarkWebhookPullRequest verifies and parses one pull_request.opened delivery
// (testdata/pull_request.opened.json: every member of GitHub's schema for it filled, 48 KB),
// as an app's webhook endpoint does: githubwebhooks' ValidateSignature and Parse beside
// go-github's ValidatePayloadFromBody and ParseWebHook, on the same bytes. Both check
// what they parsed.
func BenchmarkWebhookPullRequest(b *testing.B) {
	payload, err := os.ReadFile("testdata/pull_request.opened.json")
	if err != nil {
		b.Fatal(err)
	}
	secret := []byte("It's a Secret to Everybody")
	mac := hmac.New(sha256.New, secret)
	mac.Write(payload)
	signature := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	b.Run("impl=ghappsgen", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		b.ReportAllocs()
		for b.Loop() {
			if err := wh.ValidateSignature(payload, signature, secret); err != nil {
				b.Fatal(err)
			}
			e, err := wh.Parse("pull_request", payload)
			if err != nil {
				b.Fatal(err)
			}
			opened, ok := e.(*wh.PullRequestOpened)
			if !ok || opened.Number != 1347 || opened.PullRequest.User.Login != "octocat" {
				b.Fatalf("parsed %T wrong", e)
			}
		}
	})
	b.Run("impl=go-github", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		b.ReportAllocs()
		for b.Loop() {
			body, err := github.ValidatePayloadFromBody("application/json", bytes.NewReader(payload), signature, secret)
			if err != nil {
				b.Fatal(err)
			}
			e, err := github.ParseWebHook("pull_request", body)
			if err != nil {
				b.Fatal(err)
			}
			pr, ok := e.(*github.PullRequestEvent)
			if !ok || pr.GetNumber() != 1347 || pr.GetPullRequest().GetUser().GetLogin() != "octocat" {
				b.Fatalf("parsed %T wrong", e)
			}
		}
	})
}
