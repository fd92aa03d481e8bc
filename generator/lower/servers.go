package lower

import (
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// serverURL is the first of servers as a client can call it: its variables at their
// defaults, without a trailing slash; "" when there is none, or it is not an absolute
// http(s) URL (a relative one, or a variable without a default).
func serverURL(servers openapi3.Servers) string {
	if len(servers) == 0 || servers[0] == nil {
		return ""
	}
	s := servers[0]
	raw := s.URL
	for name, v := range s.Variables {
		if v != nil {
			raw = strings.ReplaceAll(raw, "{"+name+"}", v.Default)
		}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(raw, "{}") {
		return ""
	}
	return strings.TrimRight(raw, "/")
}

// operationServer is the server an operation declares for itself, or its path does; "" when
// it declares none, or the API's own.
func (b *builder) operationServer(op *openapi3.Operation, item *openapi3.PathItem, base string) string {
	var s string
	switch {
	case op.Servers != nil && len(*op.Servers) > 0:
		s = serverURL(*op.Servers)
	case len(item.Servers) > 0:
		s = serverURL(item.Servers)
	}
	if s == base {
		return ""
	}
	return s
}
