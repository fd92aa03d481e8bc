package bodies

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

type received struct {
	contentType string
	length      int64
	body        []byte
}

func server(t *testing.T, status int, answer string) (*Client, *[]received) {
	var got []received
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		got = append(got, received{r.Header.Get("Content-Type"), r.ContentLength, data})
		if answer != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, &got
}

var ctx = context.Background()

func TestReadOnlyMembersAreNotSent(t *testing.T) {
	c, got := server(t, 201, `{"id": 7, "name": "x", "created_at": "2024-01-02T03:04:05Z"}`)
	id, at := int64(7), time.Now()
	item, _, err := c.CreateItem(ctx, &Item{ID: &id, Name: "x", CreatedAt: &at})
	if err != nil {
		t.Fatal(err)
	}
	if string((*got)[0].body) != `{"name":"x"}` || (*got)[0].contentType != "application/json" {
		t.Fatalf("sent %s (%s)", (*got)[0].body, (*got)[0].contentType)
	}
	if *item.ID != 7 || item.CreatedAt == nil {
		t.Fatalf("the answer keeps them: %+v", item)
	}
	if data, _ := json.Marshal(item); !strings.Contains(string(data), `"id":7`) {
		t.Fatalf("MarshalJSON keeps them too: %s", data)
	}
}

func TestFormsAreURLEncoded(t *testing.T) {
	c, got := server(t, 204, "")
	user, remember, a := "octo cat", true, int64(1)
	if _, err := c.LogIn(ctx, &LogInRequest{User: &user, Scopes: []string{"repo", "user"}, Remember: &remember, Meta: &LogInRequestMeta{A: &a}}); err != nil {
		t.Fatal(err)
	}
	r := (*got)[0]
	values, err := url.ParseQuery(string(r.body))
	if err != nil || r.contentType != "application/x-www-form-urlencoded" {
		t.Fatalf("%s (%s): %v", r.body, r.contentType, err)
	}
	want := url.Values{"user": {"octo cat"}, "scopes": {"repo", "user"}, "remember": {"true"}, "meta": {`{"a":1}`}}
	if values.Encode() != want.Encode() {
		t.Fatalf("got %v, want %v", values, want)
	}
}

func TestMultipartBodiesHaveABoundaryAndFiles(t *testing.T) {
	c, got := server(t, 204, "")
	caption, size := "a cat", int64(3)
	photo := "\x89PNG\x00\x01"
	if _, err := c.UploadPhoto(ctx, 5, &UploadPhotoRequest{Caption: &caption, File: &photo, Tags: []string{"a", "b"}, Meta: &UploadPhotoRequestMeta{Size: &size}}); err != nil {
		t.Fatal(err)
	}
	r := (*got)[0]
	mt, params, err := mime.ParseMediaType(r.contentType)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		t.Fatalf("Content-Type %q: %v", r.contentType, err)
	}
	form, err := multipart.NewReader(bytes.NewReader(r.body), params["boundary"]).ReadForm(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if form.Value["caption"][0] != "a cat" || strings.Join(form.Value["tags"], ",") != "a,b" || form.Value["meta"][0] != `{"size":3}` {
		t.Fatalf("values %v", form.Value)
	}
	f, err := form.File["file"][0].Open()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(f)
	if string(data) != photo || form.File["file"][0].Filename != "file" {
		t.Fatalf("file %q", data)
	}
}

func TestTextBodiesAreSentAsTheyAre(t *testing.T) {
	c, got := server(t, 200, "")
	if _, _, err := c.RenderRaw(ctx, "# Hello"); err != nil {
		t.Fatal(err)
	}
	if r := (*got)[0]; string(r.body) != "# Hello" || r.contentType != "text/plain" {
		t.Fatalf("%q (%s)", r.body, r.contentType)
	}
}

func TestUploadsStreamWithTheirLengthAndType(t *testing.T) {
	c, got := server(t, 201, `{"id": 1, "name": "a.zip"}`)
	data := strings.Repeat("z", 1000)
	_, _, err := c.UploadAsset(ctx, &UploadAssetParams{Name: "a.zip"}, &Upload{Body: strings.NewReader(data), Size: int64(len(data)), ContentType: "application/zip"})
	if err != nil {
		t.Fatal(err)
	}
	r := (*got)[0]
	if string(r.body) != data || r.length != 1000 || r.contentType != "application/zip" {
		t.Fatalf("%d bytes, Content-Length %d, %s", len(r.body), r.length, r.contentType)
	}
	_, _, err = c.UploadAsset(ctx, &UploadAssetParams{Name: "b"}, &Upload{Body: io.MultiReader(strings.NewReader("unsized"))})
	if r := (*got)[1]; err != nil || string(r.body) != "unsized" || r.length != -1 || r.contentType != "application/octet-stream" {
		t.Fatalf("%v: %q, Content-Length %d, %s", err, r.body, r.length, r.contentType)
	}
}
