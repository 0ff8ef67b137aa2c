package bench

import (
	"context"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// BenchmarkP3JobLatency runs the example's two-round fine-tune job end to
// end on the embedded devnet (in-process chain, Relay, three honest nodes
// that train in zero time): one op is Finetune → LoRA zip on disk. Its
// reference is the least time the chain alone allows: the number of
// sequential on-chain steps the job took (distinct blocks carrying its task
// events) times one measured chain round trip (send a transaction, poll its
// receipt every 2 ms) on the same chain.
func BenchmarkP3JobLatency(b *testing.B) {
	ctx := context.Background()
	dn, err := devnet.Start(ctx, devnet.Options{})
	require.NoError(b, err)
	defer dn.Close()
	client, err := sdk.Dial(ctx, network(dn.Config), dn.Signer(0), sdk.WithJournalDir(b.TempDir()),
		sdk.WithPollInterval(100*time.Millisecond))
	require.NoError(b, err)
	defer client.Close()
	req := finetuneRequest(b)

	var durs []time.Duration
	var steps []int
	for b.Loop() {
		start := time.Now()
		job, err := client.Finetune(ctx, req)
		require.NoError(b, err)
		res, err := job.Wait(ctx)
		require.NoError(b, err)
		durs = append(durs, time.Since(start))
		_, err = os.Stat(res.LoRAZip)
		require.NoError(b, err)
		b.StopTimer()
		steps = append(steps, chainSteps(ctx, b, dn, res.Commitments))
		b.StartTimer()
	}
	b.StopTimer()

	// One chain round trip: a value transfer from the second account.
	rtts := make([]time.Duration, 0, 20)
	key := dn.AccountKey(1)
	rs := newRawSigner(ctx, b, dn.Backend, key)
	to := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	for range 20 {
		tx := rs.sign(b, to, nil, big.NewInt(1), 21000)
		start := time.Now()
		require.NoError(b, dn.Backend.SendTransaction(ctx, tx))
		waitReceipt(ctx, b, dn.Backend, tx.Hash())
		rtts = append(rtts, time.Since(start))
	}
	rtt := pct(rtts, 50)
	minSteps := steps[0]
	for _, s := range steps {
		minSteps = min(minSteps, s)
	}
	floor := time.Duration(minSteps) * rtt
	p50 := pct(durs, 50)
	b.ReportMetric(ms(p50), "job-p50-ms")
	b.ReportMetric(float64(minSteps), "chain-steps")
	b.ReportMetric(ms(rtt), "rtt-ms")
	b.ReportMetric(ms(floor), "floor-ms")
	b.ReportMetric(float64(p50)/float64(floor), "job/floor")
}

// chainSteps counts the distinct blocks holding an event of one of the
// job's tasks: each is a chain step that had to wait for the one before.
func chainSteps(ctx context.Context, b *testing.B, dn *devnet.Network, commitments []common.Hash) int {
	abi, err := bindings.VSSTaskMetaData.ParseABI()
	require.NoError(b, err)
	logs, err := dn.Backend.FilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{dn.Config.Contracts.VSSTask}})
	require.NoError(b, err)
	mine := map[common.Hash]bool{}
	for _, c := range commitments {
		mine[c] = true
	}
	blocks := map[uint64]bool{}
	for _, l := range logs {
		if _, err := abi.EventByID(l.Topics[0]); err != nil || len(l.Data) < 32 {
			continue
		}
		// Every task event's first (non-indexed) field is the commitment.
		if mine[common.BytesToHash(l.Data[:32])] {
			blocks[l.BlockNumber] = true
		}
	}
	require.NotEmpty(b, blocks)
	return len(blocks)
}
