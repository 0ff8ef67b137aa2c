package sdk

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/relay/taskargs"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Result is what a finished job produced and cost.
type Result struct {
	JobID string
	// LoRAZip is the final checkpoint zip (pytorch_lora_weights.safetensors,
	// global_step.txt, FINISH at its root).
	LoRAZip string
	// Images are the validation images of the last task.
	Images []string
	// Commitments lists every task the job created, in order.
	Commitments []common.Hash
	// Paid is the CNX (wei) paid to nodes; Refunded what came back from
	// aborted or refunded tasks; Gas what the job's transactions cost.
	Paid, Refunded, Gas *big.Int
	// Rounds is the number of chained tasks that trained the LoRA.
	Rounds int
}

// Job is one fine-tune job: a chain of tasks (each possibly a group of
// three) that ends when a checkpoint holds FINISH.
type Job struct {
	c   *Client
	rec *jobRecord

	mu      sync.Mutex
	held    []Event // emitted, waiting for the journal save that records them
	queue   []Event
	notify  chan struct{}
	events  chan Event
	done    chan struct{}
	result  *Result
	err     error
	cancel  context.CancelFunc
	cancelR chan struct{}
	wake    chan struct{} // nudged on every task event (wake.go)
	once    sync.Once

	// reservation: this job's current round holds queue room (admission.go).
	// Only the job's own goroutine touches it, as outOfGas: how many of its
	// createTask transactions ran out of gas (each raises the next margin).
	reservation bool
	outOfGas    int
}

// ID is the job's journal id.
func (j *Job) ID() string { return j.rec.ID }

// Done is closed when the job has ended (or stopped because the client closed).
func (j *Job) Done() <-chan struct{} { return j.done }

// Events streams the job's events in order; it is closed after the EventDone
// event. Events are queued without bound, so a slow reader loses nothing.
func (j *Job) Events() <-chan Event { return j.events }

// Wait blocks until the job ends and returns its result. A failed job returns
// the error and, where tasks were refunded, a partial Result.
func (j *Job) Wait(ctx context.Context) (*Result, error) {
	select {
	case <-j.done:
		return j.result, j.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Cancel asks the job to stop: queued tasks are aborted at once (refunded);
// started tasks are aborted as soon as the contract allows (their timeout), so
// Cancel can take up to the task timeout. It returns when the job has ended.
func (j *Job) Cancel(ctx context.Context) error {
	j.once.Do(func() { close(j.cancelR) })
	select {
	case <-j.done:
		if errors.Is(j.err, ErrCancelled) {
			return nil
		}
		return j.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (j *Job) stop() {
	j.cancel()
	<-j.done
}

// emit records ev. It reaches Events only after the next journal save
// (EventDone at once), so whoever sees an event can rely on the journal
// holding the state it announces: a crash right after an event loses nothing.
func (j *Job) emit(ev Event) {
	ev.JobID = j.rec.ID
	if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	j.mu.Lock()
	j.held = append(j.held, ev)
	j.mu.Unlock()
	j.c.log.Debug("job event", "event", ev.String())
	if ev.Kind == EventDone {
		j.release()
	}
}

// release hands the held events to the pump.
func (j *Job) release() {
	j.mu.Lock()
	if len(j.held) == 0 {
		j.mu.Unlock()
		return
	}
	j.queue = append(j.queue, j.held...)
	j.held = nil
	j.mu.Unlock()
	select {
	case j.notify <- struct{}{}:
	default:
	}
}

// pump moves queued events to the Events channel and closes it after EventDone.
func (j *Job) pump() {
	defer close(j.events)
	for {
		j.mu.Lock()
		q := j.queue
		j.queue = nil
		j.mu.Unlock()
		for _, ev := range q {
			j.events <- ev
			if ev.Kind == EventDone {
				return
			}
		}
		<-j.notify
	}
}

// Finetune validates req, journals a new job and starts it. Bad input is
// reported here, as *FieldError values, before anything is sent or paid.
func (c *Client) Finetune(ctx context.Context, req FinetuneRequest) (*Job, error) {
	// A Bridge request names no on-chain parameters: take the network's GPU
	// and the documented default fee.
	if req.GPUName == "" && req.GPUVRAM == 0 && c.network.GPUName != "" {
		req.GPUName, req.GPUVRAM = c.network.GPUName, c.network.GPUVRAM
	}
	if req.TaskFee == "" {
		req.TaskFee = DefaultFinetuneTaskFee
	}
	schema := c.network.schema()
	if req.TaskArgsSchema != nil {
		schema = *req.TaskArgsSchema
	}
	if err := req.validate(schema); err != nil {
		return nil, err
	}
	req.TaskArgsSchema = &schema
	fee, err := req.FeeWei()
	if err != nil {
		return nil, err
	}
	// A cheap precheck so that the obvious case fails before the journal
	// entry: the transaction manager checks again, with gas, before sending.
	bal, err := c.Balance(ctx)
	if err != nil {
		return nil, err
	}
	if bal.Cmp(fee) < 0 {
		return nil, &txmgr.InsufficientBalanceError{Address: c.signer.Address(), Need: fee, Have: bal}
	}
	now := time.Now().UTC()
	rec := &jobRecord{
		Version:   1,
		ID:        newJobID(),
		Creator:   c.signer.Address(),
		Request:   req,
		CreatedAt: now,
		Deadline:  now.Add(req.TimeoutDuration()),
		State:     JobRunning,
	}
	if _, err := c.newRound(ctx, rec, ""); err != nil {
		return nil, err
	}
	if err := c.journal.save(rec); err != nil {
		return nil, err
	}
	return c.startJob(rec)
}

// Resume restarts every job of this wallet that the journal holds as running,
// each from where it stood.
func (c *Client) Resume(ctx context.Context) ([]*Job, error) {
	recs, err := c.journal.list()
	if err != nil {
		return nil, err
	}
	var jobs []*Job
	for _, r := range recs {
		if r.State.Done() || r.Creator != c.signer.Address() {
			continue
		}
		c.mu.Lock()
		_, running := c.jobs[r.ID]
		c.mu.Unlock()
		if running {
			continue
		}
		j, err := c.startJob(r)
		if err != nil {
			return jobs, err
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// JobInfo summarises a journaled job.
type JobInfo struct {
	ID          string
	State       JobState
	CreatedAt   time.Time
	Deadline    time.Time
	Rounds      int
	Commitments []common.Hash
	LoRAZip     string
	Error       string
}

// Jobs lists the wallet's journaled jobs, oldest first.
func (c *Client) Jobs() ([]JobInfo, error) {
	recs, err := c.journal.list()
	if err != nil {
		return nil, err
	}
	out := make([]JobInfo, 0, len(recs))
	for _, r := range recs {
		info := JobInfo{ID: r.ID, State: r.State, CreatedAt: r.CreatedAt, Deadline: r.Deadline, Rounds: len(r.Rounds), Error: r.Error}
		for _, rd := range r.Rounds {
			for _, t := range rd.Tasks {
				info.Commitments = append(info.Commitments, t.Commitment)
			}
		}
		if r.Result != nil {
			info.LoRAZip = r.Result.LoRAZip
		}
		out = append(out, info)
	}
	return out, nil
}

func (c *Client) startJob(rec *jobRecord) (*Job, error) {
	// The shared event subscription reads the chain head: start it before
	// taking the client lock, not under it.
	c.ensureWakeSub()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, ErrClosed
	}
	ctx, cancel := context.WithCancel(context.Background())
	j := &Job{c: c, rec: rec, notify: make(chan struct{}, 1), events: make(chan Event),
		done: make(chan struct{}), cancel: cancel, cancelR: make(chan struct{})}
	if rec.Cancel {
		j.once.Do(func() { close(j.cancelR) })
	}
	c.jobs[rec.ID] = j
	j.wake = c.registerWake(j)
	go j.pump()
	go j.run(ctx)
	return j, nil
}

// newRound appends a round (one task, its secrets drawn now) to rec.
func (c *Client) newRound(ctx context.Context, rec *jobRecord, inputCheckpoint string) (*roundRecord, error) {
	guid, err := random32()
	if err != nil {
		return nil, err
	}
	r := &roundRecord{Index: len(rec.Rounds), GUID: guid, InputCheckpoint: inputCheckpoint}
	t, err := c.newTask(rec, r, rec.Request.GPUName, uint64(rec.Request.GPUVRAM))
	if err != nil {
		return nil, err
	}
	if c.pickNonce != nil {
		nonce, err := c.pickNonce(ctx, guid)
		if err != nil {
			return nil, fmt.Errorf("sdk: pick task nonce: %w", err)
		}
		t.Nonce, t.Commitment = nonce, crypto.Keccak256Hash(guid[:], nonce[:])
	}
	r.Tasks = append(r.Tasks, t)
	rec.Rounds = append(rec.Rounds, r)
	return r, nil
}

func (c *Client) newTask(rec *jobRecord, r *roundRecord, gpu string, vram uint64) (*taskRecord, error) {
	nonce, err := random32()
	if err != nil {
		return nil, err
	}
	fee, err := rec.Request.FeeWei()
	if err != nil {
		return nil, err
	}
	return &taskRecord{
		Nonce:      nonce,
		Commitment: crypto.Keccak256Hash(r.GUID[:], nonce[:]),
		GPUName:    gpu,
		GPUVRAM:    vram,
		Fee:        newWei(fee),
	}, nil
}

// errStop is returned inside the runner when the deadline passed or Cancel was called.
var errStop = errors.New("stop requested")

func (j *Job) stopRequested() error {
	select {
	case <-j.cancelR:
		return errStop
	default:
	}
	if time.Now().After(j.rec.Deadline) {
		return errStop
	}
	return nil
}

// save writes the job to the journal, then releases the events it recorded.
func (j *Job) save() error {
	if err := j.c.journal.save(j.rec); err != nil {
		return err
	}
	j.release()
	return nil
}

func (j *Job) run(ctx context.Context) {
	defer close(j.done)
	defer j.unreserve()
	defer func() {
		j.c.mu.Lock()
		delete(j.c.jobs, j.rec.ID)
		j.c.unregisterWake(j)
		j.c.mu.Unlock()
	}()
	res, err := j.loop(ctx)
	if ctx.Err() != nil && !j.rec.State.Done() {
		// The client closed: leave the journal open for Resume.
		j.result, j.err = nil, ErrClosed
		j.emit(Event{Kind: EventDone, Err: ErrClosed})
		return
	}
	j.result, j.err = res, err
	if err != nil {
		j.rec.Error = err.Error()
		switch {
		case errors.Is(err, ErrCancelled):
			j.rec.State = JobCancelled
		default:
			j.rec.State = JobFailed
		}
	} else {
		j.rec.State = JobSucceeded
	}
	if serr := j.save(); serr != nil && err == nil {
		j.err = serr
	}
	j.emit(Event{Kind: EventDone, Err: j.err})
}

func (j *Job) loop(ctx context.Context) (*Result, error) {
	failures := 0
	for {
		r := j.rec.Rounds[len(j.rec.Rounds)-1]
		if r.Ended && r.Finished {
			return j.buildResult(ctx, r)
		}
		err := j.runRound(ctx, r)
		var aborted *TaskAbortedError
		if err == nil || errors.As(err, &aborted) {
			j.unreserve() // the round is over
		}
		if errors.Is(err, errStop) {
			return j.abortOpen(ctx, r)
		}
		switch {
		case err == nil:
			if r.Finished {
				return j.buildResult(ctx, r)
			}
			if _, err := j.c.newRound(ctx, j.rec, r.Checkpoint); err != nil {
				return nil, err
			}
			j.emit(Event{Kind: EventCheckpointChained, Round: r.Index + 1, Path: r.Checkpoint})
			if err := j.save(); err != nil {
				return nil, err
			}
		case errors.As(err, &aborted):
			if j.rec.Retries >= j.c.opts.maxRetries {
				aborted.Retries = j.rec.Retries
				res, _ := j.buildResult(ctx, nil)
				return res, aborted
			}
			j.rec.Retries++
			r.Failed = err.Error()
			if _, err := j.c.newRound(ctx, j.rec, r.InputCheckpoint); err != nil {
				return nil, err
			}
			if err := j.save(); err != nil {
				return nil, err
			}
		default:
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// Every step is idempotent (it re-reads the chain and the journal
			// first), so a transient failure (RPC or Relay down, a full task
			// queue) is retried with backoff until the deadline, which then
			// aborts what is open.
			if !permanent(err) {
				failures++
				delay := min(j.c.opts.pollInterval<<min(failures, 8), 30*time.Second)
				j.c.log.Warn("job step failed; retrying", "job", j.rec.ID, "round", r.Index, "in", delay, "err", err)
				select {
				case <-ctx.Done():
					return nil, ctx.Err()
				case <-j.cancelR:
				case <-time.After(delay):
				}
				continue
			}
			// A permanent failure ends the job, but no fee stays locked in
			// an open task: abort them (started ones once their timeout allows).
			if aerr := j.abortTasks(ctx, r); aerr != nil {
				j.c.log.Warn("could not abort the open tasks of a failed job; Resume retries", "job", j.rec.ID, "err", aerr)
			}
			res, _ := j.buildResult(ctx, nil)
			return res, err
		}
		if err == nil {
			failures = 0
		}
	}
}

// permanent reports whether retrying the step that failed with err cannot help.
func permanent(err error) bool {
	var (
		verr  *VerificationError
		ferr  *FieldError
		ferrs FieldErrors
		bal   *txmgr.InsufficientBalanceError
		rev   *txmgr.RevertError
		unsup *wallet.UnsupportedError
	)
	switch {
	case errors.As(err, &rev):
		// A full queue empties as nodes take tasks; a mined revert that
		// no longer reverts lost a race within its block.
		return !txmgr.IsRevert(err, "Task queue is full") && !rev.ReplaySucceeded && !rev.OutOfGas
	case errors.As(err, &verr), errors.As(err, &ferr), errors.As(err, &ferrs),
		errors.As(err, &bal), errors.As(err, &unsup):
		return true
	}
	return false
}

// chainTask reads a task as of the newest block with the configured number
// of confirmations (WithConfirmations), so that the job acts only on states
// a reorg of fewer blocks cannot take back: with 3, a TaskEndSuccess two
// blocks deep is not yet a success.
func (j *Job) chainTask(ctx context.Context, c common.Hash) (bindings.VSSTaskTaskInfo, error) {
	return j.readTask(ctx, c, j.c.opts.confirmations)
}

// latestTask reads a task at the chain head, confirmed or not: to learn
// whether a task exists before creating it again, or has ended before
// aborting it.
func (j *Job) latestTask(ctx context.Context, c common.Hash) (bindings.VSSTaskTaskInfo, error) {
	return j.readTask(ctx, c, 1)
}

// readTask reads a task at the head, or confirmations-1 blocks below it.
func (j *Job) readTask(ctx context.Context, c common.Hash, confirmations uint64) (bindings.VSSTaskTaskInfo, error) {
	opts := &bind.CallOpts{Context: ctx}
	if confirmations > 1 {
		head, err := j.c.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			return bindings.VSSTaskTaskInfo{}, fmt.Errorf("sdk: read chain head: %w", err)
		}
		if h := head.Number.Uint64(); h >= confirmations-1 {
			opts.BlockNumber = new(big.Int).SetUint64(h - (confirmations - 1))
		}
	}
	info, err := bind.Call(j.c.taskC, opts, j.c.task.PackGetTask(c), j.c.task.UnpackGetTask)
	if err != nil {
		return info, fmt.Errorf("sdk: read task %s: %w", c.Hex(), err)
	}
	return info, nil
}

// observe records a task's status and emits the events its change implies.
func (j *Job) observe(r *roundRecord, t *taskRecord, info bindings.VSSTaskTaskInfo) bool {
	st := TaskStatus(info.Status)
	if t.Node == (common.Address{}) && info.SelectedNode != (common.Address{}) {
		t.Node = info.SelectedNode
	}
	if t.Sequence == nil && info.Sequence != nil && info.Sequence.Sign() > 0 {
		t.Sequence = newWei(info.Sequence)
	}
	if t.LastStatus != nil && TaskStatus(*t.LastStatus) == st {
		return false
	}
	s := uint8(st)
	t.LastStatus = &s
	ev := Event{Round: r.Index, Commitment: t.Commitment, Status: st, Node: info.SelectedNode}
	switch st {
	case StatusQueued:
		ev.Kind = EventQueued
	case StatusStarted:
		ev.Kind = EventStarted
	case StatusScoreReady, StatusErrorReported:
		ev.Kind = EventScoreReady
	case StatusEndSuccess, StatusEndGroupSuccess:
		ev.Kind = EventSucceeded
	case StatusEndAborted, StatusEndInvalidated, StatusEndGroupRefund:
		ev.Kind = EventAborted
		ev.Reason = AbortReason(info.AbortReason)
		ev.Refund = new(big.Int).Set(&t.Fee.Int)
	default:
		ev.Kind = EventStatus
	}
	j.emit(ev)
	return true
}

// waitFor polls the round's tasks until done reports true for their statuses.
func (j *Job) waitFor(ctx context.Context, r *roundRecord, tasks []*taskRecord, done func([]bindings.VSSTaskTaskInfo) bool) ([]bindings.VSSTaskTaskInfo, error) {
	for {
		infos := make([]bindings.VSSTaskTaskInfo, len(tasks))
		changed, visible := false, true
		for i, t := range tasks {
			info, err := j.chainTask(ctx, t.Commitment)
			if err != nil {
				return nil, err
			}
			if info.TaskIDCommitment != t.Commitment {
				// Not in the confirmed block yet (WithConfirmations > 1).
				visible = false
				continue
			}
			infos[i] = info
			if j.observe(r, t, info) {
				changed = true
			}
		}
		if changed {
			if err := j.save(); err != nil {
				return nil, err
			}
		}
		if visible && done(infos) {
			return infos, nil
		}
		if err := j.stopRequested(); err != nil {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-j.cancelR:
			return nil, errStop
		case <-j.wake:
		case <-time.After(j.c.opts.pollInterval):
		}
	}
}

func (j *Job) runRound(ctx context.Context, r *roundRecord) error {
	if r.Ended {
		if r.Checkpoint == "" {
			// The round ended without a result, and the process stopped
			// before the retry was journaled: report it again so that the
			// loop retries it (from the round's input checkpoint).
			return j.endedRoundAborted(r)
		}
		return nil
	}
	first := r.Tasks[0]
	if !first.Created {
		class := admitContinue
		if r.Index == 0 && j.rec.Retries == 0 {
			class = admitNew
		}
		if err := j.reserve(ctx, class); err != nil {
			return err
		}
	}
	if err := j.ensureCreated(ctx, r, first); err != nil {
		return err
	}
	infos, err := j.waitFor(ctx, r, []*taskRecord{first}, func(in []bindings.VSSTaskTaskInfo) bool {
		return TaskStatus(in[0].Status) != StatusQueued
	})
	if err != nil {
		return err
	}
	// A final first task ends the round unless it succeeded (a previous run
	// validated it but stopped before journaling that) or it belongs to a
	// validation group, whose other members may still carry the round.
	if st := TaskStatus(infos[0].Status); st.Final() && !r.Validated && st != StatusEndSuccess &&
		st != StatusEndGroupSuccess && (r.Selected == nil || !*r.Selected) {
		return j.roundAborted(r, first, infos[0])
	}
	if err := j.uploadArgs(ctx, r, first, infos[0]); err != nil {
		return err
	}
	if r.Selected == nil {
		pi, beta, err := j.c.signer.ProveVRF(ctx, infos[0].SamplingSeed[:])
		if err != nil {
			return fmt.Errorf("sdk: VRF proof for task %s: %w", first.Commitment.Hex(), err)
		}
		sel := ecvrf.SelectedForValidation(beta)
		r.Proof, r.Selected = pi, &sel
		if err := j.save(); err != nil {
			return err
		}
	}
	if *r.Selected {
		if err := j.formGroup(ctx, r, infos[0]); err != nil {
			return err
		}
	} else {
		j.unreserve() // a single task: no group will need the queue
	}
	if !r.Validated {
		if err := j.validate(ctx, r); err != nil {
			return err
		}
	}
	winner, err := j.waitEnd(ctx, r)
	if err != nil {
		return err
	}
	if err := j.download(ctx, r, winner); err != nil {
		return err
	}
	r.Ended = true
	return j.save()
}

// endedRoundAborted rebuilds the TaskAbortedError of a round the journal
// holds as ended without a checkpoint.
func (j *Job) endedRoundAborted(r *roundRecord) error {
	t := r.Tasks[0]
	e := &TaskAbortedError{JobID: j.rec.ID, Commitment: t.Commitment, Status: StatusEndAborted,
		Refund: new(big.Int).Set(&t.Fee.Int)}
	if t.LastStatus != nil {
		e.Status = TaskStatus(*t.LastStatus)
	}
	return e
}

func (j *Job) roundAborted(r *roundRecord, t *taskRecord, info bindings.VSSTaskTaskInfo) error {
	r.Ended = true
	if err := j.save(); err != nil {
		return err
	}
	return &TaskAbortedError{JobID: j.rec.ID, Commitment: t.Commitment, Status: TaskStatus(info.Status),
		Reason: AbortReason(info.AbortReason), Refund: new(big.Int).Set(&t.Fee.Int)}
}

// ensureCreated sends createTask for t unless the chain already has it. The
// task's nonce and commitment are journaled before this is called.
func (j *Job) ensureCreated(ctx context.Context, r *roundRecord, t *taskRecord) error {
	if t.Created {
		return nil
	}
	// After a crash the transaction may have landed without the journal knowing.
	info, err := j.latestTask(ctx, t.Commitment)
	if err != nil {
		return err
	}
	if info.TaskIDCommitment == t.Commitment {
		return j.markCreated(r, t, info)
	}
	if err := j.stopRequested(); err != nil {
		return err
	}
	req := &j.rec.Request
	version, err := req.TaskVersion()
	if err != nil {
		return err
	}
	vram := new(big.Int).SetUint64(t.GPUVRAM)
	data := j.c.task.PackCreateTask(uint8(2), t.Commitment, t.Nonce, req.ModelIDs(), vram, t.GPUName, vram, version, big.NewInt(1))
	to := j.c.network.Contracts.VSSTask
	// createTask's cost depends on the chain at inclusion (a free node, or
	// the queue), so after an out-of-gas failure the margin grows.
	margin := txmgr.DefaultGasMarginPercent + 50*uint64(j.outOfGas)
	p, err := j.c.txm.SendAsync(ctx, txmgr.Request{To: &to, Data: data, Value: new(big.Int).Set(&t.Fee.Int), GasMarginPercent: margin})
	if err != nil {
		return fmt.Errorf("sdk: create task: %w", err)
	}
	t.CreateTxs = append(t.CreateTxs, p.Hash())
	if err := j.save(); err != nil {
		return err
	}
	rcpt, err := p.Wait(ctx)
	if rcpt != nil {
		j.addGas(rcpt)
	}
	if err != nil {
		// A revert may be a duplicate of a transaction a crashed process sent.
		if info, ierr := j.latestTask(ctx, t.Commitment); ierr == nil && info.TaskIDCommitment == t.Commitment {
			return j.markCreated(r, t, info)
		}
		var rev *txmgr.RevertError
		if errors.As(err, &rev) && rev.OutOfGas {
			j.outOfGas++
		}
		return fmt.Errorf("sdk: create task %s: %w", t.Commitment.Hex(), err)
	}
	info, err = j.chainTask(ctx, t.Commitment)
	if err != nil {
		return err
	}
	return j.markCreated(r, t, info)
}

func (j *Job) markCreated(r *roundRecord, t *taskRecord, info bindings.VSSTaskTaskInfo) error {
	t.Created = true
	j.emit(Event{Kind: EventCreated, Round: r.Index, Commitment: t.Commitment, Fee: new(big.Int).Set(&t.Fee.Int)})
	j.observe(r, t, info)
	return j.save()
}

func (j *Job) addGas(rcpt *types.Receipt) {
	if rcpt.EffectiveGasPrice == nil {
		return
	}
	g := new(big.Int).Mul(new(big.Int).SetUint64(rcpt.GasUsed), rcpt.EffectiveGasPrice)
	if j.rec.Gas == nil {
		j.rec.Gas = newWei(nil)
	}
	j.rec.Gas.Add(&j.rec.Gas.Int, g)
}

// uploadArgs puts the task args (and the input checkpoint) on the Relay.
func (j *Job) uploadArgs(ctx context.Context, r *roundRecord, t *taskRecord, info bindings.VSSTaskTaskInfo) error {
	if t.ArgsUploaded {
		return nil
	}
	if TaskStatus(info.Status) != StatusStarted {
		// The relay already reported the upload (a previous run did it).
		t.ArgsUploaded = true
		return j.save()
	}
	args, err := j.rec.Request.TaskArgs(*j.rec.Request.TaskArgsSchema, r.InputCheckpoint != "")
	if err != nil {
		return err
	}
	raw, err := taskargs.Marshal(args)
	if err != nil {
		return err
	}
	if err := j.c.uploadArgs(ctx, t.Commitment, raw, r.InputCheckpoint); err != nil {
		// Only the creator can upload, so "already uploaded" means a
		// previous run of this job did it and stopped before journaling it.
		// "Task not started" after our status read means the task moved
		// on meanwhile: the Relay reported an upload of a previous run, or
		// the task ended (which the caller sees next).
		switch {
		case errors.Is(err, relay.ErrAlreadyUploaded):
		case errors.Is(err, relay.ErrTaskNotStarted):
			now, cerr := j.latestTask(ctx, t.Commitment)
			if cerr != nil {
				return errors.Join(err, cerr)
			}
			if TaskStatus(now.Status) == StatusStarted {
				return err
			}
		default:
			return err
		}
	}
	t.ArgsUploaded = true
	j.emit(Event{Kind: EventArgsUploaded, Round: r.Index, Commitment: t.Commitment, Node: t.Node})
	return j.save()
}

// formGroup creates the two extra tasks of a sampled round: same GUID, fresh
// nonces, the GPU pinned to the first task's node.
func (j *Job) formGroup(ctx context.Context, r *roundRecord, first bindings.VSSTaskTaskInfo) error {
	if len(r.Tasks) < 3 {
		gpu, vram, err := j.nodeGPU(ctx, first.SelectedNode)
		if err != nil {
			return err
		}
		for len(r.Tasks) < 3 {
			t, err := j.c.newTask(j.rec, r, gpu, vram)
			if err != nil {
				return err
			}
			r.Tasks = append(r.Tasks, t)
		}
		j.emit(Event{Kind: EventGroupFormed, Round: r.Index, Commitment: r.Tasks[0].Commitment})
		if err := j.save(); err != nil {
			return err
		}
	}
	for _, t := range r.Tasks[1:] {
		if err := j.ensureCreated(ctx, r, t); err != nil {
			return err
		}
	}
	j.unreserve() // the group's members are on chain
	for _, t := range r.Tasks[1:] {
		infos, err := j.waitFor(ctx, r, []*taskRecord{t}, func(in []bindings.VSSTaskTaskInfo) bool {
			return TaskStatus(in[0].Status) != StatusQueued
		})
		if err != nil {
			return err
		}
		if !TaskStatus(infos[0].Status).Final() {
			if err := j.uploadArgs(ctx, r, t, infos[0]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (j *Job) nodeGPU(ctx context.Context, node common.Address) (string, uint64, error) {
	info, err := callViewNode(ctx, j.c, j.c.nodeABI.PackGetNodeInfo(node), j.c.nodeABI.UnpackGetNodeInfo)
	if err != nil {
		return "", 0, fmt.Errorf("sdk: read GPU of node %s: %w", node.Hex(), err)
	}
	return info.Gpu.Name, info.Gpu.Vram.Uint64(), nil
}

func validatable(s TaskStatus) bool {
	return s == StatusScoreReady || s == StatusErrorReported
}

// validate sends exactly one validate call for the round.
func (j *Job) validate(ctx context.Context, r *roundRecord) error {
	group := len(r.Tasks) == 3
	infos, err := j.waitFor(ctx, r, r.Tasks, func(in []bindings.VSSTaskTaskInfo) bool {
		for _, i := range in {
			s := TaskStatus(i.Status)
			if !(validatable(s) || (group && s == StatusEndAborted) || s.Final() || s == StatusValidated || s == StatusGroupValidated) {
				return false
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	// Already validated by an earlier run whose journal write was lost?
	for _, i := range infos {
		s := TaskStatus(i.Status)
		if s == StatusValidated || s == StatusGroupValidated || s == StatusEndSuccess || s == StatusEndGroupSuccess || s == StatusEndGroupRefund || s == StatusEndInvalidated {
			r.Validated = true
			return j.save()
		}
	}
	pub, err := j.c.signer.PublicKey(ctx)
	if err != nil {
		return fmt.Errorf("sdk: public key for validation: %w", err)
	}
	var data []byte
	if !group {
		if s := TaskStatus(infos[0].Status); !validatable(s) {
			return j.roundAborted(r, r.Tasks[0], infos[0])
		}
		data = j.c.task.PackValidateSingleTask(r.Tasks[0].Commitment, r.Proof, pub)
	} else {
		order := []int{0, 1, 2}
		for a := 0; a < 3; a++ {
			for b := a + 1; b < 3; b++ {
				if infos[order[b]].Sequence.Cmp(infos[order[a]].Sequence) < 0 {
					order[a], order[b] = order[b], order[a]
				}
			}
		}
		c1, c2, c3 := r.Tasks[order[0]].Commitment, r.Tasks[order[1]].Commitment, r.Tasks[order[2]].Commitment
		data = j.c.task.PackValidateTaskGroup(c1, c2, c3, r.GUID, r.Proof, pub)
	}
	to := j.c.network.Contracts.VSSTask
	p, err := j.c.txm.SendAsync(ctx, txmgr.Request{To: &to, Data: data})
	if err != nil {
		return fmt.Errorf("sdk: validate round %d: %w", r.Index, err)
	}
	r.ValidateTx = p.Hash()
	if err := j.save(); err != nil {
		return err
	}
	rcpt, err := p.Wait(ctx)
	if rcpt != nil {
		j.addGas(rcpt)
	}
	if err != nil {
		return fmt.Errorf("sdk: validate round %d: %w", r.Index, err)
	}
	r.Validated = true
	j.emit(Event{Kind: EventValidated, Round: r.Index, Commitment: r.Tasks[0].Commitment})
	return j.save()
}

// waitEnd waits until every task of the round is final and returns the one
// whose result is to be downloaded.
func (j *Job) waitEnd(ctx context.Context, r *roundRecord) (*taskRecord, error) {
	infos, err := j.waitFor(ctx, r, r.Tasks, func(in []bindings.VSSTaskTaskInfo) bool {
		for _, i := range in {
			if !TaskStatus(i.Status).Final() {
				return false
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	for i, info := range infos {
		s := TaskStatus(info.Status)
		if s == StatusEndSuccess || s == StatusEndGroupSuccess {
			r.Winner = r.Tasks[i].Commitment
			return r.Tasks[i], j.save()
		}
	}
	return nil, j.roundAborted(r, r.Tasks[0], infos[0])
}

// abortOpen aborts every open task of the round at the deadline or on Cancel
// and reports what was refunded.
func (j *Job) abortOpen(ctx context.Context, r *roundRecord) (*Result, error) {
	cause := ErrDeadline
	select {
	case <-j.cancelR:
		cause = ErrCancelled
		j.rec.Cancel = true
	default:
	}
	if err := j.save(); err != nil {
		return nil, err
	}
	if err := j.abortTasks(ctx, r); err != nil {
		return nil, errors.Join(cause, err)
	}
	res, _ := j.buildResult(ctx, nil)
	return res, cause
}

// abortTasks aborts the round's open tasks: a queued task at once, a started
// one as soon as its timeout has passed on chain (the contract refuses
// earlier). Tasks that end by themselves meanwhile are left alone.
func (j *Job) abortTasks(ctx context.Context, r *roundRecord) error {
	var lastForced time.Time
	for _, t := range r.Tasks {
		for {
			info, err := j.latestTask(ctx, t.Commitment)
			if err != nil {
				return err
			}
			if info.TaskIDCommitment != t.Commitment {
				break // never created: nothing to refund
			}
			if j.observe(r, t, info) {
				if err := j.save(); err != nil {
					return err
				}
			}
			st := TaskStatus(info.Status)
			if st.Final() {
				break
			}
			abortable := st == StatusQueued
			var gasLimit uint64
			if !abortable && info.StartTimestamp != nil && info.Timeout != nil {
				head, err := j.c.backend.HeaderByNumber(ctx, nil)
				if err != nil {
					return err
				}
				end := new(big.Int).Add(info.StartTimestamp, info.Timeout).Uint64()
				now := uint64(time.Now().Unix())
				switch {
				case head.Time > end:
					abortable = true // the estimate at the head passes
				case now > end+1 && time.Since(lastForced) > forceEvery:
					// The wall clock passed the end but no block has since:
					// a chain that mines only when transactions are pending
					// (geth --dev, the devnet) would never get there, and
					// the gas estimate at the head keeps reverting. The abort
					// goes into a new block, stamped with the wall clock:
					// send it with a fixed gas limit, at most every forceEvery.
					abortable, gasLimit, lastForced = true, abortGasLimit, time.Now()
				}
			}
			if abortable {
				if err := j.sendAbort(ctx, t, gasLimit); err != nil {
					if !txmgr.IsRevert(err, "Timeout not reached") && !txmgr.IsRevert(err, "Illegal previous task state") {
						return err
					}
					// The chain's clock has not passed the task's timeout yet
					// (or the task just ended): look again after a pause
					// rather than hammering the RPC with gas estimates.
					if !sleepCtx(ctx, j.c.opts.pollInterval) {
						return ctx.Err()
					}
				}
				continue
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(j.c.opts.pollInterval):
			}
		}
	}
	return j.save()
}

const (
	// abortGasLimit is the gas limit of an abortTask sent without an
	// estimate (the estimate at the chain head would revert); unused gas is
	// not charged. abortTask uses ~300k gas on the devnet but reverts with
	// less than ~2M available (its inner calls need the 63/64 forwarding headroom).
	abortGasLimit = 4_000_000
	// forceEvery spaces such unestimated aborts (each costs gas if it reverts).
	forceEvery = 5 * time.Second
)

// sendAbort sends abortTask(t, Timeout); gasLimit 0 estimates the gas.
func (j *Job) sendAbort(ctx context.Context, t *taskRecord, gasLimit uint64) error {
	to := j.c.network.Contracts.VSSTask
	p, err := j.c.txm.SendAsync(ctx, txmgr.Request{To: &to, GasLimit: gasLimit, Data: j.c.task.PackAbortTask(t.Commitment, uint8(AbortTimeout))})
	if err != nil {
		return err
	}
	t.AbortTx = p.Hash()
	if err := j.save(); err != nil {
		return err
	}
	rcpt, err := p.Wait(ctx)
	if rcpt != nil {
		j.addGas(rcpt)
	}
	return err
}

// buildResult sums what the job paid and got back. last, when set, is the
// finished round whose checkpoint is the LoRA.
func (j *Job) buildResult(ctx context.Context, last *roundRecord) (*Result, error) {
	res := &Result{JobID: j.rec.ID, Paid: new(big.Int), Refunded: new(big.Int), Gas: new(big.Int)}
	if j.rec.Gas != nil {
		res.Gas.Set(&j.rec.Gas.Int)
	}
	for _, r := range j.rec.Rounds {
		for _, t := range r.Tasks {
			if !t.Created {
				continue
			}
			res.Commitments = append(res.Commitments, t.Commitment)
			if t.LastStatus == nil {
				continue
			}
			switch s := TaskStatus(*t.LastStatus); {
			case s == StatusEndSuccess || s == StatusEndGroupSuccess:
				res.Paid.Add(res.Paid, &t.Fee.Int)
			case s.Refunded():
				res.Refunded.Add(res.Refunded, &t.Fee.Int)
			}
		}
	}
	if last != nil {
		res.LoRAZip, res.Images, res.Rounds = last.Checkpoint, last.Images, last.Index+1
		j.rec.Result = &resultRecord{LoRAZip: last.Checkpoint, Images: last.Images}
	}
	return res, nil
}
