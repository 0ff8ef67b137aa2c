package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// chainClient is what the scenario needs from a chain: txmgr's and
// devnet.Deploy's backends. The in-process chain's client and
// *ethclient.Client both satisfy it.
type chainClient interface {
	txmgr.Backend
	devnet.Backend
}

// chainEnv is the VSS stack deployed by devnet.Deploy on some chain, with a
// txmgr.Manager per funded account, so that receipts and revert reasons are
// decoded the same way on every chain.
type chainEnv struct {
	tb      testing.TB
	ctx     context.Context
	client  chainClient
	addr    *devnet.Contracts
	owner   *ecdsa.PrivateKey
	relay   *ecdsa.PrivateKey
	creator *ecdsa.PrivateKey
	nodes   []*ecdsa.PrivateKey
	mgrs    map[common.Address]*txmgr.Manager
	task    *bindings.VSSTask
	node    *bindings.Node
}

// envKeys draws the owner, relay, creator and node keys and returns them with
// their genesis funding.
func envKeys(tb testing.TB, nodes int) (keys []*ecdsa.PrivateKey, fund map[common.Address]*big.Int) {
	fund = map[common.Address]*big.Int{}
	for i := 0; i < 3+nodes; i++ {
		k, err := crypto.GenerateKey()
		require.NoError(tb, err)
		keys = append(keys, k)
		fund[addrOf(k)] = wei(10000)
	}
	return keys, fund
}

func newChainEnv(tb testing.TB, ctx context.Context, client chainClient, keys []*ecdsa.PrivateKey) *chainEnv {
	tb.Helper()
	e := &chainEnv{tb: tb, ctx: ctx, client: client, owner: keys[0], relay: keys[1], creator: keys[2], nodes: keys[3:],
		mgrs: map[common.Address]*txmgr.Manager{}, task: bindings.NewVSSTask(), node: bindings.NewNode()}
	for _, k := range keys {
		m, err := txmgr.New(client, wallet.NewKeySigner(k), txmgr.WithPollInterval(5*time.Millisecond))
		require.NoError(tb, err)
		tb.Cleanup(func() { _ = m.Close() })
		e.mgrs[addrOf(k)] = m
	}
	var err error
	e.addr, err = devnet.Deploy(ctx, client, wallet.NewKeySigner(e.owner), devnet.DeployOptions{Relay: addrOf(e.relay)})
	require.NoError(tb, err)
	return e
}

// newSimEnv runs the stack on go-ethereum's simulated backend (the chain
// configuration of geth --dev), mined by a goroutine that commits a block
// whenever transactions are pending. With osaka, the chain stops at Osaka:
// no Bogota/Amsterdam state-gas repricing (EIP-8037/8038), as on the chains
// Crynux ran on.
func newSimEnv(tb testing.TB, nodes int, osaka bool) *chainEnv {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	tb.Cleanup(cancel)
	keys, fund := envKeys(tb, nodes)
	alloc := types.GenesisAlloc{}
	for a, v := range fund {
		alloc[a] = types.Account{Balance: v}
	}
	backend := simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000), func(_ *node.Config, ec *ethconfig.Config) {
		if osaka {
			cfg := *ec.Genesis.Config
			cfg.BogotaTime = nil
			ec.Genesis.Config = &cfg
		}
	})
	tb.Cleanup(func() { _ = backend.Close() })
	client := &committingClient{Client: backend.Client(), backend: backend}
	return newChainEnv(tb, ctx, client, keys)
}

// committingClient is a simulated-backend client that mines a block after
// each transaction it sends, so the next block is predictable
// (devnet.DrawCommitmentForPath) and no goroutine has to watch the pool.
type committingClient struct {
	simulated.Client
	backend *simulated.Backend
}

func (c *committingClient) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	c.backend.Commit()
	return nil
}

// newGethEnv runs the stack on a real geth --dev (skipped without geth, except under CI=true).
func newGethEnv(tb testing.TB, nodes int) *chainEnv {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	tb.Cleanup(cancel)
	keys, fund := envKeys(tb, nodes)
	n := geth.StartForTest(tb, geth.Options{Prefund: fund})
	client, err := ethclient.DialContext(ctx, n.HTTPURL)
	require.NoError(tb, err)
	tb.Cleanup(client.Close)
	return newChainEnv(tb, ctx, client, keys)
}

// send sends a transaction from key through its Manager. gas 0 estimates
// (so a revert is reported before anything is broadcast).
func (e *chainEnv) send(key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int, gas uint64) (*types.Receipt, error) {
	return e.mgrs[addrOf(key)].Send(e.ctx, txmgr.Request{To: &to, Data: data, Value: value, GasLimit: gas})
}

// must sends a transaction with a fixed gas limit (node selection is random,
// so an estimate may not fit the mined run) and requires it to succeed.
func (e *chainEnv) must(key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) *types.Receipt {
	e.tb.Helper()
	r, err := e.send(key, to, data, value, 8_000_000)
	require.NoError(e.tb, err)
	require.Equal(e.tb, types.ReceiptStatusSuccessful, r.Status)
	return r
}

// mustRevert requires that the transaction is refused with reason (by txmgr's gas estimation).
func (e *chainEnv) mustRevert(reason string, key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) {
	e.tb.Helper()
	_, err := e.send(key, to, data, value, 0)
	require.Error(e.tb, err)
	require.True(e.tb, txmgr.IsRevert(err, reason), "want revert %q, got %v", reason, err)
}

func (e *chainEnv) balance(a common.Address) *big.Int {
	b, err := e.client.BalanceAt(e.ctx, a, nil)
	require.NoError(e.tb, err)
	return b
}

func (e *chainEnv) getTask(c [32]byte) bindings.VSSTaskTaskInfo {
	e.tb.Helper()
	out, err := e.client.CallContract(e.ctx, ethereum.CallMsg{To: &e.addr.VSSTask, Data: e.task.PackGetTask(c)}, nil)
	require.NoError(e.tb, err)
	info, err := e.task.UnpackGetTask(out)
	require.NoError(e.tb, err)
	return info
}

func (e *chainEnv) nodeStatus(a common.Address) uint8 {
	e.tb.Helper()
	out, err := e.client.CallContract(e.ctx, ethereum.CallMsg{To: &e.addr.Node, Data: e.node.PackGetNodeInfo(a)}, nil)
	require.NoError(e.tb, err)
	info, err := e.node.UnpackGetNodeInfo(out)
	require.NoError(e.tb, err)
	return info.Status
}

func (e *chainEnv) join(k *ecdsa.PrivateKey) {
	e.tb.Helper()
	e.must(k, e.addr.Node, e.node.PackJoin(gpuName, big.NewInt(gpuVRAM), version(2, 5, 0), pub64(k), []string{modelID}), wei(400))
}

func (e *chainEnv) packCreate(c, nonce [32]byte) []byte {
	return e.task.PackCreateTask(typeSDFT, c, nonce, []string{modelID}, big.NewInt(gpuVRAM), gpuName,
		big.NewInt(gpuVRAM), version(2, 5, 0), big.NewInt(1))
}

// createOnPath creates a task of guid whose VRF puts it on the wanted
// validation path and returns its commitment, the VRF proof over the stored
// sampling seed and the receipt. A prediction spoiled by other traffic is
// retried: the task is left as it is and another one drawn.
func (e *chainEnv) createOnPath(guid [32]byte, fee *big.Int, wantGroup bool) (c [32]byte, proof []byte, r *types.Receipt) {
	e.tb.Helper()
	for i := 0; i < 5; i++ {
		nonce, commitment, err := devnet.DrawCommitmentForPath(e.ctx, e.client, wallet.NewKeySigner(e.creator), guid, wantGroup)
		require.NoError(e.tb, err)
		r = e.must(e.creator, e.addr.VSSTask, e.packCreate(commitment, nonce), fee)
		seed := e.getTask(commitment).SamplingSeed
		pi, beta, err := ecvrf.Prove(e.creator, seed[:])
		require.NoError(e.tb, err)
		if ecvrf.SelectedForValidation(beta) == wantGroup {
			return commitment, pi, r
		}
	}
	e.tb.Fatal("the sampling seed prediction failed 5 times")
	return
}

// runSingleTaskScenario is the single-validation lifecycle of protocol §2.5 on
// any chain: create → Started → ParametersUploaded (relay) → ScoreReady (node)
// → Validated (creator, real VRF proof) → EndSuccess (relay), with the node
// paid the fee to the wei and the key revert paths checked on the way. It
// returns the receipts of createTask and validateSingleTask.
func runSingleTaskScenario(tb testing.TB, e *chainEnv) (create, validate *types.Receipt) {
	tb.Helper()
	n := e.nodes[0]
	e.join(n)
	require.Equal(tb, nodeAvailable, e.nodeStatus(addrOf(n)))

	var unknown [32]byte
	unknown[0] = 7
	e.mustRevert("Task not found", e.relay, e.addr.VSSTask, e.task.PackReportTaskParametersUploaded(unknown), nil)

	var guid [32]byte
	guid[31] = 1
	fee := new(big.Int).Add(wei(3), big.NewInt(12345))
	c, proof, create := e.createOnPath(guid, fee, false)
	require.Equal(tb, statusStarted, e.getTask(c).Status)
	require.Equal(tb, addrOf(n), e.getTask(c).SelectedNode)
	require.Equal(tb, nodeBusy, e.nodeStatus(addrOf(n)))

	e.mustRevert("Invalid caller", e.creator, e.addr.VSSTask, e.task.PackReportTaskParametersUploaded(c), nil)
	e.mustRevert("Illegal previous task state", n, e.addr.VSSTask, e.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	e.must(e.relay, e.addr.VSSTask, e.task.PackReportTaskParametersUploaded(c), nil)
	require.Equal(tb, statusParametersUploaded, e.getTask(c).Status)
	e.mustRevert("Illegal previous task state", e.relay, e.addr.VSSTask, e.task.PackReportTaskParametersUploaded(c), nil)

	e.mustRevert("Invalid caller", e.creator, e.addr.VSSTask, e.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	e.must(n, e.addr.VSSTask, e.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	require.Equal(tb, statusScoreReady, e.getTask(c).Status)

	e.mustRevert("Invalid caller", n, e.addr.VSSTask, e.task.PackValidateSingleTask(c, proof, pub64(e.creator)), nil)
	validate = e.must(e.creator, e.addr.VSSTask, e.task.PackValidateSingleTask(c, proof, pub64(e.creator)), nil)
	require.Equal(tb, statusValidated, e.getTask(c).Status)
	e.mustRevert("Illegal previous task state", e.creator, e.addr.VSSTask, e.task.PackValidateSingleTask(c, proof, pub64(e.creator)), nil)

	e.mustRevert("Invalid caller", n, e.addr.VSSTask, e.task.PackReportTaskResultUploaded(c), nil)
	before := e.balance(addrOf(n))
	r := e.must(e.relay, e.addr.VSSTask, e.task.PackReportTaskResultUploaded(c), nil)
	var ended bool
	for _, l := range r.Logs {
		if ev, err := e.task.UnpackTaskEndSuccessEvent(l); err == nil && ev.TaskIDCommitment == c {
			ended = true
		}
	}
	require.True(tb, ended, "TaskEndSuccess emitted")
	info := e.getTask(c)
	require.Equal(tb, statusEndSuccess, info.Status)
	require.Equal(tb, []common.Address{addrOf(n)}, info.PaymentAddresses)
	require.Equal(tb, new(big.Int).Add(before, fee).String(), e.balance(addrOf(n)).String(), "the node received the fee to the wei")
	require.Equal(tb, nodeAvailable, e.nodeStatus(addrOf(n)))
	e.mustRevert("Illegal previous task state", e.creator, e.addr.VSSTask, e.task.PackAbortTask(c, reasonTimeout), nil)
	return create, validate
}

// TestSingleTaskScenarioOnBothChains runs the same single-task scenario on the
// in-process chain and on a real geth --dev.
func TestSingleTaskScenarioOnBothChains(t *testing.T) {
	t.Run("simulated", func(t *testing.T) {
		runSingleTaskScenario(t, newSimEnv(t, 1, false))
	})
	t.Run("geth", func(t *testing.T) {
		runSingleTaskScenario(t, newGethEnv(t, 1))
	})
}
