package sdk_test

import (
	"archive/zip"
	"context"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// testPoll is the poll interval every test client uses.
const testPoll = 100 * time.Millisecond

// seedRequestPath is the seed request of the example (a pure Bridge body).
const seedRequestPath = "../examples/finetune/request.json"

// startDevnet starts a local network for the test and closes it at the end.
func startDevnet(t testing.TB, opts devnet.Options) *devnet.Network {
	t.Helper()
	// Not a context with a deadline: devnet.Start ties the Relay's lifetime
	// to its ctx (the Relay closes when ctx ends), not only the start-up.
	dn, err := devnet.Start(context.Background(), opts)
	require.NoError(t, err, "start devnet")
	t.Cleanup(func() { _ = dn.Close() })
	return dn
}

// networkOf is the sdk.Network of a devnet.
func networkOf(dn *devnet.Network) sdk.Network {
	c := dn.Config
	return sdk.Network{Name: c.Name, ChainID: c.ChainID, RPCURL: c.RPCURL, WSURL: c.WSURL, RelayURL: c.RelayURL,
		Schema: c.Schema, GPUName: c.GPUName, GPUVRAM: int(c.GPUVRAM), Contracts: sdk.Contracts(c.Contracts)}
}

// dial connects funded account i of dn with a journal under dir.
func dial(t testing.TB, net sdk.Network, dn *devnet.Network, i int, dir string, opts ...sdk.Option) *sdk.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts = append([]sdk.Option{sdk.WithPollInterval(testPoll), sdk.WithJournalDir(dir)}, opts...)
	c, err := sdk.Dial(ctx, net, dn.Signer(i), opts...)
	require.NoError(t, err, "dial")
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// seedRequest reads the example's seed request.
func seedRequest(t testing.TB) sdk.FinetuneRequest {
	t.Helper()
	b, err := os.ReadFile(seedRequestPath)
	require.NoError(t, err)
	req, err := sdk.ParseFinetuneRequest(b)
	require.NoError(t, err)
	return *req
}

// oneRound makes the request train a single task.
func oneRound(req sdk.FinetuneRequest) sdk.FinetuneRequest {
	n := *req.NumTrainSteps
	req.MaxTrainSteps = &n
	return req
}

// runJob starts req and collects its events until the job ends.
func runJob(t testing.TB, c *sdk.Client, req sdk.FinetuneRequest) ([]sdk.Event, *sdk.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	job, err := c.Finetune(ctx, req)
	require.NoError(t, err, "Finetune")
	return collect(t, ctx, job)
}

// collect reads a job's events to the end and returns them with the result.
func collect(t testing.TB, ctx context.Context, job *sdk.Job) ([]sdk.Event, *sdk.Result, error) {
	t.Helper()
	var evs []sdk.Event
	start := time.Now()
	for {
		select {
		case ev, ok := <-job.Events():
			if !ok {
				res, err := job.Wait(ctx)
				return evs, res, err
			}
			t.Logf("%5.1fs %s", ev.Time.Sub(start).Seconds(), ev)
			evs = append(evs, ev)
		case <-ctx.Done():
			t.Fatalf("job %s did not end: %v", job.ID(), ctx.Err())
		}
	}
}

func count(evs []sdk.Event, k sdk.EventKind) int {
	n := 0
	for _, ev := range evs {
		if ev.Kind == k {
			n++
		}
	}
	return n
}

// feeWei is the fee per task of req after Finetune's defaults.
func feeWei(t testing.TB, req sdk.FinetuneRequest) *big.Int {
	t.Helper()
	if req.TaskFee == "" {
		req.TaskFee = sdk.DefaultFinetuneTaskFee
	}
	f, err := req.FeeWei()
	require.NoError(t, err)
	return f
}

func mul(x *big.Int, n int64) *big.Int { return new(big.Int).Mul(x, big.NewInt(n)) }

// chainReader is what the accounting helpers read.
type chainReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	BlockByNumber(ctx context.Context, number *big.Int) (*types.Block, error)
	BalanceAt(ctx context.Context, a common.Address, block *big.Int) (*big.Int, error)
	TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error)
	ChainID(ctx context.Context) (*big.Int, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// snapshot is an account's balance at a given block.
type snapshot struct {
	Block   uint64
	Balance *big.Int
}

func balanceNow(t testing.TB, b chainReader, a common.Address) snapshot {
	t.Helper()
	ctx := context.Background()
	h, err := b.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	bal, err := b.BalanceAt(ctx, a, h.Number)
	require.NoError(t, err)
	return snapshot{Block: h.Number.Uint64(), Balance: bal}
}

// gasSpent sums what a's transactions mined in (from, to] cost in gas,
// read from the chain itself.
func gasSpent(t testing.TB, b chainReader, a common.Address, from, to uint64) *big.Int {
	t.Helper()
	ctx := context.Background()
	id, err := b.ChainID(ctx)
	require.NoError(t, err)
	signer := types.LatestSignerForChainID(id)
	total := new(big.Int)
	for n := from + 1; n <= to; n++ {
		blk, err := b.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		require.NoError(t, err)
		for _, tx := range blk.Transactions() {
			if from, err := types.Sender(signer, tx); err != nil || from != a {
				continue
			}
			r, err := b.TransactionReceipt(ctx, tx.Hash())
			require.NoError(t, err)
			total.Add(total, new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice))
		}
	}
	return total
}

// requireAccounting checks that the account's balance moved by exactly
// -(paid + gas) between before and now, and that res.Gas is what the chain
// says the account's transactions cost.
func requireAccounting(t testing.TB, b chainReader, a common.Address, before snapshot, res *sdk.Result) {
	t.Helper()
	after := balanceNow(t, b, a)
	gas := gasSpent(t, b, a, before.Block, after.Block)
	require.Equal(t, gas.String(), res.Gas.String(), "Result.Gas against the receipts of the account's transactions")
	want := new(big.Int).Sub(before.Balance, res.Paid)
	want.Sub(want, res.Gas)
	require.Equal(t, want.String(), after.Balance.String(), "balance = before − Paid − Gas (Paid %s, Refunded %s, Gas %s)", res.Paid, res.Refunded, res.Gas)
}

// requireNoLostFee checks that every task the job created ended paid or refunded.
func requireNoLostFee(t testing.TB, c *sdk.Client, res *sdk.Result) {
	t.Helper()
	ctx := context.Background()
	paid, refunded := new(big.Int), new(big.Int)
	for _, cm := range res.Commitments {
		info, err := c.Task(ctx, cm)
		require.NoError(t, err)
		switch {
		case info.Status == sdk.StatusEndSuccess || info.Status == sdk.StatusEndGroupSuccess:
			paid.Add(paid, info.Fee)
		case info.Status.Refunded():
			refunded.Add(refunded, info.Fee)
		default:
			t.Fatalf("task %s is still %s", cm.Hex(), info.Status)
		}
	}
	require.Equal(t, paid.String(), res.Paid.String(), "Result.Paid against the chain")
	require.Equal(t, refunded.String(), res.Refunded.String(), "Result.Refunded against the chain")
}

// zipEntries reads every entry of a zip.
func zipEntries(t testing.TB, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err, "entry %s", f.Name)
		out[filepath.ToSlash(f.Name)] = string(b)
	}
	return out
}

func requireLoRAZip(t testing.TB, path string, globalStep int) {
	t.Helper()
	entries := zipEntries(t, path)
	require.Contains(t, entries, sdk.LoRAWeightsFile)
	require.Contains(t, entries, sdk.FinishFile)
	require.Contains(t, entries, "global_step.txt")
	require.Equal(t, big.NewInt(int64(globalStep)).String(), strings.TrimSpace(entries["global_step.txt"]))
}

func typesSender(chainID *big.Int, tx *types.Transaction) (common.Address, error) {
	return types.Sender(types.LatestSignerForChainID(chainID), tx)
}

// reader is a full chain client of dn (the in-process client, or an RPC client of geth).
func reader(t testing.TB, dn *devnet.Network) chainReader {
	t.Helper()
	if dn.Chain != nil {
		return dn.Chain.Client()
	}
	ec, err := ethclient.Dial(dn.Config.RPCURL)
	require.NoError(t, err)
	t.Cleanup(ec.Close)
	return ec
}
