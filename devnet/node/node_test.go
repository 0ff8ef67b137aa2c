package node_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"log/slog"
	"math/big"
	"os"
	"sync"
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
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/relay/taskargs"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Chain task statuses used below (protocol §2.2).
const (
	stStarted            = 1
	stParametersUploaded = 2
	stErrorReported      = 3
	stScoreReady         = 4
	stValidated          = 5
	stEndSuccess         = 8
	stEndAborted         = 9
	abortTimeoutCode     = 1
)

// testLogger logs to stderr when CRYNUX_TEST_LOG is set, else discards.
func testLogger() *slog.Logger {
	if os.Getenv("CRYNUX_TEST_LOG") == "" {
		return nil
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func cnx(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// ensureBytecode skips the test when the generated bindings carry no
// bytecode (they were first generated from the spec ABIs alone).
func ensureBytecode(t *testing.T) {
	t.Helper()
	for name, bin := range map[string]string{
		"QOS":          bindings.QOSMetaData.Bin,
		"NetworkStats": bindings.NetworkStatsMetaData.Bin,
		"TaskQueue":    bindings.TaskQueueMetaData.Bin,
		"Node":         bindings.NodeMetaData.Bin,
		"VSSTask":      bindings.VSSTaskMetaData.Bin,
	} {
		if len(bin) < 3 {
			t.Skipf("bindings.%sMetaData has no bytecode: run 'go generate ./...'", name)
		}
	}
}

// network is a deployed stack with a running Relay.
type network struct {
	client    chainClient
	contracts *devnet.Contracts
	relayURL  string
	deployer  *txmgr.Manager
	creator   wallet.Signer
	creatorTx *txmgr.Manager
	creatorRC *relay.Client
	funded    map[common.Address]bool
	nodeKeys  []wallet.Signer
}

// chainClient is what the test needs from the chain.
type chainClient interface {
	devnet.Backend
	node.Backend
}

// startChain starts the devnet's in-process auto-mined chain.
func startChain(t *testing.T, alloc types.GenesisAlloc) chainClient {
	t.Helper()
	chain, err := devnet.StartSimChain(devnet.SimChainOptions{Alloc: alloc})
	require.NoError(t, err)
	t.Cleanup(func() { _ = chain.Close() })
	return chain.Client()
}

func newSigner(t *testing.T) *wallet.KeySigner {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return wallet.NewKeySigner(k)
}

func startNetwork(t *testing.T, ctx context.Context, nodes int) *network {
	t.Helper()
	ensureBytecode(t)
	deployer, relayAcct, creator := newSigner(t), newSigner(t), newSigner(t)
	alloc := types.GenesisAlloc{
		deployer.Address():  {Balance: cnx(1000)},
		relayAcct.Address(): {Balance: cnx(1000)},
		creator.Address():   {Balance: cnx(1000)},
	}
	var nodeKeys []wallet.Signer
	for range nodes {
		s := newSigner(t)
		alloc[s.Address()] = types.Account{Balance: cnx(1000)}
		nodeKeys = append(nodeKeys, s)
	}
	client := startChain(t, alloc)

	contracts, err := devnet.Deploy(ctx, client, deployer, devnet.DeployOptions{Relay: relayAcct.Address(), TaskTimeout: 10 * time.Minute})
	require.NoError(t, err)

	srv, err := relayserver.New(relayserver.Config{
		Chain:        relayserver.NewContractChain(client, contracts.VSSTask, relayserver.NewTxSender(client, relayAcct, 20*time.Millisecond)),
		DataDir:      t.TempDir(),
		PollInterval: 50 * time.Millisecond,
	})
	require.NoError(t, err)
	require.NoError(t, srv.Start(ctx, "127.0.0.1:0"))
	t.Cleanup(func() { _ = srv.Close() })

	dtx, err := txmgr.New(client, deployer, txmgr.WithPollInterval(20*time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(func() { _ = dtx.Close() })
	ctx2, err := txmgr.New(client, creator, txmgr.WithPollInterval(20*time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(func() { _ = ctx2.Close() })
	rc, err := relay.New(srv.URL(), creator)
	require.NoError(t, err)
	return &network{
		client: client, contracts: contracts, relayURL: srv.URL(),
		deployer: dtx, creator: creator, creatorTx: ctx2, creatorRC: rc, nodeKeys: nodeKeys,
	}
}

// startNode joins node i of the network with the given GPU and behaviour
// and runs it until stop is called or the test ends.
func (nw *network) startNode(t *testing.T, ctx context.Context, i int, gpu string, b node.Behaviour, opts ...func(*node.Config)) (n *node.Node, stop func()) {
	t.Helper()
	cfg := node.Config{
		Backend:      nw.client,
		Signer:       nw.nodeKeys[i],
		Contracts:    node.Contracts{VSSTask: nw.contracts.VSSTask, Node: nw.contracts.Node},
		RelayURL:     nw.relayURL,
		GPUName:      gpu,
		GPUVRAM:      24,
		Behaviour:    b,
		PollInterval: 50 * time.Millisecond,
		WorkDir:      t.TempDir(),
		Logger:       testLogger(),
	}
	for _, o := range opts {
		o(&cfg)
	}
	n, err := node.New(cfg)
	require.NoError(t, err)
	require.NoError(t, n.Join(ctx))
	st, err := n.Status(ctx)
	require.NoError(t, err)
	require.NotEqualValues(t, 0, st, "a joined node is not in status Quit")

	rctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		assert.NoError(t, n.Run(rctx))
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			wg.Wait()
			_ = n.Close()
		})
	}
	t.Cleanup(stop)
	return n, stop
}

func (nw *network) send(t *testing.T, ctx context.Context, m *txmgr.Manager, to common.Address, data []byte, value *big.Int) {
	t.Helper()
	_, err := m.Send(ctx, txmgr.Request{To: &to, Data: data, Value: value})
	require.NoError(t, err)
}

func (nw *network) getTask(t *testing.T, ctx context.Context, c [32]byte) bindings.VSSTaskTaskInfo {
	t.Helper()
	vss := bindings.NewVSSTask()
	out, err := nw.client.CallContract(ctx, ethereum.CallMsg{To: &nw.contracts.VSSTask, Data: vss.PackGetTask(c)}, nil)
	require.NoError(t, err)
	info, err := vss.UnpackGetTask(out)
	require.NoError(t, err)
	return info
}

// waitStatus polls getTask until the status is one of want.
func (nw *network) waitStatus(t *testing.T, ctx context.Context, c [32]byte, want ...uint8) bindings.VSSTaskTaskInfo {
	t.Helper()
	for {
		info := nw.getTask(t, ctx, c)
		for _, w := range want {
			if info.Status == w {
				return info
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("task %x: status %d, still waiting for %v", c, info.Status, want)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func random32(t *testing.T) [32]byte {
	t.Helper()
	var b [32]byte
	_, err := rand.Read(b[:])
	require.NoError(t, err)
	return b
}

func fineTuneArgs(t *testing.T) string {
	t.Helper()
	a := taskargs.Defaults()
	a.Model.Name = "crynux-network/stable-diffusion-v1-5"
	ds := "lambdalabs/naruto-blip-captions"
	a.Dataset.Name = &ds
	a.Validation.NumImages = 2
	steps := 10
	a.TrainArgs.NumTrainSteps = &steps
	a.TrainArgs.MaxTrainSteps = &steps
	a.Seed = 42
	s, err := taskargs.Marshal(a)
	require.NoError(t, err)
	return s
}

// createTask creates a fine-tune task pinned to gpu and uploads its args.
func (nw *network) createTask(t *testing.T, ctx context.Context, gpu, args string) [32]byte {
	t.Helper()
	guid, nonce := random32(t), random32(t)
	c := crypto.Keccak256Hash(guid[:], nonce[:])
	vss := bindings.NewVSSTask()
	data := vss.PackCreateTask(2, c, nonce, []string{"base:crynux-network/stable-diffusion-v1-5"},
		big.NewInt(24), gpu, big.NewInt(24), [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, big.NewInt(1))
	nw.send(t, ctx, nw.creatorTx, nw.contracts.VSSTask, data, cnx(1))
	info := nw.getTask(t, ctx, c)
	require.EqualValues(t, stStarted, info.Status, "the task should start at once on the idle node")
	_, err := nw.creatorRC.UploadTaskArgs(ctx, c, args, nil)
	require.NoError(t, err)
	return c
}

func TestNodeEndToEnd(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	nw := startNetwork(t, ctx, 5)
	honest, _ := nw.startNode(t, ctx, 0, "GPU honest", node.Honest)
	reporter, _ := nw.startNode(t, ctx, 1, "GPU report-error", node.ReportError)
	staller, _ := nw.startNode(t, ctx, 2, "GPU stall", node.Stall)
	cheater, _ := nw.startNode(t, ctx, 3, "GPU cheat", node.Cheat)
	slow, stopSlow := nw.startNode(t, ctx, 4, "GPU restart", node.Slow, func(c *node.Config) { c.TrainTime = time.Hour })
	args := fineTuneArgs(t)
	want, err := node.Train([]byte(args), nil, node.TrainOptions{})
	require.NoError(t, err)

	t.Run("honest node submits the deterministic score and uploads results", func(t *testing.T) {
		c := nw.createTask(t, ctx, "GPU honest", args)
		info := nw.waitStatus(t, ctx, c, stScoreReady)
		assert.Equal(t, honest.Address(), info.SelectedNode)
		assert.Equal(t, want.Score, info.Score, "on-chain score is the pHash score of the deterministic images")

		pi, beta, err := nw.creator.ProveVRF(ctx, info.SamplingSeed[:])
		require.NoError(t, err)
		if ecvrf.SelectedForValidation(beta) {
			t.Log("VRF selected the task for group validation; the single-validation path is not exercised this time")
			return
		}
		pub, err := nw.creator.PublicKey(ctx)
		require.NoError(t, err)
		nw.send(t, ctx, nw.creatorTx, nw.contracts.VSSTask, bindings.NewVSSTask().PackValidateSingleTask(c, pi, pub), nil)
		nw.waitStatus(t, ctx, c, stEndSuccess)

		var ckpt bytes.Buffer
		_, err = nw.creatorRC.DownloadCheckpoint(ctx, c, &ckpt)
		require.NoError(t, err)
		assert.Equal(t, want.Checkpoint, ckpt.Bytes(), "the uploaded checkpoint is the deterministic one")
		for i, img := range want.Images {
			var b bytes.Buffer
			_, err := nw.creatorRC.DownloadResult(ctx, c, i, &b)
			require.NoError(t, err)
			assert.Equal(t, img, b.Bytes(), "validation image %d", i)
		}
	})

	t.Run("report-error node reports a task error", func(t *testing.T) {
		c := nw.createTask(t, ctx, "GPU report-error", args)
		info := nw.waitStatus(t, ctx, c, stErrorReported)
		assert.Equal(t, reporter.Address(), info.SelectedNode)
		assert.EqualValues(t, 1, info.Error, "ParametersValidationFailed")
	})

	t.Run("cheating node submits a score far from the honest one", func(t *testing.T) {
		c := nw.createTask(t, ctx, "GPU cheat", args)
		info := nw.waitStatus(t, ctx, c, stScoreReady)
		assert.Equal(t, cheater.Address(), info.SelectedNode)
		cheat, err := node.Train([]byte(args), nil, node.TrainOptions{Cheat: true})
		require.NoError(t, err)
		assert.Equal(t, cheat.Score, info.Score)
		require.Len(t, info.Score, len(want.Score))
		for i := 0; i < len(want.Score); i += 8 {
			assert.GreaterOrEqual(t, hamming(want.Score[i:], info.Score[i:]), 24, "image %d", i/8)
		}
	})

	t.Run("a restarted node picks its task up again", func(t *testing.T) {
		c := nw.createTask(t, ctx, "GPU restart", args)
		nw.waitStatus(t, ctx, c, stParametersUploaded)
		stopSlow() // the slow node dies while "training" for an hour
		require.EqualValues(t, stParametersUploaded, nw.getTask(t, ctx, c).Status)

		restarted, _ := nw.startNode(t, ctx, 4, "GPU restart", node.Honest)
		require.Equal(t, slow.Address(), restarted.Address())
		info := nw.waitStatus(t, ctx, c, stScoreReady)
		assert.Equal(t, want.Score, info.Score)
	})

	t.Run("stalling node aborts at the deadline", func(t *testing.T) {
		// Tasks copy the timeout at creation: shorten it for this one.
		nw.send(t, ctx, nw.deployer, nw.contracts.VSSTask, bindings.NewVSSTask().PackUpdateTimeout(big.NewInt(3)), nil)
		c := nw.createTask(t, ctx, "GPU stall", args)
		info := nw.waitStatus(t, ctx, c, stEndAborted, stScoreReady, stErrorReported)
		require.EqualValues(t, stEndAborted, info.Status, "a stalling node never submits")
		assert.Equal(t, staller.Address(), info.SelectedNode)
		assert.EqualValues(t, abortTimeoutCode, info.AbortReason)
	})
}

func TestParseBehaviour(t *testing.T) {
	for _, b := range []node.Behaviour{node.Honest, node.ReportError, node.Stall, node.Cheat, node.Slow} {
		got, err := node.ParseBehaviour(b.String())
		require.NoError(t, err)
		assert.Equal(t, b, got)
	}
	got, err := node.ParseBehaviour(" Cheat ")
	require.NoError(t, err)
	assert.Equal(t, node.Cheat, got)
	_, err = node.ParseBehaviour("lazy")
	require.ErrorContains(t, err, "honest, report-error, stall, cheat, slow")
}

func TestNewRejectsIncompleteConfig(t *testing.T) {
	full := node.Config{
		Backend:   struct{ node.Backend }{},
		Signer:    newSigner(t),
		Contracts: node.Contracts{VSSTask: common.Address{1}, Node: common.Address{2}},
		RelayURL:  "http://127.0.0.1:1",
	}
	n, err := node.New(full)
	require.NoError(t, err)
	require.NoError(t, n.Close())

	for name, mut := range map[string]func(c *node.Config){
		"no backend":   func(c *node.Config) { c.Backend = nil },
		"no signer":    func(c *node.Config) { c.Signer = nil },
		"no contracts": func(c *node.Config) { c.Contracts = node.Contracts{} },
		"no relay":     func(c *node.Config) { c.RelayURL = "" },
		"bad relay":    func(c *node.Config) { c.RelayURL = "ftp://x" },
		"behaviour":    func(c *node.Config) { c.Behaviour = 42 },
	} {
		t.Run(name, func(t *testing.T) {
			c := full
			mut(&c)
			_, err := node.New(c)
			require.Error(t, err)
		})
	}
}
