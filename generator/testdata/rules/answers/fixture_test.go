package answers

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// server answers every request with status, content type and body, and records the Accept
// header it was sent.
func server(t *testing.T, status int, contentType, body string) (*Client, *string) {
	accept := new(string)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*accept = r.Header.Get("Accept")
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, accept
}

var ctx = context.Background()

func TestAnswersWithoutABodyNeedNone(t *testing.T) {
	c, _ := server(t, 205, "text/plain", "")
	res, resp, err := c.MarkRead(ctx)
	if err != nil || res != nil || !resp.NoContent {
		t.Fatalf("205: %+v %+v %v", res, resp, err)
	}
	c, _ = server(t, 202, "application/json", `{"message": "later"}`)
	if res, _, err := c.MarkRead(ctx); err != nil || *res.Message != "later" {
		t.Fatalf("202: %+v %v", res, err)
	}
	c, _ = server(t, 201, "application/json", "")
	if res, resp, err := c.PutFile(ctx); err != nil || res != nil || !resp.NoContent {
		t.Fatalf("an empty 201: %+v %v", res, err)
	}
	c, _ = server(t, 200, "application/json", "")
	var decode *DecodeError
	if _, _, err := c.PutFile(ctx); !errors.As(err, &decode) {
		t.Fatalf("an empty 200 where a commit is documented: want a DecodeError, got %v", err)
	}
}

func TestAnyTwoHundredWithTheDocumentedJSONIsSuccess(t *testing.T) {
	for _, status := range []int{200, 201, 203} {
		c, _ := server(t, status, "application/json", `{"sha": "abc"}`)
		if res, resp, err := c.PutFile(ctx); err != nil || res.SHA != "abc" || resp.StatusCode != status {
			t.Fatalf("%d: %+v %v", status, res, err)
		}
	}
}

func TestAnswersThatSayDifferentThingsHaveAFieldPerStatus(t *testing.T) {
	c, _ := server(t, 201, "application/json", `{"sha": "abc"}`)
	res, _, err := c.CreateDeployment(ctx)
	if err != nil || res.Created == nil || res.Created.SHA != "abc" || res.Accepted != nil {
		t.Fatalf("201: %+v %v", res, err)
	}
	c, _ = server(t, 202, "application/json", `{"message": "auto-merged"}`)
	res, _, err = c.CreateDeployment(ctx)
	if err != nil || res.Accepted == nil || *res.Accepted.Message != "auto-merged" || res.Created != nil {
		t.Fatalf("202: %+v %v", res, err)
	}
}

func TestAnAnswerThatSaysNothingLeavesTheResultEmpty(t *testing.T) {
	c, _ := server(t, 202, "application/json", `{}`)
	stats, resp, err := c.GetStats(ctx)
	if err != nil || stats != nil || resp.StatusCode != 202 {
		t.Fatalf("202 {}: %v %v", stats, err)
	}
	c, _ = server(t, 200, "application/json", `[1, 2]`)
	if stats, _, err := c.GetStats(ctx); err != nil || len(stats) != 2 {
		t.Fatalf("200: %v %v", stats, err)
	}
}

func TestOtherMediaTypesAreMethodsOfTheirOwn(t *testing.T) {
	c, accept := server(t, 200, "application/vnd.github.diff", "diff --git a/x b/x\n")
	diff, _, err := c.GetCommitDiff(ctx, "abc")
	if err != nil || diff != "diff --git a/x b/x\n" || *accept != "application/vnd.github.diff" {
		t.Fatalf("diff: %q %v (Accept %s)", diff, err, *accept)
	}
	if _, _, err := c.GetCommitPatch(ctx, "abc"); err != nil || *accept != "application/vnd.github.patch" {
		t.Fatalf("patch: %v (Accept %s)", err, *accept)
	}
}

func TestBinaryAnswersAreStreams(t *testing.T) {
	c, accept := server(t, 200, "application/octet-stream", "\x00\x01binary")
	stream, _, err := c.DownloadAsset(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	data, _ := io.ReadAll(stream)
	if string(data) != "\x00\x01binary" || *accept != "application/octet-stream" {
		t.Fatalf("%q (Accept %s)", data, *accept)
	}
}

func TestADefaultOnlyAnswerIsTheSuccess(t *testing.T) {
	c, _ := server(t, 200, "text/plain", "Keep it logically awesome.")
	if zen, _, err := c.GetZen(ctx); err != nil || zen != "Keep it logically awesome." {
		t.Fatalf("%q %v", zen, err)
	}
}

func TestAnyRepresentationByCallOption(t *testing.T) {
	c, accept := server(t, 200, "application/vnd.github.raw", "raw file bytes")
	var buf bytes.Buffer
	commit, resp, err := c.GetCommit(ctx, "abc", WithAccept("application/vnd.github.raw+json"), WithBodyTo(&buf))
	if err != nil || commit != nil || !resp.NoContent || buf.String() != "raw file bytes" || *accept != "application/vnd.github.raw+json" {
		t.Fatalf("%+v %v %q (Accept %s)", commit, err, buf.String(), *accept)
	}
	c, _ = server(t, 200, "application/json", `{"sha": "abc"}`)
	buf.Reset()
	if _, _, err := c.GetCommit(ctx, "abc", WithBodyTo(&buf)); err != nil || !strings.Contains(buf.String(), `"abc"`) {
		t.Fatalf("%v %q", err, buf.String())
	}
}
