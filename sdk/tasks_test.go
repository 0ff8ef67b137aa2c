package sdk_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
)

// A devnet without nodes keeps every task queued, so tasks can be read and
// aborted at leisure.
func startQueuedDevnet(t *testing.T) (*devnet.Network, sdk.Network) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dn, err := devnet.Start(ctx, devnet.Options{NoNodes: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = dn.Close() })
	path := filepath.Join(t.TempDir(), "devnet.json")
	require.NoError(t, dn.WriteConfig(path))
	n, err := sdk.LoadNetwork(path)
	require.NoError(t, err)
	return dn, n
}

func loadRequest(t *testing.T) sdk.FinetuneRequest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "finetune_request.json"))
	require.NoError(t, err)
	req, err := sdk.ParseFinetuneRequest(b)
	require.NoError(t, err)
	// The devnet network's GPU and the default fee apply.
	req.GPUName, req.GPUVRAM, req.TaskFee = "", 0, ""
	return *req
}

// firstCreated waits for the job's first created task.
func firstCreated(t *testing.T, job *sdk.Job) common.Hash {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case ev, ok := <-job.Events():
			require.True(t, ok, "job ended before its task was created")
			require.NotEqual(t, sdk.EventDone, ev.Kind, "job ended: %v", ev.Err)
			if ev.Kind == sdk.EventCreated {
				return ev.Commitment
			}
		case <-timeout:
			t.Fatal("no task created within a minute")
		}
	}
}

func TestTaskAbortTaskAndJournalListing(t *testing.T) {
	dn, n := startQueuedDevnet(t)
	ctx := context.Background()
	journal := t.TempDir()
	c, err := sdk.Dial(ctx, n, dn.Signer(0), sdk.WithJournalDir(journal), sdk.WithPollInterval(100*time.Millisecond), sdk.WithMaxTaskRetries(0))
	require.NoError(t, err)
	defer c.Close()
	require.NotNil(t, c.Relay())

	job, err := c.Finetune(ctx, loadRequest(t))
	require.NoError(t, err)
	commitment := firstCreated(t, job)

	// Task reads the chain.
	info, err := c.Task(ctx, commitment)
	require.NoError(t, err)
	assert.Equal(t, commitment, info.Commitment)
	assert.Equal(t, sdk.StatusQueued, info.Status)
	assert.Equal(t, dn.Signer(0).Address(), info.Creator)
	assert.Equal(t, "15000000000000000000", info.Fee.String())
	assert.Equal(t, n.GPUName, info.RequiredGPU)
	assert.False(t, info.CreatedAt.IsZero())
	assert.True(t, info.StartedAt.IsZero())
	assert.True(t, info.AbortableAt().IsZero(), "a queued task is abortable at once")

	// Unknown commitments are reported as such.
	_, err = c.Task(ctx, common.HexToHash("0x1234"))
	assert.ErrorIs(t, err, sdk.ErrTaskNotFound)

	// Only the creator may abort.
	other, err := sdk.Dial(ctx, n, dn.Signer(1), sdk.WithJournalDir(t.TempDir()))
	require.NoError(t, err)
	defer other.Close()
	_, err = other.AbortTask(ctx, commitment)
	var na *sdk.TaskNotAbortableError
	require.ErrorAs(t, err, &na)
	assert.True(t, na.NotCreator)

	// The creator aborts a queued task at once; the fee comes back.
	before, err := c.Balance(ctx)
	require.NoError(t, err)
	rcpt, err := c.AbortTask(ctx, commitment)
	require.NoError(t, err)
	require.NotNil(t, rcpt)
	info, err = c.Task(ctx, commitment)
	require.NoError(t, err)
	assert.Equal(t, sdk.StatusEndAborted, info.Status)
	after, err := c.Balance(ctx)
	require.NoError(t, err)
	assert.Positive(t, after.Cmp(before), "the 15 CNX fee is refunded (minus gas)")

	// A final task cannot be aborted again.
	_, err = c.AbortTask(ctx, commitment)
	require.ErrorAs(t, err, &na)
	assert.True(t, na.Status.Final())

	// The job notices the abort and fails with the refund.
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err = job.Wait(wctx)
	var aborted *sdk.TaskAbortedError
	require.ErrorAs(t, err, &aborted)

	// The journal lists the job without a network.
	j, err := sdk.OpenJournal(journal, dn.Signer(0).Address())
	require.NoError(t, err)
	jobs, err := j.Jobs()
	require.NoError(t, err)
	require.Len(t, jobs, 1)
	assert.Equal(t, job.ID(), jobs[0].ID)
	assert.Equal(t, sdk.JobFailed, jobs[0].State)
	assert.Equal(t, dn.Signer(0).Address(), jobs[0].Creator)
	require.Len(t, jobs[0].Tasks, 1)
	assert.Equal(t, commitment, jobs[0].Tasks[0].Commitment)
	require.NotNil(t, jobs[0].Tasks[0].Status)
	assert.Equal(t, sdk.StatusEndAborted, *jobs[0].Tasks[0].Status)
	d, err := j.Job(job.ID())
	require.NoError(t, err)
	assert.Equal(t, jobs[0].ID, d.ID)
	_, err = j.Job("no-such-job")
	assert.ErrorIs(t, err, sdk.ErrJobNotFound)
	_, err = j.Job("../escape")
	assert.ErrorIs(t, err, sdk.ErrJobNotFound)

	// An ended job is not resumed.
	_, err = c.ResumeJob(ctx, job.ID())
	assert.ErrorContains(t, err, "already ended")
}

func TestResumeJobByID(t *testing.T) {
	dn, n := startQueuedDevnet(t)
	ctx := context.Background()
	journal := t.TempDir()
	opts := []sdk.Option{sdk.WithJournalDir(journal), sdk.WithPollInterval(100 * time.Millisecond)}
	c, err := sdk.Dial(ctx, n, dn.Signer(0), opts...)
	require.NoError(t, err)
	job, err := c.Finetune(ctx, loadRequest(t))
	require.NoError(t, err)
	commitment := firstCreated(t, job)
	require.NoError(t, c.Close()) // the job stays open in the journal

	c2, err := sdk.Dial(ctx, n, dn.Signer(0), opts...)
	require.NoError(t, err)
	defer c2.Close()
	_, err = c2.ResumeJob(ctx, "no-such-job")
	assert.True(t, errors.Is(err, sdk.ErrJobNotFound), "got %v", err)
	resumed, err := c2.ResumeJob(ctx, job.ID())
	require.NoError(t, err)
	assert.Equal(t, job.ID(), resumed.ID())
	again, err := c2.ResumeJob(ctx, job.ID())
	require.NoError(t, err)
	assert.Same(t, resumed, again, "a running job is returned, not started twice")

	// Cancel aborts the queued task at once.
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	require.NoError(t, resumed.Cancel(cctx))
	info, err := c2.Task(ctx, commitment)
	require.NoError(t, err)
	assert.Equal(t, sdk.StatusEndAborted, info.Status)
}
