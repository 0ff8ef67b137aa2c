package relay_test

import (
	"archive/zip"
	"bytes"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
)

// testRelay is a minimal Relay for the client tests: it speaks the §3
// envelopes, checks every signature with relay.Recover and the ±60 s window,
// authorises creator / selected node, and serves files with Range support
// (http.ServeContent). It is not the devnet relay server.
type testRelay struct {
	t   testing.TB
	srv *httptest.Server

	mu          sync.Mutex
	clock       func() time.Time // the relay's clock
	tasks       map[string]*testTask
	requests    []seenRequest
	hook        func(w http.ResponseWriter, r *http.Request) bool // handles the request when it returns true
	ignoreRange bool
}

type testTask struct {
	creator, node common.Address
	args          string
	status        relay.TaskStatus
	chainStarted  bool

	input      []byte // uploaded checkpoint
	inputName  string
	results    [][]byte
	resultCkpt []byte
	bodyLength int64 // Content-Length of the args upload
}

type seenRequest struct {
	Method, Path string
	Timestamp    string
	Signature    string
	Range        string
}

var commitmentRE = regexp.MustCompile(`^0x[0-9a-f]{64}$`)

func newTestRelay(t testing.TB) *testRelay {
	tr := &testRelay{t: t, clock: time.Now, tasks: map[string]*testTask{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/now", func(w http.ResponseWriter, r *http.Request) {
		writeSuccess(w, map[string]any{"now": tr.now().Unix()})
	})
	mux.HandleFunc("POST /v1/inference_tasks/{c}", tr.createTask)
	mux.HandleFunc("GET /v1/inference_tasks/{c}", tr.getTask)
	mux.HandleFunc("GET /v1/inference_tasks/{c}/checkpoint", tr.getInputCheckpoint)
	mux.HandleFunc("POST /v1/inference_tasks/{c}/results", tr.uploadResults)
	mux.HandleFunc("GET /v1/inference_tasks/{c}/results/checkpoint", tr.getResultCheckpoint)
	mux.HandleFunc("GET /v1/inference_tasks/{c}/results/{index}", tr.getResult)
	tr.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tr.mu.Lock()
		tr.requests = append(tr.requests, seenRequest{
			Method: r.Method, Path: r.URL.Path,
			Timestamp: r.URL.Query().Get("timestamp"), Signature: r.URL.Query().Get("signature"),
			Range: r.Header.Get("Range"),
		})
		hook := tr.hook
		tr.mu.Unlock()
		if hook != nil && hook(w, r) {
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(tr.srv.Close)
	return tr
}

func (tr *testRelay) now() time.Time {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.clock()
}

func (tr *testRelay) setHook(h func(w http.ResponseWriter, r *http.Request) bool) {
	tr.mu.Lock()
	tr.hook = h
	tr.mu.Unlock()
}

func (tr *testRelay) seen(method, path string) []seenRequest {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var out []seenRequest
	for _, r := range tr.requests {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

func (tr *testRelay) addTask(c [32]byte, creator, node common.Address) *testTask {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tk := &testTask{creator: creator, node: node, chainStarted: true}
	tr.tasks[relay.CommitmentHex(c)] = tk
	return tk
}

func (tr *testRelay) task(c string) *testTask {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.tasks[c]
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeSuccess(w http.ResponseWriter, data any) {
	if data == nil {
		writeJSON(w, 200, map[string]any{"message": "success"})
		return
	}
	writeJSON(w, 200, map[string]any{"message": "success", "data": data})
}

func writeValidation(w http.ResponseWriter, field, msg string) {
	writeJSON(w, 400, map[string]any{"message": "validation_error", "data": map[string]string{"field_name": field, "message": msg}})
}

// verify checks commitment, timestamp window and signature of payload and
// returns the signer. It writes the error answer and returns false on
// failure.
func (tr *testRelay) verify(w http.ResponseWriter, c, ts, sig string, payload map[string]any) (common.Address, bool) {
	if !commitmentRE.MatchString(c) {
		writeValidation(w, "task_id_commitment", "Invalid task id commitment")
		return common.Address{}, false
	}
	t, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		writeValidation(w, "timestamp", "Invalid timestamp")
		return common.Address{}, false
	}
	if d := tr.now().Unix() - t; d > 60 || d < -60 {
		writeValidation(w, "signature", relay.MsgInvalidSignature)
		return common.Address{}, false
	}
	addr, err := relay.Recover(payload, t, sig)
	if err != nil {
		writeValidation(w, "signature", relay.MsgInvalidSignature)
		return common.Address{}, false
	}
	return addr, true
}

func (tr *testRelay) createTask(w http.ResponseWriter, r *http.Request) {
	c := r.PathValue("c")
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		writeJSON(w, 500, map[string]string{"message": "request Content-Type isn't multipart/form-data"})
		return
	}
	args := r.FormValue("task_args")
	signer, ok := tr.verify(w, c, r.FormValue("timestamp"), r.FormValue("signature"),
		map[string]any{"task_args": args, "task_id_commitment": c})
	if !ok {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tk := tr.tasks[c]
	switch {
	case tk == nil:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotFoundOnChain)
		return
	case !tk.chainStarted:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotStarted)
		return
	case signer != tk.creator:
		writeValidation(w, "signature", relay.MsgSignerNotAllowed)
		return
	case tk.args != "":
		writeValidation(w, "task_id_commitment", relay.MsgTaskAlreadyUploaded)
		return
	}
	if !json.Valid([]byte(args)) {
		writeValidation(w, "task_args", "task_args is not valid JSON")
		return
	}
	fhs := r.MultipartForm.File["checkpoint"]
	if len(fhs) != 1 || len(r.MultipartForm.File) != 1 {
		writeValidation(w, "checkpoint", relay.MsgCheckpointMissing)
		return
	}
	f, err := fhs[0].Open()
	if err != nil {
		writeJSON(w, 500, map[string]string{"message": err.Error()})
		return
	}
	data, _ := io.ReadAll(f)
	_ = f.Close()
	if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
		writeValidation(w, "checkpoint", "checkpoint is not a zip")
		return
	}
	tk.args, tk.input, tk.inputName, tk.bodyLength = args, data, fhs[0].Filename, r.ContentLength
	tk.status = relay.TaskStatusParamsUploaded
	writeSuccess(w, tr.record(c, tk))
}

func (tr *testRelay) record(c string, tk *testTask) relay.InferenceTask {
	return relay.InferenceTask{
		ID: 1, TaskArgs: tk.args, TaskIDCommitment: c, Creator: tk.creator.Hex(), Status: tk.status,
		TaskType: relay.TaskTypeSDFinetuneLoRA, TaskFee: 1.5, ModelIDs: []string{"base:crynux-ai/sdxl"},
		SelectedNode: tk.node.Hex(), CreateTime: relay.NullTime{Time: time.Unix(1700000000, 0).UTC(), Valid: true},
	}
}

func (tr *testRelay) getTask(w http.ResponseWriter, r *http.Request) {
	c := r.PathValue("c")
	q := r.URL.Query()
	signer, ok := tr.verify(w, c, q.Get("timestamp"), q.Get("signature"), map[string]any{"task_id_commitment": c})
	if !ok {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tk := tr.tasks[c]
	switch {
	case tk == nil || tk.args == "":
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotFound)
	case signer != tk.creator && signer != tk.node:
		writeValidation(w, "signature", relay.MsgSignerNotAllowed)
	case tk.status > relay.TaskStatusParamsUploaded:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotReady)
	default:
		writeSuccess(w, tr.record(c, tk))
	}
}

// serveFile answers with data (Range honoured unless ignoreRange).
func (tr *testRelay) serveFile(w http.ResponseWriter, r *http.Request, name string, data io.ReadSeeker) {
	tr.mu.Lock()
	ignore := tr.ignoreRange
	tr.mu.Unlock()
	if ignore {
		r.Header.Del("Range")
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	http.ServeContent(w, r, name, time.Time{}, data)
}

func (tr *testRelay) getInputCheckpoint(w http.ResponseWriter, r *http.Request) {
	c := r.PathValue("c")
	q := r.URL.Query()
	signer, ok := tr.verify(w, c, q.Get("timestamp"), q.Get("signature"), map[string]any{"task_id_commitment": c})
	if !ok {
		return
	}
	tk := tr.task(c)
	switch {
	case tk == nil:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotFound)
	case signer != tk.creator && signer != tk.node:
		writeValidation(w, "signature", relay.MsgSignerNotAllowed)
	case tk.status != relay.TaskStatusParamsUploaded:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotReady)
	default:
		tr.serveFile(w, r, "checkpoint.zip", bytes.NewReader(tk.input))
	}
}

func (tr *testRelay) uploadResults(w http.ResponseWriter, r *http.Request) {
	c := r.PathValue("c")
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		writeJSON(w, 500, map[string]string{"message": err.Error()})
		return
	}
	signer, ok := tr.verify(w, c, r.FormValue("timestamp"), r.FormValue("signature"), map[string]any{"task_id_commitment": c})
	if !ok {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tk := tr.tasks[c]
	switch {
	case tk == nil:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotFound)
		return
	case signer != tk.node:
		writeValidation(w, "signature", relay.MsgSignerNotAllowed)
		return
	case tk.status != relay.TaskStatusParamsUploaded:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotReady)
		return
	}
	read := func(name string) [][]byte {
		var out [][]byte
		for _, fh := range r.MultipartForm.File[name] {
			f, err := fh.Open()
			require.NoError(tr.t, err)
			b, _ := io.ReadAll(f)
			_ = f.Close()
			out = append(out, b)
		}
		return out
	}
	tk.results = read("files")
	if ck := read("checkpoint"); len(ck) == 1 {
		tk.resultCkpt = ck[0]
	}
	tk.status = relay.TaskStatusResultsReady
	writeSuccess(w, nil)
}

func (tr *testRelay) resultsAllowed(w http.ResponseWriter, r *http.Request, payload map[string]any, notUploaded string) *testTask {
	c := r.PathValue("c")
	q := r.URL.Query()
	signer, ok := tr.verify(w, c, q.Get("timestamp"), q.Get("signature"), payload)
	if !ok {
		return nil
	}
	tk := tr.task(c)
	switch {
	case tk == nil:
		writeValidation(w, "task_id_commitment", relay.MsgTaskNotFound)
	case signer != tk.creator:
		writeValidation(w, "signature", relay.MsgSignerNotAllowed)
	case tk.status != relay.TaskStatusResultsReady && tk.status != relay.TaskStatusEndSuccess:
		writeValidation(w, "task_id_commitment", notUploaded)
	default:
		return tk
	}
	return nil
}

func (tr *testRelay) getResult(w http.ResponseWriter, r *http.Request) {
	c, idx := r.PathValue("c"), r.PathValue("index")
	tk := tr.resultsAllowed(w, r, map[string]any{"index": idx, "task_id_commitment": c}, relay.MsgResultsNotUploaded)
	if tk == nil {
		return
	}
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 || i >= len(tk.results) {
		writeValidation(w, "index", relay.MsgFileNotFound)
		return
	}
	tr.serveFile(w, r, idx+".png", bytes.NewReader(tk.results[i]))
}

func (tr *testRelay) getResultCheckpoint(w http.ResponseWriter, r *http.Request) {
	c := r.PathValue("c")
	tk := tr.resultsAllowed(w, r, map[string]any{"task_id_commitment": c}, relay.MsgCheckpointNotUploaded)
	if tk == nil {
		return
	}
	tr.serveFile(w, r, "checkpoint.zip", bytes.NewReader(tk.resultCkpt))
}

// --- fixtures ---

type party struct {
	key    *ecdsa.PrivateKey
	signer *wallet.KeySigner
	addr   common.Address
}

func newParty(t testing.TB) party {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	s := wallet.NewKeySigner(k)
	return party{key: k, signer: s, addr: s.Address()}
}

func commitment(n byte) [32]byte {
	var c [32]byte
	for i := range c {
		c[i] = n + byte(i)
	}
	c[0] = 0xab // a-f digits must come out lowercase
	return c
}

// fastRetry keeps test retries quick; no test asserts on timing.
func fastRetry(attempts int) relay.Option {
	return relay.WithRetry(attempts, time.Millisecond, 10*time.Millisecond)
}

func randomBytes(seed uint64, n int) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8)}))
	for i := 0; i < n; i += 8 {
		v := r.Uint64()
		for j := 0; j < 8 && i+j < n; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return b
}

func newClient(t testing.TB, base string, p party, opts ...relay.Option) *relay.Client {
	c, err := relay.New(base, p.signer, opts...)
	require.NoError(t, err)
	return c
}
