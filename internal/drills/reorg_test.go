package drills

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// TestDrillReorgTakesBackTaskEnd runs a one-round job on the in-process
// devnet with WithConfirmations(3). Empty blocks are sealed every 50 ms
// until the job's validation is confirmed, then only transactions make
// blocks: the Relay's report ends the task (TaskEndSuccess, or
// TaskEndGroupSuccess) in a block nothing confirms. A second after a
// Subscribe consumer sees that log, the chain is reorganised from the
// parent of its block. The subscriber must see the log removed; the job
// must not have reported success before the reorg (the log was one block
// deep) and must report it once, only after the end was mined again on the
// new branch, with the Relay's checkpoint; its transactions use consecutive
// nonces.
func TestDrillReorgTakesBackTaskEnd(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The nodes and the Relay poll once a second, so the task ends well
	// after the job's validation has its confirmations.
	dn, err := devnet.Start(ctx, devnet.Options{PollInterval: time.Second})
	require.NoError(t, err)
	defer dn.Close()

	// Empty blocks besides the auto-miner's, so that confirmations come.
	var tickMu sync.Mutex
	ticking := true
	tickDone := make(chan struct{})
	go func() {
		defer close(tickDone)
		for ctx.Err() == nil {
			time.Sleep(50 * time.Millisecond)
			tickMu.Lock()
			if ticking {
				dn.Chain.Commit()
			}
			tickMu.Unlock()
		}
	}()
	defer func() { cancel(); <-tickDone }()
	setTicking := func(on bool) {
		tickMu.Lock()
		ticking = on
		tickMu.Unlock()
	}

	signer := dn.Signer(0)
	client, err := sdk.Dial(ctx, network(dn.Config), signer, sdk.WithJournalDir(t.TempDir()),
		sdk.WithConfirmations(3), sdk.WithPollInterval(50*time.Millisecond))
	require.NoError(t, err)
	defer client.Close()
	sub, err := client.Subscribe(ctx, sdk.EventFilter{Mine: true, FromLatest: true})
	require.NoError(t, err)
	defer sub.Unsubscribe()

	job, err := client.Finetune(ctx, request(t, true))
	require.NoError(t, err)
	type stamped struct {
		ev sdk.Event
		at time.Time
	}
	var (
		evMu   sync.Mutex
		jobEvs []stamped
	)
	jobDone := make(chan struct{})
	go func() {
		defer close(jobDone)
		for ev := range job.Events() {
			evMu.Lock()
			jobEvs = append(jobEvs, stamped{ev, time.Now()})
			evMu.Unlock()
			if ev.Kind == sdk.EventValidated {
				setTicking(false) // from now on, only transactions make blocks
			}
		}
	}()
	succeededBy := func(before time.Time) int {
		evMu.Lock()
		defer evMu.Unlock()
		n := 0
		for _, s := range jobEvs {
			if (s.ev.Kind == sdk.EventSucceeded || s.ev.Kind == sdk.EventDone) && s.at.Before(before) {
				n++
			}
		}
		return n
	}

	isEnd := func(ev sdk.TaskEvent) bool {
		return ev.Name == "TaskEndSuccess" || ev.Name == "TaskEndGroupSuccess"
	}
	next := func() sdk.TaskEvent {
		t.Helper()
		select {
		case ev := <-sub.Events():
			return ev
		case err := <-sub.Err():
			t.Fatalf("subscription: %v", err)
		case <-ctx.Done():
			t.Fatal("no task event")
		}
		return sdk.TaskEvent{}
	}
	var end sdk.TaskEvent
	for end = next(); !isEnd(end) || end.Removed; end = next() {
	}
	// Give a job that trusted the unconfirmed end time to report it.
	time.Sleep(time.Second)
	head, err := dn.Backend.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Less(t, head.Number.Uint64(), end.Block+2, "no block confirmed the end (was the validation confirmed after it?)")
	reorgAt := time.Now()
	require.Zero(t, succeededBy(reorgAt), "the job reported success on an end %d block(s) deep", head.Number.Uint64()-end.Block+1)
	parent, err := dn.Backend.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	for parent.Number.Uint64() >= end.Block {
		parent, err = dn.Backend.HeaderByNumber(ctx, new(big.Int).SetUint64(end.Block-1))
		require.NoError(t, err)
	}
	t.Logf("%s of %s at block %d; reorganising from block %d", end.Name, end.Commitment, end.Block, parent.Number)
	require.NoError(t, dn.Chain.Reorg(parent.Hash(), 1))
	setTicking(true)

	var removedAt, againAt time.Time
	var again sdk.TaskEvent
	for removedAt.IsZero() || againAt.IsZero() {
		ev := next()
		switch {
		case ev.Removed && ev.TxHash == end.TxHash && ev.Name == end.Name:
			require.Equal(t, end.BlockHash, ev.BlockHash)
			removedAt = time.Now()
		case isEnd(ev) && !ev.Removed && ev.Commitment == end.Commitment:
			require.NotEqual(t, end.BlockHash, ev.BlockHash, "the end is mined again on the new branch")
			again, againAt = ev, time.Now()
		}
	}
	require.False(t, againAt.Before(removedAt), "the removal is delivered before the end's new copy")
	t.Logf("%s removed, then mined again at block %d", end.Name, again.Block)

	res, err := job.Wait(ctx)
	require.NoError(t, err)
	<-jobDone
	require.Zero(t, succeededBy(againAt), "no success reported before the end was mined again")
	require.Equal(t, 1, succeededBy(time.Now().Add(time.Hour))-1, "exactly one EventSucceeded (plus EventDone)")

	detail, err := client.Journal().Job(job.ID())
	require.NoError(t, err)
	requireZipFromRelay(t, dn.Config.RelayURL, signer, detail, res)
	id, err := dn.Backend.ChainID(ctx)
	require.NoError(t, err)
	requireConsecutiveNonces(t, senderTxs(t, dn.Chain.Client(), id, signer.Address()))
}
