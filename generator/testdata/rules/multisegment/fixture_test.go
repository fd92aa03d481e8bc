package multisegment

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestMultiSegmentPathsKeepTheirSlashes(t *testing.T) {
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent = append(sent, r.URL.EscapedPath())
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		call func() error
		want string // the path sent, or the error
	}{
		{func() error { _, err := c.GetContent(ctx, "o", "r", "docs/README.md"); return err }, "/repos/o/r/contents/docs/README.md"},
		{func() error { _, err := c.GetContent(ctx, "o", "r", "a b/c?d#e%f"); return err }, "/repos/o/r/contents/a%20b/c%3Fd%23e%25f"},
		{func() error { _, err := c.GetContent(ctx, "o", "r", ""); return err }, "/repos/o/r/contents/"},
		{func() error { _, err := c.GetContent(ctx, "o/x", "r", "f"); return err }, "/repos/o%2Fx/r/contents/f"},
		{func() error { _, err := c.GetContent(ctx, "..", "r", "f"); return err }, "/repos/%2E%2E/r/contents/f"},
		{func() error { _, err := c.GetContent(ctx, "o", "r", "a/../../b"); return err }, `error: "a/../../b" has a ".." segment`},
		{func() error { _, err := c.GetContent(ctx, "o", "r", "./a"); return err }, `error: "./a" has a "." segment`},
		{func() error { _, err := c.GetContent(ctx, "o", "r", "/etc/passwd"); return err }, `error: "/etc/passwd" has an empty segment`},
		{func() error { _, err := c.GetContent(ctx, "o", "r", "a//b"); return err }, `error: "a//b" has an empty segment`},
		{func() error { _, err := c.CompareFiles(ctx, "o", "r", "main...feature/x"); return err }, "/repos/o/r/compare/main...feature/x/files"},
		{func() error { _, err := c.CompareFiles(ctx, "o", "r", ""); return err }, "error: empty value"},
	} {
		sent = nil
		err := tc.call()
		if strings.HasPrefix(tc.want, "error: ") {
			if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(tc.want, "error: ")) || len(sent) > 0 {
				t.Errorf("want %s and nothing sent; got %v, sent %v", tc.want, err, sent)
			}
			continue
		}
		if err != nil || len(sent) != 1 || sent[0] != tc.want {
			t.Errorf("want %s; got %v, sent %v", tc.want, err, sent)
		}
	}
}
