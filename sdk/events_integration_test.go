package sdk_test

import (
	"context"
	"crypto/rand"
	"errors"
	"io"
	"math/big"
	"net"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/devnet/node"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// cutProxy forwards TCP connections to target and can cut them all at once,
// like a network that drops a websocket mid-stream.
type cutProxy struct {
	ln     net.Listener
	target string

	mu       sync.Mutex
	conns    map[net.Conn]struct{}
	accepted int
	cuts     int
}

func startCutProxy(t testing.TB, target string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &cutProxy{ln: ln, target: target, conns: map[net.Conn]struct{}{}}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.Cut() })
	return p
}

func (p *cutProxy) Addr() string { return p.ln.Addr().String() }

func (p *cutProxy) serve() {
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.mu.Lock()
		p.conns[in], p.conns[out] = struct{}{}, struct{}{}
		p.accepted++
		p.mu.Unlock()
		pipe := func(dst, src net.Conn) {
			_, _ = io.Copy(dst, src)
			dst.Close()
			src.Close()
			p.mu.Lock()
			delete(p.conns, dst)
			delete(p.conns, src)
			p.mu.Unlock()
		}
		go pipe(in, out)
		go pipe(out, in)
	}
}

// Cut closes every open connection and reports how many there were.
func (p *cutProxy) Cut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.conns)
	for c := range p.conns {
		c.Close()
	}
	if n > 0 {
		p.cuts++
	}
	return n
}

func (p *cutProxy) stats() (accepted, cuts int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted, p.cuts
}

// logReader reads logs of the whole chain.
type logReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

var taskEventNames = []string{"TaskQueued", "TaskStarted", "TaskParametersUploaded", "TaskErrorReported",
	"TaskScoreReady", "TaskValidated", "TaskEndSuccess", "TaskEndInvalidated", "TaskEndGroupSuccess",
	"TaskEndGroupRefund", "TaskEndAborted"}

// taskLogs returns every task-state log of the VSSTask contract up to the head, with its event name.
func taskLogs(t testing.TB, rd logReader, vss common.Address) ([]types.Log, map[common.Hash]string) {
	t.Helper()
	abi, err := bindings.VSSTaskMetaData.ParseABI()
	require.NoError(t, err)
	names := map[common.Hash]string{}
	var topics []common.Hash
	for _, n := range taskEventNames {
		topics = append(topics, abi.Events[n].ID)
		names[abi.Events[n].ID] = n
	}
	ctx := context.Background()
	head, err := rd.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	logs, err := rd.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: head.Number,
		Addresses: []common.Address{vss}, Topics: [][]common.Hash{topics}})
	require.NoError(t, err)
	return logs, names
}

// requireStreamMatchesChain subscribes to every task event from genesis, runs
// a two-round job while calling disturb every 200 ms, and checks that the
// subscriber saw each task-state log of the chain exactly once, in chain order.
func requireStreamMatchesChain(t *testing.T, dn *devnet.Network, c *sdk.Client, rd logReader, disturb func()) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sub, err := c.Subscribe(ctx, sdk.EventFilter{})
	require.NoError(t, err)
	var (
		mu  sync.Mutex
		got []sdk.TaskEvent
	)
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for ev := range sub.Events() {
			mu.Lock()
			got = append(got, ev)
			mu.Unlock()
		}
	}()

	job, err := c.Finetune(ctx, seedRequest(t))
	require.NoError(t, err)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
wait:
	for {
		select {
		case <-job.Done():
			break wait
		case <-tick.C:
			if disturb != nil {
				disturb()
			}
		case <-ctx.Done():
			t.Fatal("job did not end")
		}
	}
	_, err = job.Wait(ctx)
	require.NoError(t, err)

	logs, names := taskLogs(t, rd, dn.Config.Contracts.VSSTask)
	require.NotEmpty(t, logs)
	last := logs[len(logs)-1]
	for {
		cur := sub.Cursor()
		if cur.Block > last.BlockNumber || (cur.Block == last.BlockNumber && cur.LogIndex >= last.Index) {
			break
		}
		select {
		case err := <-sub.Err():
			t.Fatalf("subscription ended: %v", err)
		case <-ctx.Done():
			t.Fatalf("subscription stuck at %+v, chain's last task log at %d/%d", cur, last.BlockNumber, last.Index)
		case <-time.After(50 * time.Millisecond):
		}
	}
	sub.Unsubscribe()
	<-collected

	require.Len(t, got, len(logs), "one event per log, none lost or repeated")
	for i, l := range logs {
		ev := got[i]
		require.False(t, ev.Removed, "event %d", i)
		require.Equal(t, l.BlockNumber, ev.Block, "event %d", i)
		require.Equal(t, l.Index, ev.LogIndex, "event %d", i)
		require.Equal(t, l.BlockHash, ev.BlockHash, "event %d", i)
		require.Equal(t, l.TxHash, ev.TxHash, "event %d", i)
		require.Equal(t, names[l.Topics[0]], ev.Name, "event %d", i)
		require.Equal(t, common.BytesToHash(l.Data[:32]), ev.Commitment, "event %d", i)
	}
}

// TestSubscribeAcrossWebsocketCuts follows a job's events on geth through a
// websocket that keeps being cut.
func TestSubscribeAcrossWebsocketCuts(t *testing.T) {
	dn, err := devnet.Start(context.Background(), devnet.Options{Geth: true})
	if errors.Is(err, geth.ErrNotInstalled) && os.Getenv("CI") != "true" {
		t.Skip(err.Error())
	}
	require.NoError(t, err, "start the devnet on geth (under CI=true geth must be installed)")
	t.Cleanup(func() { _ = dn.Close() })
	u, err := url.Parse(dn.Config.WSURL)
	require.NoError(t, err)
	proxy := startCutProxy(t, u.Host)
	net := networkOf(dn)
	net.WSURL = "ws://" + proxy.Addr()
	c := dial(t, net, dn, 0, t.TempDir())
	rd := reader(t, dn).(logReader)
	requireStreamMatchesChain(t, dn, c, rd, func() { proxy.Cut() })
	accepted, cuts := proxy.stats()
	t.Logf("websocket connections: %d, cuts: %d", accepted, cuts)
	require.GreaterOrEqual(t, cuts, 2, "the stream was cut while tasks progressed")
	require.Greater(t, accepted, cuts, "the subscriber reconnected after every cut")
}

// TestSubscribePolling follows a job's events over HTTP only (no websocket):
// the subscription polls eth_getLogs.
func TestSubscribePolling(t *testing.T) {
	dn := startDevnet(t, devnet.Options{})
	net := networkOf(dn)
	net.WSURL = ""
	c := dial(t, net, dn, 0, t.TempDir())
	requireStreamMatchesChain(t, dn, c, dn.Chain.Client(), nil)
}

// miner commits blocks of the chain while transactions are pending, until stopped.
type miner struct {
	stop chan struct{}
	done chan struct{}
}

func startMiner(t testing.TB, c *devnet.SimChain) *miner {
	rc, err := rpc.Dial(c.HTTPURL)
	require.NoError(t, err)
	m := &miner{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		defer rc.Close()
		for {
			select {
			case <-m.stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			var status map[string]hexutil.Uint64
			if err := rc.Call(&status, "txpool_status"); err == nil && status["pending"] > 0 {
				c.Commit()
			}
		}
	}()
	return m
}

func (m *miner) Stop() {
	close(m.stop)
	<-m.done
}

// TestSubscribeReorg drives one task to TaskEndSuccess on a chain mined by
// hand, then reorgs the block holding that log away: the subscriber must
// report the event again with Removed set, then deliver it from the new
// branch. Over a live log subscription and over HTTP polling.
func TestSubscribeReorg(t *testing.T) {
	t.Run("Subscription", func(t *testing.T) { testSubscribeReorg(t, false) })
	t.Run("Polling", func(t *testing.T) { testSubscribeReorg(t, true) })
}

func testSubscribeReorg(t *testing.T, polling bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	t0 := time.Now()
	signers := make([]wallet.Signer, 4) // deployer, relay, node, creator
	alloc := types.GenesisAlloc{}
	for i := range signers {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		signers[i] = wallet.NewKeySigner(k)
		alloc[signers[i].Address()] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1e6), big.NewInt(1e18))}
	}
	deployer, relayer, nodeKey, creator := signers[0], signers[1], signers[2], signers[3]
	chain, err := devnet.StartSimChain(devnet.SimChainOptions{Alloc: alloc, NoAutoMine: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = chain.Close() })
	cl := chain.Client()
	m := startMiner(t, chain)
	mining := true
	defer func() {
		if mining {
			m.Stop()
		}
	}()

	t.Logf("%v deploying", time.Since(t0))
	contracts, err := devnet.Deploy(ctx, cl, deployer, devnet.DeployOptions{Relay: relayer.Address(), TaskTimeout: time.Hour})
	require.NoError(t, err)
	nd, err := node.New(node.Config{Backend: cl, Signer: nodeKey, RelayURL: "http://127.0.0.1:1",
		Contracts: node.Contracts{VSSTask: contracts.VSSTask, Node: contracts.Node},
		GPUName:   node.DefaultGPUName, GPUVRAM: node.DefaultGPUVRAM, WorkDir: t.TempDir(),
		TxOptions: []txmgr.Option{txmgr.WithPollInterval(20 * time.Millisecond)}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = nd.Close() })
	t.Logf("%v joining", time.Since(t0))
	require.NoError(t, nd.Join(ctx))
	t.Logf("%v joined", time.Since(t0))

	net := sdk.Network{RPCURL: chain.HTTPURL, RelayURL: "http://127.0.0.1:1", Contracts: sdk.Contracts(*contracts)}
	opts := []sdk.Option{sdk.WithPollInterval(testPoll), sdk.WithJournalDir(t.TempDir())}
	if !polling {
		opts = append(opts, sdk.WithBackend(cl)) // in-process: a live log subscription
	}
	c, err := sdk.Dial(ctx, net, creator, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })

	vss := bindings.NewVSSTask()
	send := func(s wallet.Signer, data []byte, value *big.Int) {
		t.Helper()
		tm, err := txmgr.New(cl, s, txmgr.WithPollInterval(20*time.Millisecond))
		require.NoError(t, err)
		defer tm.Close()
		_, err = tm.Send(ctx, txmgr.Request{To: &contracts.VSSTask, Data: data, Value: value})
		require.NoError(t, err)
	}

	// A task whose VRF does not select group validation (the next block is
	// the one that mines createTask: nothing else is being sent).
	guid := common.Hash{1}
	head, err := cl.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	var nonce, commitment common.Hash
	for {
		_, _ = rand.Read(nonce[:])
		commitment = crypto.Keccak256Hash(guid[:], nonce[:])
		seed := crypto.Keccak256Hash(head.Hash().Bytes(), commitment[:])
		_, beta, err := creator.ProveVRF(ctx, seed[:])
		require.NoError(t, err)
		if !ecvrf.SelectedForValidation(beta) {
			break
		}
	}
	sub, err := c.Subscribe(ctx, sdk.EventFilter{Commitments: []common.Hash{commitment}})
	require.NoError(t, err)
	defer sub.Unsubscribe()

	vram := new(big.Int).SetUint64(node.DefaultGPUVRAM)
	fee := new(big.Int).Mul(big.NewInt(15), big.NewInt(1e18))
	send(creator, vss.PackCreateTask(2, commitment, nonce, []string{"base:m"}, vram, node.DefaultGPUName, vram,
		[3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, big.NewInt(1)), fee)
	info, err := c.Task(ctx, commitment)
	require.NoError(t, err)
	require.Equal(t, sdk.StatusStarted, info.Status)
	send(relayer, vss.PackReportTaskParametersUploaded(commitment), nil)
	send(nodeKey, vss.PackSubmitTaskScore(commitment, []byte{1, 2, 3, 4, 5, 6, 7, 8}), nil)
	ti, err := bind.Call(vss.Instance(cl, contracts.VSSTask), &bind.CallOpts{Context: ctx}, vss.PackGetTask(commitment), vss.UnpackGetTask)
	require.NoError(t, err)
	pi, _, err := creator.ProveVRF(ctx, ti.SamplingSeed[:])
	require.NoError(t, err)
	pub, err := creator.PublicKey(ctx)
	require.NoError(t, err)
	send(creator, vss.PackValidateSingleTask(commitment, pi, pub), nil)
	send(relayer, vss.PackReportTaskResultUploaded(commitment), nil)

	next := func() sdk.TaskEvent {
		t.Helper()
		select {
		case ev, ok := <-sub.Events():
			require.True(t, ok, "subscription closed")
			t.Logf("%v event %s block %d/%d removed=%v", time.Since(t0), ev.Name, ev.Block, ev.LogIndex, ev.Removed)
			return ev
		case <-ctx.Done():
			t.Fatal("no event")
		}
		return sdk.TaskEvent{}
	}
	var end sdk.TaskEvent
	for _, want := range []string{"TaskStarted", "TaskParametersUploaded", "TaskScoreReady", "TaskValidated", "TaskEndSuccess"} {
		ev := next()
		require.Equal(t, want, ev.Name)
		require.False(t, ev.Removed)
		end = ev
	}

	// Reorg: back to the parent of the TaskEndSuccess block, then a longer branch.
	m.Stop()
	mining = false
	parent, err := cl.HeaderByNumber(ctx, new(big.Int).SetUint64(end.Block-1))
	require.NoError(t, err)
	require.NoError(t, chain.Backend.Fork(parent.Hash()))
	chain.Commit()
	chain.Commit()
	chain.Commit()

	ev := next()
	require.Equal(t, "TaskEndSuccess", ev.Name)
	require.True(t, ev.Removed, "the reorged-out TaskEndSuccess comes back with Removed set")
	require.Equal(t, end.BlockHash, ev.BlockHash)
	require.Equal(t, end.Cursor, ev.Cursor)
	require.Equal(t, commitment, ev.Commitment)

	// The reorged-out transaction went back to the pool and into the new
	// branch: its event is delivered again, from its new block.
	rcpt, err := cl.TransactionReceipt(ctx, end.TxHash)
	if err != nil {
		t.Logf("the transaction is not on the new branch (%v): nothing more to deliver", err)
		return
	}
	ev = next()
	require.Equal(t, "TaskEndSuccess", ev.Name)
	require.False(t, ev.Removed)
	require.Equal(t, rcpt.BlockHash, ev.BlockHash)
	require.NotEqual(t, end.BlockHash, ev.BlockHash)
}
