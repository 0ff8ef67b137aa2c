package sdk

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/crynux-go/crynux/bindings"
)

// TaskEvent is one task-state log of the VSSTask contract.
type TaskEvent struct {
	// Name is the Solidity event name, e.g. "TaskStarted".
	Name       string
	Commitment common.Hash
	// Status is the status the event moves the task to.
	Status TaskStatus
	// Node is the selected node, where the event names it.
	Node common.Address
	// Score is the node's result hashes (TaskScoreReady).
	Score []byte
	// Reason and Issuer describe a TaskEndAborted.
	Reason AbortReason
	Issuer common.Address
	// ErrorCode is a TaskErrorReported's error.
	ErrorCode uint8

	Cursor
	BlockHash common.Hash
	TxHash    common.Hash
	// Removed is set when a reorg took back an event delivered earlier.
	Removed bool
}

// Cursor is a position in the chain's log order. A subscription started
// from a cursor delivers the events strictly after it.
type Cursor struct {
	Block    uint64
	LogIndex uint
}

func (c Cursor) after(o Cursor) bool {
	return c.Block > o.Block || (c.Block == o.Block && c.LogIndex > o.LogIndex)
}

// EventFilter chooses the events of a subscription.
type EventFilter struct {
	// Commitments limits events to these tasks.
	Commitments []common.Hash
	// Mine limits events to the tasks created by the client's wallet. With
	// neither Commitments nor Mine, every task's events are delivered.
	Mine bool
	// From is where delivery starts: events after it. The zero Cursor with
	// FromLatest unset starts at the genesis block.
	From Cursor
	// FromLatest starts at the current head instead of From.
	FromLatest bool
	// ChunkSize is the block span of one eth_getLogs call during backfill
	// (default 5000; halved automatically when the node refuses a range).
	ChunkSize uint64
}

// Subscription delivers task events in chain order, each once, across
// reconnects. Close it with Unsubscribe.
type Subscription struct {
	events chan TaskEvent
	errc   chan error
	cancel context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex
	cursor Cursor
}

// Events is the stream of events; it is closed when the subscription ends.
func (s *Subscription) Events() <-chan TaskEvent { return s.events }

// Err delivers the error that ended the subscription (nil after Unsubscribe).
func (s *Subscription) Err() <-chan error { return s.errc }

// Cursor is the position of the last delivered event; pass it as
// EventFilter.From to continue later where this subscription stopped.
func (s *Subscription) Cursor() Cursor {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cursor
}

// Unsubscribe stops the subscription and closes Events.
func (s *Subscription) Unsubscribe() {
	s.cancel()
	<-s.done
}

// eventStatus is the status each task event moves its task to (TaskValidated
// stands for GroupValidated too).
var eventStatus = map[string]TaskStatus{
	"TaskQueued":             StatusQueued,
	"TaskStarted":            StatusStarted,
	"TaskParametersUploaded": StatusParametersUploaded,
	"TaskErrorReported":      StatusErrorReported,
	"TaskScoreReady":         StatusScoreReady,
	"TaskValidated":          StatusValidated,
	"TaskEndSuccess":         StatusEndSuccess,
	"TaskEndInvalidated":     StatusEndInvalidated,
	"TaskEndGroupSuccess":    StatusEndGroupSuccess,
	"TaskEndGroupRefund":     StatusEndGroupRefund,
	"TaskEndAborted":         StatusEndAborted,
}

// Subscribe delivers VSSTask task-state events matching filter. It uses a
// log subscription when the chain client speaks websocket (or is in-process),
// else it polls eth_getLogs at the client's poll interval; after every
// (re)connect it backfills from the cursor with chunked eth_getLogs, and it
// reports reorged-out events with Removed set.
func (c *Client) Subscribe(ctx context.Context, filter EventFilter) (*Subscription, error) {
	taskABI, err := bindings.VSSTaskMetaData.ParseABI()
	if err != nil {
		return nil, err
	}
	var topics []common.Hash
	names := map[common.Hash]string{}
	for n := range eventStatus {
		topics = append(topics, taskABI.Events[n].ID)
		names[taskABI.Events[n].ID] = n
	}
	if filter.ChunkSize == 0 {
		filter.ChunkSize = 5000
	}
	start := filter.From
	if filter.FromLatest {
		head, err := c.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("sdk: subscribe: read head: %w", err)
		}
		start = Cursor{Block: head.Number.Uint64(), LogIndex: ^uint(0)}
	}
	sctx, cancel := context.WithCancel(context.Background())
	s := &Subscription{events: make(chan TaskEvent, 64), errc: make(chan error, 1), cancel: cancel,
		done: make(chan struct{}), cursor: start}
	w := &watcher{c: c, s: s, filter: filter, abi: taskABI, topics: topics, names: names, want: map[common.Hash]bool{},
		creators: map[common.Hash]common.Address{}, blocks: map[uint64]common.Hash{}, delivered: map[uint64][]TaskEvent{}}
	for _, h := range filter.Commitments {
		w.want[h] = true
	}
	go func() {
		defer close(s.done)
		defer close(s.events)
		err := w.run(sctx)
		if sctx.Err() != nil {
			err = nil
		}
		s.errc <- err
	}()
	return s, nil
}

type watcher struct {
	c      *Client
	s      *Subscription
	filter EventFilter
	abi    *abi.ABI
	topics []common.Hash
	names  map[common.Hash]string
	want   map[common.Hash]bool
	// creators caches getTask(c).creator for Mine filtering.
	creators map[common.Hash]common.Address
	// blocks and delivered remember recent delivered blocks to detect reorgs.
	blocks    map[uint64]common.Hash
	delivered map[uint64][]TaskEvent
}

func (w *watcher) query(from, to *big.Int) ethereum.FilterQuery {
	return ethereum.FilterQuery{FromBlock: from, ToBlock: to,
		Addresses: []common.Address{w.c.network.Contracts.VSSTask}, Topics: [][]common.Hash{w.topics}}
}

// logSource is the live side: a subscription, or nothing (polling).
type logSource struct {
	sub    ethereum.Subscription
	logs   chan types.Log
	closer func()
}

func (w *watcher) connect(ctx context.Context) (*logSource, error) {
	logs := make(chan types.Log, 1024)
	sub, err := w.c.backend.SubscribeFilterLogs(ctx, w.query(nil, nil), logs)
	if err == nil {
		return &logSource{sub: sub, logs: logs, closer: func() {}}, nil
	}
	if !errors.Is(err, rpc.ErrNotificationsUnsupported) || w.c.network.WSURL == "" {
		if errors.Is(err, rpc.ErrNotificationsUnsupported) {
			return nil, nil // plain HTTP: poll
		}
		return nil, err
	}
	ws, err := ethclient.DialContext(ctx, w.c.network.WSURL)
	if err != nil {
		return nil, err
	}
	sub, err = ws.SubscribeFilterLogs(ctx, w.query(nil, nil), logs)
	if err != nil {
		ws.Close()
		return nil, err
	}
	return &logSource{sub: sub, logs: logs, closer: ws.Close}, nil
}

func (w *watcher) run(ctx context.Context) error {
	backoff := 100 * time.Millisecond
	for {
		src, err := w.connect(ctx)
		if err != nil {
			w.c.log.Warn("event subscription: connect failed, retrying", "err", err, "in", backoff)
			if !sleepCtx(ctx, backoff) {
				return ctx.Err()
			}
			backoff = min(backoff*2, 10*time.Second)
			continue
		}
		if err := w.session(ctx, src); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			w.c.log.Warn("event subscription: connection lost, reconnecting", "err", err)
			if !sleepCtx(ctx, backoff) {
				return ctx.Err()
			}
			backoff = min(backoff*2, 10*time.Second)
			continue
		}
		backoff = 100 * time.Millisecond
	}
}

// session runs one connection: backfill from the cursor, then live logs (or
// polling) until the connection fails.
func (w *watcher) session(ctx context.Context, src *logSource) error {
	if src != nil {
		defer src.closer()
		defer src.sub.Unsubscribe()
	}
	for {
		if err := w.checkReorg(ctx); err != nil {
			return err
		}
		if err := w.backfill(ctx); err != nil {
			return err
		}
		if src == nil {
			if !sleepCtx(ctx, w.c.opts.pollInterval) {
				return ctx.Err()
			}
			continue
		}
		// Live: deliver logs past the cursor; removed logs rewind it.
		for {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case err := <-src.sub.Err():
				if err == nil {
					err = errors.New("subscription closed")
				}
				return err
			case l := <-src.logs:
				if err := w.handle(ctx, l); err != nil {
					return err
				}
			}
		}
	}
}

// backfill delivers every log after the cursor up to the current head.
func (w *watcher) backfill(ctx context.Context) error {
	head, err := w.c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	cur := w.s.Cursor()
	from := cur.Block
	to := head.Number.Uint64()
	chunk := w.filter.ChunkSize
	for from <= to {
		end := min(from+chunk-1, to)
		logs, err := w.c.backend.FilterLogs(ctx, w.query(new(big.Int).SetUint64(from), new(big.Int).SetUint64(end)))
		if err != nil {
			if chunk > 1 && rangeTooLarge(err) {
				chunk /= 2
				continue
			}
			return err
		}
		for _, l := range logs {
			if err := w.handle(ctx, l); err != nil {
				return err
			}
		}
		from = end + 1
	}
	return nil
}

func rangeTooLarge(err error) bool {
	s := strings.ToLower(err.Error())
	for _, k := range []string{"range", "limit", "too many", "exceed", "too large", "10000"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// checkReorg compares the hashes of recently delivered blocks with the chain
// and reports the events of blocks that left it as removed.
func (w *watcher) checkReorg(ctx context.Context) error {
	cur := w.s.Cursor()
	var gone []uint64
	for n, h := range w.blocks {
		hdr, err := w.c.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			return err
		}
		if hdr == nil || hdr.Hash() != h {
			gone = append(gone, n)
		}
	}
	if len(gone) == 0 {
		return nil
	}
	lowest := gone[0]
	for _, n := range gone {
		lowest = min(lowest, n)
	}
	// Remove every delivered block from the lowest gone one upwards, newest first.
	var nums []uint64
	for n := range w.blocks {
		if n >= lowest {
			nums = append(nums, n)
		}
	}
	slices.SortFunc(nums, func(a, b uint64) int { return cmp.Compare(b, a) }) // newest first
	for _, n := range nums {
		evs := w.delivered[n]
		for i := len(evs) - 1; i >= 0; i-- {
			ev := evs[i]
			ev.Removed = true
			if !w.send(ctx, ev) {
				return ctx.Err()
			}
		}
		delete(w.blocks, n)
		delete(w.delivered, n)
	}
	if lowest > 0 {
		cur = Cursor{Block: lowest - 1, LogIndex: ^uint(0)}
	} else {
		cur = Cursor{}
	}
	w.setCursor(cur)
	return nil
}

func (w *watcher) handle(ctx context.Context, l types.Log) error {
	pos := Cursor{Block: l.BlockNumber, LogIndex: l.Index}
	if l.Removed {
		// Only what was delivered can be taken back.
		evs := w.delivered[l.BlockNumber]
		for i, ev := range evs {
			if ev.LogIndex == l.Index && ev.BlockHash == l.BlockHash {
				ev.Removed = true
				if !w.send(ctx, ev) {
					return ctx.Err()
				}
				w.delivered[l.BlockNumber] = append(evs[:i:i], evs[i+1:]...)
				if len(w.delivered[l.BlockNumber]) == 0 {
					delete(w.delivered, l.BlockNumber)
					delete(w.blocks, l.BlockNumber)
				}
				if !pos.after(w.s.Cursor()) {
					w.setCursor(before(pos)) // the replacement chain's logs come next
				}
				break
			}
		}
		return nil
	}
	if !pos.after(w.s.Cursor()) {
		return nil // already delivered (backfill and live overlap)
	}
	ev, ok, err := w.decode(ctx, l)
	if err != nil {
		return err
	}
	if ok {
		if !w.send(ctx, ev) {
			return ctx.Err()
		}
		w.blocks[l.BlockNumber] = l.BlockHash
		w.delivered[l.BlockNumber] = append(w.delivered[l.BlockNumber], ev)
		w.prune(l.BlockNumber)
	}
	w.setCursor(pos)
	return nil
}

func before(p Cursor) Cursor {
	if p.LogIndex > 0 {
		return Cursor{Block: p.Block, LogIndex: p.LogIndex - 1}
	}
	if p.Block == 0 {
		return Cursor{}
	}
	return Cursor{Block: p.Block - 1, LogIndex: ^uint(0)}
}

// prune forgets delivered blocks deeper than any plausible reorg.
func (w *watcher) prune(head uint64) {
	const depth = 128
	for n := range w.blocks {
		if n+depth < head {
			delete(w.blocks, n)
			delete(w.delivered, n)
		}
	}
}

func (w *watcher) setCursor(c Cursor) {
	w.s.mu.Lock()
	w.s.cursor = c
	w.s.mu.Unlock()
}

func (w *watcher) send(ctx context.Context, ev TaskEvent) bool {
	select {
	case w.s.events <- ev:
		return true
	case <-ctx.Done():
		return false
	}
}

// decode turns a log into a TaskEvent and applies the filter.
func (w *watcher) decode(ctx context.Context, l types.Log) (TaskEvent, bool, error) {
	ev := TaskEvent{Cursor: Cursor{Block: l.BlockNumber, LogIndex: l.Index}, BlockHash: l.BlockHash, TxHash: l.TxHash}
	if len(l.Topics) == 0 {
		return ev, false, nil
	}
	name, known := w.names[l.Topics[0]]
	if !known {
		return ev, false, nil
	}
	// Every task event carries the commitment; the others name the node,
	// the score, the error or the abort. No parameter is indexed, so all of
	// them are in the data.
	fields := map[string]any{}
	if err := w.abi.Events[name].Inputs.UnpackIntoMap(fields, l.Data); err != nil {
		return ev, false, fmt.Errorf("sdk: decode %s log: %w", name, err)
	}
	ev.Name, ev.Status = name, eventStatus[name]
	if v, ok := fields["taskIDCommitment"].([32]byte); ok {
		ev.Commitment = v
	}
	if v, ok := fields["selectedNode"].(common.Address); ok {
		ev.Node = v
	}
	if v, ok := fields["taskScore"].([]byte); ok {
		ev.Score = v
	}
	if v, ok := fields["error"].(uint8); ok {
		ev.ErrorCode = v
	}
	if v, ok := fields["abortIssuer"].(common.Address); ok {
		ev.Issuer = v
	}
	if v, ok := fields["abortReason"].(uint8); ok {
		ev.Reason = AbortReason(v)
	}
	ok, err := w.match(ctx, ev.Commitment)
	return ev, ok, err
}

func (w *watcher) match(ctx context.Context, c common.Hash) (bool, error) {
	if len(w.want) > 0 && !w.want[c] {
		return false, nil
	}
	if !w.filter.Mine {
		return true, nil
	}
	creator, ok := w.creators[c]
	if !ok {
		info, err := callView(ctx, w.c, w.c.task.PackGetTask(c), w.c.task.UnpackGetTask)
		if err != nil {
			return false, fmt.Errorf("sdk: read creator of task %s: %w", c.Hex(), err)
		}
		creator = info.Creator
		w.creators[c] = creator
	}
	return creator == w.c.signer.Address(), nil
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}
