package drills

import (
	"context"
	"log/slog"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// TestDrillStuckTransactionReplaced: a job's createTask gets stuck
// underpriced and the SDK replaces it until it is mined. geth starts with
// its miner taking tips of at least 1 Mwei, so every transaction of the
// network's set-up pays that; geth then restarts on the same datadir taking
// 4 Mwei, while its fee oracle still suggests 1 Mwei from the recent blocks
// (the pool accepts any tip). The job's createTask waits in the pool until
// a replacement pays enough. Then the job is cancelled: the queued task is
// aborted and refunded. Nothing is doubled (one task, one mined transaction
// per nonce) and nothing is lost (the wallet paid exactly its gas).
func TestDrillStuckTransactionReplaced(t *testing.T) {
	needGeth(t)
	lowTip, highTip := big.NewInt(1e6), big.NewInt(4e6)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dn, err := devnet.Start(ctx, devnet.Options{Geth: true, NoNodes: true, GethMinerTip: lowTip})
	require.NoError(t, err)
	defer dn.Close()
	dn.Geth.SetMinerTip(highTip)
	require.NoError(t, dn.Geth.Restart(ctx))

	ec, err := ethclient.DialContext(ctx, dn.Config.RPCURL)
	require.NoError(t, err)
	defer ec.Close()
	suggested, err := ec.SuggestGasTipCap(ctx)
	require.NoError(t, err)
	require.Less(t, suggested.Cmp(highTip), 0, "the oracle lags the miner's new minimum (suggests %s wei)", suggested)

	logs := &recorder{}
	signer := dn.Signer(0)
	client, err := sdk.Dial(ctx, network(dn.Config), signer, sdk.WithJournalDir(t.TempDir()),
		sdk.WithPollInterval(200*time.Millisecond), sdk.WithResubmitTimeout(500*time.Millisecond), sdk.WithLogger(slog.New(logs)))
	require.NoError(t, err)
	defer client.Close()
	before, err := client.Balance(ctx)
	require.NoError(t, err)

	job, err := client.Finetune(ctx, request(t, true))
	require.NoError(t, err)
	var created sdk.Event
	for ev := range job.Events() {
		t.Logf("%s", ev)
		if ev.Kind == sdk.EventQueued {
			created = ev
			break
		}
		require.NotEqual(t, sdk.EventDone, ev.Kind, "job ended before its task was queued: %v", ev.Err)
	}
	require.NoError(t, job.Cancel(ctx))
	res, err := job.Wait(ctx)
	require.ErrorIs(t, err, sdk.ErrCancelled)
	require.NotNil(t, res)

	replaced := logs.byNonce("transaction replaced with a higher fee")
	t.Logf("createTask replaced %d times, abortTask %d times; the oracle suggested %s wei, the miner wants %s",
		replaced[0], replaced[1], suggested, highTip)
	require.GreaterOrEqual(t, replaced[0], 1, "the stuck createTask was replaced")

	id, err := ec.ChainID(ctx)
	require.NoError(t, err)
	txs := senderTxs(t, ec, id, signer.Address())
	requireConsecutiveNonces(t, txs)
	require.Len(t, txs, 2, "one createTask and one abortTask mined")
	gas := new(big.Int)
	for _, tx := range txs {
		r, err := ec.TransactionReceipt(ctx, tx.Hash())
		require.NoError(t, err)
		require.Equal(t, uint64(1), r.Status, "transaction %s succeeded", tx.Hash())
		require.GreaterOrEqual(t, tx.GasTipCap().Cmp(highTip), 0, "mined version of nonce %d pays the miner's minimum", tx.Nonce())
		gas.Add(gas, new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice))
	}
	require.Equal(t, 1, len(res.Commitments), "one task, created once")
	require.Equal(t, created.Commitment, res.Commitments[0])
	info, err := client.Task(ctx, res.Commitments[0])
	require.NoError(t, err)
	require.Equal(t, sdk.StatusEndAborted, info.Status)
	require.Equal(t, info.Fee.String(), res.Refunded.String(), "the fee came back")

	after, err := client.Balance(ctx)
	require.NoError(t, err)
	require.Equal(t, gas.String(), new(big.Int).Sub(before, after).String(), "the wallet paid its gas and nothing else")
	require.Equal(t, gas.String(), res.Gas.String(), "the job's gas is what its mined transactions cost")
}

// recorder is a slog.Handler that keeps each message with its "nonce".
type recorder struct {
	mu   sync.Mutex
	msgs []logged
}

type logged struct {
	msg   string
	nonce uint64
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	l := logged{msg: rec.Message}
	rec.Attrs(func(a slog.Attr) bool {
		if a.Key == "nonce" {
			l.nonce = a.Value.Uint64()
		}
		return true
	})
	r.mu.Lock()
	r.msgs = append(r.msgs, l)
	r.mu.Unlock()
	return nil
}
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *recorder) WithGroup(string) slog.Handler      { return r }

// byNonce counts msg per transaction nonce.
func (r *recorder) byNonce(msg string) map[uint64]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[uint64]int{}
	for _, l := range r.msgs {
		if l.msg == msg {
			out[l.nonce]++
		}
	}
	return out
}
