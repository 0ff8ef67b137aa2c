package bench

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// BenchmarkP2EventLatency measures how long after the block holding a task's
// state change the change reaches a consumer, two ways at once in the same
// run: sdk.Client.Subscribe (websocket log subscription, as configured by
// a network with ws_url), and the reference clients' way, a loop calling
// getTask for every open task once a second over HTTP.
//
// One op creates one task: the transaction is put in the pool, then, at a
// random moment (so the 1 s poller's phase is uniform), the block is mined
// with SimChain.Commit; the clock starts just before Commit. The op ends
// when both consumers have seen the task.
func BenchmarkP2EventLatency(b *testing.B) {
	ctx := context.Background()
	st := startSimStack(b, true, 1<<30)
	hc, err := ethclient.DialContext(ctx, st.chain.HTTPURL)
	require.NoError(b, err)
	defer hc.Close()
	net := sdk.Network{RPCURL: st.chain.HTTPURL, WSURL: st.chain.WSURL, RelayURL: "http://127.0.0.1:1",
		Contracts: sdk.Contracts{VSSTask: st.contracts.VSSTask, Node: st.contracts.Node}}
	client, err := sdk.Dial(ctx, net, wallet.NewKeySigner(st.creator), sdk.WithJournalDir(b.TempDir()))
	require.NoError(b, err)
	defer client.Close()
	sub, err := client.Subscribe(ctx, sdk.EventFilter{FromLatest: true})
	require.NoError(b, err)
	defer sub.Unsubscribe()

	var mu sync.Mutex
	seenSub := map[common.Hash]time.Time{}
	seenPoll := map[common.Hash]time.Time{}
	open := map[common.Hash]bool{}
	go func() {
		for ev := range sub.Events() {
			if ev.Name == "TaskQueued" {
				mu.Lock()
				seenSub[ev.Commitment] = time.Now()
				mu.Unlock()
			}
		}
	}()
	pctx, stopPoll := context.WithCancel(ctx)
	defer stopPoll()
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-pctx.Done():
				return
			case <-t.C:
			}
			mu.Lock()
			var todo []common.Hash
			for c := range open {
				todo = append(todo, c)
			}
			mu.Unlock()
			for _, c := range todo {
				out, err := hc.CallContract(pctx, ethereum.CallMsg{To: &st.contracts.VSSTask, Data: vss.PackGetTask(c)}, nil)
				if err != nil {
					continue
				}
				info, err := vss.UnpackGetTask(out)
				if err == nil && info.TaskIDCommitment == c {
					mu.Lock()
					seenPoll[c] = time.Now()
					delete(open, c)
					mu.Unlock()
				}
			}
		}
	}()

	rs := newRawSigner(ctx, b, hc, st.creator)
	gas := estimateCreate(ctx, b, hc, crypto.PubkeyToAddress(st.creator.PublicKey), st.contracts.VSSTask)
	var subLat, pollLat []time.Duration
	for b.Loop() {
		data, c := createTaskCall(b)
		tx := rs.sign(b, st.contracts.VSSTask, data, taskFee, gas)
		require.NoError(b, hc.SendTransaction(ctx, tx))
		mu.Lock()
		open[c] = true
		mu.Unlock()
		time.Sleep(rand.N(time.Second))
		t0 := time.Now()
		st.chain.Commit()
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			ts, ok1 := seenSub[c]
			tp, ok2 := seenPoll[c]
			mu.Unlock()
			if ok1 && ok2 {
				subLat = append(subLat, ts.Sub(t0))
				pollLat = append(pollLat, tp.Sub(t0))
				break
			}
			require.True(b, time.Now().Before(deadline), "task %s not seen within 10s (subscribe %v, poll %v)", c, ok1, ok2)
			time.Sleep(time.Millisecond)
		}
	}
	b.StopTimer()
	b.ReportMetric(ms(pct(subLat, 50)), "sub-p50-ms")
	b.ReportMetric(ms(pct(subLat, 99)), "sub-p99-ms")
	b.ReportMetric(ms(pct(pollLat, 50)), "poll-p50-ms")
	b.ReportMetric(ms(pct(pollLat, 99)), "poll-p99-ms")
	b.ReportMetric(float64(pct(pollLat, 50))/float64(pct(subLat, 50)), "poll/sub-p50")
}
