// Package bench holds the benchmarks behind the SDK's performance claims
// (P1–P5 of docs/BENCHMARKS.md). Each benchmark measures its baseline in the
// same run and reports both, plus their ratio, with b.ReportMetric;
// scripts/bench.sh runs them and prints the table.
package bench

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

var vss = bindings.NewVSSTask()

// random32 draws 32 random bytes.
func random32(tb testing.TB) [32]byte {
	var b [32]byte
	_, err := rand.Read(b[:])
	require.NoError(tb, err)
	return b
}

// createTaskCall returns the calldata of a createTask for a fresh random
// task (fine-tune type, the devnet GPU) and its commitment.
func createTaskCall(tb testing.TB) ([]byte, common.Hash) {
	guid, nonce := random32(tb), random32(tb)
	c := crypto.Keccak256Hash(guid[:], nonce[:])
	vram := big.NewInt(24)
	data := vss.PackCreateTask(2, c, nonce, []string{"base:crynux-network/stable-diffusion-v1-5"}, vram,
		"NVIDIA GeForce RTX 4090", vram, [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, big.NewInt(1))
	return data, c
}

// taskFee is the fee of the benchmark's raw tasks (any non-zero value works).
var taskFee = big.NewInt(1e9)

// rawSigner signs transactions with consecutive nonces for one key.
type rawSigner struct {
	key     *ecdsa.PrivateKey
	chainID *big.Int
	nonce   uint64
	tip     *big.Int
	feeCap  *big.Int
}

func newRawSigner(ctx context.Context, tb testing.TB, be interface {
	ChainID(context.Context) (*big.Int, error)
	PendingNonceAt(context.Context, common.Address) (uint64, error)
	HeaderByNumber(context.Context, *big.Int) (*types.Header, error)
}, key *ecdsa.PrivateKey) *rawSigner {
	id, err := be.ChainID(ctx)
	require.NoError(tb, err)
	n, err := be.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	require.NoError(tb, err)
	head, err := be.HeaderByNumber(ctx, nil)
	require.NoError(tb, err)
	tip := big.NewInt(1e9)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(4)), tip)
	return &rawSigner{key: key, chainID: id, nonce: n, tip: tip, feeCap: feeCap}
}

func (s *rawSigner) sign(tb testing.TB, to common.Address, data []byte, value *big.Int, gas uint64) *types.Transaction {
	tx, err := types.SignNewTx(s.key, types.LatestSignerForChainID(s.chainID), &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: s.nonce, GasTipCap: s.tip, GasFeeCap: s.feeCap, Gas: gas, To: &to, Value: value, Data: data,
	})
	require.NoError(tb, err)
	s.nonce++
	return tx
}

// estimateCreate estimates one createTask and adds a 50% margin (the queue
// grows, so later tasks cost a little more).
func estimateCreate(ctx context.Context, tb testing.TB, be interface {
	EstimateGas(context.Context, ethereum.CallMsg) (uint64, error)
}, from, to common.Address) uint64 {
	data, _ := createTaskCall(tb)
	g, err := be.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Value: taskFee, Data: data})
	require.NoError(tb, err)
	return g * 3 / 2
}

// waitReceipt polls for a receipt every 2 ms (tight, so that it measures the
// chain, not the poller).
func waitReceipt(ctx context.Context, tb testing.TB, be interface {
	TransactionReceipt(context.Context, common.Hash) (*types.Receipt, error)
}, h common.Hash) *types.Receipt {
	for {
		r, err := be.TransactionReceipt(ctx, h)
		if err == nil && r != nil {
			return r
		}
		select {
		case <-ctx.Done():
			require.NoError(tb, ctx.Err(), "waiting for receipt %s", h)
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// pct returns the p-th percentile (0..100) of d by nearest rank.
func pct(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// envInt reads a positive integer from the environment, or def.
func envInt(tb testing.TB, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	require.NoError(tb, err, name)
	require.Positive(tb, n, name)
	return n
}

// network turns a devnet config into an sdk.Network.
func network(c devnet.Config) sdk.Network {
	return sdk.Network{Name: "devnet", ChainID: c.ChainID, RPCURL: c.RPCURL, WSURL: c.WSURL, RelayURL: c.RelayURL,
		Schema: c.Schema, GPUName: c.GPUName, GPUVRAM: int(c.GPUVRAM), Contracts: sdk.Contracts(c.Contracts)}
}

// finetuneRequest is the example's request: two chained rounds.
func finetuneRequest(tb testing.TB) sdk.FinetuneRequest {
	body, err := os.ReadFile("../../examples/finetune/request.json")
	require.NoError(tb, err)
	req, err := sdk.ParseFinetuneRequest(body)
	require.NoError(tb, err)
	return *req
}

// simStack is an in-process chain without auto-mining and the VSS contracts
// deployed on it.
type simStack struct {
	chain     *devnet.SimChain
	contracts *devnet.Contracts
	deployer  *ecdsa.PrivateKey
	creator   *ecdsa.PrivateKey
	relay     common.Address
}

// stackFunds is what startSimStack gives the deployer and the creator.
var stackFunds = new(big.Int).Mul(big.NewInt(1e9), big.NewInt(1e18))

// startSimStack deploys the contracts on a chain the caller mines with
// Commit. queueLimit raises the task queue's size limit (0: default 50).
func startSimStack(tb testing.TB, serve bool, queueLimit uint64) *simStack {
	deployer, _ := crypto.GenerateKey()
	creator, _ := crypto.GenerateKey()
	relayKey, _ := crypto.GenerateKey()
	alloc := types.GenesisAlloc{
		crypto.PubkeyToAddress(deployer.PublicKey): {Balance: stackFunds},
		crypto.PubkeyToAddress(creator.PublicKey):  {Balance: stackFunds},
	}
	c, err := devnet.StartSimChain(devnet.SimChainOptions{Alloc: alloc, Serve: serve, NoAutoMine: true})
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = c.Close() })
	// Mine while Deploy waits for its receipts.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				c.Commit()
			}
		}
	}()
	contracts, err := devnet.Deploy(context.Background(), c.Client(), wallet.NewKeySigner(deployer), devnet.DeployOptions{
		Relay: crypto.PubkeyToAddress(relayKey.PublicKey), QueueSizeLimit: queueLimit})
	close(stop)
	wg.Wait()
	require.NoError(tb, err)
	return &simStack{chain: c, contracts: contracts, deployer: deployer, creator: creator, relay: crypto.PubkeyToAddress(relayKey.PublicKey)}
}

// procStatusKB reads a "kB" field of /proc/self/status, in bytes (0 when unavailable).
func procStatusKB(field string) uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, field+":") {
			fs := strings.Fields(line[len(field)+1:])
			if len(fs) > 0 {
				n, _ := strconv.ParseUint(fs[0], 10, 64)
				return n * 1024
			}
		}
	}
	return 0
}
