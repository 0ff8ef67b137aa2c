package drills

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// EnvManyJobs and EnvManyNodes scale TestDrillHundredJobsOneWallet.
const (
	EnvManyJobs  = "CRYNUX_DRILL_JOBS"
	EnvManyNodes = "CRYNUX_DRILL_NODES"
)

// TestDrillHundredJobsOneWallet starts 100 two-round jobs at once from one
// wallet on the in-process devnet with 10 nodes (so most tasks wait in the
// queue, and about one round in ten needs a validation group). It takes
// about 25 s on 2 cores. Every job must end succeeded or refunded; the wallet's
// transactions must use consecutive nonces, none twice; and the wallet must
// have spent exactly the fees of the succeeded tasks plus gas.
func TestDrillHundredJobsOneWallet(t *testing.T) {
	nJobs := envInt(t, EnvManyJobs, 100)
	nNodes := envInt(t, EnvManyNodes, 10)
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(envInt(t, "CRYNUX_DRILL_SECONDS", 240))*time.Second) // passing runs take 1.5–3 min
	defer cancel()
	var logger *slog.Logger
	if os.Getenv("CRYNUX_DRILL_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	// The in-process chain stamps each block at least a second after its
	// parent, and this drill mines thousands: its clock runs far ahead of the
	// wall clock, so the contract's task timeout must not be the default 10
	// minutes of chain time, or nodes abort tasks that ran a few seconds.
	dn, err := devnet.Start(ctx, devnet.Options{Nodes: nNodes, Logger: logger, TaskTimeout: 24 * time.Hour})
	require.NoError(t, err)
	defer dn.Close()
	signer := dn.Signer(0)
	client, err := sdk.Dial(ctx, network(dn.Config), signer, sdk.WithJournalDir(t.TempDir()),
		sdk.WithPollInterval(200*time.Millisecond), sdk.WithLogger(logger))
	require.NoError(t, err)
	defer client.Close()
	before, err := client.Balance(ctx)
	require.NoError(t, err)

	req := request(t, false)
	start := time.Now()
	jobs := make([]*sdk.Job, nJobs)
	errs := make([]error, nJobs)
	var wg sync.WaitGroup
	for i := range nJobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			jobs[i], errs[i] = client.Finetune(ctx, req)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "Finetune %d", i)
	}

	paid, refunded, gas := new(big.Int), new(big.Int), new(big.Int)
	var failed []string
	causes := map[string]int{}
	succeeded, tasks := 0, 0
	for _, j := range jobs {
		res, err := j.Wait(ctx)
		if res != nil {
			paid.Add(paid, res.Paid)
			refunded.Add(refunded, res.Refunded)
			gas.Add(gas, res.Gas)
			tasks += len(res.Commitments)
		}
		if err != nil {
			failed = append(failed, err.Error())
			msg := err.Error()
			if k := strings.LastIndex(msg, ": "); k >= 0 {
				msg = msg[k+2:]
			}
			created := 0
			if res != nil {
				created = len(res.Commitments)
			}
			causes[fmt.Sprintf("%d created task(s): %s", created, msg)]++
			continue
		}
		succeeded++
	}
	for c, n := range causes {
		t.Logf("%d jobs failed after %s", n, c)
	}
	t.Logf("%d jobs: %d succeeded, %d failed in %.0f s on %d nodes; %d tasks; paid %s refunded %s gas %s wei",
		nJobs, succeeded, len(failed), time.Since(start).Seconds(), nNodes, tasks, paid, refunded, gas)

	// The checks get their own time: ctx may have run out on stuck jobs.
	ctx, cancel2 := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel2()
	id, err := dn.Backend.ChainID(ctx)
	require.NoError(t, err)
	ec, err := ethclient.DialContext(ctx, dn.Config.RPCURL)
	require.NoError(t, err)
	defer ec.Close()
	txs := senderTxs(t, ec, id, signer.Address())
	requireConsecutiveNonces(t, txs)
	reverted := 0
	for _, tx := range txs {
		r, err := ec.TransactionReceipt(ctx, tx.Hash())
		require.NoError(t, err)
		if r.Status != 1 {
			reverted++
		}
	}
	t.Logf("%d transactions from the wallet, consecutive nonces, %d reverted", len(txs), reverted)
	after, err := client.Balance(ctx)
	require.NoError(t, err)
	spent := new(big.Int).Sub(before, after)
	require.Equal(t, new(big.Int).Add(paid, gas).String(), spent.String(),
		"the wallet spent exactly the succeeded tasks' fees plus gas (refunds came back)")
	require.Empty(t, failed, "every job must end succeeded (or refunded by a retry); %d failed", len(failed))
}
