package relayserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNow(t *testing.T) {
	e := newEnv(t, nil)
	resp, err := http.Get(e.srv.URL() + "/v1/now")
	require.NoError(t, err)
	defer resp.Body.Close()
	var body struct {
		Message string `json:"message"`
		Data    struct {
			Now int64 `json:"now"`
		} `json:"data"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.Equal(t, "success", body.Message)
	assert.InDelta(t, time.Now().Unix(), body.Data.Now, 5)
}

// TestFineTuneFlow walks an SD_FT task through every endpoint's success path
// and the relay account's two chain reports.
func TestFineTuneFlow(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
	e.chain.set(c, func(v *TaskView) { v.TaskFee, _ = new(big.Int).SetString("15000000000000000000", 10) })
	input := ckptBytes(5000)

	r := e.createMultipart(creator, cs, validArgs, input, 0)
	r.requireOK(t)
	d := r.data()
	assert.Equal(t, cs, d["task_id_commitment"])
	assert.Equal(t, validArgs, d["task_args"])
	assert.Equal(t, creator.addr().Hex(), d["creator"])
	assert.Equal(t, node.addr().Hex(), d["selected_node"])
	assert.EqualValues(t, TaskTypeSDFT, d["task_type"])
	assert.EqualValues(t, 15.0, d["task_fee"])
	assert.Equal(t, []any{"base:runwayml/stable-diffusion-v1-5"}, d["model_ids"])
	assert.Contains(t, d, "ID")
	assert.Equal(t, true, d["start_time"].(map[string]any)["Valid"])
	stored, err := os.ReadFile(filepath.Join(e.dir, cs, "input", "checkpoint.zip"))
	require.NoError(t, err)
	assert.Equal(t, input, stored)

	// The worker reports the args upload on chain.
	e.waitChainStatus(c, ChainParametersUploaded)
	e.waitRelayStatus(cs, StatusParamsUploaded)

	// The node reads args and the input checkpoint; so may the creator.
	r = e.getTask(node, cs)
	r.requireOK(t)
	assert.EqualValues(t, StatusParamsUploaded, r.data()["status"])
	e.getTask(creator, cs).requireOK(t)
	r = e.get(node, cs, "/checkpoint", nil, nil)
	r.requireOK(t)
	assert.Equal(t, input, r.raw)
	assert.Equal(t, "application/octet-stream", r.header.Get("Content-Type"))
	assert.Equal(t, `attachment; filename=checkpoint.zip`, r.header.Get("Content-Disposition"))

	// Node submits score, creator validates, node uploads.
	imgs := [][]byte{testPNG(t, 1), testPNG(t, 2)}
	e.chain.set(c, func(v *TaskView) {
		v.Score = scoreOf(t, TaskTypeSDFT, imgs...)
		v.Status = ChainValidated
		v.ScoreReadyTime = 1700000100
	})
	out := ckptBytes(9000)
	e.upload(node, cs, imgs, out).requireOK(t)

	// The worker reports the result upload on chain and ends the row.
	e.waitChainStatus(c, ChainEndSuccess)
	e.waitRelayStatus(cs, StatusEndSuccess)

	for i, img := range imgs {
		r = e.getResult(creator, cs, string(rune('0'+i)))
		r.requireOK(t)
		assert.Equal(t, img, r.raw)
		assert.Equal(t, "application/octet-stream", r.header.Get("Content-Type"))
		assert.Contains(t, r.header.Get("Content-Disposition"), ".png")
	}
	r = e.get(creator, cs, "/results/checkpoint", nil, nil)
	r.requireOK(t)
	assert.Equal(t, out, r.raw)

	// After the end the task is no longer "ready" for GET task (upstream behaviour).
	e.getTask(creator, cs).requireValidation(t, "task_id_commitment", "Task not ready")
	e.chain.mu.Lock()
	assert.Equal(t, 1, e.chain.paramsCalls)
	assert.Equal(t, 1, e.chain.resultCalls)
	e.chain.mu.Unlock()
}

func TestGroupValidatedEndsGroupSuccess(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSD, creator.addr(), node.addr())
	e.createForm(creator, cs, `{"prompt":"x"}`).requireOK(t)
	e.waitRelayStatus(cs, StatusParamsUploaded)
	img := testPNG(t, 7)
	e.chain.set(c, func(v *TaskView) { v.Score = scoreOf(t, TaskTypeSD, img); v.Status = ChainGroupValidated })
	e.upload(node, cs, [][]byte{img}, nil).requireOK(t)
	e.waitChainStatus(c, ChainEndGroupSuccess)
	e.waitRelayStatus(cs, StatusEndSuccess)
	r := e.getResult(creator, cs, "0")
	r.requireOK(t)
	assert.Equal(t, img, r.raw)
	// SD has no checkpoint.
	e.get(creator, cs, "/results/checkpoint", nil, nil).requireValidation(t, "task_id_commitment", "File not found")
}

func TestCreateErrors(t *testing.T) {
	e := newEnv(t, nil)
	creator, node, other := newParty(t), newParty(t), newParty(t)
	ckpt := ckptBytes(100)

	t.Run("malformed commitment", func(t *testing.T) {
		_, cs := newCommitment(t)
		upper := "0x" + strings.ToUpper(cs[2:])
		e.createMultipart(creator, upper, validArgs, ckpt, 0).requireValidation(t, "task_id_commitment", "Invalid task id commitment")
		e.createMultipart(creator, cs[:20], validArgs, ckpt, 0).requireValidation(t, "task_id_commitment", "Invalid task id commitment")
	})
	t.Run("not on chain", func(t *testing.T) {
		_, cs := newCommitment(t)
		e.createMultipart(creator, cs, validArgs, ckpt, 0).requireValidation(t, "task_id_commitment", "Task not found on the Blockchain")
	})
	t.Run("not started", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		e.chain.set(c, func(v *TaskView) { v.Status = ChainQueued })
		e.createMultipart(creator, cs, validArgs, ckpt, 0).requireValidation(t, "task_id_commitment", "Task not started")
	})
	t.Run("signer not creator", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		e.createMultipart(other, cs, validArgs, ckpt, 0).requireValidation(t, "signature", "Signer not allowed")
		e.createMultipart(node, cs, validArgs, ckpt, 0).requireValidation(t, "signature", "Signer not allowed")
	})
	t.Run("invalid args", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		r := e.createMultipart(creator, cs, `{"model":{"name":"m"}}`, ckpt, 0)
		require.Equal(t, http.StatusBadRequest, r.status, "%s", r.raw)
		assert.Equal(t, "task_args", r.data()["field_name"])
		assert.Contains(t, r.data()["message"], "dataset")
	})
	t.Run("missing args", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		e.createMultipart(creator, cs, "", ckpt, 0).requireValidation(t, "task_args", "Field required")
	})
	t.Run("already uploaded", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		e.chain.setReportErr(errors.New("rpc down")) // keep the chain at Started
		defer e.chain.setReportErr(nil)
		e.createMultipart(creator, cs, validArgs, ckpt, 0).requireOK(t)
		e.createMultipart(creator, cs, validArgs, ckpt, 0).requireValidation(t, "task_id_commitment", "Task already uploaded")
	})
	t.Run("SD_FT urlencoded", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		r := e.createForm(creator, cs, validArgs)
		require.Equal(t, http.StatusInternalServerError, r.status)
		assert.Equal(t, map[string]any{"message": "request Content-Type isn't multipart/form-data"}, r.body)
	})
	t.Run("SD_FT without checkpoint part", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		e.createMultipart(creator, cs, validArgs, nil, 0).requireValidation(t, "checkpoint", "Checkpoint not uploaded")
	})
	t.Run("chain error is 500", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
		e.chain.setGetErr(errors.New("connection refused"))
		defer e.chain.setGetErr(nil)
		r := e.createMultipart(creator, cs, validArgs, ckpt, 0)
		require.Equal(t, http.StatusInternalServerError, r.status)
		assert.Contains(t, r.body["message"], "connection refused")
	})
	t.Run("JSON body accepted", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSD, creator.addr(), node.addr())
		args := `{"prompt":"<a & b>"}`
		ts, sig := creator.sign(t, map[string]any{"task_args": args, "task_id_commitment": cs}, 0)
		body, err := json.Marshal(map[string]string{"Task_Args": args, "timestamp": ts, "signature": sig})
		require.NoError(t, err)
		req, err := http.NewRequest(http.MethodPost, e.srv.URL()+"/v1/inference_tasks/"+cs, bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		r := do(t, req)
		r.requireOK(t)
		assert.Equal(t, args, r.data()["task_args"])
	})
	t.Run("LLM urlencoded accepted", func(t *testing.T) {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeLLM, creator.addr(), node.addr())
		e.createForm(creator, cs, `{"messages":[]}`).requireOK(t)
	})
}

func TestSignatureChecks(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())

	e.createMultipart(creator, cs, validArgs, ckptBytes(10), -2*time.Minute).requireValidation(t, "timestamp", "Timestamp expired")
	e.createMultipart(creator, cs, validArgs, ckptBytes(10), 2*time.Minute).requireValidation(t, "timestamp", "Timestamp expired")

	send := func(q string) response {
		req, err := http.NewRequest(http.MethodGet, e.srv.URL()+"/v1/inference_tasks/"+cs+"?"+q, nil)
		require.NoError(t, err)
		return do(t, req)
	}
	ts, sig := creator.sign(t, map[string]any{"task_id_commitment": cs}, 0)
	send("timestamp="+ts+"&signature=0x1234").requireValidation(t, "signature", "Invalid signature")
	send("timestamp="+ts+"&signature=nothex").requireValidation(t, "signature", "Invalid signature")
	send("timestamp="+ts).requireValidation(t, "signature", "Field required")
	send("signature="+sig).requireValidation(t, "timestamp", "Field required")
	send("timestamp=abc&signature="+sig).requireValidation(t, "timestamp", "Invalid timestamp")

	// A signature over another payload recovers some other address.
	e.chain.setReportErr(errors.New("hold"))
	e.createMultipart(creator, cs, validArgs, ckptBytes(10), 0).requireOK(t)
	ts2, sig2 := creator.sign(t, map[string]any{"task_id_commitment": cs, "extra": "x"}, 0)
	send("timestamp="+ts2+"&signature="+sig2).requireValidation(t, "signature", "Signer not allowed")
}

func TestGetTaskAndInputCheckpointErrors(t *testing.T) {
	e := newEnv(t, nil)
	creator, node, other := newParty(t), newParty(t), newParty(t)

	_, unknown := newCommitment(t)
	e.getTask(creator, unknown).requireValidation(t, "task_id_commitment", "Task not found")
	e.get(creator, unknown, "/checkpoint", nil, nil).requireValidation(t, "task_id_commitment", "Task not found")

	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
	e.chain.setReportErr(errors.New("rpc down")) // relay stays Created
	e.createMultipart(creator, cs, validArgs, ckptBytes(10), 0).requireOK(t)
	e.getTask(other, cs).requireValidation(t, "signature", "Signer not allowed")
	r := e.getTask(node, cs)
	r.requireOK(t)
	assert.EqualValues(t, StatusCreated, r.data()["status"])
	e.get(other, cs, "/checkpoint", nil, nil).requireValidation(t, "signature", "Signer not allowed")
	e.get(node, cs, "/checkpoint", nil, nil).requireValidation(t, "task_id_commitment", "Task not ready")

	// An SD task has no input checkpoint.
	c2, cs2 := newCommitment(t)
	e.chain.add(c2, TaskTypeSD, creator.addr(), node.addr())
	e.chain.setReportErr(nil)
	e.createForm(creator, cs2, `{}`).requireOK(t)
	e.waitRelayStatus(cs2, StatusParamsUploaded)
	e.get(node, cs2, "/checkpoint", nil, nil).requireValidation(t, "task_id_commitment", "File not found")
}

func TestUploadResultErrors(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	imgs := [][]byte{testPNG(t, 11), testPNG(t, 12)}
	out := ckptBytes(300)

	_, unknown := newCommitment(t)
	e.upload(node, unknown, imgs, out).requireValidation(t, "task_id_commitment", "Task not found")

	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
	e.chain.setReportErr(errors.New("rpc down"))
	e.createMultipart(creator, cs, validArgs, ckptBytes(10), 0).requireOK(t)
	e.upload(node, cs, imgs, out).requireValidation(t, "task_id_commitment", "Task not ready")
	e.chain.setReportErr(nil)
	e.waitRelayStatus(cs, StatusParamsUploaded)

	e.upload(creator, cs, imgs, out).requireValidation(t, "signature", "Signer not allowed")
	e.chain.set(c, func(v *TaskView) { v.Score = scoreOf(t, TaskTypeSDFT, imgs...); v.Status = ChainScoreReady })
	e.upload(node, cs, imgs, out).requireValidation(t, "task_id_commitment", "Task not validated")

	// Hold the final report so the row stays ResultsReady for the "already uploaded" check.
	e.chain.setReportErr(errors.New("hold"))
	e.chain.set(c, func(v *TaskView) { v.Status = ChainValidated })
	e.upload(node, cs, imgs, nil).requireValidation(t, "checkpoint", "Checkpoint not uploaded")
	e.upload(node, cs, nil, out).requireValidation(t, "files", "Result files not uploaded")
	e.upload(node, cs, [][]byte{imgs[1], imgs[0]}, out).requireValidation(t, "files", "Wrong result files uploaded")
	e.upload(node, cs, [][]byte{imgs[0]}, out).requireValidation(t, "files", "Wrong result files uploaded")
	e.upload(node, cs, [][]byte{imgs[0], testPNG(t, 99)}, out).requireValidation(t, "files", "Wrong result files uploaded")
	e.upload(node, cs, [][]byte{imgs[0], []byte("not a png")}, out).requireValidation(t, "files", "Wrong result files uploaded")
	// A urlencoded result upload is refused like upstream's multipart binding.
	ts, sig := node.sign(t, map[string]any{"task_id_commitment": cs}, 0)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL()+"/v1/inference_tasks/"+cs+"/results",
		strings.NewReader("timestamp="+ts+"&signature="+sig))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := do(t, req)
	require.Equal(t, http.StatusInternalServerError, r.status)
	assert.Equal(t, "request Content-Type isn't multipart/form-data", r.body["message"])
	_, err = os.Stat(filepath.Join(e.dir, cs, "results"))
	assert.True(t, os.IsNotExist(err), "rejected uploads must not leave files")

	e.upload(node, cs, imgs, out).requireOK(t)
	assert.Equal(t, StatusResultsReady, e.relayStatus(cs))
	e.upload(node, cs, imgs, out).requireValidation(t, "task_id_commitment", "Task already uploaded")

}

func TestLLMResultsUseSHA256(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeLLM, creator.addr(), node.addr())
	e.createForm(creator, cs, `{"messages":[]}`).requireOK(t)
	e.waitRelayStatus(cs, StatusParamsUploaded)
	result := []byte(`{"choices":[{"text":"hi"}]}`)
	sum := sha256.Sum256(result)
	e.chain.set(c, func(v *TaskView) { v.Score = sum[:]; v.Status = ChainValidated })
	e.upload(node, cs, [][]byte{[]byte(`{"choices":[]}`)}, nil).requireValidation(t, "files", "Wrong result files uploaded")
	e.upload(node, cs, [][]byte{result}, nil).requireOK(t)
	e.waitRelayStatus(cs, StatusEndSuccess)
	r := e.getResult(creator, cs, "0")
	r.requireOK(t)
	assert.Equal(t, result, r.raw)
	assert.Contains(t, r.header.Get("Content-Disposition"), "0.json")
}

func TestDownloadErrors(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())

	_, unknown := newCommitment(t)
	e.getResult(creator, unknown, "0").requireValidation(t, "task_id_commitment", "Task not found")

	e.createMultipart(creator, cs, validArgs, ckptBytes(10), 0).requireOK(t)
	e.waitRelayStatus(cs, StatusParamsUploaded)
	e.getResult(creator, cs, "0").requireValidation(t, "task_id_commitment", "Task results not uploaded")
	e.get(creator, cs, "/results/checkpoint", nil, nil).requireValidation(t, "task_id_commitment", "Task checkpoint not uploaded")

	img := testPNG(t, 5)
	e.chain.set(c, func(v *TaskView) { v.Score = scoreOf(t, TaskTypeSDFT, img); v.Status = ChainValidated })
	e.upload(node, cs, [][]byte{img}, ckptBytes(20)).requireOK(t)

	e.getResult(node, cs, "0").requireValidation(t, "signature", "Signer not allowed")
	e.get(node, cs, "/results/checkpoint", nil, nil).requireValidation(t, "signature", "Signer not allowed")
	e.getResult(creator, cs, "1").requireValidation(t, "index", "File not found")
	e.getResult(creator, cs, "abc").requireValidation(t, "index", "Invalid index")
	e.getResult(creator, cs, "-1").requireValidation(t, "index", "Invalid index")
	// The index is part of the signed payload.
	r := e.get(creator, cs, "/results/0", map[string]any{"index": "1"}, nil)
	r.requireValidation(t, "signature", "Signer not allowed")
}

func TestRangeDownload(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
	e.createMultipart(creator, cs, validArgs, ckptBytes(10), 0).requireOK(t)
	e.waitRelayStatus(cs, StatusParamsUploaded)
	img := testPNG(t, 3)
	e.chain.set(c, func(v *TaskView) { v.Score = scoreOf(t, TaskTypeSDFT, img); v.Status = ChainValidated })
	out := ckptBytes(100000)
	e.upload(node, cs, [][]byte{img}, out).requireOK(t)

	r := e.get(creator, cs, "/results/checkpoint", nil, http.Header{"Range": {"bytes=1000-"}})
	require.Equal(t, http.StatusPartialContent, r.status)
	assert.Equal(t, out[1000:], r.raw)
	assert.Equal(t, "bytes 1000-99999/100000", r.header.Get("Content-Range"))
	assert.Equal(t, "application/octet-stream", r.header.Get("Content-Type"))

	r = e.get(creator, cs, "/results/0", map[string]any{"index": "0"}, http.Header{"Range": {"bytes=10-19"}})
	require.Equal(t, http.StatusPartialContent, r.status)
	assert.Equal(t, img[10:20], r.raw)
}

func TestBodyLimit(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.MaxBodyBytes = 4096 })
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())

	r := e.createMultipart(creator, cs, validArgs, ckptBytes(8192), 0)
	require.Equal(t, http.StatusRequestEntityTooLarge, r.status, "%s", r.raw)
	assert.Contains(t, r.body["message"], "4096 bytes")

	// Without a Content-Length the limit is enforced while reading.
	ts, sig := creator.sign(t, map[string]any{"task_args": validArgs, "task_id_commitment": cs}, 0)
	body, ct := multipartBody(t, map[string]string{"task_args": validArgs, "timestamp": ts, "signature": sig},
		[]filePart{{"checkpoint", "checkpoint.zip", ckptBytes(8192)}})
	req, err := http.NewRequest(http.MethodPost, e.srv.URL()+"/v1/inference_tasks/"+cs, io.NopCloser(body))
	require.NoError(t, err)
	req.ContentLength = -1
	req.Header.Set("Content-Type", ct)
	r = do(t, req)
	require.Equal(t, http.StatusRequestEntityTooLarge, r.status, "%s", r.raw)

	// A small body passes.
	e.createMultipart(creator, cs, validArgs, ckptBytes(100), 0).requireOK(t)
}

// TestRestartKeepsEverything restarts the relay between the result upload
// and the downloads, and between args upload and the chain report.
func TestRestartKeepsEverything(t *testing.T) {
	e := newEnv(t, nil)
	creator, node := newParty(t), newParty(t)
	c, cs := newCommitment(t)
	e.chain.add(c, TaskTypeSDFT, creator.addr(), node.addr())
	input := ckptBytes(777)

	// The chain is unreachable for reports: the row stays Created across a restart.
	e.chain.setReportErr(errors.New("rpc down"))
	e.createMultipart(creator, cs, validArgs, input, 0).requireOK(t)
	e.restart()
	assert.Equal(t, StatusCreated, e.relayStatus(cs))
	e.createMultipart(creator, cs, validArgs, input, 0).requireValidation(t, "task_id_commitment", "Task already uploaded")

	// The resumed worker reports once the chain is back.
	e.chain.setReportErr(nil)
	e.waitChainStatus(c, ChainParametersUploaded)
	e.waitRelayStatus(cs, StatusParamsUploaded)
	r := e.get(node, cs, "/checkpoint", nil, nil)
	r.requireOK(t)
	assert.Equal(t, input, r.raw)

	imgs := [][]byte{testPNG(t, 21), testPNG(t, 22), testPNG(t, 23)}
	out := ckptBytes(4321)
	e.chain.set(c, func(v *TaskView) { v.Score = scoreOf(t, TaskTypeSDFT, imgs...); v.Status = ChainValidated })
	e.chain.setReportErr(errors.New("rpc down"))
	e.upload(node, cs, imgs, out).requireOK(t)
	e.restart()

	assert.Equal(t, StatusResultsReady, e.relayStatus(cs))
	for i, img := range imgs {
		r := e.getResult(creator, cs, string(rune('0'+i)))
		r.requireOK(t)
		assert.Equal(t, img, r.raw)
	}
	r = e.get(creator, cs, "/results/checkpoint", nil, nil)
	r.requireOK(t)
	assert.Equal(t, out, r.raw)

	e.chain.setReportErr(nil)
	e.waitChainStatus(c, ChainEndSuccess)
	e.waitRelayStatus(cs, StatusEndSuccess)
	e.restart()
	assert.Equal(t, StatusEndSuccess, e.relayStatus(cs))
	r = e.getResult(creator, cs, "2")
	r.requireOK(t)
	assert.Equal(t, imgs[2], r.raw)
}

func TestWorkerMirrorsChainEndAndDeadline(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.TaskTimeout = time.Hour })
	creator, node := newParty(t), newParty(t)

	cases := []struct {
		chain uint8
		relay int
	}{
		{ChainEndAborted, StatusEndAborted},
		{ChainEndInvalidated, StatusEndInvalidated},
		{ChainEndGroupRefund, StatusEndGroupRefund},
	}
	for _, tc := range cases {
		c, cs := newCommitment(t)
		e.chain.add(c, TaskTypeSD, creator.addr(), node.addr())
		e.createForm(creator, cs, `{}`).requireOK(t)
		e.waitRelayStatus(cs, StatusParamsUploaded)
		e.chain.set(c, func(v *TaskView) { v.Status = tc.chain; v.AbortReason = 1 })
		e.waitRelayStatus(cs, tc.relay)
		img := testPNG(t, 1)
		e.upload(node, cs, [][]byte{img}, nil).requireValidation(t, "task_id_commitment", "Task not ready")
	}

	// Deadline: a relay whose chain never moves gives up.
	var skew atomic.Int64
	e2 := newEnv(t, func(c *Config) {
		c.TaskTimeout = time.Minute
		c.Now = func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }
	})
	c, cs := newCommitment(t)
	e2.chain.add(c, TaskTypeSD, creator.addr(), node.addr())
	e2.createForm(creator, cs, `{}`).requireOK(t)
	e2.waitRelayStatus(cs, StatusParamsUploaded)
	skew.Store(int64(2 * time.Minute))
	e2.waitRelayStatus(cs, StatusEndAborted)
	assert.Equal(t, ChainParametersUploaded, e2.chain.status(c), "the relay does not touch the chain on its own deadline")
}

func TestSchemaServed(t *testing.T) {
	e := newEnv(t, nil)
	for _, name := range []string{"stable-diffusion-finetune-lora-task.json", "sd-finetune-lora-task.vss.json", "sd-finetune-lora-task.latest.json"} {
		resp, err := http.Get(e.srv.URL() + "/schema/" + name)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, name)
		var v map[string]any
		require.NoError(t, json.Unmarshal(b, &v), name)
		assert.Contains(t, v, "properties")
	}
	resp, err := http.Get(e.srv.URL() + "/schema/nope.json")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestNewValidatesConfig(t *testing.T) {
	_, err := New(Config{DataDir: t.TempDir()})
	require.Error(t, err)
	_, err = New(Config{Chain: newMapChain()})
	require.Error(t, err)
	_, err = New(Config{Chain: newMapChain(), DataDir: t.TempDir(), ArgsSchema: "v9"})
	require.Error(t, err)
}

func TestCloseStopsOnContext(t *testing.T) {
	srv, err := New(Config{Chain: newMapChain(), DataDir: t.TempDir()})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	require.NoError(t, srv.Start(ctx, "127.0.0.1:0"))
	url := srv.URL()
	cancel()
	require.Eventually(t, func() bool {
		_, err := http.Get(url + "/v1/now")
		return err != nil
	}, 5*time.Second, 10*time.Millisecond)
	require.NoError(t, srv.Close())
}
