package bench

import (
	"bytes"
	"context"
	"crypto/ecdsa"
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
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
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
// about 3.7M gas, so a group spans four blocks). The contracts are deployed
// on the in-process chain; the long chain is then generated offline with
// core.GenerateChain (the deployment replayed first) and served by an
// in-process node configured as the simulated backend is (genchain_test.go).
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

	// Deploy on the in-process chain, then replay the deployment (same keys,
	// so the same addresses) at the start of a chain generated offline.
	st := startSimStack(b, false, 1000)
	hc, err := ethclient.DialContext(ctx, st.chain.HTTPURL)
	require.NoError(b, err)
	defer hc.Close()
	creator := crypto.PubkeyToAddress(st.creator.PublicKey)
	createGas := estimateCreate(ctx, b, hc, creator, st.contracts.VSSTask)
	// abortTask walks the queue; 1M gas covers a queue of 50.
	const abortGas = 1_000_000
	simHead, err := hc.BlockNumber(ctx)
	require.NoError(b, err)
	var pending []*types.Transaction
	for n := uint64(1); n <= simHead; n++ {
		blk, err := hc.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		require.NoError(b, err)
		pending = append(pending, blk.Transactions()...)
	}
	deployTxs := len(pending)
	chainID, err := hc.ChainID(ctx)
	require.NoError(b, err)
	signer := types.LatestSignerForChainID(chainID)
	var creatorNonce uint64
	sign := func(data []byte, value *big.Int, gas uint64) *types.Transaction {
		tx, err := types.SignNewTx(st.creator, signer, &types.DynamicFeeTx{ChainID: chainID, Nonce: creatorNonce,
			GasTipCap: big.NewInt(1), GasFeeCap: feeCapGen, Gas: gas, To: &st.contracts.VSSTask, Value: value, Data: data})
		require.NoError(b, err)
		creatorNonce++
		return tx
	}

	const lead = 10 // blocks before the first event group: the deployment's
	spacing := (nBlocks - lead) / eventBlocks
	require.GreaterOrEqual(b, spacing, 8, "need at least 8 blocks per 100 events (a createTask costs ~3.7M gas)")
	alloc := types.GenesisAlloc{}
	for _, k := range []*ecdsa.PrivateKey{st.deployer, st.creator} {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: stackFunds}
	}
	groups := 0
	genStart := time.Now()
	gc := startGenChain(b, alloc, devnet.DefaultSimGasLimit, nBlocks, func(i int, g *core.BlockGen) {
		if i >= lead && (i-lead)%spacing == 0 && groups < eventBlocks {
			var created []common.Hash
			for range perBlock / 2 {
				data, c := createTaskCall(b)
				pending = append(pending, sign(data, taskFee, createGas))
				created = append(created, c)
			}
			for _, c := range created {
				pending = append(pending, sign(vss.PackAbortTask(c, 0), nil, abortGas))
			}
			groups++
		}
		for len(pending) > 0 && g.Gas() >= pending[0].Gas() {
			g.AddTx(pending[0])
			pending = pending[1:]
		}
	})
	require.Empty(b, pending, "every transaction found room in the generated blocks")
	require.Equal(b, eventBlocks, groups)
	head := gc.Head
	genDur := time.Since(genStart)
	b.Logf("P5: generated %d blocks holding %d deployment transactions and %d task events in %s", head, deployTxs, nEvents, genDur.Round(time.Second))
	hc.Close()
	hc, err = ethclient.DialContext(ctx, gc.URL)
	require.NoError(b, err)
	defer hc.Close()
	code, err := hc.CodeAt(ctx, st.contracts.VSSTask, nil)
	require.NoError(b, err)
	require.NotEmpty(b, code, "VSSTask at the same address on the generated chain")

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

	capped := newRangeCapProxy(b, gc.URL, p5RangeCap)
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
		subDur = subscribe(gc.URL, 0)

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
