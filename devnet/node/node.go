// Package node is a simulated Crynux GPU node for the local network: it
// stakes and joins the Node contract, picks up the tasks the VSSTask
// contract assigns to it, fetches their args from the Relay, "trains"
// deterministically (Train), submits the pHash score, uploads the results
// once the task is validated, and aborts tasks that pass their deadline
// (protocol §2.11). A node can be told to misbehave (Behaviour) so that the
// error, timeout and group-validation paths of a client can be tested.
package node

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Behaviour is how a simulated node handles the tasks it is given.
type Behaviour int

// Behaviours.
const (
	// Honest trains and submits the honest score, then uploads the results.
	Honest Behaviour = iota
	// ReportError answers every task with reportTaskError(c, 1)
	// (ParametersValidationFailed) once its args are uploaded.
	ReportError
	// Stall accepts tasks but never submits anything; it aborts each task
	// with reason Timeout once the task's deadline has passed.
	Stall
	// Cheat submits (and uploads) validation images that differ from an
	// honest node's beyond the group-validation distance threshold.
	Cheat
	// Slow behaves honestly but takes Config.TrainTime to train.
	Slow
)

var behaviourNames = [...]string{"honest", "report-error", "stall", "cheat", "slow"}

func (b Behaviour) String() string {
	if b >= 0 && int(b) < len(behaviourNames) {
		return behaviourNames[b]
	}
	return fmt.Sprintf("Behaviour(%d)", int(b))
}

// ParseBehaviour parses a Behaviour name: "honest", "report-error",
// "stall", "cheat" or "slow".
func ParseBehaviour(s string) (Behaviour, error) {
	for i, n := range behaviourNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Behaviour(i), nil
		}
	}
	return 0, fmt.Errorf("node: unknown behaviour %q: use one of %s", s, strings.Join(behaviourNames[:], ", "))
}

// Chain task statuses the node acts on (protocol §2.2). Every status from
// EndInvalidated on is final.
const (
	statusParametersUploaded = 2
	statusValidated          = 5
	statusGroupValidated     = 6
	statusEndInvalidated     = 7
)

// Enum values sent by the node.
const (
	abortReasonTimeout                = 1
	taskErrorParametersValidationFail = 1
)

// Defaults of Config.
const (
	DefaultGPUName      = "NVIDIA GeForce RTX 4090"
	DefaultGPUVRAM      = 24
	DefaultPollInterval = 100 * time.Millisecond
	// DefaultArgsWait is how long a node waits for the Relay to serve a
	// task's args (protocol §2.11 step 2).
	DefaultArgsWait = 180 * time.Second
	// DefaultAbortGrace is added to startTimestamp + timeout before a node
	// aborts a task, so the abort is not rejected with "Timeout not reached".
	DefaultAbortGrace = 3 * time.Second
)

// DefaultVersion returns the node version joined with when Config.Version
// is zero: 2.5.0, matching the taskVersion [2,5,0] clients of the VSS era used.
func DefaultVersion() [3]uint64 { return [3]uint64{2, 5, 0} }

// DefaultStakeWei returns the stake the Node contract requires: 400 CNX.
func DefaultStakeWei() *big.Int {
	return new(big.Int).Mul(big.NewInt(400), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
}

// Contracts are the addresses a node talks to.
type Contracts struct {
	VSSTask common.Address
	Node    common.Address
}

// Backend is what a node needs from a chain client; *ethclient.Client and
// the simulated backend's client satisfy it.
type Backend interface {
	txmgr.Backend
}

// Config configures a Node. Backend, Signer, Contracts and RelayURL are required.
type Config struct {
	Backend Backend
	// Signer is the node's account. It pays the stake and gas and signs
	// Relay requests.
	Signer    wallet.Signer
	Contracts Contracts
	// RelayURL is the Relay root, e.g. "http://127.0.0.1:8080".
	RelayURL string
	// GPUName and GPUVRAM (GB) are what the node registers with; tasks
	// requiring a GPU must name exactly these (default DefaultGPUName, 24).
	GPUName string
	GPUVRAM uint64
	// Version is the node version (default DefaultVersion).
	Version [3]uint64
	// LocalModels are model IDs ("base:<hf-id>") the node claims to hold.
	LocalModels []string
	Behaviour   Behaviour
	// TrainTime is how long a Slow node trains.
	TrainTime time.Duration
	// PollInterval is how often the chain is polled (default 100ms).
	PollInterval time.Duration
	// StakeWei is the stake sent with join (default DefaultStakeWei, 400 CNX).
	StakeWei *big.Int
	// WorkDir, if set, receives each task's input checkpoint, validation
	// images and output checkpoint under <WorkDir>/<commitment>/.
	WorkDir string
	// ArgsWait bounds the wait for the Relay to serve a task's args
	// (default DefaultArgsWait).
	ArgsWait time.Duration
	// AbortGrace is added to a task's deadline before the node aborts it
	// (default DefaultAbortGrace).
	AbortGrace time.Duration
	// RelayOptions are passed to relay.New.
	RelayOptions []relay.Option
	// TxOptions are passed to txmgr.New.
	TxOptions []txmgr.Option
	// Logger receives progress; nil discards.
	Logger *slog.Logger
}

// Node is a simulated GPU node. Create it with New, call Join once, then Run.
type Node struct {
	cfg    Config
	addr   common.Address
	tx     *txmgr.Manager
	relay  *relay.Client
	vss    *bindings.VSSTask
	nodeC  *bindings.Node
	log    *slog.Logger
	stake  *big.Int
	closed sync.Once

	mu     sync.Mutex
	active map[[32]byte]bool // tasks with a running handler
	done   map[[32]byte]bool // tasks whose handler saw them end
	wg     sync.WaitGroup
}

// New checks cfg and returns a Node. It sends nothing.
func New(cfg Config) (*Node, error) {
	switch {
	case cfg.Backend == nil:
		return nil, errors.New("node: Config.Backend is required")
	case cfg.Signer == nil:
		return nil, errors.New("node: Config.Signer is required (the node account)")
	case cfg.Contracts.VSSTask == (common.Address{}) || cfg.Contracts.Node == (common.Address{}):
		return nil, errors.New("node: Config.Contracts needs the VSSTask and Node addresses")
	case cfg.RelayURL == "":
		return nil, errors.New("node: Config.RelayURL is required")
	case cfg.Behaviour < Honest || cfg.Behaviour > Slow:
		return nil, fmt.Errorf("node: unknown Config.Behaviour %d", int(cfg.Behaviour))
	}
	if cfg.GPUName == "" {
		cfg.GPUName = DefaultGPUName
	}
	if cfg.GPUVRAM == 0 {
		cfg.GPUVRAM = DefaultGPUVRAM
	}
	if cfg.Version == ([3]uint64{}) {
		cfg.Version = DefaultVersion()
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.ArgsWait <= 0 {
		cfg.ArgsWait = DefaultArgsWait
	}
	if cfg.AbortGrace <= 0 {
		cfg.AbortGrace = DefaultAbortGrace
	}
	stake := DefaultStakeWei()
	if cfg.StakeWei != nil {
		stake = new(big.Int).Set(cfg.StakeWei)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	addr := cfg.Signer.Address()
	log := cfg.Logger.With("node", addr.Hex())
	rc, err := relay.New(cfg.RelayURL, cfg.Signer, append([]relay.Option{relay.WithLogger(log)}, cfg.RelayOptions...)...)
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	tm, err := txmgr.New(cfg.Backend, cfg.Signer, append([]txmgr.Option{
		txmgr.WithLogger(log), txmgr.WithPollInterval(min(cfg.PollInterval, txmgr.DefaultPollInterval)),
	}, cfg.TxOptions...)...)
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	return &Node{
		cfg:    cfg,
		addr:   addr,
		tx:     tm,
		relay:  rc,
		vss:    bindings.NewVSSTask(),
		nodeC:  bindings.NewNode(),
		log:    log,
		stake:  stake,
		active: map[[32]byte]bool{},
		done:   map[[32]byte]bool{},
	}, nil
}

// Address is the node's account.
func (n *Node) Address() common.Address { return n.addr }

// Behaviour is how the node handles tasks.
func (n *Node) Behaviour() Behaviour { return n.cfg.Behaviour }

// Close stops the node's transaction manager. Call it after Run returned.
func (n *Node) Close() error {
	var err error
	n.closed.Do(func() { err = n.tx.Close() })
	return err
}

// call runs a view call against the latest block.
func (n *Node) call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	return n.cfg.Backend.CallContract(ctx, ethereum.CallMsg{From: n.addr, To: &to, Data: data}, nil)
}

// Status returns the node's status in the Node contract (protocol §2.2:
// 0 Quit, 1 Available, 2 Busy, 3 PendingPause, 4 PendingQuit, 5 Paused).
func (n *Node) Status(ctx context.Context) (uint8, error) {
	out, err := n.call(ctx, n.cfg.Contracts.Node, n.nodeC.PackGetNodeStatus(n.addr))
	if err != nil {
		return 0, fmt.Errorf("node: read status of %s: %w", n.addr, err)
	}
	st, err := n.nodeC.UnpackGetNodeStatus(out)
	if err != nil {
		return 0, fmt.Errorf("node: decode status of %s: %w", n.addr, err)
	}
	return st, nil
}

// Join stakes and joins the network with the configured GPU, version,
// public key and local models. It does nothing if the node has already
// joined (status other than Quit).
func (n *Node) Join(ctx context.Context) error {
	st, err := n.Status(ctx)
	if err != nil {
		return err
	}
	if st != 0 {
		n.log.Info("node already joined", "status", st)
		return nil
	}
	pub, err := n.cfg.Signer.PublicKey(ctx)
	if err != nil {
		return fmt.Errorf("node: join: public key of %s: %w", n.addr, err)
	}
	var version [3]*big.Int
	for i, v := range n.cfg.Version {
		version[i] = new(big.Int).SetUint64(v)
	}
	models := n.cfg.LocalModels
	if models == nil {
		models = []string{}
	}
	data := n.nodeC.PackJoin(n.cfg.GPUName, new(big.Int).SetUint64(n.cfg.GPUVRAM), version, pub, models)
	to := n.cfg.Contracts.Node
	if _, err := n.tx.Send(ctx, txmgr.Request{To: &to, Data: data, Value: n.stake}); err != nil {
		return fmt.Errorf("node: join as %s (gpu %q, %d GB, stake %s wei): %w", n.addr, n.cfg.GPUName, n.cfg.GPUVRAM, n.stake, err)
	}
	n.log.Info("node joined", "gpu", n.cfg.GPUName, "vram", n.cfg.GPUVRAM, "version", n.cfg.Version, "behaviour", n.cfg.Behaviour)
	return nil
}

// Quit leaves the network (the stake is returned; a busy node quits when
// its task ends).
func (n *Node) Quit(ctx context.Context) error {
	to := n.cfg.Contracts.Node
	if _, err := n.tx.Send(ctx, txmgr.Request{To: &to, Data: n.nodeC.PackQuit()}); err != nil {
		return fmt.Errorf("node: quit %s: %w", n.addr, err)
	}
	n.log.Info("node quit")
	return nil
}

// Run follows the tasks assigned to the node until ctx is done, then waits
// for its task handlers to stop and returns nil. It learns tasks by polling
// VSSTask.getNodeTask, which also picks a task up again after a restart.
func (n *Node) Run(ctx context.Context) error {
	defer n.wg.Wait()
	t := time.NewTicker(n.cfg.PollInterval)
	defer t.Stop()
	for {
		c, err := n.nodeTask(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			n.log.Warn("read node task", "err", err)
		case c != [32]byte{}:
			n.startTask(ctx, c)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

func (n *Node) nodeTask(ctx context.Context) ([32]byte, error) {
	out, err := n.call(ctx, n.cfg.Contracts.VSSTask, n.vss.PackGetNodeTask(n.addr))
	if err != nil {
		return [32]byte{}, err
	}
	return n.vss.UnpackGetNodeTask(out)
}

func (n *Node) getTask(ctx context.Context, c [32]byte) (bindings.VSSTaskTaskInfo, error) {
	out, err := n.call(ctx, n.cfg.Contracts.VSSTask, n.vss.PackGetTask(c))
	if err != nil {
		return bindings.VSSTaskTaskInfo{}, err
	}
	return n.vss.UnpackGetTask(out)
}

func (n *Node) startTask(ctx context.Context, c [32]byte) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.active[c] || n.done[c] {
		return
	}
	n.active[c] = true
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		ended := n.handleTask(ctx, c)
		n.mu.Lock()
		delete(n.active, c)
		if ended {
			n.done[c] = true
		}
		n.mu.Unlock()
	}()
}

// workResult is the outcome of fetching args and training.
type workResult struct {
	out *TrainOutput
	err error
}

// taskRun is the state of one task handler.
type taskRun struct {
	c         [32]byte
	log       *slog.Logger
	work      chan workResult // non-nil while training runs
	stopWork  context.CancelFunc
	out       *TrainOutput
	argsError bool // the args cannot be trained on: report a task error
	reported  bool
	submitted bool
	uploaded  bool
	nextAbort time.Time
	nextTry   time.Time // earliest next attempt after a failed tx or upload
	failures  int
}

// handleTask drives one task until it ends, leaves the node, or ctx is
// done. It reports whether the task ended (so it is not picked up again).
func (n *Node) handleTask(ctx context.Context, c [32]byte) bool {
	r := &taskRun{c: c, log: n.log.With("task", relay.CommitmentHex(c))}
	defer func() {
		if r.stopWork != nil {
			r.stopWork()
			<-r.work
		}
	}()
	r.log.Info("task assigned", "behaviour", n.cfg.Behaviour)
	t := time.NewTicker(n.cfg.PollInterval)
	defer t.Stop()
	lastStatus := -1
	for {
		info, err := n.getTask(ctx, c)
		if ctx.Err() != nil {
			return false
		}
		if err != nil {
			r.log.Warn("read task", "err", err)
		} else {
			if int(info.Status) != lastStatus {
				r.log.Debug("task status", "status", info.Status)
				lastStatus = int(info.Status)
			}
			if info.TaskIDCommitment != c || info.SelectedNode != n.addr {
				r.log.Info("task is no longer assigned to this node")
				return true
			}
			if info.Status >= statusEndInvalidated {
				r.log.Info("task ended", "status", info.Status, "abort_reason", info.AbortReason)
				return true
			}
			n.step(ctx, r, info)
		}
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
		}
	}
}

// step does what the task's current status asks for.
func (n *Node) step(ctx context.Context, r *taskRun, info bindings.VSSTaskTaskInfo) {
	now := time.Now()
	n.collectWork(r)
	if n.pastDeadline(ctx, info) {
		if now.After(r.nextAbort) {
			r.nextAbort = time.Now().Add(time.Second)
			n.abort(ctx, r)
		}
		return
	}
	if now.Before(r.nextTry) {
		return
	}
	switch info.Status {
	case statusParametersUploaded:
		switch n.cfg.Behaviour {
		case Stall:
			return
		case ReportError:
			n.reportError(ctx, r)
			return
		}
		if r.argsError {
			n.reportError(ctx, r)
			return
		}
		if r.out == nil {
			n.startWork(ctx, r)
			return
		}
		if !r.submitted {
			n.submitScore(ctx, r)
		}
	case statusValidated, statusGroupValidated:
		if r.uploaded {
			return
		}
		if r.out == nil {
			// After a restart: training is deterministic, so do it again.
			n.startWork(ctx, r)
			return
		}
		n.upload(ctx, r)
	}
}

// pastDeadline reports whether startTimestamp + timeout + grace has passed,
// by the later of the local clock and the chain head's timestamp (an
// auto-mined chain can run ahead of the wall clock).
func (n *Node) pastDeadline(ctx context.Context, info bindings.VSSTaskTaskInfo) bool {
	if info.StartTimestamp == nil || info.StartTimestamp.Sign() == 0 || info.Timeout == nil {
		return false
	}
	deadline := new(big.Int).Add(info.StartTimestamp, info.Timeout)
	deadline.Add(deadline, big.NewInt(int64(n.cfg.AbortGrace/time.Second)))
	now := time.Now().Unix()
	if head, err := n.cfg.Backend.HeaderByNumber(ctx, nil); err == nil && int64(head.Time) > now {
		now = int64(head.Time)
	}
	return big.NewInt(now).Cmp(deadline) > 0
}

func (n *Node) failed(r *taskRun) {
	r.failures++
	r.nextTry = time.Now().Add(min(time.Duration(r.failures)*n.cfg.PollInterval*5, 5*time.Second))
}

func (n *Node) succeeded(r *taskRun) {
	r.failures = 0
	r.nextTry = time.Time{}
}

func (n *Node) send(ctx context.Context, data []byte) error {
	to := n.cfg.Contracts.VSSTask
	_, err := n.tx.Send(ctx, txmgr.Request{To: &to, Data: data})
	return err
}

// abortGasLimit is the gas limit of an abort sent without estimation (the
// reference node's fixed limit).
const abortGasLimit = 8_000_000

// abort sends abortTask(c, Timeout). Gas estimation runs against the chain
// head, whose timestamp may still be before the deadline on a chain that
// only mines when transactions arrive (the devnet's auto-mined chain), so
// it would say "Timeout not reached" forever. Once the local clock is past
// the deadline the abort is therefore sent with a fixed gas limit: the
// block that includes it carries the current time.
func (n *Node) abort(ctx context.Context, r *taskRun) {
	to := n.cfg.Contracts.VSSTask
	data := n.vss.PackAbortTask(r.c, abortReasonTimeout)
	_, err := n.tx.Send(ctx, txmgr.Request{To: &to, Data: data})
	if txmgr.IsRevert(err, "Timeout not reached") {
		var re *txmgr.RevertError
		if errors.As(err, &re) && re.TxHash == (common.Hash{}) {
			r.log.Debug("abort: gas estimation at the chain head says timeout not reached; sending with a fixed gas limit")
			_, err = n.tx.Send(ctx, txmgr.Request{To: &to, Data: data, GasLimit: abortGasLimit})
		}
	}
	switch {
	case err == nil:
		r.log.Info("task aborted: deadline passed")
	case txmgr.IsRevert(err, "Timeout not reached"):
		r.log.Info("abort: timeout not reached yet on chain; will retry")
		r.nextAbort = time.Now().Add(5 * time.Second)
	default:
		r.log.Warn("abort task", "err", err)
	}
}

func (n *Node) reportError(ctx context.Context, r *taskRun) {
	if r.reported {
		return
	}
	err := n.send(ctx, n.vss.PackReportTaskError(r.c, taskErrorParametersValidationFail))
	if err != nil {
		r.log.Warn("report task error", "err", err)
		n.failed(r)
		return
	}
	n.succeeded(r)
	r.reported = true
	r.log.Info("task error reported")
}

func (n *Node) submitScore(ctx context.Context, r *taskRun) {
	err := n.send(ctx, n.vss.PackSubmitTaskScore(r.c, r.out.Score))
	switch {
	case err == nil:
		n.succeeded(r)
		r.submitted = true
		r.log.Info("score submitted", "score", fmt.Sprintf("%x", r.out.Score), "global_step", r.out.GlobalStep, "finished", r.out.Finished)
	case txmgr.IsRevert(err, "Illegal previous task state"):
		// The chain view lags; try again on the next poll.
		r.log.Debug("submit score: task not in ParametersUploaded yet")
	default:
		r.log.Warn("submit score", "err", err)
		n.failed(r)
	}
}

func (n *Node) upload(ctx context.Context, r *taskRun) {
	files := make([]io.Reader, len(r.out.Images))
	for i, img := range r.out.Images {
		files[i] = bytes.NewReader(img)
	}
	err := n.relay.UploadResults(ctx, r.c, files, bytes.NewReader(r.out.Checkpoint))
	if err != nil {
		r.log.Warn("upload results", "err", err)
		n.failed(r)
		return
	}
	n.succeeded(r)
	r.uploaded = true
	r.log.Info("results uploaded", "images", len(r.out.Images))
}

// startWork fetches the args (and input checkpoint) and trains in the
// background, so the handler keeps watching the deadline meanwhile.
func (n *Node) startWork(ctx context.Context, r *taskRun) {
	if r.work != nil {
		return
	}
	wctx, cancel := context.WithCancel(ctx)
	ch := make(chan workResult, 1)
	r.work, r.stopWork = ch, cancel
	go func() {
		out, err := n.train(wctx, r)
		ch <- workResult{out, err}
		close(ch)
	}()
}

// collectWork picks up a finished background training.
func (n *Node) collectWork(r *taskRun) {
	if r.work == nil {
		return
	}
	select {
	case res := <-r.work:
		r.stopWork()
		r.work, r.stopWork = nil, nil
		var ae *ArgsError
		switch {
		case res.err == nil:
			r.out = res.out
		case errors.As(res.err, &ae):
			r.log.Warn("task args cannot be trained on; reporting a task error", "err", res.err)
			r.argsError = true
		default:
			r.log.Warn("training failed; will retry", "err", res.err)
			n.failed(r)
		}
	default:
	}
}

// train fetches the task's args and input checkpoint from the Relay and
// runs the simulated training for the node's behaviour.
func (n *Node) train(ctx context.Context, r *taskRun) (*TrainOutput, error) {
	args, err := n.fetchArgs(ctx, r)
	if err != nil {
		return nil, err
	}
	spec, err := parseArgs([]byte(args))
	if err != nil {
		return nil, err
	}
	var input []byte
	if spec.resume {
		var buf bytes.Buffer
		if _, err := n.relay.GetInputCheckpoint(ctx, r.c, &buf); err != nil {
			return nil, fmt.Errorf("download input checkpoint: %w", err)
		}
		input = buf.Bytes()
	}
	if n.cfg.Behaviour == Slow && n.cfg.TrainTime > 0 {
		r.log.Info("training slowly", "train_time", n.cfg.TrainTime)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(n.cfg.TrainTime):
		}
	}
	out, err := Train([]byte(args), input, TrainOptions{Cheat: n.cfg.Behaviour == Cheat})
	if err != nil {
		var ce *CheckpointError
		if errors.As(err, &ce) {
			// A broken input checkpoint is the creator's fault, like bad args.
			return nil, &ArgsError{Reason: "unusable input checkpoint", Err: err}
		}
		return nil, err
	}
	if n.cfg.WorkDir != "" {
		if err := n.saveOutputs(r.c, input, out); err != nil {
			r.log.Warn("save task outputs", "err", err)
		}
	}
	return out, nil
}

// fetchArgs asks the Relay for the task args until it serves them, for at
// most ArgsWait.
func (n *Node) fetchArgs(ctx context.Context, r *taskRun) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, n.cfg.ArgsWait)
	defer cancel()
	wait := n.cfg.PollInterval
	for {
		task, err := n.relay.GetTask(ctx, r.c)
		if err == nil && task.TaskArgs != "" {
			return task.TaskArgs, nil
		}
		if err == nil {
			err = errors.New("the relay returned empty task args")
		}
		if errors.Is(err, relay.ErrSignerNotAllowed) {
			return "", fmt.Errorf("get task args: %w", err)
		}
		r.log.Debug("task args not available yet", "err", err)
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("get task args: the relay did not serve them within %s: %w", n.cfg.ArgsWait, err)
		case <-time.After(wait):
		}
		wait = min(wait*2, time.Second)
	}
}

func (n *Node) saveOutputs(c [32]byte, input []byte, out *TrainOutput) error {
	dir := filepath.Join(n.cfg.WorkDir, relay.CommitmentHex(c))
	if err := os.MkdirAll(filepath.Join(dir, "validation"), 0o755); err != nil {
		return err
	}
	if input != nil {
		if err := os.MkdirAll(filepath.Join(dir, "input"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "input", "checkpoint.zip"), input, 0o644); err != nil {
			return err
		}
	}
	for i, img := range out.Images {
		if err := os.WriteFile(filepath.Join(dir, "validation", fmt.Sprintf("%d.png", i)), img, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "checkpoint.zip"), out.Checkpoint, 0o644)
}
