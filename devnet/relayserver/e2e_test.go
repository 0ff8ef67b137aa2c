package relayserver_test

// End-to-end tests of the Relay client (package relay) against the devnet
// Relay server over real HTTP on 127.0.0.1, with the real VSS contracts
// deployed by devnet.Deploy on the auto-mined in-process chain. The server
// plays the relay account through a transaction manager; the test drives
// the creator's and the node's chain calls itself (protocol §2.5).

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/node"
	"github.com/crynux-go/crynux/devnet/relayserver"
	"github.com/crynux-go/crynux/internal/faultproxy"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/relay/taskargs"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Chain task statuses (protocol §2.2).
const (
	stQueued             = relayserver.ChainQueued
	stStarted            = relayserver.ChainStarted
	stParametersUploaded = relayserver.ChainParametersUploaded
	stScoreReady         = relayserver.ChainScoreReady
	stValidated          = relayserver.ChainValidated
	stEndSuccess         = relayserver.ChainEndSuccess
)

const (
	e2eGPU     = "NVIDIA GeForce RTX 4090"
	e2eVRAM    = 24
	e2eModel   = "runwayml/stable-diffusion-v1-5"
	taskTypeFT = relayserver.TaskTypeSDFT
	// msgTimestampExpired is the server's text for a timestamp outside the
	// ±60 s window (the client has no constant for it: it matches any
	// timestamp/signature complaint as ErrInvalidSignature).
	msgTimestampExpired = "Timestamp expired"
)

func e2eCNX(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// gatedSender is the relay account's Sender: a transaction manager behind
// a gate the test can close, so that the server's reports wait (keeping the
// relay row in Created or ResultsReady) until the test opens it again.
type gatedSender struct {
	m    *txmgr.Manager
	mu   sync.Mutex
	gate chan struct{} // non-nil: Send waits until it is closed
}

func (s *gatedSender) hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gate == nil {
		s.gate = make(chan struct{})
	}
}

func (s *gatedSender) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gate != nil {
		close(s.gate)
		s.gate = nil
	}
}

func (s *gatedSender) Send(ctx context.Context, to common.Address, data []byte) error {
	s.mu.Lock()
	g := s.gate
	s.mu.Unlock()
	if g != nil {
		select {
		case <-g:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	_, err := s.m.Send(ctx, txmgr.Request{To: &to, Data: data})
	return err
}

// e2e is a deployed VSS stack with a running Relay server, a joined node
// account and a creator account, plus Relay clients for creator, node and
// a stranger.
type e2e struct {
	backend   devnet.Backend
	contracts *devnet.Contracts
	vss       *bindings.VSSTask

	relaySender *gatedSender
	dataDir     string
	addr        string // the Relay's host:port, kept across restarts
	srv         *relayserver.Server

	creator, node, stranger       *wallet.KeySigner
	creatorTx, nodeTx             *txmgr.Manager
	creatorRC, nodeRC, strangerRC *relay.Client
}

func newKey(tb testing.TB) *wallet.KeySigner {
	tb.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(tb, err)
	return wallet.NewKeySigner(k)
}

// fastRetry keeps failing calls short in tests.
func fastRetry() relay.Option { return relay.WithRetry(4, 20*time.Millisecond, 200*time.Millisecond) }

func newE2E(tb testing.TB, ctx context.Context) *e2e {
	tb.Helper()
	deployer, relayAcct := newKey(tb), newKey(tb)
	e := &e2e{creator: newKey(tb), node: newKey(tb), stranger: newKey(tb), vss: bindings.NewVSSTask()}
	alloc := types.GenesisAlloc{}
	for _, a := range []common.Address{deployer.Address(), relayAcct.Address(), e.creator.Address(), e.node.Address()} {
		alloc[a] = types.Account{Balance: e2eCNX(1000)}
	}
	chain, err := devnet.StartSimChain(devnet.SimChainOptions{Alloc: alloc})
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = chain.Close() })
	e.backend = chain.Client()

	e.contracts, err = devnet.Deploy(ctx, e.backend, deployer, devnet.DeployOptions{Relay: relayAcct.Address(), TaskTimeout: time.Hour})
	require.NoError(tb, err)

	newTx := func(s wallet.Signer) *txmgr.Manager {
		m, err := txmgr.New(chain.Client(), s, txmgr.WithPollInterval(10*time.Millisecond))
		require.NoError(tb, err)
		tb.Cleanup(func() { _ = m.Close() })
		return m
	}
	e.relaySender = &gatedSender{m: newTx(relayAcct)}
	e.creatorTx, e.nodeTx = newTx(e.creator), newTx(e.node)
	// Opened last so that they close first: a held report must not block the
	// managers' Close.
	tb.Cleanup(e.relaySender.release)

	e.dataDir = tb.TempDir()
	e.startServer(tb, "127.0.0.1:0")
	e.addr = strings.TrimPrefix(e.srv.URL(), "http://")

	e.creatorRC = e.client(tb, e.srv.URL(), e.creator)
	e.nodeRC = e.client(tb, e.srv.URL(), e.node)
	e.strangerRC = e.client(tb, e.srv.URL(), e.stranger)

	// The node joins (protocol §2.11) with the GPU every task asks for.
	pub, err := e.node.PublicKey(ctx)
	require.NoError(tb, err)
	join := bindings.NewNode().PackJoin(e2eGPU, big.NewInt(e2eVRAM),
		[3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, pub, []string{})
	e.send(tb, ctx, e.nodeTx, e.contracts.Node, join, e2eCNX(400))
	return e
}

func (e *e2e) client(tb testing.TB, base string, s wallet.Signer, opts ...relay.Option) *relay.Client {
	tb.Helper()
	c, err := relay.New(base, s, append([]relay.Option{fastRetry()}, opts...)...)
	require.NoError(tb, err)
	return c
}

// startServer starts a Relay server on addr over e.dataDir.
func (e *e2e) startServer(tb testing.TB, addr string) {
	tb.Helper()
	srv, err := relayserver.New(relayserver.Config{
		Chain:        relayserver.NewContractChain(e.backend, e.contracts.VSSTask, e.relaySender),
		DataDir:      e.dataDir,
		PollInterval: 20 * time.Millisecond,
	})
	require.NoError(tb, err)
	require.NoError(tb, srv.Start(context.Background(), addr))
	tb.Cleanup(func() { _ = srv.Close() })
	e.srv = srv
}

// restartServer closes the server and starts a new one on the same data
// directory and port.
func (e *e2e) restartServer(tb testing.TB) {
	tb.Helper()
	require.NoError(tb, e.srv.Close())
	e.startServer(tb, e.addr)
	require.Equal(tb, "http://"+e.addr, e.srv.URL())
}

func (e *e2e) send(tb testing.TB, ctx context.Context, m *txmgr.Manager, to common.Address, data []byte, value *big.Int) {
	tb.Helper()
	_, err := m.Send(ctx, txmgr.Request{To: &to, Data: data, Value: value})
	require.NoError(tb, err)
}

func (e *e2e) chainTask(tb testing.TB, ctx context.Context, c [32]byte) bindings.VSSTaskTaskInfo {
	tb.Helper()
	out, err := e.backend.CallContract(ctx, ethereum.CallMsg{To: &e.contracts.VSSTask, Data: e.vss.PackGetTask(c)}, nil)
	require.NoError(tb, err)
	info, err := e.vss.UnpackGetTask(out)
	require.NoError(tb, err)
	return info
}

func (e *e2e) chainStatus(ctx context.Context, c [32]byte) (uint8, error) {
	out, err := e.backend.CallContract(ctx, ethereum.CallMsg{To: &e.contracts.VSSTask, Data: e.vss.PackGetTask(c)}, nil)
	if err != nil {
		return 0, err
	}
	info, err := e.vss.UnpackGetTask(out)
	return info.Status, err
}

func (e *e2e) waitChain(tb testing.TB, ctx context.Context, c [32]byte, want uint8) {
	tb.Helper()
	for {
		info := e.chainTask(tb, ctx, c)
		if info.Status == want {
			return
		}
		select {
		case <-ctx.Done():
			tb.Fatalf("task %x: chain status %d, still waiting for %d", c, info.Status, want)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// createTask creates a fine-tune task whose VRF puts it on the single
// validation path and checks that it reached wantStatus (Started on the
// idle node, Queued while the node is busy).
func (e *e2e) createTask(tb testing.TB, ctx context.Context, wantStatus uint8) [32]byte {
	tb.Helper()
	var guid [32]byte
	_, err := rand.Read(guid[:])
	require.NoError(tb, err)
	// Nothing else is sent meanwhile, so the predicted sampling seed holds.
	nonce, c, err := devnet.DrawCommitmentForPath(ctx, e.backend, e.creator, guid, false)
	require.NoError(tb, err)
	data := e.vss.PackCreateTask(taskTypeFT, c, nonce, []string{"base:" + e2eModel}, big.NewInt(e2eVRAM), e2eGPU,
		big.NewInt(e2eVRAM), [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, big.NewInt(1))
	e.send(tb, ctx, e.creatorTx, e.contracts.VSSTask, data, e2eCNX(1))
	info := e.chainTask(tb, ctx, c)
	require.Equal(tb, wantStatus, info.Status, "chain status of the new task")
	_, beta, err := e.creator.ProveVRF(ctx, info.SamplingSeed[:])
	require.NoError(tb, err)
	require.False(tb, ecvrf.SelectedForValidation(beta),
		"the stored sampling seed differs from the predicted one (another transaction slipped in): the task needs group validation")
	if wantStatus == stStarted {
		require.Equal(tb, e.node.Address(), info.SelectedNode)
	}
	return c
}

// submitScore sends the node's submitTaskScore.
func (e *e2e) submitScore(tb testing.TB, ctx context.Context, c [32]byte, score []byte) {
	tb.Helper()
	e.send(tb, ctx, e.nodeTx, e.contracts.VSSTask, e.vss.PackSubmitTaskScore(c, score), nil)
	e.waitChain(tb, ctx, c, stScoreReady)
}

// validate sends the creator's validateSingleTask.
func (e *e2e) validate(tb testing.TB, ctx context.Context, c [32]byte) {
	tb.Helper()
	info := e.chainTask(tb, ctx, c)
	pi, _, err := e.creator.ProveVRF(ctx, info.SamplingSeed[:])
	require.NoError(tb, err)
	pub, err := e.creator.PublicKey(ctx)
	require.NoError(tb, err)
	e.send(tb, ctx, e.creatorTx, e.contracts.VSSTask, e.vss.PackValidateSingleTask(c, pi, pub), nil)
	e.waitChain(tb, ctx, c, stValidated)
}

// fetchInputCheckpoint waits (retrying "Task not ready") until the Relay
// serves the task's input checkpoint to the node.
func (e *e2e) fetchInputCheckpoint(tb testing.TB, ctx context.Context, c [32]byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	n, err := e.nodeRC.GetInputCheckpoint(ctx, c, &buf, relay.WithCallRetry(0, 20*time.Millisecond, 100*time.Millisecond))
	require.NoError(tb, err)
	require.EqualValues(tb, buf.Len(), n)
	return buf.Bytes()
}

// runTask takes a fresh task through the whole single-validation flow: the
// creator uploads args and inputCkpt, the node fetches them, trains,
// submits the score and, after the creator validated, uploads the images
// and resultCkpt (the trained checkpoint when nil) through uploader (nil:
// the node's client). It returns once the chain task is EndSuccess.
func (e *e2e) runTask(tb testing.TB, ctx context.Context, args string, inputCkpt, resultCkpt []byte, uploader *relay.Client) ([32]byte, *node.TrainOutput) {
	tb.Helper()
	c := e.createTask(tb, ctx, stStarted)
	_, err := e.creatorRC.UploadTaskArgs(ctx, c, args, bytes.NewReader(inputCkpt))
	require.NoError(tb, err)
	e.waitChain(tb, ctx, c, stParametersUploaded)
	task, err := e.nodeRC.GetTask(ctx, c)
	require.NoError(tb, err)
	in := e.fetchInputCheckpoint(tb, ctx, c)
	require.Equal(tb, inputCkpt, in)
	out, err := node.Train([]byte(task.TaskArgs), in, node.TrainOptions{})
	require.NoError(tb, err)
	e.submitScore(tb, ctx, c, out.Score)
	e.validate(tb, ctx, c)
	if resultCkpt == nil {
		resultCkpt = out.Checkpoint
	}
	if uploader == nil {
		uploader = e.nodeRC
	}
	require.NoError(tb, uploader.UploadResults(ctx, c, readers(out.Images), bytes.NewReader(resultCkpt)))
	e.waitChain(tb, ctx, c, stEndSuccess)
	return c, out
}

func readers(bs [][]byte) []io.Reader {
	out := make([]io.Reader, len(bs))
	for i, b := range bs {
		out[i] = bytes.NewReader(b)
	}
	return out
}

// ftArgs returns fine-tune task args (they pass the on-chain-era schema)
// with prompt written as is: '<', '>' and '&' stay literal, unlike Go's
// default JSON escaping. resume sets "checkpoint" so that the node trains
// on the input checkpoint.
func ftArgs(tb testing.TB, prompt string, resume bool) string {
	tb.Helper()
	var p bytes.Buffer
	enc := json.NewEncoder(&p)
	enc.SetEscapeHTML(false)
	require.NoError(tb, enc.Encode(prompt))
	ckpt := "null"
	if resume {
		ckpt = strconv.Quote(taskargs.CheckpointResume)
	}
	args := `{"model":{"name":"` + e2eModel + `"},"dataset":{"name":"lambdalabs/naruto-blip-captions"},` +
		`"validation":{"prompt":` + strings.TrimSpace(p.String()) + `,"num_images":2},` +
		`"train_args":{"num_train_steps":10,"max_train_steps":30},"seed":7,"checkpoint":` + ckpt + `}`
	require.NoError(tb, taskargs.Validate([]byte(args), taskargs.SchemaVSS))
	return args
}

// inputCheckpoint is the checkpoint of an earlier simulated run, so the
// node resumes from a real checkpoint zip.
func inputCheckpoint(tb testing.TB) []byte {
	tb.Helper()
	out, err := node.Train([]byte(ftArgs(tb, "first run", false)), nil, node.TrainOptions{})
	require.NoError(tb, err)
	return out.Checkpoint
}

// requireRelayErr checks that err is the Relay's validation error with
// message msg on field (any field when empty) and matches every sentinel.
func requireRelayErr(tb testing.TB, err error, field, msg string, sentinels ...error) *relay.ValidationError {
	tb.Helper()
	require.Error(tb, err)
	var ve *relay.ValidationError
	require.ErrorAs(tb, err, &ve, "%v", err)
	assert.Equal(tb, msg, ve.Message)
	if field != "" {
		assert.Equal(tb, field, ve.Field)
	}
	for _, s := range sentinels {
		assert.ErrorIs(tb, err, s)
	}
	assert.Contains(tb, err.Error(), msg)
	return ve
}

func TestE2EEndpointsAndErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	e := newE2E(t, ctx)
	noRetryNotReady := relay.WithRetryNotReady(false)

	// GET /v1/now through SyncClock: the same machine, so the offset is small.
	require.NoError(t, e.creatorRC.SyncClock(ctx))
	assert.Less(t, e.creatorRC.ClockOffset().Abs(), 5*time.Second)

	// A commitment the chain does not know.
	var unknown [32]byte
	_, err := rand.Read(unknown[:])
	require.NoError(t, err)
	args := ftArgs(t, "a <cat> & a dog >_< — café, 日本語, ☕", true)
	_, err = e.creatorRC.UploadTaskArgs(ctx, unknown, args, nil)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotFoundOnChain, relay.ErrTaskNotFound)
	assert.NotErrorIs(t, err, relay.ErrNotReady)
	_, err = e.creatorRC.GetTask(ctx, unknown)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotFound, relay.ErrTaskNotFound)

	// Hold the relay's reports: the task stays Started on chain and Created
	// on the Relay until release.
	e.relaySender.hold()
	c := e.createTask(t, ctx, stStarted)
	// The only node is busy now, so a second task queues.
	queued := e.createTask(t, ctx, stQueued)
	_, err = e.creatorRC.UploadTaskArgs(ctx, queued, args, nil)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotStarted, relay.ErrTaskNotStarted, relay.ErrNotReady)

	// The Relay has no row before the args upload.
	_, err = e.nodeRC.GetTask(ctx, c)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotFound, relay.ErrTaskNotFound)

	// Only the creator uploads args.
	_, err = e.nodeRC.UploadTaskArgs(ctx, c, args, nil)
	requireRelayErr(t, err, "signature", relay.MsgSignerNotAllowed, relay.ErrSignerNotAllowed)
	assert.NotErrorIs(t, err, relay.ErrInvalidSignature)

	// Args that fail the schema: a validation error on field task_args.
	for _, bad := range []string{`{"model":{"name":"` + e2eModel + `"},"validation":{"num_images":2},"lora":{"rank":"x"}}`, `not json`} {
		_, err = e.creatorRC.UploadTaskArgs(ctx, c, bad, nil)
		require.Error(t, err)
		var ve *relay.ValidationError
		require.ErrorAs(t, err, &ve, "%v", err)
		assert.Equal(t, "task_args", ve.Field, "args %s", bad)
		assert.NotEmpty(t, ve.Message)
		for _, s := range []error{relay.ErrNotReady, relay.ErrTaskNotFound, relay.ErrSignerNotAllowed, relay.ErrInvalidSignature, relay.ErrAlreadyUploaded} {
			assert.NotErrorIs(t, err, s)
		}
	}

	// A clock ten minutes slow: without clock sync the Relay refuses the
	// timestamp; with it (the default) the client corrects its timestamps.
	slow := func() time.Time { return time.Now().Add(-10 * time.Minute) }
	stale := e.client(t, e.srv.URL(), e.creator, relay.WithClock(slow), relay.WithClockSync(false))
	_, err = stale.UploadTaskArgs(ctx, c, args, nil)
	requireRelayErr(t, err, "timestamp", msgTimestampExpired, relay.ErrInvalidSignature)
	synced := e.client(t, e.srv.URL(), e.creator, relay.WithClock(slow))

	// Success: args with the input checkpoint as the multipart part.
	inCkpt := inputCheckpoint(t)
	task, err := synced.UploadTaskArgs(ctx, c, args, bytes.NewReader(inCkpt))
	require.NoError(t, err)
	assert.Equal(t, args, task.TaskArgs)
	assert.Equal(t, relay.CommitmentHex(c), task.TaskIDCommitment)
	assert.Equal(t, e.creator.Address(), common.HexToAddress(task.Creator))
	assert.Equal(t, e.node.Address(), common.HexToAddress(task.SelectedNode))
	assert.Equal(t, relay.TaskStatusCreated, task.Status)
	assert.Equal(t, relay.TaskTypeSDFinetuneLoRA, task.TaskType)
	assert.Equal(t, []string{"base:" + e2eModel}, task.ModelIDs)
	assert.Equal(t, e2eGPU, task.RequiredGPU)
	assert.EqualValues(t, e2eVRAM, task.RequiredGPUVRAM)
	assert.InDelta(t, 1.0, task.TaskFee, 1e-9)
	assert.True(t, task.CreateTime.Valid && task.StartTime.Valid)
	assert.Positive(t, task.ID)

	// Uploading again while the chain is still Started.
	_, err = e.creatorRC.UploadTaskArgs(ctx, c, args, bytes.NewReader(inCkpt))
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskAlreadyUploaded, relay.ErrAlreadyUploaded)

	// The task as creator and as node; a stranger is refused.
	for _, rc := range []*relay.Client{e.creatorRC, e.nodeRC} {
		got, err := rc.GetTask(ctx, c)
		require.NoError(t, err)
		assert.Equal(t, args, got.TaskArgs)
		assert.Equal(t, task.ID, got.ID)
	}
	_, err = e.strangerRC.GetTask(ctx, c)
	requireRelayErr(t, err, "signature", relay.MsgSignerNotAllowed, relay.ErrSignerNotAllowed)

	// The input checkpoint is not served before the Relay reported the
	// parameters upload on chain.
	_, err = e.nodeRC.GetInputCheckpoint(ctx, c, io.Discard, noRetryNotReady)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotReady, relay.ErrNotReady)

	e.relaySender.release()
	e.waitChain(t, ctx, c, stParametersUploaded)
	got := e.fetchInputCheckpoint(t, ctx, c)
	assert.Equal(t, inCkpt, got)
	_, err = e.strangerRC.GetInputCheckpoint(ctx, c, io.Discard, noRetryNotReady)
	requireRelayErr(t, err, "signature", relay.MsgSignerNotAllowed, relay.ErrSignerNotAllowed)

	// Nothing to download yet.
	_, err = e.creatorRC.DownloadResult(ctx, c, 0, io.Discard, noRetryNotReady)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgResultsNotUploaded, relay.ErrNotReady)
	_, err = e.creatorRC.DownloadCheckpoint(ctx, c, io.Discard, noRetryNotReady)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgCheckpointNotUploaded, relay.ErrNotReady)

	// The node trains on the served args and checkpoint.
	nodeTask, err := e.nodeRC.GetTask(ctx, c)
	require.NoError(t, err)
	out, err := node.Train([]byte(nodeTask.TaskArgs), got, node.TrainOptions{})
	require.NoError(t, err)
	upload := func(rc *relay.Client, images [][]byte) error {
		return rc.UploadResults(ctx, c, readers(images), bytes.NewReader(out.Checkpoint))
	}

	// Results before validation.
	err = upload(e.nodeRC, out.Images)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotValidated, relay.ErrNotReady)
	e.submitScore(t, ctx, c, out.Score)
	err = upload(e.nodeRC, out.Images)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotValidated, relay.ErrNotReady)
	e.validate(t, ctx, c)

	// Only the selected node uploads, and only files matching the score.
	err = upload(e.strangerRC, out.Images)
	requireRelayErr(t, err, "signature", relay.MsgSignerNotAllowed, relay.ErrSignerNotAllowed)
	cheat, err := node.Train([]byte(nodeTask.TaskArgs), got, node.TrainOptions{Cheat: true})
	require.NoError(t, err)
	err = upload(e.nodeRC, cheat.Images)
	requireRelayErr(t, err, "files", relay.MsgWrongResultFiles, relay.ErrWrongResultFiles)
	err = upload(e.nodeRC, out.Images[:1])
	requireRelayErr(t, err, "files", relay.MsgWrongResultFiles, relay.ErrWrongResultFiles)
	// A fine-tune task's results need the output checkpoint.
	err = e.nodeRC.UploadResults(ctx, c, readers(out.Images), nil)
	requireRelayErr(t, err, "checkpoint", relay.MsgCheckpointMissing)

	require.NoError(t, upload(e.nodeRC, out.Images))
	err = upload(e.nodeRC, out.Images)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskAlreadyUploaded, relay.ErrAlreadyUploaded)

	// The Relay reports the upload and the task ends on chain.
	e.waitChain(t, ctx, c, stEndSuccess)

	// Downloads: every image and the checkpoint, streamed and to files.
	dir := t.TempDir()
	for i, img := range out.Images {
		var buf bytes.Buffer
		n, err := e.creatorRC.DownloadResult(ctx, c, i, &buf)
		require.NoError(t, err)
		assert.EqualValues(t, len(img), n)
		assert.Equal(t, img, buf.Bytes(), "image %d", i)
		path := filepath.Join(dir, fmt.Sprintf("%d.png", i))
		require.NoError(t, e.creatorRC.DownloadResultToFile(ctx, c, i, path))
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, img, b, "image %d on disk", i)
	}
	var ck bytes.Buffer
	_, err = e.creatorRC.DownloadCheckpoint(ctx, c, &ck)
	require.NoError(t, err)
	assert.Equal(t, out.Checkpoint, ck.Bytes())
	ckPath := filepath.Join(dir, "checkpoint.zip")
	require.NoError(t, e.creatorRC.DownloadCheckpointToFile(ctx, c, ckPath))
	b, err := os.ReadFile(ckPath)
	require.NoError(t, err)
	assert.Equal(t, out.Checkpoint, b)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	assert.NotEmpty(t, zr.File)

	// Past the last file, or downloads by anyone but the creator.
	_, err = e.creatorRC.DownloadResult(ctx, c, len(out.Images), io.Discard)
	requireRelayErr(t, err, "index", relay.MsgFileNotFound, relay.ErrFileNotFound)
	assert.NotErrorIs(t, err, relay.ErrNotReady)
	missing := filepath.Join(dir, "missing.png")
	err = e.creatorRC.DownloadResultToFile(ctx, c, len(out.Images), missing)
	requireRelayErr(t, err, "index", relay.MsgFileNotFound, relay.ErrFileNotFound)
	for _, p := range []string{missing, missing + ".part"} {
		_, err = os.Stat(p)
		assert.ErrorIs(t, err, os.ErrNotExist, "a failed download leaves no %s", filepath.Base(p))
	}
	_, err = e.nodeRC.DownloadResult(ctx, c, 0, io.Discard)
	requireRelayErr(t, err, "signature", relay.MsgSignerNotAllowed, relay.ErrSignerNotAllowed)
	_, err = e.nodeRC.DownloadCheckpoint(ctx, c, io.Discard)
	requireRelayErr(t, err, "signature", relay.MsgSignerNotAllowed, relay.ErrSignerNotAllowed)

	// An ended task is no longer served by GET task.
	_, err = e.creatorRC.GetTask(ctx, c)
	requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskNotReady, relay.ErrNotReady)

	// The node is free again: the queued task started on it.
	e.waitChain(t, ctx, queued, stStarted)
}

// TestE2ETaskArgsRoundTrip checks that task args holding '<', '>', '&',
// non-ASCII text and JSON escapes are signed so that the Relay accepts them
// (it hashes Go's escaped JSON) and come back byte-identical to creator and
// node.
func TestE2ETaskArgsRoundTrip(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	e := newE2E(t, ctx)
	prompt := "<lora:naruto> a ninja & a fox >> 忍者と狐, Ünïcödé 🦊 \"quoted\" \\ \u2028 tab\t"
	args := ftArgs(t, prompt, false)
	for _, s := range []string{"<", ">", "&", "忍者", "🦊"} {
		require.Contains(t, args, s)
	}
	// What the creator signs escapes <, > and & the way the Relay does.
	msg, err := relay.SignedMessage(map[string]any{"task_args": args, "task_id_commitment": relay.CommitmentHex([32]byte{})}, 1)
	require.NoError(t, err)
	assert.Contains(t, string(msg), `\u003clora:naruto\u003e a ninja \u0026 a fox`)

	c := e.createTask(t, ctx, stStarted)
	task, err := e.creatorRC.UploadTaskArgs(ctx, c, args, nil)
	require.NoError(t, err)
	assert.Equal(t, args, task.TaskArgs)
	for _, rc := range []*relay.Client{e.creatorRC, e.nodeRC} {
		got, err := rc.GetTask(ctx, c)
		require.NoError(t, err)
		assert.Equal(t, []byte(args), []byte(got.TaskArgs))
	}
	// The node reads the prompt back unchanged.
	got, err := e.nodeRC.GetTask(ctx, c)
	require.NoError(t, err)
	var parsed struct {
		Validation struct {
			Prompt string `json:"prompt"`
		} `json:"validation"`
	}
	require.NoError(t, json.Unmarshal([]byte(got.TaskArgs), &parsed))
	assert.Equal(t, prompt, parsed.Validation.Prompt)
	_, err = node.Train([]byte(got.TaskArgs), nil, node.TrainOptions{})
	require.NoError(t, err)
}

// bigCheckpoint is a valid zip of about size bytes: the trained
// checkpoint's files plus incompressible stored padding.
func bigCheckpoint(tb testing.TB, trained []byte, size int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zr, err := zip.NewReader(bytes.NewReader(trained), int64(len(trained)))
	require.NoError(tb, err)
	for _, f := range zr.File {
		require.NoError(tb, zw.Copy(f))
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "padding.bin", Method: zip.Store})
	require.NoError(tb, err)
	pad := make([]byte, size-len(trained)-512)
	rng := mrand.NewChaCha8([32]byte{1, 2, 3})
	_, _ = rng.Read(pad)
	_, err = w.Write(pad)
	require.NoError(tb, err)
	require.NoError(tb, zw.Close())
	return buf.Bytes()
}

// TestE2EFaultyNetworkDownload sends a 20 MiB result checkpoint from the
// node to the Relay and from the Relay to the creator (and the result
// images) through a proxy that resets connections, answers 503, truncates
// and stalls responses; every byte arrives intact.
func TestE2EFaultyNetworkDownload(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	e := newE2E(t, ctx)
	args := ftArgs(t, "faulty network", true)
	inCkpt := inputCheckpoint(t)

	// The node's output checkpoint, grown to 20 MiB (under the 32 MiB cap).
	trained, err := node.Train([]byte(args), inCkpt, node.TrainOptions{})
	require.NoError(t, err)
	bigCk := bigCheckpoint(t, trained.Checkpoint, 20<<20)
	require.Greater(t, len(bigCk), 19<<20)
	const mib = 1 << 20
	opts := []relay.Option{relay.WithStallTimeout(time.Second), relay.WithRetry(6, 20*time.Millisecond, 200*time.Millisecond)}

	// The node uploads it through resets (mid-body and at once), a 503 and
	// a cut answer.
	up := faultproxy.Start(t, e.srv.URL(), faultproxy.Sequence(
		faultproxy.Fault{Kind: faultproxy.Reset, After: 0},
		faultproxy.Fault{Kind: faultproxy.Status, Status: 503},
		faultproxy.Fault{Kind: faultproxy.Truncate, After: 10},
	))
	// The default stall timeout: the Relay may take a while to check and
	// store a big upload before it answers.
	upRC := e.client(t, up.URL(), e.node, relay.WithRetry(6, 20*time.Millisecond, 200*time.Millisecond), relay.WithClockSync(false))
	c, out := e.runTask(t, ctx, args, inCkpt, bigCk, upRC)
	require.GreaterOrEqual(t, len(up.Faults()), 3, "every planned upload fault met a connection")
	want := sha256.Sum256(bigCk)

	faults := []faultproxy.Fault{
		{Kind: faultproxy.Status, Status: 503},
		{Kind: faultproxy.Reset, After: 200},
		{Kind: faultproxy.Truncate, After: 3 * mib},
		{Kind: faultproxy.Status, Status: 502},
		{Kind: faultproxy.Stall, After: 7 * mib},
		{Kind: faultproxy.Reset, After: 5 * mib},
		{Kind: faultproxy.Truncate, After: 100},
		{Kind: faultproxy.Reset, After: 11 * mib},
	}

	// To a file, resuming with Range requests.
	p := faultproxy.Start(t, e.srv.URL(), faultproxy.Sequence(faults...))
	rc := e.client(t, p.URL(), e.creator, opts...)
	var progressed atomic.Int64
	path := filepath.Join(t.TempDir(), "checkpoint.zip")
	require.NoError(t, rc.DownloadCheckpointToFile(ctx, c, path,
		relay.WithProgress(func(done, total int64) { progressed.Store(done) })))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, len(bigCk), len(b))
	require.Equal(t, want, sha256.Sum256(b), "checkpoint differs after the faulty download")
	assert.EqualValues(t, len(bigCk), progressed.Load())
	require.GreaterOrEqual(t, len(p.Faults()), len(faults), "every planned fault met a connection")
	_, err = os.Stat(path + ".part")
	assert.ErrorIs(t, err, os.ErrNotExist)

	// Streamed into a writer, through the same kinds of faults.
	p2 := faultproxy.Start(t, e.srv.URL(), faultproxy.Sequence(faults...))
	rc2 := e.client(t, p2.URL(), e.creator, opts...)
	h := sha256.New()
	n, err := rc2.DownloadCheckpoint(ctx, c, h)
	require.NoError(t, err)
	assert.EqualValues(t, len(bigCk), n)
	assert.Equal(t, want[:], h.Sum(nil))
	require.GreaterOrEqual(t, len(p2.Faults()), len(faults))

	// Small files through random faults.
	p3 := faultproxy.Start(t, e.srv.URL(), faultproxy.Random(42, 0.6, 2048, 16))
	rc3 := e.client(t, p3.URL(), e.creator, append(opts, relay.WithRetry(10, 10*time.Millisecond, 100*time.Millisecond))...)
	for i, img := range out.Images {
		var buf bytes.Buffer
		_, err := rc3.DownloadResult(ctx, c, i, &buf)
		require.NoError(t, err)
		assert.Equal(t, img, buf.Bytes(), "image %d", i)
	}
}

// TestE2ERestartLosesNothing restarts the Relay server (Close, then New and
// Start on the same data directory and port) after the args upload and
// after the results upload: the resumed server reports both on chain and
// serves every file byte-identical.
func TestE2ERestartLosesNothing(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	e := newE2E(t, ctx)
	args := ftArgs(t, "restart & resume <ok>", true)
	inCkpt := inputCheckpoint(t)

	e.relaySender.hold()
	c := e.createTask(t, ctx, stStarted)
	_, err := e.creatorRC.UploadTaskArgs(ctx, c, args, bytes.NewReader(inCkpt))
	require.NoError(t, err)
	// Restart while the worker waits to report the parameters upload.
	e.restartServer(t)
	assert.EqualValues(t, stStarted, e.chainTask(t, ctx, c).Status)
	e.relaySender.release()
	e.waitChain(t, ctx, c, stParametersUploaded)

	task, err := e.nodeRC.GetTask(ctx, c)
	require.NoError(t, err)
	assert.Equal(t, args, task.TaskArgs)
	in := e.fetchInputCheckpoint(t, ctx, c)
	require.Equal(t, inCkpt, in)
	out, err := node.Train([]byte(task.TaskArgs), in, node.TrainOptions{})
	require.NoError(t, err)
	e.submitScore(t, ctx, c, out.Score)
	e.validate(t, ctx, c)

	// Upload, then restart while the worker waits to report the results.
	e.relaySender.hold()
	require.NoError(t, e.nodeRC.UploadResults(ctx, c, readers(out.Images), bytes.NewReader(out.Checkpoint)))
	e.restartServer(t)

	check := func(stage string) {
		t.Helper()
		for i, img := range out.Images {
			var buf bytes.Buffer
			_, err := e.creatorRC.DownloadResult(ctx, c, i, &buf)
			require.NoError(t, err, stage)
			assert.Equal(t, img, buf.Bytes(), "%s: image %d", stage, i)
		}
		var ck bytes.Buffer
		_, err := e.creatorRC.DownloadCheckpoint(ctx, c, &ck)
		require.NoError(t, err, stage)
		assert.Equal(t, out.Checkpoint, ck.Bytes(), stage)
		_, err = e.creatorRC.DownloadResult(ctx, c, len(out.Images), io.Discard)
		requireRelayErr(t, err, "index", relay.MsgFileNotFound, relay.ErrFileNotFound)
		err = e.nodeRC.UploadResults(ctx, c, readers(out.Images), bytes.NewReader(out.Checkpoint))
		requireRelayErr(t, err, "task_id_commitment", relay.MsgTaskAlreadyUploaded, relay.ErrAlreadyUploaded)
	}
	check("after the restart with results ready")
	assert.EqualValues(t, stValidated, e.chainTask(t, ctx, c).Status)

	// The resumed worker reports the results; the task ends on chain.
	e.relaySender.release()
	e.waitChain(t, ctx, c, stEndSuccess)
	e.restartServer(t)
	check("after a restart of the ended task")
}

// BenchmarkDownload256MiB compares the client's DownloadCheckpointToFile of
// a CRYNUX_BENCH_MIB (default 256) MiB result checkpoint with a plain
// net/http GET + io.Copy of the same file from the same server in the same
// run, both writing (and fsyncing) a file in the same directory. It reports
// the time ratio client/plain, both throughputs, and the peak heap growth
// during each download (runtime.MemStats.HeapAlloc sampled every 5 ms,
// above the level right before the download).
//
// The file does not go through an upload (the Relay caps bodies at 32 MiB):
// a task runs the whole flow with a small checkpoint, then the benchmark
// writes the big file straight into the server's data directory layout,
// <DataDir>/<c>/results/checkpoint.zip, which the server serves as is.
func BenchmarkDownload256MiB(b *testing.B) {
	size := int64(256)
	if v := os.Getenv("CRYNUX_BENCH_MIB"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		require.NoError(b, err, "CRYNUX_BENCH_MIB must be a whole number of MiB")
		require.Positive(b, n)
		size = n
	}
	size <<= 20
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	e := newE2E(b, ctx)
	inCkpt := inputCheckpoint(b)
	c, _ := e.runTask(b, ctx, ftArgs(b, "benchmark", true), inCkpt, nil, nil)

	// Replace the stored result checkpoint with the big file.
	stored := filepath.Join(e.dataDir, relay.CommitmentHex(c), "results", "checkpoint.zip")
	_, err := os.Stat(stored)
	require.NoError(b, err, "the server's data layout changed: %s is missing", stored)
	f, err := os.Create(stored)
	require.NoError(b, err)
	_, err = io.CopyN(f, mrand.NewChaCha8([32]byte{9}), size)
	require.NoError(b, err)
	require.NoError(b, f.Close())
	want := fileHash(b, stored)

	rc := e.client(b, e.srv.URL(), e.creator)
	dir := b.TempDir()
	plainURL := func() string {
		ts := time.Now().Unix()
		sig, err := relay.Sign(ctx, e.creator, map[string]any{"task_id_commitment": relay.CommitmentHex(c)}, ts)
		require.NoError(b, err)
		return e.srv.URL() + "/v1/inference_tasks/" + relay.CommitmentHex(c) + "/results/checkpoint?" +
			url.Values{"timestamp": {strconv.FormatInt(ts, 10)}, "signature": {sig}}.Encode()
	}
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	defer hc.CloseIdleConnections()
	plain := func(path string) {
		resp, err := hc.Get(plainURL())
		require.NoError(b, err)
		defer resp.Body.Close()
		require.Equal(b, http.StatusOK, resp.StatusCode)
		f, err := os.Create(path)
		require.NoError(b, err)
		n, err := io.Copy(f, resp.Body)
		require.NoError(b, err)
		require.Equal(b, size, n)
		require.NoError(b, f.Sync())
		require.NoError(b, f.Close())
	}
	client := func(path string) {
		require.NoError(b, rc.DownloadCheckpointToFile(ctx, c, path))
	}
	// Warm both paths (connections, clock sync) and check the bytes once.
	for _, fn := range []func(string){client, plain} {
		p := filepath.Join(dir, "warm")
		fn(p)
		require.Equal(b, want, fileHash(b, p))
		require.NoError(b, os.Remove(p))
	}

	var clientDur, plainDur time.Duration
	var clientPeak, plainPeak uint64
	// One op is both downloads.
	b.SetBytes(2 * size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, run := range []struct {
			fn   func(string)
			dur  *time.Duration
			peak *uint64
		}{{client, &clientDur, &clientPeak}, {plain, &plainDur, &plainPeak}} {
			p := filepath.Join(dir, "out")
			d, peak := measure(func() { run.fn(p) })
			*run.dur += d
			*run.peak = max(*run.peak, peak)
			b.StopTimer()
			require.NoError(b, os.Remove(p))
			b.StartTimer()
		}
	}
	b.StopTimer()
	n := float64(b.N)
	mibs := func(d time.Duration) float64 { return float64(size) / (1 << 20) / (d.Seconds() / n) }
	b.ReportMetric(clientDur.Seconds()/plainDur.Seconds(), "client/plain")
	b.ReportMetric(mibs(clientDur), "client-MiB/s")
	b.ReportMetric(mibs(plainDur), "plain-MiB/s")
	b.ReportMetric(float64(clientPeak)/(1<<20), "client-peak-heap-MiB")
	b.ReportMetric(float64(plainPeak)/(1<<20), "plain-peak-heap-MiB")
}

// measure runs fn and returns its duration and the peak growth of
// HeapAlloc over the level just before it, sampled every 5 ms.
func measure(fn func()) (time.Duration, uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var s runtime.MemStats
		for {
			runtime.ReadMemStats(&s)
			if s.HeapAlloc > base && s.HeapAlloc-base > peak.Load() {
				peak.Store(s.HeapAlloc - base)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	start := time.Now()
	fn()
	d := time.Since(start)
	close(stop)
	<-done
	return d, peak.Load()
}

func fileHash(tb testing.TB, path string) [32]byte {
	tb.Helper()
	f, err := os.Open(path)
	require.NoError(tb, err)
	defer f.Close()
	h := sha256.New()
	_, err = io.Copy(h, f)
	require.NoError(tb, err)
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// TestE2EUploadAnswerLost cuts the Relay's answer to each upload after the
// server has processed it: the client retries, meets "Task already
// uploaded", and reports success because the Relay holds exactly what it
// sent.
func TestE2EUploadAnswerLost(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	e := newE2E(t, ctx)
	args := ftArgs(t, "lost <answer> & retry", true)
	inCkpt := inputCheckpoint(t)
	cut := faultproxy.Sequence(faultproxy.Fault{Kind: faultproxy.Truncate, After: 10})
	// Clock sync off, so the upload is the first request on the first
	// (faulted) connection.
	noSync := relay.WithClockSync(false)

	e.relaySender.hold() // the chain task stays Started, so the retry meets "Task already uploaded"
	c := e.createTask(t, ctx, stStarted)
	p := faultproxy.Start(t, e.srv.URL(), cut)
	task, err := e.client(t, p.URL(), e.creator, noSync).UploadTaskArgs(ctx, c, args, bytes.NewReader(inCkpt))
	require.NoError(t, err)
	assert.Equal(t, args, task.TaskArgs)
	require.GreaterOrEqual(t, len(p.Faults()), 2, "the first answer was cut and the upload retried")
	e.relaySender.release()
	e.waitChain(t, ctx, c, stParametersUploaded)

	in := e.fetchInputCheckpoint(t, ctx, c)
	out, err := node.Train([]byte(args), in, node.TrainOptions{})
	require.NoError(t, err)
	e.submitScore(t, ctx, c, out.Score)
	e.validate(t, ctx, c)

	p2 := faultproxy.Start(t, e.srv.URL(), cut)
	err = e.client(t, p2.URL(), e.node, noSync).UploadResults(ctx, c, readers(out.Images), bytes.NewReader(out.Checkpoint))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(p2.Faults()), 2, "the first answer was cut and the upload retried")
	e.waitChain(t, ctx, c, stEndSuccess)
	var ck bytes.Buffer
	_, err = e.creatorRC.DownloadCheckpoint(ctx, c, &ck)
	require.NoError(t, err)
	assert.Equal(t, out.Checkpoint, ck.Bytes())

	// Here the Relay reports the parameters upload before the retry, so the
	// chain task has left Started and the retry meets "Task not started":
	// the upload still succeeded. The proxy's plan orders the events: it
	// accepts the retry's connection only once the report is mined.
	e.relaySender.hold()
	c2 := e.createTask(t, ctx, stStarted)
	var reportedFirst atomic.Bool
	p3 := faultproxy.Start(t, e.srv.URL(), func(n int) faultproxy.Fault {
		switch n {
		case 0:
			return faultproxy.Fault{Kind: faultproxy.Truncate, After: 10}
		case 1:
			e.relaySender.release()
			for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				if st, err := e.chainStatus(ctx, c2); err == nil && st == stParametersUploaded {
					reportedFirst.Store(true)
					break
				}
			}
		}
		return faultproxy.Fault{}
	})
	task, err = e.client(t, p3.URL(), e.creator, noSync).UploadTaskArgs(ctx, c2, args, bytes.NewReader(inCkpt))
	require.NoError(t, err)
	assert.Equal(t, args, task.TaskArgs)
	require.GreaterOrEqual(t, len(p3.Faults()), 2, "the first answer was cut and the upload retried")
	require.True(t, reportedFirst.Load(), "the Relay reported the upload before the retry")
}
