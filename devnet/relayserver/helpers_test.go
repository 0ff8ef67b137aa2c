package relayserver

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	mrand "math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
)

// validArgs passes the on-chain-era fine-tune schema; its prompt holds <&>
// so that the signature covers Go's JSON escaping.
const validArgs = `{"model":{"name":"runwayml/stable-diffusion-v1-5"},"dataset":{"name":"lambdalabs/naruto-blip-captions"},` +
	`"validation":{"prompt":"a <cat> & a dog","num_images":2},"train_args":{"num_train_steps":10,"max_train_steps":10},"checkpoint":null}`

type party struct {
	signer *wallet.KeySigner
}

func newParty(t *testing.T) party {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return party{signer: wallet.NewKeySigner(k)}
}

func (p party) addr() common.Address { return p.signer.Address() }

// sign returns timestamp and signature for payload at now+skew.
func (p party) sign(t *testing.T, payload map[string]any, skew time.Duration) (string, string) {
	t.Helper()
	ts := time.Now().Add(skew).Unix()
	sig, err := relay.Sign(context.Background(), p.signer, payload, ts)
	require.NoError(t, err)
	return strconv.FormatInt(ts, 10), sig
}

func newCommitment(t *testing.T) ([32]byte, string) {
	t.Helper()
	var c [32]byte
	_, err := rand.Read(c[:])
	require.NoError(t, err)
	return c, hexutil.Encode(c[:])
}

type env struct {
	t     *testing.T
	chain *mapChain
	dir   string
	srv   *Server
	cfg   Config
}

func newEnv(t *testing.T, mod func(*Config)) *env {
	t.Helper()
	e := &env{t: t, chain: newMapChain(), dir: t.TempDir()}
	e.cfg = Config{Chain: e.chain, DataDir: e.dir, PollInterval: 10 * time.Millisecond}
	if mod != nil {
		mod(&e.cfg)
	}
	e.start()
	return e
}

func (e *env) start() {
	e.t.Helper()
	srv, err := New(e.cfg)
	require.NoError(e.t, err)
	require.NoError(e.t, srv.Start(context.Background(), "127.0.0.1:0"))
	e.t.Cleanup(func() { _ = srv.Close() })
	e.srv = srv
}

func (e *env) restart() {
	e.t.Helper()
	require.NoError(e.t, e.srv.Close())
	e.start()
}

// response is a decoded relay answer.
type response struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func (r response) data() map[string]any {
	d, _ := r.body["data"].(map[string]any)
	return d
}

// requireValidation asserts a 400 validation_error with field and message.
func (r response) requireValidation(t *testing.T, field, message string) {
	t.Helper()
	require.Equal(t, http.StatusBadRequest, r.status, "body: %s", r.raw)
	require.Equal(t, "validation_error", r.body["message"], "body: %s", r.raw)
	require.Equal(t, field, r.data()["field_name"], "body: %s", r.raw)
	require.Equal(t, message, r.data()["message"], "body: %s", r.raw)
}

func (r response) requireOK(t *testing.T) {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.raw)
}

func do(t *testing.T, req *http.Request) response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw}
	if ct := resp.Header.Get("Content-Type"); len(ct) >= 16 && ct[:16] == "application/json" {
		require.NoError(t, json.Unmarshal(raw, &r.body), "body: %s", raw)
	}
	return r
}

type filePart struct {
	field, name string
	data        []byte
}

func multipartBody(t *testing.T, fields map[string]string, files []filePart) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		require.NoError(t, mw.WriteField(k, v))
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.field, f.name)
		require.NoError(t, err)
		_, err = w.Write(f.data)
		require.NoError(t, err)
	}
	require.NoError(t, mw.Close())
	return &buf, mw.FormDataContentType()
}

// createMultipart uploads task args as multipart, with a checkpoint part when ckpt != nil.
func (e *env) createMultipart(p party, cs, args string, ckpt []byte, skew time.Duration) response {
	e.t.Helper()
	ts, sig := p.sign(e.t, map[string]any{"task_args": args, "task_id_commitment": cs}, skew)
	var files []filePart
	if ckpt != nil {
		files = append(files, filePart{"checkpoint", "checkpoint.zip", ckpt})
	}
	body, ct := multipartBody(e.t, map[string]string{"task_args": args, "timestamp": ts, "signature": sig}, files)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL()+"/v1/inference_tasks/"+cs, body)
	require.NoError(e.t, err)
	req.Header.Set("Content-Type", ct)
	return do(e.t, req)
}

func (e *env) createForm(p party, cs, args string) response {
	e.t.Helper()
	ts, sig := p.sign(e.t, map[string]any{"task_args": args, "task_id_commitment": cs}, 0)
	form := url.Values{"task_args": {args}, "timestamp": {ts}, "signature": {sig}}
	req, err := http.NewRequest(http.MethodPost, e.srv.URL()+"/v1/inference_tasks/"+cs, bytes.NewBufferString(form.Encode()))
	require.NoError(e.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(e.t, req)
}

// get sends a signed GET of path under /v1/inference_tasks/{cs}.
func (e *env) get(p party, cs, path string, extra map[string]any, header http.Header) response {
	e.t.Helper()
	payload := map[string]any{"task_id_commitment": cs}
	for k, v := range extra {
		payload[k] = v
	}
	ts, sig := p.sign(e.t, payload, 0)
	u := fmt.Sprintf("%s/v1/inference_tasks/%s%s?%s", e.srv.URL(), cs, path,
		url.Values{"timestamp": {ts}, "signature": {sig}}.Encode())
	req, err := http.NewRequest(http.MethodGet, u, nil)
	require.NoError(e.t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	return do(e.t, req)
}

func (e *env) getTask(p party, cs string) response { return e.get(p, cs, "", nil, nil) }

func (e *env) getResult(p party, cs, index string) response {
	return e.get(p, cs, "/results/"+index, map[string]any{"index": index}, nil)
}

func (e *env) upload(p party, cs string, files [][]byte, ckpt []byte) response {
	e.t.Helper()
	ts, sig := p.sign(e.t, map[string]any{"task_id_commitment": cs}, 0)
	var parts []filePart
	for i, f := range files {
		parts = append(parts, filePart{"files", fmt.Sprintf("%d.png", i), f})
	}
	if ckpt != nil {
		parts = append(parts, filePart{"checkpoint", "checkpoint.zip", ckpt})
	}
	body, ct := multipartBody(e.t, map[string]string{"timestamp": ts, "signature": sig}, parts)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL()+"/v1/inference_tasks/"+cs+"/results", body)
	require.NoError(e.t, err)
	req.Header.Set("Content-Type", ct)
	return do(e.t, req)
}

// relayStatus reads the stored row status.
func (e *env) relayStatus(cs string) int {
	rec, ok := e.srv.store.get(cs)
	require.True(e.t, ok)
	return rec.Task.Status
}

func (e *env) waitRelayStatus(cs string, want int) {
	e.t.Helper()
	require.Eventually(e.t, func() bool { return e.relayStatus(cs) == want }, 10*time.Second, 5*time.Millisecond,
		"relay status of %s never became %d", cs, want)
}

func (e *env) waitChainStatus(c [32]byte, want uint8) {
	e.t.Helper()
	require.Eventually(e.t, func() bool { return e.chain.status(c) == want }, 10*time.Second, 5*time.Millisecond,
		"chain status never became %d", want)
}

// testPNG returns a deterministic noisy 64×64 PNG; different seeds give
// different perceptual hashes.
func testPNG(t *testing.T, seed uint64) []byte {
	t.Helper()
	r := mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			img.Set(x, y, color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

func scoreOf(t *testing.T, taskType uint8, files ...[]byte) []byte {
	t.Helper()
	s, err := ResultScore(taskType, files)
	require.NoError(t, err)
	return s
}

func ckptBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}
