package relay_test

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/relay"
)

func TestNewRejectsBadInput(t *testing.T) {
	p := newParty(t)
	for _, u := range []string{"", "relay.example", "ftp://relay.example", "http://", "http://h/?x=1"} {
		_, err := relay.New(u, p.signer)
		assert.Error(t, err, u)
	}
	_, err := relay.New("http://127.0.0.1:1", nil)
	assert.ErrorContains(t, err, "signer")
	c, err := relay.New("http://127.0.0.1:1/prefix/", p.signer)
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1/prefix", c.BaseURL())
}

// TestUploadTaskArgsAndGetTask uploads args full of characters Go escapes
// with no checkpoint: the body is multipart with one checkpoint part holding
// an empty but valid zip, and the test relay accepts the signature.
func TestUploadTaskArgsAndGetTask(t *testing.T) {
	tr := newTestRelay(t)
	creator, node, stranger := newParty(t), newParty(t), newParty(t)
	c := commitment(1)
	tr.addTask(c, creator.addr, node.addr)
	args := `{"prompt":"<cat> & <dog> > 2","lang":"é中文"}`

	cl := newClient(t, tr.srv.URL, creator)
	task, err := cl.UploadTaskArgs(context.Background(), c, args, nil)
	require.NoError(t, err)
	assert.Equal(t, args, task.TaskArgs)
	assert.Equal(t, relay.CommitmentHex(c), task.TaskIDCommitment)
	assert.Equal(t, relay.TaskStatusParamsUploaded, task.Status)
	assert.Equal(t, relay.TaskTypeSDFinetuneLoRA, task.TaskType)
	assert.Equal(t, 1.5, task.TaskFee)
	assert.True(t, task.CreateTime.Valid)
	assert.False(t, task.StartTime.Valid)

	stored := tr.task(relay.CommitmentHex(c))
	assert.Equal(t, "checkpoint.zip", stored.inputName)
	zr, err := zip.NewReader(bytes.NewReader(stored.input), int64(len(stored.input)))
	require.NoError(t, err, "the default checkpoint must be a valid zip")
	assert.Empty(t, zr.File)
	assert.Positive(t, stored.bodyLength, "the upload must carry a Content-Length")

	// The path carries the lowercase commitment.
	require.Len(t, tr.seen("POST", "/v1/inference_tasks/"+relay.CommitmentHex(c)), 1)
	assert.Regexp(t, `^0xab[0-9a-f]{62}$`, relay.CommitmentHex(c))

	got, err := cl.GetTask(context.Background(), c)
	require.NoError(t, err)
	assert.Equal(t, args, got.TaskArgs)

	got, err = newClient(t, tr.srv.URL, node).GetTask(context.Background(), c)
	require.NoError(t, err)
	assert.Equal(t, node.addr.Hex(), got.SelectedNode)

	_, err = newClient(t, tr.srv.URL, stranger).GetTask(context.Background(), c)
	require.ErrorIs(t, err, relay.ErrSignerNotAllowed)
	var ve *relay.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "signature", ve.Field)
	assert.Equal(t, relay.MsgSignerNotAllowed, ve.Message)
}

// onlyReader hides every interface but io.Reader.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func testZip(t testing.TB, files map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// failFirst answers the first n requests matching method with status and
// lets the rest through.
func failFirst(n int, method string, status int) (func(w http.ResponseWriter, r *http.Request) bool, *atomic.Int32) {
	var hits atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != method || r.URL.Path == "/v1/now" {
			return false
		}
		if int(hits.Add(1)) <= n {
			writeJSON(w, status, map[string]string{"message": "injected " + strconv.Itoa(status)})
			return true
		}
		return false
	}, &hits
}

// TestUploadTaskArgsRetriesWithCheckpoint sends a real checkpoint from a
// plain io.Reader (buffered) and from a file (re-read by seeking) through
// failed attempts: the relay stores exactly the original bytes.
func TestUploadTaskArgsRetriesWithCheckpoint(t *testing.T) {
	ckpt := testZip(t, map[string]string{"global_step.txt": "40", "pytorch_lora_weights.safetensors": string(randomBytes(3, 100_000))})
	path := filepath.Join(t.TempDir(), "in.zip")
	require.NoError(t, os.WriteFile(path, ckpt, 0o600))

	for name, open := range map[string]func() io.Reader{
		"reader": func() io.Reader { return onlyReader{bytes.NewReader(ckpt)} },
		"file": func() io.Reader {
			f, err := os.Open(path)
			require.NoError(t, err)
			t.Cleanup(func() { _ = f.Close() })
			return f
		},
	} {
		t.Run(name, func(t *testing.T) {
			tr := newTestRelay(t)
			creator := newParty(t)
			c := commitment(2)
			tr.addTask(c, creator.addr, newParty(t).addr)
			hook, hits := failFirst(2, "POST", http.StatusServiceUnavailable)
			tr.setHook(hook)

			_, err := newClient(t, tr.srv.URL, creator, fastRetry(5)).UploadTaskArgs(context.Background(), c, `{"a":1}`, open())
			require.NoError(t, err)
			assert.EqualValues(t, 3, hits.Load())
			assert.Equal(t, ckpt, tr.task(relay.CommitmentHex(c)).input)
		})
	}
}

// TestUploadTaskArgsAnswerLost: the first attempt is stored by the relay but
// its answer is lost; the retry meets "Task already uploaded" and the call
// still succeeds because the relay holds the same args.
func TestUploadTaskArgsAnswerLost(t *testing.T) {
	tr := newTestRelay(t)
	creator := newParty(t)
	c := commitment(3)
	tr.addTask(c, creator.addr, newParty(t).addr)
	var once sync.Once
	tr.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		handled := false
		if r.Method == "POST" {
			once.Do(func() {
				tr.createTask(httptest.NewRecorder(), r) // stored...
				writeJSON(w, http.StatusBadGateway, map[string]string{"message": "lost"})
				handled = true // ...but the client sees a 502
			})
		}
		return handled
	})
	cl := newClient(t, tr.srv.URL, creator, fastRetry(3))
	task, err := cl.UploadTaskArgs(context.Background(), c, `{"a":2}`, nil)
	require.NoError(t, err)
	assert.Equal(t, `{"a":2}`, task.TaskArgs)
	assert.Len(t, tr.seen("POST", "/v1/inference_tasks/"+relay.CommitmentHex(c)), 2)

	// A genuine second upload is refused.
	_, err = cl.UploadTaskArgs(context.Background(), c, `{"a":3}`, nil)
	require.ErrorIs(t, err, relay.ErrAlreadyUploaded)
}

func TestUploadTaskArgsTooLarge(t *testing.T) {
	tr := newTestRelay(t)
	creator := newParty(t)
	c := commitment(4)
	tr.addTask(c, creator.addr, newParty(t).addr)
	cl := newClient(t, tr.srv.URL, creator, relay.WithMaxRequestBody(1024))
	_, err := cl.UploadTaskArgs(context.Background(), c, `{}`, bytes.NewReader(make([]byte, 2048)))
	require.ErrorContains(t, err, "request cap")
	assert.Empty(t, tr.seen("POST", "/v1/inference_tasks/"+relay.CommitmentHex(c)), "nothing may be sent")
}

// TestRetriesResign: every attempt carries a fresh timestamp and a
// signature over it.
func TestRetriesResign(t *testing.T) {
	tr := newTestRelay(t)
	creator := newParty(t)
	c := commitment(5)
	tk := tr.addTask(c, creator.addr, newParty(t).addr)
	tk.args = `{"x":1}`
	hook, _ := failFirst(2, "GET", http.StatusServiceUnavailable)
	tr.setHook(hook)

	// A local clock that moves one second per reading.
	var mu sync.Mutex
	tick := time.Now()
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		tick = tick.Add(time.Second)
		return tick
	}
	cl := newClient(t, tr.srv.URL, creator, fastRetry(5), relay.WithClock(clock), relay.WithClockSync(false))
	_, err := cl.GetTask(context.Background(), c)
	require.NoError(t, err)

	reqs := tr.seen("GET", "/v1/inference_tasks/"+relay.CommitmentHex(c))
	require.Len(t, reqs, 3)
	ts := map[string]bool{}
	sigs := map[string]bool{}
	for _, r := range reqs {
		ts[r.Timestamp] = true
		sigs[r.Signature] = true
		n, err := strconv.ParseInt(r.Timestamp, 10, 64)
		require.NoError(t, err)
		addr, err := relay.Recover(map[string]any{"task_id_commitment": relay.CommitmentHex(c)}, n, r.Signature)
		require.NoError(t, err)
		assert.Equal(t, creator.addr, addr, "each attempt is signed over its own timestamp")
	}
	assert.Len(t, ts, 3, "every attempt has a fresh timestamp")
	assert.Len(t, sigs, 3, "every attempt has a fresh signature")
}

func TestErrorEnvelopes(t *testing.T) {
	type answer struct {
		status int
		body   string
		header map[string]string
	}
	cases := []struct {
		name     string
		ans      answer
		attempts int // requests the client should make (policy allows 3)
		check    func(t *testing.T, err error)
	}{
		{"not ready", answer{400, `{"message":"validation_error","data":{"field_name":"task_id_commitment","message":"Task not ready"}}`, nil}, 1,
			func(t *testing.T, err error) {
				var ve *relay.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, relay.ValidationError{Field: "task_id_commitment", Message: "Task not ready"}, *ve)
				assert.ErrorIs(t, err, relay.ErrNotReady)
				assert.NotErrorIs(t, err, relay.ErrTaskNotFound)
			}},
		{"not found", answer{400, `{"message":"validation_error","data":{"field_name":"task_id_commitment","message":"Task not found"}}`, nil}, 1,
			func(t *testing.T, err error) { assert.ErrorIs(t, err, relay.ErrTaskNotFound) }},
		{"bad args", answer{400, `{"message":"validation_error","data":{"field_name":"task_args","message":"steps must be ≥ 1"}}`, nil}, 1,
			func(t *testing.T, err error) {
				var ve *relay.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, "task_args", ve.Field)
				assert.NotErrorIs(t, err, relay.ErrNotReady)
				assert.NotErrorIs(t, err, relay.ErrInvalidSignature)
			}},
		{"exception", answer{500, `{"message":"rpc: connection refused"}`, nil}, 3,
			func(t *testing.T, err error) {
				var se *relay.ServerError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 500, se.Status)
				assert.Equal(t, "rpc: connection refused", se.Message)
				assert.ErrorContains(t, err, "giving up after 3 attempts")
			}},
		{"proxy html", answer{502, "<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>", nil}, 3,
			func(t *testing.T, err error) {
				var se *relay.ServerError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 502, se.Status)
				assert.Equal(t, "<html><body> <h1>502 Bad Gateway</h1> </body></html>", se.Message)
			}},
		{"rate limited", answer{429, `{"message":"slow down"}`, map[string]string{"Retry-After": "0"}}, 3,
			func(t *testing.T, err error) {
				var se *relay.ServerError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 429, se.Status)
			}},
		{"not found route", answer{404, "404 page not found", nil}, 1,
			func(t *testing.T, err error) {
				var se *relay.ServerError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 404, se.Status)
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tr := newTestRelay(t)
			p := newParty(t)
			var hits atomic.Int32
			tr.setHook(func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == "/v1/now" {
					return false
				}
				hits.Add(1)
				for k, v := range tc.ans.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tc.ans.status)
				_, _ = io.WriteString(w, tc.ans.body)
				return true
			})
			_, err := newClient(t, tr.srv.URL, p, fastRetry(3)).GetTask(context.Background(), commitment(6))
			require.Error(t, err)
			tc.check(t, err)
			assert.EqualValues(t, tc.attempts, hits.Load(), "attempts")
		})
	}
}

// TestClockSkew: a local clock ten minutes slow is corrected by the lazy
// /v1/now measurement; when the relay's clock later jumps, the rejected
// signature triggers one resync and the request succeeds.
func TestClockSkew(t *testing.T) {
	tr := newTestRelay(t)
	creator := newParty(t)
	c := commitment(7)
	tk := tr.addTask(c, creator.addr, newParty(t).addr)
	tk.args = `{}`
	slow := func() time.Time { return time.Now().Add(-10 * time.Minute) }

	cl := newClient(t, tr.srv.URL, creator, relay.WithClock(slow), fastRetry(2))
	_, err := cl.GetTask(context.Background(), c)
	require.NoError(t, err)
	assert.InDelta(t, (10 * time.Minute).Seconds(), cl.ClockOffset().Seconds(), 2)
	require.Len(t, tr.seen("GET", "/v1/now"), 1)

	tr.mu.Lock()
	tr.clock = func() time.Time { return time.Now().Add(5 * time.Minute) }
	tr.mu.Unlock()
	_, err = cl.GetTask(context.Background(), c)
	require.NoError(t, err)
	assert.Len(t, tr.seen("GET", "/v1/now"), 2, "one resync after the rejected timestamp")

	// Without clock sync the skewed clock is rejected, and the error says so.
	raw := newClient(t, tr.srv.URL, creator, relay.WithClock(slow), relay.WithClockSync(false))
	_, err = raw.GetTask(context.Background(), c)
	require.ErrorIs(t, err, relay.ErrInvalidSignature)
	assert.Len(t, tr.seen("GET", "/v1/now"), 2)
	now, err := raw.Now(context.Background())
	require.NoError(t, err)
	assert.InDelta(t, time.Now().Add(5*time.Minute).Unix(), now.Unix(), 2)
}

// TestContextCancelStopsRetries: with unlimited retries against a relay
// that always fails, cancelling the context ends the call and no request
// follows.
func TestContextCancelStopsRetries(t *testing.T) {
	tr := newTestRelay(t)
	p := newParty(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var hits atomic.Int32
	tr.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/v1/now" {
			return false
		}
		if hits.Add(1) == 3 {
			cancel()
		}
		writeJSON(w, 503, map[string]string{"message": "down"})
		return true
	})
	cl := newClient(t, tr.srv.URL, p, relay.WithRetry(0, time.Millisecond, 5*time.Millisecond))
	var buf bytes.Buffer
	_, err := cl.DownloadCheckpoint(ctx, commitment(8), &buf)
	require.ErrorIs(t, err, context.Canceled)
	assert.EqualValues(t, 3, hits.Load())
	assert.Zero(t, buf.Len(), "error bodies never reach the output")
}

func testPNG(t testing.TB, shade uint8) []byte {
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = shade + uint8(i)
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

// TestNodeUploadAndCreatorDownload: the node fetches the input checkpoint,
// uploads results in index order plus a checkpoint; the creator downloads
// each result and the checkpoint.
func TestNodeUploadAndCreatorDownload(t *testing.T) {
	tr := newTestRelay(t)
	creator, node, stranger := newParty(t), newParty(t), newParty(t)
	c := commitment(9)
	tr.addTask(c, creator.addr, node.addr)
	ctx := context.Background()
	input := testZip(t, map[string]string{"global_step.txt": "10"})
	cc := newClient(t, tr.srv.URL, creator, fastRetry(3))
	_, err := cc.UploadTaskArgs(ctx, c, `{"checkpoint":"x"}`, bytes.NewReader(input))
	require.NoError(t, err)

	nc := newClient(t, tr.srv.URL, node, fastRetry(3))
	var got bytes.Buffer
	n, err := nc.GetInputCheckpoint(ctx, c, &got)
	require.NoError(t, err)
	assert.EqualValues(t, len(input), n)
	assert.Equal(t, input, got.Bytes())

	imgs := [][]byte{testPNG(t, 0), testPNG(t, 100)}
	out := testZip(t, map[string]string{"global_step.txt": "20", "FINISH": ""})
	err = newClient(t, tr.srv.URL, stranger).UploadResults(ctx, c, []io.Reader{bytes.NewReader(imgs[0])}, nil)
	require.ErrorIs(t, err, relay.ErrSignerNotAllowed)
	require.NoError(t, nc.UploadResults(ctx, c, []io.Reader{bytes.NewReader(imgs[0]), onlyReader{bytes.NewReader(imgs[1])}}, bytes.NewReader(out)))
	stored := tr.task(relay.CommitmentHex(c))
	assert.Equal(t, imgs, stored.results)
	assert.Equal(t, out, stored.resultCkpt)

	for i, want := range imgs {
		var b bytes.Buffer
		_, err := cc.DownloadResult(ctx, c, i, &b)
		require.NoError(t, err)
		assert.Equal(t, want, b.Bytes(), "result %d", i)
		// The index is signed as a string: the relay verified it.
	}
	var b bytes.Buffer
	_, err = cc.DownloadResult(ctx, c, 2, &b)
	require.ErrorIs(t, err, relay.ErrFileNotFound)
	assert.Len(t, tr.seen("GET", "/v1/inference_tasks/"+relay.CommitmentHex(c)+"/results/2"), 1, "not retried")
	assert.Zero(t, b.Len())

	path := filepath.Join(t.TempDir(), "out.zip")
	require.NoError(t, cc.DownloadCheckpointToFile(ctx, c, path))
	onDisk, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, out, onDisk)
	require.NoError(t, cc.DownloadResultToFile(ctx, c, 1, path+".png"))
	onDisk, err = os.ReadFile(path + ".png")
	require.NoError(t, err)
	assert.Equal(t, imgs[1], onDisk)
}
