package relay_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/internal/faultproxy"
	"github.com/crynux-go/crynux/relay"
)

const mib = 1 << 20

// finishedTask registers a task whose results and output checkpoint are on
// the relay.
func finishedTask(t testing.TB, tr *testRelay, n byte, ckpt []byte) (party, [32]byte) {
	creator := newParty(t)
	c := commitment(n)
	tk := tr.addTask(c, creator.addr, newParty(t).addr)
	tr.mu.Lock()
	tk.args, tk.status, tk.resultCkpt = `{}`, relay.TaskStatusResultsReady, ckpt
	tk.results = [][]byte{randomBytes(uint64(n), 1000)}
	tr.mu.Unlock()
	return creator, c
}

func rangesSeen(tr *testRelay, c [32]byte) []string {
	var out []string
	for _, r := range tr.seen("GET", "/v1/inference_tasks/"+relay.CommitmentHex(c)+"/results/checkpoint") {
		out = append(out, r.Range)
	}
	return out
}

// TestDownloadThroughFaultProxy: a 20 MiB checkpoint arrives byte-identical
// through resets, a 503, truncations (mid-body and mid-headers) and a
// stall, with the relay honouring Range and with a relay that ignores it.
func TestDownloadThroughFaultProxy(t *testing.T) {
	data := randomBytes(20, 20*mib)
	for _, ignoreRange := range []bool{false, true} {
		t.Run("ignoreRange="+strconv.FormatBool(ignoreRange), func(t *testing.T) {
			tr := newTestRelay(t)
			tr.ignoreRange = ignoreRange
			creator, c := finishedTask(t, tr, 20, data)
			plan := faultproxy.Sequence(
				faultproxy.Fault{Kind: faultproxy.Reset, After: 1 * mib},
				faultproxy.Fault{Kind: faultproxy.Status, Status: 503},
				faultproxy.Fault{Kind: faultproxy.Truncate, After: 6 * mib},
				faultproxy.Fault{Kind: faultproxy.Stall, After: 9 * mib},
				faultproxy.Fault{Kind: faultproxy.Reset},
				faultproxy.Fault{Kind: faultproxy.Truncate, After: 40},
				faultproxy.Fault{Kind: faultproxy.Reset, After: 2 * mib},
			)
			px := faultproxy.Start(t, tr.srv.URL, plan)
			cl := newClient(t, px.URL(), creator, fastRetry(5), relay.WithStallTimeout(300*time.Millisecond))

			var out bytes.Buffer
			var lastDone, lastTotal int64
			n, err := cl.DownloadCheckpoint(context.Background(), c, &out, relay.WithProgress(func(done, total int64) {
				require.GreaterOrEqual(t, done, lastDone, "progress never goes back")
				lastDone, lastTotal = done, total
			}))
			require.NoError(t, err)
			assert.EqualValues(t, len(data), n)
			require.True(t, bytes.Equal(data, out.Bytes()), "download differs from the relay's file")
			assert.EqualValues(t, len(data), lastDone)
			assert.EqualValues(t, len(data), lastTotal)

			assert.Greater(t, len(px.Faults()), 7, "every scripted fault was met")
			resumed := 0
			for _, r := range rangesSeen(tr, c) {
				if strings.HasPrefix(r, "bytes=") {
					resumed++
				}
			}
			assert.GreaterOrEqual(t, resumed, 3, "the download resumed with Range requests")
		})
	}
}

// TestDownloadToFileResumes: a .part left by an earlier run is continued
// from its size (Range: bytes=N-) through random faults, then renamed.
func TestDownloadToFileResumes(t *testing.T) {
	data := randomBytes(21, 8*mib)
	tr := newTestRelay(t)
	creator, c := finishedTask(t, tr, 21, data)
	px := faultproxy.Start(t, tr.srv.URL, faultproxy.Random(7, 0.7, 3*mib, 12))
	cl := newClient(t, px.URL(), creator, fastRetry(8), relay.WithStallTimeout(300*time.Millisecond))

	path := filepath.Join(t.TempDir(), "ckpt.zip")
	require.NoError(t, os.WriteFile(path+".part", data[:5*mib], 0o644))
	require.NoError(t, cl.DownloadCheckpointToFile(context.Background(), c, path))

	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(data, got), "file differs from the relay's")
	_, err = os.Stat(path + ".part")
	assert.True(t, os.IsNotExist(err), ".part is gone")
	ranges := rangesSeen(tr, c)
	require.NotEmpty(t, ranges)
	assert.Equal(t, fmt.Sprintf("bytes=%d-", 5*mib), ranges[0], "the first request resumes from the .part size")
}

// TestDownloadToFileEdgeParts: a complete .part (the relay answers 416)
// and a .part longer than the file (a restart) both end with the right file.
func TestDownloadToFileEdgeParts(t *testing.T) {
	data := randomBytes(22, 300_000)
	for name, part := range map[string][]byte{
		"complete": data,
		"stale":    append(bytes.Clone(data), randomBytes(9, 1000)...),
	} {
		t.Run(name, func(t *testing.T) {
			tr := newTestRelay(t)
			creator, c := finishedTask(t, tr, 22, data)
			path := filepath.Join(t.TempDir(), "ckpt.zip")
			require.NoError(t, os.WriteFile(path+".part", part, 0o644))
			require.NoError(t, newClient(t, tr.srv.URL, creator).DownloadCheckpointToFile(context.Background(), c, path))
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(data, got))
		})
	}
}

// TestDownloadNotReady: "Task checkpoint not uploaded" is retried by
// default and its body never reaches the output; opting out returns
// ErrNotReady with nothing written.
func TestDownloadNotReady(t *testing.T) {
	data := randomBytes(23, 100_000)
	tr := newTestRelay(t)
	creator, c := finishedTask(t, tr, 23, data)
	tk := tr.task(relay.CommitmentHex(c))
	tr.mu.Lock()
	tk.status = relay.TaskStatusParamsUploaded
	tr.mu.Unlock()
	var hits atomic.Int32
	tr.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "/results/checkpoint") && hits.Add(1) == 3 {
			tr.mu.Lock()
			tk.status = relay.TaskStatusResultsReady
			tr.mu.Unlock()
		}
		return false
	})
	cl := newClient(t, tr.srv.URL, creator, fastRetry(5))

	var out bytes.Buffer
	_, err := cl.DownloadCheckpoint(context.Background(), c, &out, relay.WithRetryNotReady(false))
	require.ErrorIs(t, err, relay.ErrNotReady)
	assert.Zero(t, out.Len())

	_, err = cl.DownloadCheckpoint(context.Background(), c, &out)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, out.Bytes()))
	assert.EqualValues(t, 3, hits.Load())
}

// TestDownloadShortBody: a relay that always cuts the body short yields an
// error, never a silently short download.
func TestDownloadShortBody(t *testing.T) {
	data := randomBytes(24, 64_000)
	tr := newTestRelay(t)
	creator, c := finishedTask(t, tr, 24, data)
	tr.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/results/checkpoint") {
			return false
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(200)
		_, _ = w.Write(data[:len(data)/2])
		return true // the server closes: fewer bytes than declared
	})
	var out bytes.Buffer
	_, err := newClient(t, tr.srv.URL, creator, fastRetry(3)).DownloadCheckpoint(context.Background(), c, &out)
	require.Error(t, err)
	assert.ErrorContains(t, err, "giving up")
	assert.Equal(t, data[:len(data)/2], out.Bytes(), "only file bytes reach the output")
}

type failingWriter struct{ n, limit int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n+len(p) > f.limit {
		return 0, errors.New("disk full")
	}
	f.n += len(p)
	return len(p), nil
}

// TestDownloadWriterErrorNotRetried: the caller's writer failing ends the
// call at once.
func TestDownloadWriterErrorNotRetried(t *testing.T) {
	data := randomBytes(25, 4*mib)
	tr := newTestRelay(t)
	creator, c := finishedTask(t, tr, 25, data)
	_, err := newClient(t, tr.srv.URL, creator, fastRetry(5)).DownloadCheckpoint(context.Background(), c, &failingWriter{limit: mib})
	require.ErrorContains(t, err, "disk full")
	assert.Len(t, rangesSeen(tr, c), 1)
}

// TestFaultProxyStatus checks the proxy's own 503 answer and pass-through.
func TestFaultProxyStatus(t *testing.T) {
	tr := newTestRelay(t)
	px := faultproxy.Start(t, tr.srv.URL, faultproxy.Sequence(faultproxy.Fault{Kind: faultproxy.Status}))
	hc := &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{}).DialContext}}
	resp, err := hc.Get(px.URL() + "/v1/now")
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, 503, resp.StatusCode)
	resp, err = hc.Get(px.URL() + "/v1/now")
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
}
