package sdk_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// TestFinetunePacesFirstTasksToTheQueue: with every node offline, six jobs
// started at once must not fill the task queue. Each round whose sampling is
// still open keeps room for a validation group (three slots), so with a queue
// limit of 10 at most three first tasks are queued while the other jobs wait
// in the client, and no transaction is wasted on a "Task queue is full"
// revert. Once the nodes are back, every job succeeds.
func TestFinetunePacesFirstTasksToTheQueue(t *testing.T) {
	const limit, nJobs = 10, 6
	dn := startDevnet(t, devnet.Options{QueueSizeLimit: limit})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	for _, nd := range dn.Nodes {
		require.NoError(t, nd.Quit(ctx))
	}
	c := dial(t, networkOf(dn), dn, 0, t.TempDir())
	queue := bindings.NewTaskQueue()
	queueC := queue.Instance(dn.Backend, dn.Config.Contracts.TaskQueue)
	queueSize := func() uint64 {
		n, err := bind.Call(queueC, &bind.CallOpts{Context: ctx}, queue.PackSize(), queue.UnpackSize)
		require.NoError(t, err)
		return n.Uint64()
	}

	req := oneRound(seedRequest(t))
	jobs := make([]*sdk.Job, nJobs)
	for i := range jobs {
		j, err := c.Finetune(ctx, req)
		require.NoError(t, err)
		jobs[i] = j
	}
	// Let the jobs run into the full queue: watch it for a while.
	var peak uint64
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		peak = max(peak, queueSize())
	}
	require.GreaterOrEqual(t, peak, uint64(1), "the first job's task is queued")
	require.LessOrEqual(t, peak, uint64(3), "queued first tasks leave room for their groups: size + 3 per open round <= %d", limit)

	for _, nd := range dn.Nodes {
		require.NoError(t, nd.Join(ctx))
	}
	for i, j := range jobs {
		res, err := j.Wait(ctx)
		require.NoError(t, err, "job %d", i)
		requireNoLostFee(t, c, res)
	}

	// Nothing was spent on reverted transactions.
	rd := reader(t, dn)
	head, err := rd.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	id, err := rd.ChainID(ctx)
	require.NoError(t, err)
	signer := types.LatestSignerForChainID(id)
	sent := 0
	for n := uint64(0); n <= head.Number.Uint64(); n++ {
		b, err := rd.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		require.NoError(t, err)
		for _, tx := range b.Transactions() {
			if from, err := types.Sender(signer, tx); err != nil || from != c.Address() {
				continue
			}
			sent++
			r, err := rd.TransactionReceipt(ctx, tx.Hash())
			require.NoError(t, err)
			require.Equal(t, types.ReceiptStatusSuccessful, r.Status, "transaction %s (nonce %d) reverted", tx.Hash(), tx.Nonce())
		}
	}
	require.GreaterOrEqual(t, sent, 2*nJobs, "each job created and validated a task")
}
