package sdk

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// ErrTaskNotFound: the chain holds no task with the given commitment.
var ErrTaskNotFound = errors.New("sdk: task not found on chain (check the commitment and the network)")

// ErrJobNotFound: the wallet's journal holds no job with the given id.
var ErrJobNotFound = errors.New("sdk: job not found in the journal (check the id with `crynux jobs list`, the wallet and the journal directory)")

// TaskInfo is a task as the VSSTask contract holds it (getTask, protocol §2.3).
type TaskInfo struct {
	Commitment common.Hash
	Creator    common.Address
	Status     TaskStatus
	// Node is the selected node (zero while queued).
	Node common.Address
	// Fee is the task fee in wei.
	Fee         *big.Int
	AbortReason AbortReason
	// ErrorCode is the node's reported error (TaskErrorReported).
	ErrorCode uint8
	// Sequence orders tasks of a validation group.
	Sequence *big.Int
	// Timeout is how long after its start the task may be aborted.
	Timeout time.Duration
	// Score is the node's result hashes (8-byte pHash per validation image).
	Score           []byte
	ModelIDs        []string
	MinimumVRAM     uint64
	RequiredGPU     string
	RequiredGPUVRAM uint64
	TaskVersion     string
	// Payments lists who got paid how much (wei) at EndSuccess / EndGroupSuccess.
	Payments []Payment
	// CreatedAt, StartedAt and ScoreReadyAt are zero while the step has not happened.
	CreatedAt, StartedAt, ScoreReadyAt time.Time
}

// Payment is one node payment of a task.
type Payment struct {
	Address common.Address
	Amount  *big.Int
}

// AbortableAt is when the contract starts accepting abortTask for a started
// task (StartedAt + Timeout); zero for a queued task (abortable at once by
// its creator) and for a task that never started.
func (t *TaskInfo) AbortableAt() time.Time {
	if t.StartedAt.IsZero() {
		return time.Time{}
	}
	return t.StartedAt.Add(t.Timeout)
}

func unixOrZero(x *big.Int) time.Time {
	if x == nil || x.Sign() <= 0 || !x.IsInt64() {
		return time.Time{}
	}
	return time.Unix(x.Int64(), 0).UTC()
}

func u64(x *big.Int) uint64 {
	if x == nil || !x.IsUint64() {
		return 0
	}
	return x.Uint64()
}

// Task reads a task from the chain. A commitment the contract does not know
// gives ErrTaskNotFound.
func (c *Client) Task(ctx context.Context, commitment common.Hash) (*TaskInfo, error) {
	info, err := callView(ctx, c, c.task.PackGetTask(commitment), c.task.UnpackGetTask)
	if err != nil {
		return nil, fmt.Errorf("sdk: read task %s: %w", commitment.Hex(), err)
	}
	if common.Hash(info.TaskIDCommitment) != commitment {
		return nil, fmt.Errorf("%w: %s", ErrTaskNotFound, commitment.Hex())
	}
	t := &TaskInfo{
		Commitment:      commitment,
		Creator:         info.Creator,
		Status:          TaskStatus(info.Status),
		Node:            info.SelectedNode,
		Fee:             new(big.Int),
		AbortReason:     AbortReason(info.AbortReason),
		ErrorCode:       info.Error,
		Sequence:        new(big.Int),
		Timeout:         time.Duration(u64(info.Timeout)) * time.Second,
		Score:           common.CopyBytes(info.Score),
		ModelIDs:        info.ModelIDs,
		MinimumVRAM:     u64(info.MinimumVRAM),
		RequiredGPU:     info.RequiredGPU,
		RequiredGPUVRAM: u64(info.RequiredGPUVRAM),
		CreatedAt:       unixOrZero(info.CreateTimestamp),
		StartedAt:       unixOrZero(info.StartTimestamp),
		ScoreReadyAt:    unixOrZero(info.ScoreReadyTimestamp),
	}
	if info.TaskFee != nil {
		t.Fee.Set(info.TaskFee)
	}
	if info.Sequence != nil {
		t.Sequence.Set(info.Sequence)
	}
	v := info.TaskVersion
	t.TaskVersion = fmt.Sprintf("%d.%d.%d", u64(v[0]), u64(v[1]), u64(v[2]))
	for i, a := range info.PaymentAddresses {
		p := Payment{Address: a, Amount: new(big.Int)}
		if i < len(info.Payments) && info.Payments[i] != nil {
			p.Amount.Set(info.Payments[i])
		}
		t.Payments = append(t.Payments, p)
	}
	return t, nil
}

// TaskNotAbortableError says why abortTask would be refused now.
type TaskNotAbortableError struct {
	Commitment common.Hash
	Status     TaskStatus
	// NotCreator is set when the task belongs to another account.
	NotCreator bool
	Creator    common.Address
	// AbortableAt, when set, is when the task's timeout passes.
	AbortableAt time.Time
}

func (e *TaskNotAbortableError) Error() string {
	switch {
	case e.NotCreator:
		return fmt.Sprintf("sdk: task %s was created by %s, not by this wallet: only its creator (or its node) can abort it", e.Commitment.Hex(), e.Creator.Hex())
	case e.Status.Final():
		return fmt.Sprintf("sdk: task %s already ended (%s): nothing to abort", e.Commitment.Hex(), e.Status)
	case !e.AbortableAt.IsZero():
		return fmt.Sprintf("sdk: task %s is %s: the contract accepts an abort only after its timeout, at %s; wait until then or let it finish",
			e.Commitment.Hex(), e.Status, e.AbortableAt.Format(time.RFC3339))
	}
	return fmt.Sprintf("sdk: task %s (%s) cannot be aborted now", e.Commitment.Hex(), e.Status)
}

// AbortTask sends abortTask(commitment, Timeout) through the client's
// transaction manager and waits for it to be mined. The contract refunds the
// fee to the creator. A queued task can be aborted at once; a started one
// only after its timeout (the call checks this first and returns a
// *TaskNotAbortableError instead of paying for a revert). Journaled jobs
// notice the abort when they next read the task.
func (c *Client) AbortTask(ctx context.Context, commitment common.Hash) (*types.Receipt, error) {
	t, err := c.Task(ctx, commitment)
	if err != nil {
		return nil, err
	}
	if t.Creator != c.signer.Address() {
		return nil, &TaskNotAbortableError{Commitment: commitment, Status: t.Status, NotCreator: true, Creator: t.Creator}
	}
	if t.Status.Final() {
		return nil, &TaskNotAbortableError{Commitment: commitment, Status: t.Status}
	}
	if at := t.AbortableAt(); !at.IsZero() {
		head, err := c.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("sdk: read chain head: %w", err)
		}
		// The abort lands in a later block, whose timestamp is at least the
		// head's and, on a live chain, about the wall clock.
		if head.Time <= uint64(at.Unix()) && time.Now().Unix() <= at.Unix() {
			return nil, &TaskNotAbortableError{Commitment: commitment, Status: t.Status, AbortableAt: at}
		}
	}
	to := c.network.Contracts.VSSTask
	rcpt, err := c.txm.Send(ctx, txmgr.Request{To: &to, Data: c.task.PackAbortTask(commitment, uint8(AbortTimeout))})
	if err != nil {
		return rcpt, fmt.Errorf("sdk: abort task %s: %w", commitment.Hex(), err)
	}
	return rcpt, nil
}

// ResumeJob restarts one running job of this wallet's journal by id. A job
// that already ended is returned as an error naming its state; a job this
// client already runs is returned as is.
func (c *Client) ResumeJob(ctx context.Context, id string) (*Job, error) {
	if _, err := os.Stat(c.journal.jobFile(id)); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s in %s", ErrJobNotFound, id, c.journal.Dir())
		}
		return nil, fmt.Errorf("sdk: journal: %w", err)
	}
	c.mu.Lock()
	j, running := c.jobs[id]
	c.mu.Unlock()
	if running {
		return j, nil
	}
	rec, err := c.journal.load(id)
	if err != nil {
		return nil, err
	}
	if rec.State.Done() {
		return nil, fmt.Errorf("sdk: job %s already ended (%s); nothing to resume", id, rec.State)
	}
	if rec.Creator != c.signer.Address() {
		return nil, fmt.Errorf("sdk: job %s belongs to %s, not to this wallet %s", id, rec.Creator.Hex(), c.signer.Address().Hex())
	}
	return c.startJob(rec)
}

// Relay returns the client's Relay client (signed by the client's wallet),
// for downloads outside a job, e.g. a task's checkpoint with a progress callback.
func (c *Client) Relay() *relay.Client { return c.relay }

// JobTask is one task of a journaled job.
type JobTask struct {
	Round      int
	Commitment common.Hash
	// Created is set once createTask was mined.
	Created bool
	// Status is the last on-chain status the job saw (nil: none yet).
	Status *TaskStatus
	Node   common.Address
	Fee    *big.Int
}

// JobDetail is a journaled job with its tasks.
type JobDetail struct {
	JobInfo
	Creator common.Address
	Tasks   []JobTask
	// Retries is how many rounds were retried after an aborted task.
	Retries int
	// Gas is what the job's transactions cost so far, in wei.
	Gas *big.Int
}

// Jobs lists the journal's jobs with their tasks, oldest first. It reads
// files only, so it works without a network.
func (j *Journal) Jobs() ([]JobDetail, error) {
	recs, err := j.list()
	if err != nil {
		return nil, err
	}
	out := make([]JobDetail, 0, len(recs))
	for _, r := range recs {
		out = append(out, detailOf(r))
	}
	return out, nil
}

// Job returns one journaled job (ErrJobNotFound when the journal has none with that id).
func (j *Journal) Job(id string) (*JobDetail, error) {
	if filepath.Base(id) != id || id == "" || id == "." {
		return nil, fmt.Errorf("%w: %q is not a job id", ErrJobNotFound, id)
	}
	if _, err := os.Stat(j.jobFile(id)); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s in %s", ErrJobNotFound, id, j.dir)
	}
	r, err := j.load(id)
	if err != nil {
		return nil, err
	}
	d := detailOf(r)
	return &d, nil
}

func detailOf(r *jobRecord) JobDetail {
	d := JobDetail{
		JobInfo: JobInfo{ID: r.ID, State: r.State, CreatedAt: r.CreatedAt, Deadline: r.Deadline, Rounds: len(r.Rounds), Error: r.Error},
		Creator: r.Creator,
		Retries: r.Retries,
		Gas:     new(big.Int),
	}
	if r.Gas != nil {
		d.Gas.Set(&r.Gas.Int)
	}
	if r.Result != nil {
		d.LoRAZip = r.Result.LoRAZip
	}
	for _, rd := range r.Rounds {
		for _, t := range rd.Tasks {
			d.Commitments = append(d.Commitments, t.Commitment)
			jt := JobTask{Round: rd.Index, Commitment: t.Commitment, Created: t.Created, Node: t.Node, Fee: new(big.Int)}
			if t.Fee != nil {
				jt.Fee.Set(&t.Fee.Int)
			}
			if t.LastStatus != nil {
				s := TaskStatus(*t.LastStatus)
				jt.Status = &s
			}
			d.Tasks = append(d.Tasks, jt)
		}
	}
	return d
}
