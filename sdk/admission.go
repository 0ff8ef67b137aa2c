package sdk

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/crynux-go/crynux/bindings"
)

// Task admission.
//
// A round's first task may be sampled for validation (one in ten), and the
// VRF that says so can only run once the task has started, on a node. The
// round then needs two more tasks on the network's task queue, and until
// they have run that node stays busy. If the queue is full (of this
// client's own first tasks, say, when many jobs start at once) the two
// tasks cannot be created, every node ends up holding a sampled first task,
// and nothing moves until the tasks time out.
//
// So a client paces its first tasks: each round whose sampling is not yet
// settled holds a reservation for three queue slots (its first task and two
// group members), and a first task is only created while the queue has room
// for every reservation. Group members need no reservation. Rounds that
// continue a job (a next round or a retry) are admitted before rounds of
// new jobs, so jobs already paid into finish first.

// slotsPerRound is what a round may need on the queue: its first task and,
// if sampled, two more.
const slotsPerRound = 3

type admission struct {
	mu       sync.Mutex
	reserved int           // rounds holding a reservation
	waiting  [2]int        // waiting rounds by class (0: continuing a job, 1: a new job)
	changed  chan struct{} // closed and replaced when reserved or waiting drops
}

// admitClass says which waiters go first.
type admitClass int

const (
	admitContinue admitClass = iota // a next round or a retry of a running job
	admitNew                        // the first round of a job
)

func (a *admission) notifyLocked() {
	if a.changed != nil {
		close(a.changed)
	}
	a.changed = make(chan struct{})
}

func (a *admission) changedCh() <-chan struct{} {
	if a.changed == nil {
		a.changed = make(chan struct{})
	}
	return a.changed
}

// fits reports whether one more reservation fits a queue holding size of
// limit tasks. The first reservation only needs one free slot: a queue too
// small for a whole group still takes single tasks.
func (a *admission) fits(size, limit uint64, reserved int) bool {
	if reserved == 0 {
		return size < limit
	}
	return size+uint64(slotsPerRound*(reserved+1)) <= limit
}

// queueState reads the task queue's size and limit; ok is false when the
// network config has no TaskQueue address.
func (c *Client) queueState(ctx context.Context) (size, limit uint64, ok bool, err error) {
	if c.queueC == nil {
		return 0, 0, false, nil
	}
	opts := &bind.CallOpts{Context: ctx}
	s, err := bind.Call(c.queueC, opts, c.queueABI.PackSize(), c.queueABI.UnpackSize)
	if err != nil {
		return 0, 0, false, fmt.Errorf("sdk: read task queue size: %w", err)
	}
	l, err := bind.Call(c.queueC, opts, c.queueABI.PackGetSizeLimit(), c.queueABI.UnpackGetSizeLimit)
	if err != nil {
		return 0, 0, false, fmt.Errorf("sdk: read task queue size limit: %w", err)
	}
	return clampU64(s), clampU64(l), true, nil
}

func clampU64(x *big.Int) uint64 {
	if x == nil || x.Sign() < 0 {
		return 0
	}
	if !x.IsUint64() {
		return ^uint64(0)
	}
	return x.Uint64()
}

// reserve blocks until the queue has room for one more round of j (see
// above) and takes the reservation. It returns at once when j already holds
// one. Waiting ends with ctx or a stop of the job.
func (j *Job) reserve(ctx context.Context, class admitClass) error {
	if j.reservation {
		return nil
	}
	a := &j.c.admit
	a.mu.Lock()
	a.waiting[class]++
	a.mu.Unlock()
	defer func() {
		a.mu.Lock()
		a.waiting[class]--
		a.notifyLocked()
		a.mu.Unlock()
	}()
	logged := false
	for {
		size, limit, ok, err := j.c.queueState(ctx)
		if err != nil {
			return err
		}
		a.mu.Lock()
		ahead := class == admitNew && a.waiting[admitContinue] > 0
		if !ok || (!ahead && a.fits(size, limit, a.reserved)) {
			a.reserved++
			a.mu.Unlock()
			j.reservation = true
			return nil
		}
		changed := a.changedCh()
		reserved := a.reserved
		a.mu.Unlock()
		if !logged {
			j.c.log.Info("waiting for room on the task queue", "job", j.rec.ID,
				"queue", size, "limit", limit, "rounds_in_flight", reserved, "behind_running_jobs", ahead)
			logged = true
		}
		if err := j.stopRequested(); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-j.cancelR:
			return errStop
		case <-changed:
		case <-j.wake:
		case <-time.After(j.c.opts.pollInterval):
		}
	}
}

// unreserve gives j's reservation back: its round's sampling is settled
// (single task, or the group's members exist) or the round or job ended.
func (j *Job) unreserve() {
	if !j.reservation {
		return
	}
	j.reservation = false
	a := &j.c.admit
	a.mu.Lock()
	a.reserved--
	a.notifyLocked()
	a.mu.Unlock()
}

// admitQueue builds the client's TaskQueue contract handle (nil without an
// address: admission is then skipped).
func (c *Client) admitQueue() {
	if c.network.Contracts.TaskQueue == (common.Address{}) {
		return
	}
	c.queueABI = bindings.NewTaskQueue()
	c.queueC = c.queueABI.Instance(c.backend, c.network.Contracts.TaskQueue)
}
