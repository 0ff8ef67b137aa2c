// Package sdk is the Crynux Go SDK: it creates Stable Diffusion LoRA
// fine-tune tasks directly on the Crynux VSS task contract, pays for them in
// CNX, follows them through their on-chain life, and pulls the trained LoRA
// from the Relay, with no Crynux Bridge in between.
//
//	client, err := sdk.Dial(ctx, network, signer, sdk.WithJournalDir(dir))
//	job, err := client.Finetune(ctx, req)
//	for ev := range job.Events() { fmt.Println(ev) }
//	res, err := job.Wait(ctx) // res.LoRAZip holds pytorch_lora_weights.safetensors
//
// Every job is journaled on disk before any transaction is sent, so
// Client.Resume picks up every open job after a crash without losing a fee.
package sdk

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Environment variables read by DefaultJournalDir.
const (
	// EnvJournalDir overrides the default journal directory.
	EnvJournalDir = "CRYNUX_JOURNAL_DIR"
)

// DefaultJournalDir is $CRYNUX_JOURNAL_DIR, else <user config dir>/crynux/journal.
func DefaultJournalDir() string {
	if d := os.Getenv(EnvJournalDir); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "crynux", "journal")
	}
	return filepath.Join(os.TempDir(), "crynux-journal")
}

type options struct {
	logger        *slog.Logger
	journalDir    string
	confirmations uint64
	pollInterval  time.Duration
	maxFee        *big.Int
	legacy        bool
	resubmit      time.Duration
	maxRetries    int
	relayOpts     []relay.Option
	backend       Backend
}

// Option configures Dial.
type Option func(*options)

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.logger = l } }

// WithJournalDir sets the journal root (default DefaultJournalDir()). The
// wallet's jobs live in a subdirectory named after its address.
func WithJournalDir(dir string) Option { return func(o *options) { o.journalDir = dir } }

// WithConfirmations sets how many blocks a transaction, and a task state a
// job acts on, need before they count (default 1: the head). With n > 1 a
// job reads task state n-1 blocks below the head, so a reorg of fewer
// blocks cannot make it report a success the chain took back.
func WithConfirmations(n uint64) Option { return func(o *options) { o.confirmations = n } }

// WithPollInterval sets how often task state is read from the chain when no
// event arrives (default 1 s; the devnet uses 100 ms).
func WithPollInterval(d time.Duration) Option { return func(o *options) { o.pollInterval = d } }

// WithMaxFee caps the fee per gas, in wei, that replacement transactions may bump to.
func WithMaxFee(wei *big.Int) Option { return func(o *options) { o.maxFee = wei } }

// WithLegacyTransactions sends legacy (gas price) transactions, as the VSS testnet wanted.
func WithLegacyTransactions() Option { return func(o *options) { o.legacy = true } }

// WithResubmitTimeout sets how long a transaction may stay unmined before it
// is replaced with a higher fee (default 30 s).
func WithResubmitTimeout(d time.Duration) Option { return func(o *options) { o.resubmit = d } }

// WithMaxTaskRetries sets how many times a round whose task was aborted
// (node error, timeout) is retried with a fresh task before the job fails
// (default 2; the Bridge used 3).
func WithMaxTaskRetries(n int) Option { return func(o *options) { o.maxRetries = n } }

// WithRelayOptions passes options to the Relay client.
func WithRelayOptions(opts ...relay.Option) Option {
	return func(o *options) { o.relayOpts = append(o.relayOpts, opts...) }
}

// WithBackend uses an existing chain client instead of dialing Network.RPCURL.
func WithBackend(b Backend) Option { return func(o *options) { o.backend = b } }

// Backend is what the SDK needs from a chain client; *ethclient.Client and
// the simulated backend's client satisfy it.
type Backend interface {
	txmgr.Backend
	bind.ContractBackend
	bind.DeployBackend
}

// Client runs fine-tune jobs for one wallet on one network.
type Client struct {
	network Network
	signer  wallet.Signer
	backend Backend
	closeFn func()
	txm     *txmgr.Manager
	relay   *relay.Client
	journal *Journal
	opts    options
	log     *slog.Logger

	task     *bindings.VSSTask
	taskC    *bind.BoundContract
	nodeABI  *bindings.Node
	nodeC    *bind.BoundContract
	queueABI *bindings.TaskQueue
	queueC   *bind.BoundContract // nil without a TaskQueue address
	admit    admission
	mu       sync.Mutex
	jobs     map[string]*Job
	closed   bool
	closeErr error

	// pickNonce, when set (tests only, see export_test.go), draws the nonce
	// of the first task of each round instead of crypto/rand, so that a test
	// can steer the VRF towards (or away from) group validation.
	pickNonce func(ctx context.Context, guid common.Hash) (common.Hash, error)

	// wake-ups of running jobs from task events (wake.go)
	wakeMu     sync.Mutex
	wakes      map[*Job]chan struct{}
	wakeSub    *Subscription
	wakeCancel context.CancelFunc
	wakeFailed bool
}

// Dial connects to network with signer and opens the wallet's journal.
func Dial(ctx context.Context, network Network, signer wallet.Signer, opts ...Option) (*Client, error) {
	if signer == nil {
		return nil, errors.New("sdk: Dial: signer is nil (use wallet.FromKeystore, wallet.FromMnemonic or wallet.FromHex)")
	}
	if err := network.Validate(); err != nil {
		return nil, fmt.Errorf("sdk: Dial: %w", err)
	}
	o := options{confirmations: 1, pollInterval: time.Second, resubmit: 30 * time.Second, maxRetries: 2}
	for _, opt := range opts {
		opt(&o)
	}
	if o.logger == nil {
		o.logger = slog.New(slog.DiscardHandler)
	}
	if o.journalDir == "" {
		o.journalDir = DefaultJournalDir()
	}
	c := &Client{network: network, signer: signer, opts: o, log: o.logger, jobs: map[string]*Job{}}
	if o.backend != nil {
		c.backend = o.backend
		c.closeFn = func() {}
	} else {
		ec, err := ethclient.DialContext(ctx, network.RPCURL)
		if err != nil {
			return nil, fmt.Errorf("sdk: dial chain RPC %s: %w", network.RPCURL, err)
		}
		c.backend, c.closeFn = ec, ec.Close
	}
	id, err := c.backend.ChainID(ctx)
	if err != nil {
		c.closeFn()
		return nil, fmt.Errorf("sdk: chain RPC %s does not answer eth_chainId: %w (is the node running and the URL right?)", network.RPCURL, err)
	}
	if network.ChainID != 0 && id.Int64() != network.ChainID {
		c.closeFn()
		return nil, fmt.Errorf("sdk: chain RPC %s is chain %d, the network config says %d: check rpc_url", network.RPCURL, id.Int64(), network.ChainID)
	}
	txOpts := []txmgr.Option{
		txmgr.WithLogger(o.logger), txmgr.WithConfirmations(o.confirmations),
		txmgr.WithResubmitTimeout(o.resubmit), txmgr.WithPollInterval(minDuration(o.pollInterval, 100*time.Millisecond)),
	}
	if o.maxFee != nil {
		txOpts = append(txOpts, txmgr.WithMaxFee(o.maxFee))
	}
	if o.legacy {
		txOpts = append(txOpts, txmgr.WithLegacy(true))
	}
	if c.txm, err = txmgr.New(c.backend, signer, txOpts...); err != nil {
		c.closeFn()
		return nil, fmt.Errorf("sdk: %w", err)
	}
	relayOpts := append([]relay.Option{relay.WithLogger(o.logger)}, o.relayOpts...)
	if c.relay, err = relay.New(network.RelayURL, signer, relayOpts...); err != nil {
		c.Close()
		return nil, fmt.Errorf("sdk: %w", err)
	}
	if c.journal, err = OpenJournal(o.journalDir, signer.Address()); err != nil {
		c.Close()
		return nil, err
	}
	c.task = bindings.NewVSSTask()
	c.taskC = c.task.Instance(c.backend, network.Contracts.VSSTask)
	c.nodeABI = bindings.NewNode()
	c.nodeC = c.nodeABI.Instance(c.backend, network.Contracts.Node)
	c.admitQueue()
	return c, nil
}

// Address is the wallet's address.
func (c *Client) Address() common.Address { return c.signer.Address() }

// Network returns the network the client is connected to.
func (c *Client) Network() Network { return c.network }

// Journal returns the wallet's journal.
func (c *Client) Journal() *Journal { return c.journal }

// Balance returns the wallet's balance in wei.
func (c *Client) Balance(ctx context.Context) (*big.Int, error) {
	b, err := c.backend.BalanceAt(ctx, c.signer.Address(), nil)
	if err != nil {
		return nil, fmt.Errorf("sdk: balance of %s: %w", c.signer.Address(), err)
	}
	return b, nil
}

// Close stops the client's background work. Running jobs stop where they
// stand (their journal entries stay open, ready for Resume).
func (c *Client) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return c.closeErr
	}
	c.closed = true
	jobs := make([]*Job, 0, len(c.jobs))
	for _, j := range c.jobs {
		jobs = append(jobs, j)
	}
	c.mu.Unlock()
	for _, j := range jobs {
		j.stop()
	}
	c.stopWake()
	if c.txm != nil {
		c.closeErr = c.txm.Close()
	}
	c.closeFn()
	return c.closeErr
}

func minDuration(a, b time.Duration) time.Duration {
	if a < b {
		return a
	}
	return b
}
