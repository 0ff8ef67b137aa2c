package drills

import (
	"context"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/internal/faultproxy"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/sdk"
)

// TestDrillRelayFaultsDuringJob runs a full two-round job whose every Relay
// request (args uploads with the input checkpoint, result downloads) goes
// through a proxy that answers 503, resets connections and truncates
// bodies, one fault in two connections. The job must complete with a zip
// byte-identical to the one the Relay holds, every task created once, and
// the wallet charged exactly the fees of the succeeded tasks plus gas.
func TestDrillRelayFaultsDuringJob(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dn, err := devnet.Start(ctx, devnet.Options{})
	require.NoError(t, err)
	defer dn.Close()

	// Faults strike within the first 600 response bytes: the envelope of an
	// upload answer, the head and start of a download. After 40 connections
	// the proxy passes everything, so bounded retries can finish.
	kinds := []faultproxy.Kind{faultproxy.Status, faultproxy.Reset, faultproxy.Truncate}
	var plan []faultproxy.Fault
	for i := 0; i < 40; i++ {
		if i%2 == 0 {
			plan = append(plan, faultproxy.Fault{Kind: kinds[(i/2)%3], After: int64(100 + 50*(i%12))})
		} else {
			plan = append(plan, faultproxy.Fault{})
		}
	}
	proxy := faultproxy.Start(t, dn.Config.RelayURL, faultproxy.Sequence(plan...))

	net := network(dn.Config)
	net.RelayURL = proxy.URL()
	signer := dn.Signer(0)
	// No keep-alive: every request opens a connection and meets the plan.
	hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	client, err := sdk.Dial(ctx, net, signer, sdk.WithJournalDir(t.TempDir()), sdk.WithPollInterval(100*time.Millisecond),
		sdk.WithRelayOptions(relay.WithHTTPClient(hc), relay.WithRetry(10, 50*time.Millisecond, 500*time.Millisecond),
			relay.WithStallTimeout(5*time.Second)))
	require.NoError(t, err)
	defer client.Close()

	before, err := client.Balance(ctx)
	require.NoError(t, err)
	job, err := client.Finetune(ctx, request(t, false))
	require.NoError(t, err)
	res, err := job.Wait(ctx)
	require.NoError(t, err)

	faults := 0
	for _, f := range proxy.Faults() {
		if f.Kind != faultproxy.None {
			faults++
		}
	}
	t.Logf("%d connections, %d faulted; %d rounds, %d tasks", len(proxy.Faults()), faults, res.Rounds, len(res.Commitments))
	require.Positive(t, faults, "the drill must actually inject faults")

	// Byte-identical: the job's zip is the checkpoint the Relay holds for the winning task.
	detail, err := client.Journal().Job(job.ID())
	require.NoError(t, err)
	requireZipFromRelay(t, dn.Config.RelayURL, signer, detail, res)

	// Nothing doubled: each commitment once; money: fees of succeeded tasks + gas.
	seen := map[[32]byte]bool{}
	for _, c := range res.Commitments {
		require.False(t, seen[c], "task %s created twice", c)
		seen[c] = true
	}
	after, err := client.Balance(ctx)
	require.NoError(t, err)
	spent := new(big.Int).Sub(before, after)
	require.Equal(t, new(big.Int).Add(res.Paid, res.Gas).String(), spent.String(), "wallet spent fees+gas exactly")
	// A round the VRF sampled ran as a group of three: two of them refunded.
	req := request(t, false)
	if req.TaskFee == "" {
		req.TaskFee = sdk.DefaultFinetuneTaskFee
	}
	fee, err := req.FeeWei()
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Mul(fee, big.NewInt(int64(len(res.Commitments)))).String(),
		new(big.Int).Add(res.Paid, res.Refunded).String(), "every task's fee was paid or refunded")
}
