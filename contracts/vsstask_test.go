package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
)

// Enum values of protocol §2.2.
const (
	typeSD   uint8 = 0
	typeSDFT uint8 = 2

	statusQueued             uint8 = 0
	statusStarted            uint8 = 1
	statusParametersUploaded uint8 = 2
	statusErrorReported      uint8 = 3
	statusScoreReady         uint8 = 4
	statusValidated          uint8 = 5
	statusGroupValidated     uint8 = 6
	statusEndInvalidated     uint8 = 7
	statusEndSuccess         uint8 = 8
	statusEndAborted         uint8 = 9
	statusEndGroupRefund     uint8 = 10
	statusEndGroupSuccess    uint8 = 11

	reasonTimeout         uint8 = 1
	reasonIncorrectResult uint8 = 3

	nodeQuit      uint8 = 0
	nodeAvailable uint8 = 1
	nodeBusy      uint8 = 2
)

const (
	gpuName = "NVIDIA GeForce RTX 4090"
	gpuVRAM = 24
	modelID = "base:runwayml/stable-diffusion-v1-5"
)

func wei(cnx int64) *big.Int { return new(big.Int).Mul(big.NewInt(cnx), big.NewInt(1e18)) }

func version(a, b, c int64) [3]*big.Int {
	return [3]*big.Int{big.NewInt(a), big.NewInt(b), big.NewInt(c)}
}

// stack is the VSS contracts deployed by devnet.Deploy on an in-process chain,
// with a relay, a task creator and funded node accounts.
type stack struct {
	t       *testing.T
	ctx     context.Context
	backend *simulated.Backend
	client  simulated.Client
	addr    *devnet.Contracts
	owner   *ecdsa.PrivateKey
	relay   *ecdsa.PrivateKey
	creator *ecdsa.PrivateKey
	nodes   []*ecdsa.PrivateKey
	task    *bindings.VSSTask
	node    *bindings.Node
}

func newStack(t *testing.T, nodes int, timeout time.Duration) *stack {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	s := &stack{t: t, ctx: ctx, task: bindings.NewVSSTask(), node: bindings.NewNode()}
	alloc := types.GenesisAlloc{}
	newKey := func() *ecdsa.PrivateKey {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: wei(10000)}
		return k
	}
	s.owner, s.relay, s.creator = newKey(), newKey(), newKey()
	for i := 0; i < nodes; i++ {
		s.nodes = append(s.nodes, newKey())
	}
	s.backend = simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { _ = s.backend.Close() })
	s.client = s.backend.Client()
	s.addr = s.deployStack(timeout)
	return s
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func pub64(k *ecdsa.PrivateKey) []byte { return crypto.FromECDSAPub(&k.PublicKey)[1:] }

// deployStack deploys and wires the contracts as protocol §2.1 says (devnet.Deploy
// does the same; it is not used here so that these tests mine blocks themselves).
func (s *stack) deployStack(timeout time.Duration) *devnet.Contracts {
	s.t.Helper()
	var c devnet.Contracts
	c.QOS = s.deploy(bindings.QOSMetaData.Bin, nil)
	c.NetworkStats = s.deploy(bindings.NetworkStatsMetaData.Bin, nil)
	c.TaskQueue = s.deploy(bindings.TaskQueueMetaData.Bin, nil)
	c.Node = s.deploy(bindings.NodeMetaData.Bin, s.node.PackConstructor(c.QOS, c.NetworkStats))
	c.VSSTask = s.deploy(bindings.VSSTaskMetaData.Bin, s.task.PackConstructor(c.Node, c.QOS, c.TaskQueue, c.NetworkStats))
	qos, stats, queue := bindings.NewQOS(), bindings.NewNetworkStats(), bindings.NewTaskQueue()
	s.send(s.owner, c.QOS, qos.PackUpdateNodeContractAddress(c.Node), nil)
	s.send(s.owner, c.QOS, qos.PackUpdateTaskContractAddress(c.VSSTask), nil)
	s.send(s.owner, c.NetworkStats, stats.PackUpdateNodeContractAddress(c.Node), nil)
	s.send(s.owner, c.NetworkStats, stats.PackUpdateTaskContractAddress(c.VSSTask), nil)
	s.send(s.owner, c.TaskQueue, queue.PackUpdateTaskContractAddress(c.VSSTask), nil)
	s.send(s.owner, c.Node, s.node.PackUpdateTaskContractAddress(c.VSSTask), nil)
	s.send(s.owner, c.VSSTask, s.task.PackSetRelayAddress(addrOf(s.relay)), nil)
	if timeout > 0 {
		s.send(s.owner, c.VSSTask, s.task.PackUpdateTimeout(big.NewInt(int64(timeout/time.Second))), nil)
	}
	return &c
}

func (s *stack) deploy(bin string, args []byte) common.Address {
	s.t.Helper()
	r := s.mine(s.owner, nil, append(common.FromHex(bin), args...), nil)
	require.Equal(s.t, types.ReceiptStatusSuccessful, r.Status, "deployment reverted")
	return r.ContractAddress
}

// send mines a transaction from key and requires it to succeed.
func (s *stack) send(key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) *types.Receipt {
	s.t.Helper()
	r := s.trySend(key, to, data, value)
	if r.Status != types.ReceiptStatusSuccessful {
		s.t.Fatalf("transaction to %s reverted: %q", to, s.revertReason(key, to, data, value))
	}
	return r
}

func (s *stack) trySend(key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) *types.Receipt {
	s.t.Helper()
	return s.mine(key, &to, data, value)
}

// mine sends a transaction (a deployment when to is nil), mines a block and returns the receipt.
func (s *stack) mine(key *ecdsa.PrivateKey, to *common.Address, data []byte, value *big.Int) *types.Receipt {
	s.t.Helper()
	from := addrOf(key)
	nonce, err := s.client.PendingNonceAt(s.ctx, from)
	require.NoError(s.t, err)
	head, err := s.client.HeaderByNumber(s.ctx, nil)
	require.NoError(s.t, err)
	tip, err := s.client.SuggestGasTipCap(s.ctx)
	require.NoError(s.t, err)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	if value == nil {
		value = new(big.Int)
	}
	// A fixed gas limit: node selection is random, so an estimate may not fit the mined run.
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: devnet.SimChainID, Nonce: nonce, GasTipCap: tip,
		GasFeeCap: feeCap, Gas: 15_000_000, To: to, Value: value, Data: data})
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(devnet.SimChainID), key)
	require.NoError(s.t, err)
	require.NoError(s.t, s.client.SendTransaction(s.ctx, signed))
	s.backend.Commit()
	for i := 1; ; i++ {
		// Receipts are indexed asynchronously after the block is sealed, and a
		// transaction that reached the pool after the seal needs another block.
		r, err := s.client.TransactionReceipt(s.ctx, signed.Hash())
		if err == nil {
			return r
		}
		if i%25 == 0 {
			s.backend.Commit()
		}
		select {
		case <-s.ctx.Done():
			s.t.Fatalf("receipt of %s: %v", signed.Hash(), err)
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// revertReason runs the call on the latest state and returns its revert string.
func (s *stack) revertReason(key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) string {
	s.t.Helper()
	_, err := s.client.CallContract(s.ctx, ethereum.CallMsg{From: addrOf(key), To: &to, Data: data, Value: value, Gas: 15_000_000}, nil)
	require.Error(s.t, err, "call to %s succeeded, want a revert", to)
	var de rpc.DataError
	require.True(s.t, errors.As(err, &de), "error has no revert data: %v", err)
	hexData, ok := de.ErrorData().(string)
	require.True(s.t, ok, "revert data is %T", de.ErrorData())
	reason, err := abi.UnpackRevert(common.FromHex(hexData))
	require.NoError(s.t, err, "revert data %s", hexData)
	return reason
}

// requireRevert requires that the call, run on the latest state, reverts with reason.
func (s *stack) requireRevert(reason string, key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) {
	s.t.Helper()
	require.Equal(s.t, reason, s.revertReason(key, to, data, value))
}

func (s *stack) balance(a common.Address) *big.Int {
	b, err := s.client.BalanceAt(s.ctx, a, nil)
	require.NoError(s.t, err)
	return b
}

func gasCost(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(r.EffectiveGasPrice, new(big.Int).SetUint64(r.GasUsed))
}

func (s *stack) getTask(c [32]byte) bindings.VSSTaskTaskInfo {
	s.t.Helper()
	out, err := s.client.CallContract(s.ctx, ethereum.CallMsg{To: &s.addr.VSSTask, Data: s.task.PackGetTask(c)}, nil)
	require.NoError(s.t, err)
	info, err := s.task.UnpackGetTask(out)
	require.NoError(s.t, err)
	return info
}

func (s *stack) nodeInfo(a common.Address) bindings.NodeNodeInfo {
	s.t.Helper()
	out, err := s.client.CallContract(s.ctx, ethereum.CallMsg{To: &s.addr.Node, Data: s.node.PackGetNodeInfo(a)}, nil)
	require.NoError(s.t, err)
	info, err := s.node.UnpackGetNodeInfo(out)
	require.NoError(s.t, err)
	return info
}

func (s *stack) join(k *ecdsa.PrivateKey, models ...string) {
	s.t.Helper()
	s.send(k, s.addr.Node, s.node.PackJoin(gpuName, big.NewInt(gpuVRAM), version(2, 5, 0), pub64(k), models), wei(400))
}

// newTaskID draws a task GUID and nonce and returns them with the commitment.
func newTaskID(t *testing.T) (guid, nonce, commitment [32]byte) {
	_, err := rand.Read(guid[:])
	require.NoError(t, err)
	_, err = rand.Read(nonce[:])
	require.NoError(t, err)
	copy(commitment[:], crypto.Keccak256(guid[:], nonce[:]))
	return
}

func (s *stack) packCreate(taskType uint8, c, nonce [32]byte, gpu string) []byte {
	return s.task.PackCreateTask(taskType, c, nonce, []string{modelID}, big.NewInt(gpuVRAM), gpu,
		big.NewInt(gpuVRAM), version(2, 5, 0), big.NewInt(1))
}

// createTask creates a fine-tune task for the stack's GPU and returns its ids and receipt.
func (s *stack) createTask(fee *big.Int, gpu string) (guid, nonce, c [32]byte, r *types.Receipt) {
	s.t.Helper()
	guid, nonce, c = newTaskID(s.t)
	r = s.send(s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, c, nonce, gpu), fee)
	return
}

// createSingleTask creates tasks until one is not selected for group validation
// and returns it with its VRF proof.
func (s *stack) createSingleTask(fee *big.Int) (c [32]byte, proof []byte, r *types.Receipt) {
	s.t.Helper()
	for i := 0; i < 20; i++ {
		_, _, c, r = s.createTask(fee, gpuName)
		seed := s.getTask(c).SamplingSeed
		pi, beta, err := ecvrf.Prove(s.creator, seed[:])
		require.NoError(s.t, err)
		if !ecvrf.SelectedForValidation(beta) {
			return c, pi, r
		}
		// Selected: free the node again for the next attempt.
		require.NoError(s.t, s.backend.AdjustTime(time.Hour))
		s.send(s.creator, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	}
	s.t.Fatal("no unselected task in 20 attempts")
	return
}

func (s *stack) events(r *types.Receipt) (started []*bindings.VSSTaskTaskStarted, downloads []*bindings.VSSTaskDownloadModel, queued []*bindings.VSSTaskTaskQueued) {
	for _, l := range r.Logs {
		if e, err := s.task.UnpackTaskStartedEvent(l); err == nil {
			started = append(started, e)
		}
		if e, err := s.task.UnpackDownloadModelEvent(l); err == nil {
			downloads = append(downloads, e)
		}
		if e, err := s.task.UnpackTaskQueuedEvent(l); err == nil {
			queued = append(queued, e)
		}
	}
	return
}

func score(n int, flip int) []byte {
	b := make([]byte, 8*n)
	for i := range b {
		b[i] = byte(0x5a + i)
	}
	for i := 0; i < flip; i++ {
		b[i/8] ^= 1 << (i % 8)
	}
	return b
}

// TestSingleTaskLifecycle walks a fine-tune task through the single-validation
// path of protocol §2.5 and checks events, statuses and the payment to the node.
func TestSingleTaskLifecycle(t *testing.T) {
	s := newStack(t, 1, 0)
	n := s.nodes[0]
	s.join(n)
	require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(n)).Status)

	fee := wei(3)
	c, proof, r := s.createSingleTask(fee)
	started, downloads, _ := s.events(r)
	require.Len(t, started, 1)
	require.Equal(t, c, started[0].TaskIDCommitment)
	require.Equal(t, addrOf(n), started[0].SelectedNode)
	require.Len(t, downloads, 1, "the node lacks the model, so it is told to download it")
	require.Equal(t, modelID, downloads[0].ModelID)
	require.Equal(t, typeSDFT, downloads[0].TaskType)

	info := s.getTask(c)
	require.Equal(t, statusStarted, info.Status)
	require.Equal(t, addrOf(s.creator), info.Creator)
	require.Equal(t, 0, fee.Cmp(info.TaskFee))
	require.EqualValues(t, 180, info.Timeout.Int64(), "default timeout")
	require.NotZero(t, info.Sequence.Int64())
	require.Equal(t, nodeBusy, s.nodeInfo(addrOf(n)).Status)

	// Only the relay reports the parameters, only the node scores.
	s.requireRevert("Invalid caller", s.creator, s.addr.VSSTask, s.task.PackReportTaskParametersUploaded(c), nil)
	s.requireRevert("Illegal previous task state", n, s.addr.VSSTask, s.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskParametersUploaded(c), nil)
	require.Equal(t, statusParametersUploaded, s.getTask(c).Status)

	s.requireRevert("Invalid caller", s.creator, s.addr.VSSTask, s.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	s.requireRevert("Invalid task score", n, s.addr.VSSTask, s.task.PackSubmitTaskScore(c, []byte{1, 2, 3}), nil)
	s.send(n, s.addr.VSSTask, s.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	info = s.getTask(c)
	require.Equal(t, statusScoreReady, info.Status)
	require.Equal(t, score(4, 0), info.Score)

	// Validation: bad inputs first.
	s.requireRevert("Invalid caller", n, s.addr.VSSTask, s.task.PackValidateSingleTask(c, proof, pub64(s.creator)), nil)
	s.requireRevert("Invalid public key length", s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c, proof, pub64(s.creator)[:63]), nil)
	s.requireRevert("Not task creator", s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c, proof, pub64(n)), nil)
	s.requireRevert("Malformed VRF proof", s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c, proof[:80], pub64(s.creator)), nil)
	bad := append([]byte(nil), proof...)
	bad[60] ^= 1
	s.requireRevert("Invalid VRF proof", s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c, bad, pub64(s.creator)), nil)

	s.send(s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c, proof, pub64(s.creator)), nil)
	require.Equal(t, statusValidated, s.getTask(c).Status)

	s.requireRevert("Invalid caller", n, s.addr.VSSTask, s.task.PackReportTaskResultUploaded(c), nil)
	before := s.balance(addrOf(n))
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskResultUploaded(c), nil)
	info = s.getTask(c)
	require.Equal(t, statusEndSuccess, info.Status)
	require.Equal(t, []common.Address{addrOf(n)}, info.PaymentAddresses)
	require.Len(t, info.Payments, 1)
	require.Equal(t, 0, fee.Cmp(info.Payments[0]))
	require.Equal(t, 0, new(big.Int).Add(before, fee).Cmp(s.balance(addrOf(n))), "the node received the whole fee")
	require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(n)).Status)

	// A finished task cannot be aborted.
	s.requireRevert("Illegal previous task state", s.creator, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
}

// TestCreateTaskReverts checks createTask's input rules (protocol §2.4, §2.10).
func TestCreateTaskReverts(t *testing.T) {
	s := newStack(t, 0, 0)
	_, nonce, c := newTaskID(t)
	s.requireRevert("Task fee cannot be 0", s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, c, nonce, gpuName), nil)
	s.requireRevert("GPU name is empty", s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, c, nonce, ""), wei(1))

	// SD without a GPU name is fine; nobody can run it, so it is queued.
	r := s.send(s.creator, s.addr.VSSTask, s.packCreate(typeSD, c, nonce, ""), wei(1))
	_, _, queued := s.events(r)
	require.Len(t, queued, 1)
	require.Equal(t, statusQueued, s.getTask(c).Status)

	// Reusing the nonce on a young chain is refused cleanly (no arithmetic panic).
	guid2, _, _ := newTaskID(t)
	var c2 [32]byte
	copy(c2[:], crypto.Keccak256(guid2[:], nonce[:]))
	s.requireRevert("Nonce is used", s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, c2, nonce, gpuName), wei(1))

	var unknown [32]byte
	unknown[0] = 1
	s.requireRevert("Task not found", s.creator, s.addr.VSSTask, s.task.PackAbortTask(unknown, reasonTimeout), nil)
	require.Equal(t, [32]byte{}, s.getTask(unknown).TaskIDCommitment)
}

// TestQueuedTaskAbortRefunds checks that a creator can abort a queued task at any
// time and gets the whole fee back, and that the task cannot be aborted twice.
func TestQueuedTaskAbortRefunds(t *testing.T) {
	s := newStack(t, 0, 0)
	fee := wei(5)
	_, _, c, _ := s.createTask(fee, gpuName)
	require.Equal(t, statusQueued, s.getTask(c).Status)

	s.requireRevert("Invalid caller", s.relay, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	before := s.balance(addrOf(s.creator))
	r := s.send(s.creator, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	after := s.balance(addrOf(s.creator))
	require.Equal(t, 0, new(big.Int).Sub(new(big.Int).Add(before, fee), gasCost(r)).Cmp(after), "fee refunded")
	var aborted *bindings.VSSTaskTaskEndAborted
	for _, l := range r.Logs {
		if e, err := s.task.UnpackTaskEndAbortedEvent(l); err == nil {
			aborted = e
		}
	}
	require.NotNil(t, aborted)
	require.Equal(t, statusQueued, aborted.LastStatus)
	require.Equal(t, reasonTimeout, aborted.AbortReason)
	require.Equal(t, addrOf(s.creator), aborted.AbortIssuer)
	require.Equal(t, statusEndAborted, s.getTask(c).Status)
	s.requireRevert("Illegal previous task state", s.creator, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
}

// TestQueuedTaskStartsWhenNodeJoins checks nodeAvailableCallback: a queued task
// starts on a matching node as soon as it joins.
func TestQueuedTaskStartsWhenNodeJoins(t *testing.T) {
	s := newStack(t, 1, 0)
	_, _, c, _ := s.createTask(wei(1), gpuName)
	require.Equal(t, statusQueued, s.getTask(c).Status)
	n := s.nodes[0]
	s.send(n, s.addr.Node, s.node.PackJoin(gpuName, big.NewInt(gpuVRAM), version(2, 5, 0), pub64(n), []string{modelID}), wei(400))
	info := s.getTask(c)
	require.Equal(t, statusStarted, info.Status)
	require.Equal(t, addrOf(n), info.SelectedNode)
	out, err := s.client.CallContract(s.ctx, ethereum.CallMsg{To: &s.addr.VSSTask, Data: s.task.PackGetNodeTask(addrOf(n))}, nil)
	require.NoError(t, err)
	nodeTask, err := s.task.UnpackGetNodeTask(out)
	require.NoError(t, err)
	require.Equal(t, c, nodeTask)
	ni := s.nodeInfo(addrOf(n))
	require.Equal(t, nodeBusy, ni.Status)
	require.Equal(t, []string{modelID}, ni.LastModelIDs)
}

// TestStartedTaskAbortNeedsTimeout checks that a started task can be aborted
// only after startTimestamp + timeout, and then refunds the creator.
func TestStartedTaskAbortNeedsTimeout(t *testing.T) {
	s := newStack(t, 1, 10*time.Minute)
	n := s.nodes[0]
	s.join(n)
	fee := wei(2)
	_, _, c, _ := s.createTask(fee, gpuName)
	require.Equal(t, statusStarted, s.getTask(c).Status)
	require.EqualValues(t, 600, s.getTask(c).Timeout.Int64())
	s.requireRevert("Timeout not reached", n, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	require.NoError(t, s.backend.AdjustTime(11*time.Minute))
	before := s.balance(addrOf(s.creator))
	s.send(n, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	require.Equal(t, statusEndAborted, s.getTask(c).Status)
	require.Equal(t, 0, new(big.Int).Add(before, fee).Cmp(s.balance(addrOf(s.creator))), "fee refunded to the creator")
	require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(n)).Status)
}

// TestErrorReportedSingleTaskAborts checks that validating an error report ends
// the task aborted with IncorrectResult and refunds it.
func TestErrorReportedSingleTaskAborts(t *testing.T) {
	s := newStack(t, 1, 0)
	n := s.nodes[0]
	s.join(n)
	c, proof, _ := s.createSingleTask(wei(1))
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskParametersUploaded(c), nil)
	s.send(n, s.addr.VSSTask, s.task.PackReportTaskError(c, 1), nil)
	require.Equal(t, statusErrorReported, s.getTask(c).Status)
	s.send(s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c, proof, pub64(s.creator)), nil)
	info := s.getTask(c)
	require.Equal(t, statusEndAborted, info.Status)
	require.Equal(t, reasonIncorrectResult, info.AbortReason)
}

// TestGroupValidation runs the group path of protocol §2.6: two nodes agree, the
// third cheats and is slashed, the earliest agreeing task is paid on upload.
func TestGroupValidation(t *testing.T) {
	s := newStack(t, 3, 0)
	for _, n := range s.nodes {
		s.join(n)
	}
	fee := wei(3)
	var guid, c1 [32]byte
	var proof []byte
	for i := 0; ; i++ {
		require.Less(t, i, 100, "no task selected for validation in 100 attempts")
		var r *types.Receipt
		guid, _, c1, r = s.createTask(fee, gpuName)
		_ = r
		seed := s.getTask(c1).SamplingSeed
		pi, beta, err := ecvrf.Prove(s.creator, seed[:])
		require.NoError(t, err)
		if ecvrf.SelectedForValidation(beta) {
			proof = pi
			break
		}
		require.NoError(t, s.backend.AdjustTime(time.Hour))
		s.send(s.creator, s.addr.VSSTask, s.task.PackAbortTask(c1, reasonTimeout), nil)
	}

	cs := [3][32]byte{c1}
	for i := 1; i < 3; i++ {
		var nonce [32]byte
		_, err := rand.Read(nonce[:])
		require.NoError(t, err)
		copy(cs[i][:], crypto.Keccak256(guid[:], nonce[:]))
		s.send(s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, cs[i], nonce, gpuName), fee)
	}
	nodeOf := map[common.Address]*ecdsa.PrivateKey{}
	for _, n := range s.nodes {
		nodeOf[addrOf(n)] = n
	}
	scores := [3][]byte{score(4, 0), score(4, 3), score(4, 40)} // 40 flipped bits: over the threshold in block 0
	for i, c := range cs {
		info := s.getTask(c)
		require.Equal(t, statusStarted, info.Status, "task %d started", i)
		s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskParametersUploaded(c), nil)
		s.send(nodeOf[info.SelectedNode], s.addr.VSSTask, s.task.PackSubmitTaskScore(c, scores[i]), nil)
	}

	s.requireRevert("Task is selected for validation", s.creator, s.addr.VSSTask, s.task.PackValidateSingleTask(c1, proof, pub64(s.creator)), nil)
	var wrongGUID [32]byte
	s.requireRevert("Invalid task sequence", s.creator, s.addr.VSSTask, s.task.PackValidateTaskGroup(cs[1], cs[0], cs[2], guid, proof, pub64(s.creator)), nil)
	s.requireRevert("Incorrect Task GUID", s.creator, s.addr.VSSTask, s.task.PackValidateTaskGroup(cs[0], cs[1], cs[2], wrongGUID, proof, pub64(s.creator)), nil)

	cheater := s.getTask(cs[2]).SelectedNode
	ownerBefore := s.balance(addrOf(s.owner))
	s.send(s.creator, s.addr.VSSTask, s.task.PackValidateTaskGroup(cs[0], cs[1], cs[2], guid, proof, pub64(s.creator)), nil)
	require.Equal(t, statusGroupValidated, s.getTask(cs[0]).Status)
	require.Equal(t, statusEndGroupRefund, s.getTask(cs[1]).Status)
	require.Equal(t, statusEndInvalidated, s.getTask(cs[2]).Status)
	require.Equal(t, nodeQuit, s.nodeInfo(cheater).Status, "the cheating node is slashed")
	require.Equal(t, 0, new(big.Int).Add(ownerBefore, wei(400)).Cmp(s.balance(addrOf(s.owner))), "the stake went to the Node owner")

	winner := s.getTask(cs[0]).SelectedNode
	other := s.getTask(cs[1]).SelectedNode
	wb, ob := s.balance(winner), s.balance(other)
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskResultUploaded(cs[0]), nil)
	info := s.getTask(cs[0])
	require.Equal(t, statusEndGroupSuccess, info.Status)
	require.Equal(t, []common.Address{winner, other}, info.PaymentAddresses)
	half := new(big.Int).Div(fee, big.NewInt(2))
	require.Equal(t, 0, new(big.Int).Add(wb, half).Cmp(s.balance(winner)))
	require.Equal(t, 0, new(big.Int).Add(ob, half).Cmp(s.balance(other)))
}
