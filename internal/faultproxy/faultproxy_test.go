package faultproxy_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/internal/faultproxy"
)

func TestFaultsBreakResponses(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(body)
	}))
	defer srv.Close()

	get := func(p *faultproxy.Proxy) (int, []byte, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", p.URL()+"/", nil)
		resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}

	for _, f := range []faultproxy.Fault{
		{Kind: faultproxy.Reset, After: 1000},
		{Kind: faultproxy.Truncate, After: 1000},
		{Kind: faultproxy.Stall, After: 1000},
		{Kind: faultproxy.Reset},
		{Kind: faultproxy.Truncate, After: 10}, // inside the status line
	} {
		t.Run(f.String(), func(t *testing.T) {
			p := faultproxy.Start(t, srv.URL, faultproxy.Sequence(f))
			_, b, err := get(p)
			require.Error(t, err)
			assert.Less(t, len(b), len(body))
			// The next connection passes through.
			status, b, err := get(p)
			require.NoError(t, err)
			assert.Equal(t, 200, status)
			assert.Equal(t, body, b)
			assert.Equal(t, []faultproxy.Fault{f, {}}, p.Faults())
		})
	}

	p := faultproxy.Start(t, srv.URL, faultproxy.Always(faultproxy.Fault{Kind: faultproxy.Status, Status: 429}))
	status, _, err := get(p)
	require.NoError(t, err)
	assert.Equal(t, 429, status)
}

func TestRandomIsDeterministic(t *testing.T) {
	a, b := faultproxy.Random(5, 0.5, 1000, 20), faultproxy.Random(5, 0.5, 1000, 20)
	var faults int
	for i := range 30 {
		fa, fb := a(i), b(i)
		assert.Equal(t, fa, fb)
		if i >= 20 {
			assert.Equal(t, faultproxy.Fault{}, fa, "no faults after the limit")
		}
		if fa.Kind != faultproxy.None {
			faults++
		}
	}
	assert.Positive(t, faults)
}
