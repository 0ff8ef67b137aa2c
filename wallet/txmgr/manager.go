// Package txmgr sends transactions for one account reliably: it owns the
// account's nonce (concurrent sends get consecutive nonces), prices fees
// (EIP-1559 with a legacy fallback), estimates gas with a margin, refuses to
// send what the balance cannot pay, replaces a transaction that is not mined
// in time with a higher fee, waits for confirmations and decodes reverts
// into *RevertError.
//
// A Manager must be the only sender for its account; another program using
// the same key makes nonces collide (the Manager recovers, but the colliding
// sends fail).
package txmgr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet"
)

// Backend is the part of an Ethereum client the Manager uses.
// *ethclient.Client and the simulated backend's client satisfy it.
type Backend interface {
	ChainID(ctx context.Context) (*big.Int, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	SuggestGasPrice(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// Request describes a transaction to send.
type Request struct {
	To       *common.Address // nil deploys a contract (Data is the init code)
	Data     []byte
	Value    *big.Int // wei; nil means 0
	GasLimit uint64   // 0: estimate, plus the gas margin
	// GasMarginPercent overrides the Manager's gas margin (WithGasMargin)
	// for this request when GasLimit is 0; 0 keeps the Manager's.
	GasMarginPercent uint64
}

// Manager sends transactions for one account. It is safe for concurrent use.
// Close it to stop its background tracking.
type Manager struct {
	backend Backend
	signer  wallet.Signer
	from    common.Address
	cfg     config
	log     *slog.Logger

	chainMu sync.Mutex
	chainID *big.Int

	// sendMu serialises nonce assignment, signing and broadcast, so a nonce
	// is only consumed by a transaction the node accepted: no gaps.
	sendMu     sync.Mutex
	nextNonce  uint64
	nonceKnown bool

	mu       sync.Mutex
	inflight map[uint64]*Pending // by nonce, until included
	closed   bool
	started  bool

	wake   chan struct{}
	stop   context.CancelFunc
	stopCx context.Context
	done   chan struct{}
}

// New returns a Manager sending from signer's account through backend.
func New(backend Backend, signer wallet.Signer, opts ...Option) (*Manager, error) {
	if backend == nil || signer == nil {
		return nil, errors.New("txmgr: backend and signer are required")
	}
	cfg := config{
		logger:          slog.New(slog.DiscardHandler),
		confirmations:   DefaultConfirmations,
		pollInterval:    DefaultPollInterval,
		resubmitTimeout: DefaultResubmitTimeout,
		gasMargin:       DefaultGasMarginPercent,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.errorABIsSet {
		for _, md := range []*struct {
			name string
			p    func() (*abi.ABI, error)
		}{
			{"VSSTask", bindings.VSSTaskMetaData.ParseABI},
			{"Node", bindings.NodeMetaData.ParseABI},
			{"QOS", bindings.QOSMetaData.ParseABI},
			{"TaskQueue", bindings.TaskQueueMetaData.ParseABI},
			{"NetworkStats", bindings.NetworkStatsMetaData.ParseABI},
		} {
			parsed, err := md.p()
			if err != nil {
				return nil, fmt.Errorf("txmgr: parse %s ABI for error decoding: %w", md.name, err)
			}
			cfg.errorABIs = append(cfg.errorABIs, *parsed)
		}
	}
	stopCx, stop := context.WithCancel(context.Background())
	return &Manager{
		backend:  backend,
		signer:   signer,
		from:     signer.Address(),
		cfg:      cfg,
		log:      cfg.logger.With("account", signer.Address().Hex()),
		inflight: make(map[uint64]*Pending),
		wake:     make(chan struct{}, 1),
		stop:     stop,
		stopCx:   stopCx,
		done:     make(chan struct{}),
	}, nil
}

// Address is the sending account.
func (m *Manager) Address() common.Address { return m.from }

// Close stops tracking. Transactions still in flight are not cancelled (they
// may be mined); their Wait returns a *NotConfirmedError wrapping ErrClosed.
func (m *Manager) Close() error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	started := m.started
	m.mu.Unlock()
	m.stop()
	if started {
		<-m.done
	}
	return nil
}

// Send sends req and waits until it is mined and confirmed. A mined
// transaction that failed returns its receipt together with a *RevertError.
// If ctx ends after the broadcast, the error is a *NotConfirmedError.
func (m *Manager) Send(ctx context.Context, req Request) (*types.Receipt, error) {
	p, err := m.SendAsync(ctx, req)
	if err != nil {
		return nil, err
	}
	return p.Wait(ctx)
}

// SendAsync prepares, signs and broadcasts req and returns as soon as the node
// accepted it. The Manager keeps tracking (and, if needed, replacing) the
// transaction until it is mined, even if nobody waits for it. Errors before
// the broadcast (*RevertError from gas estimation, *InsufficientBalanceError)
// mean nothing was sent.
func (m *Manager) SendAsync(ctx context.Context, req Request) (*Pending, error) {
	if m.isClosed() {
		return nil, ErrClosed
	}
	chainID, err := m.chain(ctx)
	if err != nil {
		return nil, err
	}
	value := req.Value
	if value == nil {
		value = new(big.Int)
	}
	head, err := m.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("txmgr: read chain head: %w", err)
	}
	fee, err := m.suggestFee(ctx, head)
	if err != nil {
		return nil, err
	}
	gas := req.GasLimit
	if gas == 0 {
		if gas, err = m.estimate(ctx, req, value, fee, head); err != nil {
			return nil, err
		}
	}
	if err := m.checkBalance(ctx, value, fee.max(), gas); err != nil {
		return nil, err
	}
	p := &Pending{
		m:        m,
		to:       req.To,
		data:     common.CopyBytes(req.Data),
		value:    new(big.Int).Set(value),
		gas:      gas,
		firstCap: fee.max(),
		included: make(chan struct{}),
	}
	if err := m.broadcastNew(ctx, chainID, p, fee); err != nil {
		return nil, err
	}
	return p, nil
}

func (m *Manager) isClosed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed
}

func (m *Manager) chain(ctx context.Context) (*big.Int, error) {
	m.chainMu.Lock()
	defer m.chainMu.Unlock()
	if m.chainID == nil {
		id, err := m.backend.ChainID(ctx)
		if err != nil {
			return nil, fmt.Errorf("txmgr: read chain ID: %w", err)
		}
		m.chainID = id
	}
	return m.chainID, nil
}

// estimate runs eth_estimateGas and adds the margin. A revert comes back as a
// *RevertError, wrapped.
func (m *Manager) estimate(ctx context.Context, req Request, value *big.Int, fee fees, head *types.Header) (uint64, error) {
	msg := ethereum.CallMsg{From: m.from, To: req.To, Value: value, Data: req.Data}
	gas, err := m.backend.EstimateGas(ctx, msg)
	if err != nil {
		if re := m.asRevert(err); re != nil {
			return 0, fmt.Errorf("txmgr: estimate gas for %s: %w", describeTarget(req.To), re)
		}
		if isInsufficientFunds(err) {
			// The node could not even run the call with this value: report
			// the balance against the cheapest possible transaction.
			if berr := m.checkBalance(ctx, value, fee.max(), 21000); berr != nil {
				return 0, berr
			}
		}
		return 0, fmt.Errorf("txmgr: estimate gas for %s: %w", describeTarget(req.To), err)
	}
	margin := m.cfg.gasMargin
	if req.GasMarginPercent > 0 {
		margin = req.GasMarginPercent
	}
	gas += gas * margin / 100
	if head.GasLimit > 0 && gas > head.GasLimit {
		gas = head.GasLimit
	}
	return gas, nil
}

func describeTarget(to *common.Address) string {
	if to == nil {
		return "contract deployment"
	}
	return "call to " + to.Hex()
}

func (m *Manager) checkBalance(ctx context.Context, value, feePerGas *big.Int, gas uint64) error {
	need := new(big.Int).Mul(feePerGas, new(big.Int).SetUint64(gas))
	need.Add(need, value)
	have, err := m.backend.BalanceAt(ctx, m.from, nil)
	if err != nil {
		return fmt.Errorf("txmgr: read balance of %s: %w", m.from.Hex(), err)
	}
	if need.Cmp(have) > 0 {
		return &InsufficientBalanceError{Address: m.from, Need: need, Have: have}
	}
	return nil
}

// broadcastNew assigns the next nonce, signs and sends. The nonce advances
// only when the node accepted the transaction.
func (m *Manager) broadcastNew(ctx context.Context, chainID *big.Int, p *Pending, fee fees) error {
	m.sendMu.Lock()
	defer m.sendMu.Unlock()
	if err := m.syncNonce(ctx, false); err != nil {
		return err
	}
	const attempts = 4
	var lastErr error
	for range attempts {
		tx, err := m.sign(ctx, chainID, p, m.nextNonce, fee)
		if err != nil {
			return err
		}
		err = m.backend.SendTransaction(ctx, tx)
		switch {
		case err == nil || isAlreadyKnown(err):
			p.nonce = tx.Nonce()
			p.firstCap = fee.max()
			p.record(tx, fee)
			m.nextNonce++
			m.track(p)
			m.log.Debug("transaction sent", "nonce", tx.Nonce(), "hash", tx.Hash().Hex(), "gas", tx.Gas(), "fee_cap", tx.GasFeeCap(), "tip", tx.GasTipCap())
			return nil
		case isNonceTooLow(err) || isReplacementUnderpriced(err):
			// Someone else used this nonce: resync from the node and retry.
			m.log.Warn("nonce collision, resynchronising", "nonce", m.nextNonce, "err", err)
			lastErr = err
			if serr := m.syncNonce(ctx, true); serr != nil {
				return serr
			}
		case isTipTooLow(err):
			// The node's pool takes no tip this low (its minimum rose after
			// the fee oracle's sample, or the oracle lags): raise the tip to
			// the minimum the node names, or by a replacement step.
			next := raiseTip(fee, minimumNeeded(err), m.cfg.maxFee)
			if next.max().Cmp(fee.max()) <= 0 && tipOf(next).Cmp(tipOf(fee)) <= 0 {
				return fmt.Errorf("txmgr: node refused the fee and the maximum fee leaves no room to raise it (raise it with WithMaxFee): %w", err)
			}
			m.log.Info("node refused the tip as too low, raising it", "nonce", m.nextNonce, "tip", tipOf(fee), "new_tip", tipOf(next), "err", err)
			fee, lastErr = next, err
			if berr := m.checkBalance(ctx, p.value, fee.max(), p.gas); berr != nil {
				return berr
			}
		case isInsufficientFunds(err):
			if berr := m.checkBalance(ctx, p.value, fee.max(), p.gas); berr != nil {
				return berr
			}
			return fmt.Errorf("txmgr: node refused transaction for lack of funds: %w", err)
		default:
			// The node may or may not have taken it: ask again next time.
			m.nonceKnown = false
			return fmt.Errorf("txmgr: broadcast transaction (nonce %d): %w", tx.Nonce(), err)
		}
	}
	if isTipTooLow(lastErr) {
		return fmt.Errorf("txmgr: node refused the transaction's fee %d times: %w", attempts, lastErr)
	}
	return fmt.Errorf("txmgr: could not get a free nonce after %d attempts (is the account used elsewhere?): %w", attempts, lastErr)
}

// syncNonce loads the next nonce from the node when unknown (or when force
// is set after a collision). It never goes below a nonce already in flight
// here, so a dropped transaction of ours is re-broadcast rather than
// overwritten. Called with sendMu held.
func (m *Manager) syncNonce(ctx context.Context, force bool) error {
	if m.nonceKnown && !force {
		return nil
	}
	n, err := m.backend.PendingNonceAt(ctx, m.from)
	if err != nil {
		return fmt.Errorf("txmgr: read nonce of %s: %w", m.from.Hex(), err)
	}
	if force && n <= m.nextNonce {
		n = m.nextNonce + 1
	}
	m.mu.Lock()
	for nonce := range m.inflight {
		if nonce+1 > n {
			n = nonce + 1
		}
	}
	m.mu.Unlock()
	m.nextNonce, m.nonceKnown = n, true
	return nil
}

func (m *Manager) sign(ctx context.Context, chainID *big.Int, p *Pending, nonce uint64, fee fees) (*types.Transaction, error) {
	var inner types.TxData
	if fee.legacy() {
		inner = &types.LegacyTx{Nonce: nonce, GasPrice: fee.gasPrice, Gas: p.gas, To: p.to, Value: p.value, Data: p.data}
	} else {
		inner = &types.DynamicFeeTx{ChainID: chainID, Nonce: nonce, GasTipCap: fee.tip, GasFeeCap: fee.feeCap, Gas: p.gas, To: p.to, Value: p.value, Data: p.data}
	}
	tx, err := m.signer.SignTx(ctx, types.NewTx(inner), chainID)
	if err != nil {
		return nil, fmt.Errorf("txmgr: sign transaction: %w", err)
	}
	return tx, nil
}

// track registers p with the background tracker (starting it on first use).
func (m *Manager) track(p *Pending) {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		p.resolve(nil, ErrClosed)
		return
	}
	m.inflight[p.nonce] = p
	if !m.started && !m.closed {
		m.started = true
		go m.run()
	}
	m.mu.Unlock()
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

func (m *Manager) invalidateNonce() {
	m.sendMu.Lock()
	m.nonceKnown = false
	m.sendMu.Unlock()
}

// sortedInflight returns the tracked transactions, lowest nonce first.
func (m *Manager) sortedInflight() []*Pending {
	m.mu.Lock()
	ps := make([]*Pending, 0, len(m.inflight))
	for _, p := range m.inflight {
		ps = append(ps, p)
	}
	m.mu.Unlock()
	sort.Slice(ps, func(i, j int) bool { return ps[i].nonce < ps[j].nonce })
	return ps
}

func (m *Manager) untrack(p *Pending) {
	m.mu.Lock()
	if m.inflight[p.nonce] == p {
		delete(m.inflight, p.nonce)
	}
	m.mu.Unlock()
}

// Error classification. These strings cross the JSON-RPC boundary, so there
// is nothing typed to match; the texts are geth's (also used by most clients).
func errContains(err error, subs ...string) bool {
	if err == nil {
		return false
	}
	s := strings.ToLower(err.Error())
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func isNonceTooLow(err error) bool { return errContains(err, "nonce too low", "nonce is too low") }
func isAlreadyKnown(err error) bool {
	return errContains(err, "already known", "known transaction", "already imported")
}
func isReplacementUnderpriced(err error) bool {
	return errContains(err, "replacement transaction underpriced", "replacement fee too low")
}
func isInsufficientFunds(err error) bool { return errContains(err, "insufficient funds") }

// isTipTooLow matches a pool refusing a fee under its minimum: geth's
// "transaction gas price below minimum: gas tip cap 1, minimum needed 3",
// and the older "transaction underpriced".
func isTipTooLow(err error) bool {
	return errContains(err, "gas price below minimum", "transaction underpriced") && !isReplacementUnderpriced(err)
}

var minimumNeededRE = regexp.MustCompile(`minimum needed (\d+)`)

// minimumNeeded is the minimum tip (wei) a refusal names, or nil.
func minimumNeeded(err error) *big.Int {
	if err == nil {
		return nil
	}
	m := minimumNeededRE.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	n, ok := new(big.Int).SetString(m[1], 10)
	if !ok {
		return nil
	}
	return n
}

func tipOf(f fees) *big.Int {
	if f.legacy() {
		return f.gasPrice
	}
	return f.tip
}

// raiseTip returns f with its tip (legacy: gas price) raised by a replacement
// step, or to floor if that is higher; the fee cap rises by as much. limit,
// when set, bounds the result.
func raiseTip(f fees, floor, limit *big.Int) fees {
	if f.legacy() {
		p := bumped(f.gasPrice)
		if floor != nil {
			p = maxBig(p, floor)
		}
		if limit != nil && p.Cmp(limit) > 0 {
			p = new(big.Int).Set(limit)
		}
		return fees{gasPrice: p}
	}
	tip := bumped(f.tip)
	if floor != nil {
		tip = maxBig(tip, floor)
	}
	feeCap := new(big.Int).Add(f.feeCap, new(big.Int).Sub(tip, f.tip))
	if limit != nil && feeCap.Cmp(limit) > 0 {
		feeCap = new(big.Int).Set(limit)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	return fees{tip: tip, feeCap: feeCap}
}

func sinceOrZero(t time.Time) time.Duration {
	if t.IsZero() {
		return 0
	}
	return time.Since(t)
}
