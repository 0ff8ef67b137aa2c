package bench

import (
	"fmt"
	"maps"
	"math/big"
	"net"
	"testing"

	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
)

// genChain is a chain built offline with core.GenerateChain and served by an
// in-process node over HTTP JSON-RPC on 127.0.0.1: how P5 gets 100,000
// blocks (10,000 events) in about two minutes on 2 cores, where mining them
// one by one through the simulated beacon took over half an hour. The node is the one
// ethclient/simulated runs (same chain config, same unindexed log search),
// so eth_getLogs answers as it does on the devnet's in-process chain.
type genChain struct {
	URL   string
	Head  uint64
	stack *node.Node
}

// genBlock fills block i of a generated chain; see core.BlockGen.
type genBlock func(i int, g *core.BlockGen)

// startGenChain generates n blocks on a genesis funding alloc (the system
// contracts are added as the simulated backend adds them), inserts them into
// a fresh in-process node and serves it. gasLimit is the blocks' gas limit.
func startGenChain(tb testing.TB, alloc types.GenesisAlloc, gasLimit uint64, n int, fill genBlock) *genChain {
	tb.Helper()
	full := core.SystemContractAllocs()
	maps.Copy(full, alloc)
	// A low base fee from the start, as on an in-process chain that has mined
	// empty blocks for a while: transactions replayed from one are priced so.
	genesis := &core.Genesis{Config: params.AllDevChainProtocolChanges, GasLimit: gasLimit, Alloc: full,
		BaseFee: big.NewInt(params.InitialBaseFee / 1000)}

	engine := beacon.New(ethash.NewFaker())
	_, blocks, receipts := core.GenerateChainWithGenesis(genesis, engine, n, func(i int, g *core.BlockGen) {
		g.OffsetTime(-9) // one second apart, not ten: the chain ends near the wall clock
		if fill != nil {
			fill(i, g)
		}
	})
	for i, rs := range receipts {
		for _, r := range rs {
			require.Equal(tb, types.ReceiptStatusSuccessful, r.Status, "transaction %s in generated block %d reverted", r.TxHash, i+1)
		}
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(tb, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(tb, l.Close())
	nodeConf := node.DefaultConfig
	// On disk, not in memory: past 90,000 blocks the chain freezer moves old
	// blocks out of the key-value store, and the in-memory store answers
	// each of its prefix scans by sorting every key (quadratic time).
	nodeConf.DataDir = tb.TempDir()
	nodeConf.P2P = p2p.Config{NoDiscovery: true}
	nodeConf.HTTPHost, nodeConf.HTTPPort = "127.0.0.1", port
	nodeConf.HTTPModules = []string{"eth", "net", "web3"}
	nodeConf.HTTPVirtualHosts = []string{"*"}
	stack, err := node.New(&nodeConf)
	require.NoError(tb, err)
	ethConf := ethconfig.Defaults
	ethConf.Genesis = genesis
	ethConf.SyncMode = ethconfig.FullSync
	ethConf.LogNoHistory = true // as the simulated backend: unindexed log search
	ethConf.RPCGasCap, ethConf.RPCTxFeeCap = 0, 0
	backend, err := eth.New(stack, &ethConf)
	require.NoError(tb, err)
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	require.NoError(tb, stack.Start())
	tb.Cleanup(func() { _ = stack.Close() })

	const batch = 2048
	for i := 0; i < len(blocks); i += batch {
		k, err := backend.BlockChain().InsertChain(blocks[i:min(i+batch, len(blocks))])
		require.NoError(tb, err, "insert generated block %d", i+k+1)
	}
	head := backend.BlockChain().CurrentBlock().Number.Uint64()
	require.Equal(tb, uint64(n), head, "the generated chain is canonical")
	return &genChain{URL: fmt.Sprintf("http://127.0.0.1:%d", port), Head: head, stack: stack}
}

// feeCapGen is the fee cap of generated transactions: far above any base fee
// the generated blocks reach.
var feeCapGen = big.NewInt(100e9)
