package relay

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseContentRange(t *testing.T) {
	for _, tc := range []struct {
		in                string
		first, last, size int64
		ok                bool
	}{
		{"bytes 0-99/100", 0, 99, 100, true},
		{"bytes 5-9/*", 5, 9, -1, true},
		{"bytes */100", -1, -1, 100, true},
		{"bytes 5-4/100", 0, 0, 0, false},
		{"bytes 0-100/100", 0, 0, 0, false},
		{"items 0-1/2", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	} {
		f, l, s, err := parseContentRange(tc.in)
		if !tc.ok {
			assert.Error(t, err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, []int64{tc.first, tc.last, tc.size}, []int64{f, l, s}, tc.in)
	}
}

func TestRetryDelayCappedWithJitter(t *testing.T) {
	p := retryPolicy{MaxAttempts: 10, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	for n := 1; n <= 10; n++ {
		want := min(100*time.Millisecond<<(n-1), time.Second)
		for range 50 {
			d := p.delay(n, 0)
			assert.GreaterOrEqual(t, d, want/2)
			assert.LessOrEqual(t, d, want)
		}
	}
	assert.Equal(t, time.Second, p.delay(1, time.Hour), "Retry-After is honoured up to MaxDelay")
}

func TestTransportErrorHidesSignature(t *testing.T) {
	err := redactURL(&url.Error{Op: "Get", URL: "http://h/v1/x?signature=0xdead&timestamp=1", Err: errors.New("EOF")})
	assert.NotContains(t, err.Error(), "0xdead")
	assert.Contains(t, err.Error(), "http://h/v1/x")
}
