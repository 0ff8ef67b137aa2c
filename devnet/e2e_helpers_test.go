package devnet_test

// Helpers of the end-to-end tests (e2e_tasks_test.go): a client of a
// running devnet that drives tasks with the bindings and the Relay client
// directly, as a creator would, and checks money and files.

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/png" // decode downloaded validation images
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corona10/goimagehash"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/devnet/node"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/relay/taskargs"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Chain task statuses and enum values (protocol §2.2).
const (
	stStarted            = 1
	stParametersUploaded = 2
	stErrorReported      = 3
	stScoreReady         = 4
	stGroupValidated     = 6
	stEndInvalidated     = 7
	stEndSuccess         = 8
	stEndAborted         = 9
	stEndGroupRefund     = 10
	stEndGroupSuccess    = 11

	abortTimeout         = 1
	abortIncorrectResult = 3

	taskTypeSDFT = 2
)

const (
	e2eModel   = "runwayml/stable-diffusion-v1-5"
	e2eDataset = "lambdalabs/naruto-blip-captions"
	// waitLimit bounds every wait for a chain status.
	waitLimit = 90 * time.Second
)

// e2eFee is the fee of every e2e task: 1 CNX plus an odd number of wei, so
// that a proportional split has a remainder to place.
func e2eFee() *big.Int {
	return new(big.Int).Add(big.NewInt(1e18), big.NewInt(7))
}

// chainKind is one of the two chains every e2e test runs on.
type chainKind struct {
	name string
	geth bool
}

func chainKinds() []chainKind { return []chainKind{{"sim", false}, {"geth", true}} }

// startNetwork starts a devnet for the test and closes it when the test
// ends. Without geth installed a geth network is skipped, except under
// CI=true, where it fails: CI must never pass by silently skipping the
// real-chain runs.
func startNetwork(t *testing.T, opts devnet.Options) *devnet.Network {
	t.Helper()
	if os.Getenv("CRYNUX_E2E_LOG") != "" && opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})).With("test", t.Name())
	}
	// The start-up context ends when Start returns: the network must outlive it.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dn, err := devnet.Start(ctx, opts)
	if errors.Is(err, geth.ErrNotInstalled) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("geth is required when CI=true: %v", err)
		}
		t.Skipf("geth run skipped: %v", err)
	}
	require.NoError(t, err, "start the devnet")
	t.Cleanup(func() {
		if err := dn.Close(); err != nil {
			t.Errorf("close the devnet: %v", err)
		}
	})
	return dn
}

// e2e is a creator's view of a running devnet.
type e2e struct {
	dn      *devnet.Network
	client  *ethclient.Client // JSON-RPC over HTTP, as an outside client
	chainID *big.Int
	vss     *bindings.VSSTask
	nodeC   *bindings.Node
	creator wallet.Signer
	pub     []byte
	tx      *txmgr.Manager
	relay   *relay.Client
	gpu     string
	vram    uint64
}

func newE2E(t *testing.T, dn *devnet.Network, creator int) *e2e {
	t.Helper()
	ctx := context.Background()
	client, err := ethclient.Dial(dn.Config.RPCURL)
	require.NoError(t, err)
	t.Cleanup(client.Close)
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	signer := dn.Signer(creator)
	pub, err := signer.PublicKey(ctx)
	require.NoError(t, err)
	tm, err := txmgr.New(client, signer)
	require.NoError(t, err)
	t.Cleanup(func() { _ = tm.Close() })
	rc, err := relay.New(dn.Config.RelayURL, signer)
	require.NoError(t, err)
	return &e2e{
		dn: dn, client: client, chainID: chainID,
		vss: bindings.NewVSSTask(), nodeC: bindings.NewNode(),
		creator: signer, pub: pub, tx: tm, relay: rc,
		gpu: dn.Config.GPUName, vram: dn.Config.GPUVRAM,
	}
}

func (e *e2e) vssAddr() common.Address  { return e.dn.Config.Contracts.VSSTask }
func (e *e2e) nodeAddr() common.Address { return e.dn.Config.Contracts.Node }

// addNode joins an extra simulated node (account key, its own GPU name, so
// that tests can steer tasks to it) and runs it until the test ends.
func (e *e2e) addNode(t *testing.T, key *ecdsa.PrivateKey, gpu string, b node.Behaviour) *node.Node {
	t.Helper()
	nd, err := node.New(node.Config{
		Backend:   e.dn.Backend,
		Signer:    wallet.NewKeySigner(key),
		Contracts: node.Contracts{VSSTask: e.vssAddr(), Node: e.nodeAddr()},
		RelayURL:  e.dn.Config.RelayURL,
		GPUName:   gpu,
		GPUVRAM:   e.vram,
		Behaviour: b,
	})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, nd.Join(ctx), "join extra node")
	runCtx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = nd.Run(runCtx)
	}()
	t.Cleanup(func() {
		stop()
		wg.Wait()
		_ = nd.Close()
	})
	return nd
}

func (e *e2e) getTask(t *testing.T, ctx context.Context, c [32]byte) bindings.VSSTaskTaskInfo {
	t.Helper()
	return e.getTaskAt(t, ctx, c, nil)
}

func (e *e2e) getTaskAt(t *testing.T, ctx context.Context, c [32]byte, block *big.Int) bindings.VSSTaskTaskInfo {
	t.Helper()
	info, err := bind.Call(e.vss.Instance(e.client, e.vssAddr()), &bind.CallOpts{Context: ctx, BlockNumber: block},
		e.vss.PackGetTask(c), e.vss.UnpackGetTask)
	require.NoError(t, err, "getTask")
	return info
}

func (e *e2e) nodeInfo(t *testing.T, ctx context.Context, a common.Address) bindings.NodeNodeInfo {
	t.Helper()
	info, err := bind.Call(e.nodeC.Instance(e.client, e.nodeAddr()), &bind.CallOpts{Context: ctx},
		e.nodeC.PackGetNodeInfo(a), e.nodeC.UnpackGetNodeInfo)
	require.NoError(t, err, "getNodeInfo")
	return info
}

func (e *e2e) nodeOwner(t *testing.T, ctx context.Context) common.Address {
	t.Helper()
	v, err := bind.Call(e.nodeC.Instance(e.client, e.nodeAddr()), &bind.CallOpts{Context: ctx},
		e.nodeC.PackOwner(), e.nodeC.UnpackOwner)
	require.NoError(t, err, "Node.owner")
	return v
}

func (e *e2e) stakedAmount(t *testing.T, ctx context.Context, a common.Address) *big.Int {
	t.Helper()
	v, err := bind.Call(e.nodeC.Instance(e.client, e.nodeAddr()), &bind.CallOpts{Context: ctx},
		e.nodeC.PackGetStakedAmount(a), e.nodeC.UnpackGetStakedAmount)
	require.NoError(t, err, "getStakedAmount")
	return v
}

func isFinal(s uint8) bool { return s >= stEndInvalidated }

// waitStatus polls getTask until the task is in one of want and returns it.
// It fails at once when the task reaches a final status not in want.
func (e *e2e) waitStatus(t *testing.T, ctx context.Context, c [32]byte, want ...uint8) bindings.VSSTaskTaskInfo {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, waitLimit)
	defer cancel()
	for {
		info, err := bind.Call(e.vss.Instance(e.client, e.vssAddr()), &bind.CallOpts{Context: ctx},
			e.vss.PackGetTask(c), e.vss.UnpackGetTask)
		if err == nil {
			if slices.Contains(want, info.Status) {
				return info
			}
			if isFinal(info.Status) {
				t.Fatalf("task %x ended in status %d (abort reason %d, error %d), want one of %v",
					c, info.Status, info.AbortReason, info.Error, want)
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("task %x: no status in %v within %s (last: %+v, err %v)", c, want, waitLimit, info.Status, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// head returns the current block number.
func (e *e2e) head(t *testing.T, ctx context.Context) uint64 {
	t.Helper()
	n, err := e.client.BlockNumber(ctx)
	require.NoError(t, err)
	return n
}

func (e *e2e) balanceAt(t *testing.T, ctx context.Context, a common.Address, block uint64) *big.Int {
	t.Helper()
	b, err := e.client.BalanceAt(ctx, a, new(big.Int).SetUint64(block))
	require.NoError(t, err)
	return b
}

// gasCost is what a mined transaction cost its sender.
func gasCost(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}

// gasSpent sums what account a paid for gas in blocks (from, to].
func (e *e2e) gasSpent(t *testing.T, ctx context.Context, a common.Address, from, to uint64) *big.Int {
	t.Helper()
	total := new(big.Int)
	signer := types.LatestSignerForChainID(e.chainID)
	for n := from + 1; n <= to; n++ {
		b, err := e.client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		require.NoError(t, err)
		for _, tx := range b.Transactions() {
			from, err := types.Sender(signer, tx)
			require.NoError(t, err)
			if from != a {
				continue
			}
			r, err := e.client.TransactionReceipt(ctx, tx.Hash())
			require.NoError(t, err)
			total.Add(total, gasCost(r))
		}
	}
	return total
}

// send sends a transaction from the creator to VSSTask and requires success.
func (e *e2e) send(t *testing.T, ctx context.Context, what string, data []byte, value *big.Int) *types.Receipt {
	t.Helper()
	to := e.vssAddr()
	r, err := e.tx.Send(ctx, txmgr.Request{To: &to, Data: data, Value: value})
	require.NoError(t, err, what)
	require.Equal(t, types.ReceiptStatusSuccessful, r.Status, what)
	return r
}

func u256(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

func randomBytes32(t *testing.T) [32]byte {
	var b [32]byte
	_, err := rand.Read(b[:])
	require.NoError(t, err)
	return b
}

// createTask sends createTask for a fine-tune task (protocol §4.2): type 2,
// modelIDs ["base:<model>"], minimumVRAM = requiredGPUVRAM, version [2,5,0],
// size 1, paid with fee.
func (e *e2e) createTask(t *testing.T, ctx context.Context, c, nonce [32]byte, gpu string, vram uint64, fee *big.Int) *types.Receipt {
	t.Helper()
	data := e.vss.PackCreateTask(taskTypeSDFT, c, nonce, []string{"base:" + e2eModel}, u256(vram), gpu, u256(vram),
		[3]*big.Int{u256(2), u256(5), u256(0)}, u256(1))
	return e.send(t, ctx, "createTask", data, fee)
}

// task is one created task as its creator knows it.
type task struct {
	guid, nonce, c [32]byte
	created        *types.Receipt
	info           bindings.VSSTaskTaskInfo // right after creation
	pi, beta       []byte                   // the creator's VRF over the stored samplingSeed
	group          bool                     // selected for group validation
}

// prove computes the creator's VRF over the task's stored samplingSeed.
func (e *e2e) prove(t *testing.T, ctx context.Context, tk *task) {
	t.Helper()
	pi, beta, err := e.creator.ProveVRF(ctx, tk.info.SamplingSeed[:])
	require.NoError(t, err)
	tk.pi, tk.beta, tk.group = pi, beta, ecvrf.SelectedForValidation(beta)
}

// checkCreated checks the stored task against what createTask was given and
// that the samplingSeed follows keccak256(blockhash(block-1) ‖ c).
func (e *e2e) checkCreated(t *testing.T, ctx context.Context, tk *task, gpu string, vram uint64, fee *big.Int) {
	t.Helper()
	info := tk.info
	require.Equal(t, tk.c, info.TaskIDCommitment)
	require.EqualValues(t, taskTypeSDFT, info.TaskType)
	require.Equal(t, e.creator.Address(), info.Creator)
	require.Equal(t, tk.nonce, info.Nonce)
	require.Equal(t, []string{"base:" + e2eModel}, info.ModelIDs)
	require.Equal(t, gpu, info.RequiredGPU)
	require.Zero(t, u256(vram).Cmp(info.RequiredGPUVRAM))
	require.Zero(t, u256(vram).Cmp(info.MinimumVRAM))
	require.Equal(t, "2.5.0", fmt.Sprintf("%d.%d.%d", info.TaskVersion[0], info.TaskVersion[1], info.TaskVersion[2]))
	require.EqualValues(t, 1, info.TaskSize.Int64())
	require.Zero(t, fee.Cmp(info.TaskFee))
	parent, err := e.client.HeaderByNumber(ctx, new(big.Int).Sub(tk.created.BlockNumber, big.NewInt(1)))
	require.NoError(t, err)
	require.Equal(t, common.Hash(devnet.PredictSamplingSeed(parent.Hash(), tk.c)), common.Hash(info.SamplingSeed),
		"samplingSeed = keccak256(blockhash(block-1) ‖ commitment)")
}

// newTask creates one task with the given GUID and a fresh random nonce.
func (e *e2e) newTask(t *testing.T, ctx context.Context, guid [32]byte, gpu string, vram uint64, fee *big.Int) *task {
	t.Helper()
	tk := &task{guid: guid, nonce: randomBytes32(t)}
	tk.c = devnet.TaskCommitment(guid, tk.nonce)
	tk.created = e.createTask(t, ctx, tk.c, tk.nonce, gpu, vram, fee)
	tk.info = e.getTaskAt(t, ctx, tk.c, tk.created.BlockNumber)
	e.checkCreated(t, ctx, tk, gpu, vram, fee)
	e.prove(t, ctx, tk)
	return tk
}

// argsFor are fine-tune task args with the step counts given.
type argsFor struct {
	numImages, steps, maxSteps int
	resume                     bool
}

func (a argsFor) json(t *testing.T) string {
	t.Helper()
	args := taskargs.Defaults()
	args.Model.Name = e2eModel
	ds := e2eDataset
	args.Dataset.Name = &ds
	args.Validation.NumImages = a.numImages
	steps, maxSteps := a.steps, a.maxSteps
	args.TrainArgs.NumTrainSteps = &steps
	args.TrainArgs.MaxTrainSteps = &maxSteps
	args.Seed = 42
	if a.resume {
		ck := taskargs.CheckpointResume
		args.Checkpoint = &ck
	}
	s, err := taskargs.Marshal(args)
	require.NoError(t, err)
	require.NoError(t, taskargs.Validate([]byte(s), taskargs.SchemaVSS))
	return s
}

// createOnPath creates a task whose VRF takes the wanted validation path,
// using devnet.DrawCommitmentForPath. When other traffic moved the chain
// between the draw and createTask, the stored samplingSeed differs from the
// prediction and the path may be the other one: the task is then run to its
// end on the path it got (finish) and a new one is drawn.
func (e *e2e) createOnPath(t *testing.T, ctx context.Context, gpu string, vram uint64, fee *big.Int, wantGroup bool,
	finish func(tk *task)) *task {
	t.Helper()
	for attempt := 1; ; attempt++ {
		guid := randomBytes32(t)
		nonce, c, err := devnet.DrawCommitmentForPath(ctx, e.client, e.creator, guid, wantGroup)
		require.NoError(t, err)
		require.Equal(t, devnet.TaskCommitment(guid, nonce), c)
		head, err := e.client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		predicted := devnet.PredictSamplingSeed(head.Hash(), c)
		tk := &task{guid: guid, nonce: nonce, c: c}
		tk.created = e.createTask(t, ctx, c, nonce, gpu, vram, fee)
		tk.info = e.getTaskAt(t, ctx, c, tk.created.BlockNumber)
		e.checkCreated(t, ctx, tk, gpu, vram, fee)
		e.prove(t, ctx, tk)
		if common.Hash(tk.info.SamplingSeed) == predicted {
			require.Equal(t, wantGroup, tk.group, "the VRF over the predicted seed gave the wanted path")
			return tk
		}
		t.Logf("sampling seed prediction missed (head moved from %d to block %d before createTask); group=%v", head.Number,
			tk.created.BlockNumber, tk.group)
		if tk.group == wantGroup {
			return tk
		}
		require.Less(t, attempt, 4, "the sampling seed prediction keeps missing: something else sends transactions")
		finish(tk)
	}
}

// uploadArgs uploads the task args (and the input checkpoint, nil for a
// fresh run) with the Relay client, once the chain task is Started.
func (e *e2e) uploadArgs(t *testing.T, ctx context.Context, tk *task, args string, checkpoint []byte) {
	t.Helper()
	e.waitStatus(t, ctx, tk.c, stStarted, stParametersUploaded, stScoreReady, stErrorReported)
	var ck io.Reader
	if checkpoint != nil {
		ck = bytes.NewReader(checkpoint)
	}
	got, err := e.relay.UploadTaskArgs(ctx, tk.c, args, ck)
	require.NoError(t, err, "upload task args")
	require.Equal(t, args, got.TaskArgs)
	require.Equal(t, relay.CommitmentHex(tk.c), got.TaskIDCommitment)
}

// runSingle runs a task that was not selected through the single
// validation path to its end and returns its final state and the
// validateSingleTask receipt.
func (e *e2e) runSingle(t *testing.T, ctx context.Context, tk *task, args string, checkpoint []byte) (bindings.VSSTaskTaskInfo, *types.Receipt) {
	t.Helper()
	require.False(t, tk.group)
	e.uploadArgs(t, ctx, tk, args, checkpoint)
	e.waitStatus(t, ctx, tk.c, stScoreReady, stErrorReported)
	r := e.send(t, ctx, "validateSingleTask", e.vss.PackValidateSingleTask(tk.c, tk.pi, e.pub), nil)
	return e.waitStatus(t, ctx, tk.c, stEndSuccess, stEndAborted), r
}

// group is a validated task group.
type group struct {
	tasks    [3]*task // ordered by sequence
	validate *types.Receipt
	final    [3]bindings.VSSTaskTaskInfo
}

// runGroup completes a selected task: two more tasks with the same GUID,
// GPU-pinned to the first task's node, args uploaded to all three, and
// validateTaskGroup once all are ScoreReady (or ErrorReported/EndAborted).
func (e *e2e) runGroup(t *testing.T, ctx context.Context, first *task, args string, checkpoint []byte) *group {
	t.Helper()
	require.True(t, first.group)
	ni := e.nodeInfo(t, ctx, first.info.SelectedNode)
	g := &group{tasks: [3]*task{first}}
	for i := 1; i < 3; i++ {
		g.tasks[i] = e.newTask(t, ctx, first.guid, ni.Gpu.Name, ni.Gpu.Vram.Uint64(), first.info.TaskFee)
	}
	for _, tk := range g.tasks {
		e.uploadArgs(t, ctx, tk, args, checkpoint)
	}
	for _, tk := range g.tasks {
		tk.info = e.waitStatus(t, ctx, tk.c, stScoreReady, stErrorReported, stEndAborted)
	}
	slices.SortFunc(g.tasks[:], func(a, b *task) int { return a.info.Sequence.Cmp(b.info.Sequence) })
	require.Equal(t, first.c, g.tasks[0].c, "the first task has the smallest sequence")
	g.validate = e.send(t, ctx, "validateTaskGroup",
		e.vss.PackValidateTaskGroup(g.tasks[0].c, g.tasks[1].c, g.tasks[2].c, first.guid, first.pi, e.pub), nil)
	for i, tk := range g.tasks {
		g.final[i] = e.waitStatus(t, ctx, tk.c, stEndGroupSuccess, stEndGroupRefund, stEndInvalidated, stEndAborted)
	}
	return g
}

// finisher returns a createOnPath fallback that runs a task on whatever
// path it got.
func (e *e2e) finisher(t *testing.T, ctx context.Context, args string, checkpoint []byte) func(*task) {
	return func(tk *task) {
		if tk.group {
			e.runGroup(t, ctx, tk, args, checkpoint)
		} else {
			e.runSingle(t, ctx, tk, args, checkpoint)
		}
	}
}

// download fetches the validation images and the checkpoint of a finished
// task into a new directory and returns the image paths and the zip path.
func (e *e2e) download(t *testing.T, ctx context.Context, c [32]byte, numImages int) ([]string, string) {
	t.Helper()
	dir := t.TempDir()
	var images []string
	for i := range numImages {
		p := filepath.Join(dir, fmt.Sprintf("%d.png", i))
		require.NoError(t, e.relay.DownloadResultToFile(ctx, c, i, p), "download result %d", i)
		images = append(images, p)
	}
	_, err := e.relay.DownloadResult(ctx, c, numImages, io.Discard, relay.WithRetryNotReady(false))
	require.ErrorIs(t, err, relay.ErrFileNotFound, "there is no image past the last")
	ck := filepath.Join(dir, "checkpoint.zip")
	require.NoError(t, e.relay.DownloadCheckpointToFile(ctx, c, ck), "download checkpoint")
	return images, ck
}

// checkScore recomputes the pHash of every image (goimagehash, 8 bytes
// big-endian each) and compares the concatenation with the on-chain score.
func checkScore(t *testing.T, images []string, score []byte) {
	t.Helper()
	var got []byte
	for _, p := range images {
		f, err := os.Open(p)
		require.NoError(t, err)
		img, format, err := image.Decode(f)
		f.Close()
		require.NoError(t, err, "decode %s", p)
		require.Equal(t, "png", format)
		h, err := goimagehash.PerceptionHash(img)
		require.NoError(t, err)
		got = binary.BigEndian.AppendUint64(got, h.GetHash())
	}
	require.Equal(t, score, got, "pHashes of the downloaded images equal the on-chain score")
}

// checkCheckpoint opens a checkpoint zip and checks the LoRA weights parse,
// global_step.txt holds wantStep and FINISH is there iff wantFinish.
func checkCheckpoint(t *testing.T, path string, wantStep int, wantFinish bool) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	require.NoError(t, err, "checkpoint is a zip")
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	read := func(name string) []byte {
		f, ok := files[name]
		require.True(t, ok, "checkpoint zip has %s at its root", name)
		rc, err := f.Open()
		require.NoError(t, err)
		defer rc.Close()
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		return b
	}
	tensors, err := node.ReadSafetensorsHeader(bytes.NewReader(read(node.LoraWeightsFile)))
	require.NoError(t, err, "LoRA weights parse as safetensors")
	require.NotEmpty(t, tensors)
	for name, ti := range tensors {
		require.True(t, strings.HasSuffix(name, ".lora_A.weight") || strings.HasSuffix(name, ".lora_B.weight"), name)
		require.Len(t, ti.Shape, 2, name)
	}
	step, err := strconv.Atoi(strings.TrimSpace(string(read(node.GlobalStepFile))))
	require.NoError(t, err)
	require.Equal(t, wantStep, step, "global_step.txt")
	_, finished := files[node.FinishFile]
	require.Equal(t, wantFinish, finished, "FINISH present iff max_train_steps is reached")
	return raw
}

// events decodes the logs of r with unpack, keeping those that decode.
func events[E any](r *types.Receipt, unpack func(*types.Log) (*E, error)) []*E {
	var out []*E
	for _, l := range r.Logs {
		if ev, err := unpack(l); err == nil {
			out = append(out, ev)
		}
	}
	return out
}

// logsBetween returns the logs of addr in blocks [from, to].
func (e *e2e) logsBetween(t *testing.T, ctx context.Context, addr common.Address, from, to uint64) []types.Log {
	t.Helper()
	logs, err := e.client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to), Addresses: []common.Address{addr},
	})
	require.NoError(t, err)
	return logs
}

// zipWith builds a zip with the given files at its root.
func zipWith(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		require.NoError(t, err)
		_, err = w.Write(files[n])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}
