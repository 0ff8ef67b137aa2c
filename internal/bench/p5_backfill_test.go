package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// Environment variables scaling P5 down (the defaults are the 100k
// blocks and 10k task events).
const (
	EnvP5Blocks = "CRYNUX_BENCH_P5_BLOCKS"
	EnvP5Events = "CRYNUX_BENCH_P5_EVENTS"
)

// p5RangeCap is the eth_getLogs block range the capped node accepts.
const p5RangeCap = 10_000

// BenchmarkP5Backfill measures subscribing from block 0 over a long chain:
// CRYNUX_BENCH_P5_BLOCKS blocks (default 100,000) holding
// CRYNUX_BENCH_P5_EVENTS real VSSTask events (default 10,000: half
// TaskQueued from createTask, half TaskEndAborted from the creator aborting
// the queued task, in groups of 100 events evenly spaced; a createTask costs
// about 3.7M gas, so a group spans four blocks). The in-process chain mines
// about 100 empty blocks a second on 2 cores, so scripts/bench.sh scales
// this down by default and says so.
//
// Measured in the same run, over HTTP JSON-RPC:
//   - sub: Client.Subscribe from the genesis cursor until every event is
//     delivered (default 5,000-block eth_getLogs chunks);
//   - getlogs: one eth_getLogs call over the whole range (the baseline);
//   - capped: the same two against a proxy that refuses eth_getLogs ranges
//     over 10,000 blocks like a public node: Subscribe with the default chunk,
//     Subscribe with a 1,000,000-block first chunk (halved on refusal), and the
//     baseline's only working form, a loop of 10,000-block calls.
func BenchmarkP5Backfill(b *testing.B) {
	ctx := context.Background()
	nBlocks := envInt(b, EnvP5Blocks, 100_000)
	nEvents := envInt(b, EnvP5Events, 10_000)
	const perBlock = 100 // events per event block: 50 create + 50 abort
	nEvents = (nEvents + perBlock - 1) / perBlock * perBlock
	eventBlocks := nEvents / perBlock
	require.GreaterOrEqual(b, nBlocks, eventBlocks, "need at least one block per 100 events")

	st := startSimStack(b, false, 1000)
	hc, err := ethclient.DialContext(ctx, st.chain.HTTPURL)
	require.NoError(b, err)
	defer hc.Close()
	creator := crypto.PubkeyToAddress(st.creator.PublicKey)
	rs := newRawSigner(ctx, b, hc, st.creator)
	createGas := estimateCreate(ctx, b, hc, creator, st.contracts.VSSTask)
	// abortTask walks the queue; 1M gas covers a queue of 50.
	const abortGas = 1_000_000

	genStart := time.Now()
	start, err := hc.BlockNumber(ctx)
	require.NoError(b, err)
	spacing := uint64(nBlocks / eventBlocks)
	for e := 0; e < eventBlocks; e++ {
		first, err := hc.BlockNumber(ctx)
		require.NoError(b, err)
		var aborts [][]byte
		for range perBlock / 2 {
			data, c := createTaskCall(b)
			require.NoError(b, hc.SendTransaction(ctx, rs.sign(b, st.contracts.VSSTask, data, taskFee, createGas)))
			aborts = append(aborts, vss.PackAbortTask(c, 0))
		}
		var last common.Hash
		for _, a := range aborts {
			tx := rs.sign(b, st.contracts.VSSTask, a, nil, abortGas)
			require.NoError(b, hc.SendTransaction(ctx, tx))
			last = tx.Hash()
		}
		// createTask costs about 3.7M gas, so a group spans several blocks.
		for {
			st.chain.Commit()
			r, err := hc.TransactionReceipt(ctx, last)
			if err == nil && r != nil {
				require.Equal(b, types.ReceiptStatusSuccessful, r.Status, "abort of group %d reverted", e)
				break
			}
		}
		now, err := hc.BlockNumber(ctx)
		require.NoError(b, err)
		for n := now - first; n < spacing; n++ {
			st.chain.Commit()
		}
	}
	for {
		n, err := hc.BlockNumber(ctx)
		require.NoError(b, err)
		if n-start >= uint64(nBlocks) {
			break
		}
		st.chain.Commit()
	}
	head, err := hc.BlockNumber(ctx)
	require.NoError(b, err)
	genDur := time.Since(genStart)
	b.Logf("P5: generated %d blocks (%d..%d) holding %d task events in %s", head-start, start+1, head, nEvents, genDur.Round(time.Second))

	abi, err := bindings.VSSTaskMetaData.ParseABI()
	require.NoError(b, err)
	var topics []common.Hash
	for _, n := range []string{"TaskQueued", "TaskStarted", "TaskParametersUploaded", "TaskErrorReported",
		"TaskScoreReady", "TaskValidated", "TaskEndSuccess", "TaskEndInvalidated", "TaskEndGroupSuccess",
		"TaskEndGroupRefund", "TaskEndAborted"} {
		topics = append(topics, abi.Events[n].ID)
	}
	query := func(from, to uint64) ethereum.FilterQuery {
		return ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{st.contracts.VSSTask}, Topics: [][]common.Hash{topics}}
	}

	capped := newRangeCapProxy(b, st.chain.HTTPURL, p5RangeCap)
	cc, err := ethclient.DialContext(ctx, capped.URL)
	require.NoError(b, err)
	defer cc.Close()

	subscribe := func(rpcURL string, chunk uint64) time.Duration {
		net := sdk.Network{RPCURL: rpcURL, RelayURL: "http://127.0.0.1:1",
			Contracts: sdk.Contracts{VSSTask: st.contracts.VSSTask, Node: st.contracts.Node}}
		client, err := sdk.Dial(ctx, net, wallet.NewKeySigner(st.creator), sdk.WithJournalDir(b.TempDir()))
		require.NoError(b, err)
		defer client.Close()
		t0 := time.Now()
		sub, err := client.Subscribe(ctx, sdk.EventFilter{ChunkSize: chunk})
		require.NoError(b, err)
		defer sub.Unsubscribe()
		seen := map[sdk.Cursor]bool{}
		timeout := time.After(10 * time.Minute)
		for len(seen) < nEvents {
			select {
			case ev, ok := <-sub.Events():
				require.True(b, ok, "subscription ended early")
				require.False(b, ev.Removed)
				require.False(b, seen[ev.Cursor], "event at %+v delivered twice", ev.Cursor)
				seen[ev.Cursor] = true
			case err := <-sub.Err():
				require.NoError(b, err)
			case <-timeout:
				b.Fatalf("subscription delivered %d of %d events in 10 minutes", len(seen), nEvents)
			}
		}
		return time.Since(t0)
	}

	var subDur, logsDur, capSubDur, capBigDur, capLoopDur time.Duration
	for b.Loop() {
		subDur = subscribe(st.chain.HTTPURL, 0)

		t0 := time.Now()
		logs, err := hc.FilterLogs(ctx, query(0, head))
		logsDur = time.Since(t0)
		require.NoError(b, err)
		require.Len(b, logs, nEvents)

		capSubDur = subscribe(capped.URL, 0)
		capBigDur = subscribe(capped.URL, 1_000_000)

		if head >= p5RangeCap {
			_, err = cc.FilterLogs(ctx, query(0, head))
			require.Error(b, err, "the capped node must refuse one call over the whole range")
		}
		t0 = time.Now()
		n := 0
		for from := uint64(0); from <= head; from += p5RangeCap {
			logs, err := cc.FilterLogs(ctx, query(from, min(from+p5RangeCap-1, head)))
			require.NoError(b, err)
			n += len(logs)
		}
		capLoopDur = time.Since(t0)
		require.Equal(b, nEvents, n)
	}
	b.StopTimer()
	b.ReportMetric(float64(head), "blocks")
	b.ReportMetric(float64(nEvents), "events")
	b.ReportMetric(ms(subDur), "sub-ms")
	b.ReportMetric(ms(logsDur), "getlogs-ms")
	b.ReportMetric(subDur.Seconds()/logsDur.Seconds(), "sub/getlogs")
	b.ReportMetric(ms(capSubDur), "capped-sub-ms")
	b.ReportMetric(ms(capBigDur), "capped-sub-bigchunk-ms")
	b.ReportMetric(ms(capLoopDur), "capped-getlogs-loop-ms")
	b.ReportMetric(capSubDur.Seconds()/capLoopDur.Seconds(), "capped-sub/loop")
	b.ReportMetric(float64(capped.refused.Load()), "capped-refusals")
}

// rangeCapProxy is a JSON-RPC reverse proxy that refuses eth_getLogs calls
// spanning more than limit blocks, with geth's error.
type rangeCapProxy struct {
	*httptest.Server
	refused atomic.Int64
}

func newRangeCapProxy(tb testing.TB, upstream string, limit uint64) *rangeCapProxy {
	u, err := url.Parse(upstream)
	require.NoError(tb, err)
	rp := httputil.NewSingleHostReverseProxy(u)
	p := &rangeCapProxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var call struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
			Params []struct {
				FromBlock string `json:"fromBlock"`
				ToBlock   string `json:"toBlock"`
			} `json:"params"`
		}
		if json.Unmarshal(body, &call) == nil && call.Method == "eth_getLogs" && len(call.Params) == 1 {
			from, ok1 := parseHexBlock(call.Params[0].FromBlock)
			to, ok2 := parseHexBlock(call.Params[0].ToBlock)
			if ok1 && ok2 && to > from && to-from >= limit {
				p.refused.Add(1)
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"error":{"code":-32602,"message":"query exceeds max block range %d"}}`, call.ID, limit)
				return
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		rp.ServeHTTP(w, r)
	}))
	tb.Cleanup(p.Close)
	return p
}

func parseHexBlock(s string) (uint64, bool) {
	if !strings.HasPrefix(s, "0x") {
		return 0, false
	}
	n, err := strconv.ParseUint(s[2:], 16, 64)
	return n, err == nil
}
