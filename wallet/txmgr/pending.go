package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Pending is a broadcast transaction: one nonce and every version of it sent
// (the first one and its fee-bumped replacements). Whichever version is
// mined wins.
type Pending struct {
	m        *Manager
	to       *common.Address
	data     []byte
	value    *big.Int
	gas      uint64
	nonce    uint64
	firstCap *big.Int

	mu            sync.Mutex
	txs           []*types.Transaction
	fee           fees // of the latest version
	lastSent      time.Time
	maxFeeReached bool
	missingSince  time.Time

	included chan struct{} // closed when receipt or err is set
	receipt  *types.Receipt
	err      error
}

// Hash is the hash of the mined version once it is known, else of the latest
// version broadcast.
func (p *Pending) Hash() common.Hash {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.receipt != nil {
		return p.receipt.TxHash
	}
	return p.txs[len(p.txs)-1].Hash()
}

// Hashes lists every version broadcast for this nonce, oldest first.
func (p *Pending) Hashes() []common.Hash {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hashesLocked()
}

func (p *Pending) hashesLocked() []common.Hash {
	hs := make([]common.Hash, len(p.txs))
	for i, tx := range p.txs {
		hs[i] = tx.Hash()
	}
	return hs
}

// Nonce is the account nonce the transaction uses.
func (p *Pending) Nonce() uint64 { return p.nonce }

func (p *Pending) record(tx *types.Transaction, f fees) {
	p.mu.Lock()
	p.txs = append(p.txs, tx)
	p.fee = f
	p.lastSent = time.Now()
	p.mu.Unlock()
}

func (p *Pending) latest() (*types.Transaction, fees) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.txs[len(p.txs)-1], p.fee
}

func (p *Pending) resolve(r *types.Receipt, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.included:
		return
	default:
	}
	p.receipt, p.err = r, err
	close(p.included)
}

func (p *Pending) notConfirmed(cause error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return &NotConfirmedError{
		TxHash:        p.txs[len(p.txs)-1].Hash(),
		Hashes:        p.hashesLocked(),
		Nonce:         p.nonce,
		MaxFeeReached: p.maxFeeReached,
		Err:           cause,
	}
}

// Wait blocks until the transaction is mined and has the configured number of
// confirmations, and returns its receipt. A mined transaction that failed
// returns the receipt and a *RevertError (decoded by replaying the call at the
// receipt's block). If ctx ends first it returns a *NotConfirmedError that
// wraps ctx.Err(); the transaction may still be mined, and the Manager keeps
// tracking it.
func (p *Pending) Wait(ctx context.Context) (*types.Receipt, error) {
	select {
	case <-p.included:
	case <-ctx.Done():
		return nil, p.notConfirmed(ctx.Err())
	}
	p.mu.Lock()
	rcpt, err := p.receipt, p.err
	p.mu.Unlock()
	if err != nil {
		if errors.Is(err, ErrClosed) {
			return nil, p.notConfirmed(err)
		}
		return nil, err
	}
	rcpt, err = p.confirm(ctx, rcpt)
	if err != nil {
		return nil, err
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return rcpt, p.m.explainFailure(ctx, p, rcpt)
	}
	return rcpt, nil
}

// confirm waits until rcpt's block has confirmations-1 blocks on top and the
// receipt is still canonical; after a reorg it follows the transaction to
// its new block.
func (p *Pending) confirm(ctx context.Context, rcpt *types.Receipt) (*types.Receipt, error) {
	m := p.m
	n := m.cfg.confirmations
	t := time.NewTicker(m.cfg.pollInterval)
	defer t.Stop()
	for {
		head, err := m.backend.HeaderByNumber(ctx, nil)
		if err == nil && rcpt != nil && head.Number.Uint64() >= rcpt.BlockNumber.Uint64()+n-1 {
			// Still canonical? A receipt looked up by hash comes from the
			// canonical chain, so a changed block hash means a reorg.
			again, rerr := m.backend.TransactionReceipt(ctx, rcpt.TxHash)
			switch {
			case rerr == nil && again.BlockHash == rcpt.BlockHash:
				return again, nil
			case rerr == nil:
				m.log.Info("transaction moved to another block by a reorg", "hash", rcpt.TxHash.Hex(), "block", again.BlockNumber)
				rcpt = again
				continue
			case errors.Is(rerr, ethereum.NotFound):
				m.log.Warn("transaction receipt vanished (reorg), waiting for it to be mined again", "hash", rcpt.TxHash.Hex())
				rcpt = nil
			}
		}
		if rcpt == nil {
			rcpt = p.findReceipt(ctx)
		}
		select {
		case <-ctx.Done():
			return nil, p.notConfirmed(ctx.Err())
		case <-t.C:
		}
	}
}

// findReceipt returns the receipt of whichever version was mined, or nil.
func (p *Pending) findReceipt(ctx context.Context) *types.Receipt {
	p.mu.Lock()
	txs := append([]*types.Transaction(nil), p.txs...)
	p.mu.Unlock()
	for i := len(txs) - 1; i >= 0; i-- {
		r, err := p.m.backend.TransactionReceipt(ctx, txs[i].Hash())
		if err == nil && r != nil {
			return r
		}
	}
	return nil
}

// explainFailure replays a failed transaction as a call at its block to
// recover the revert data.
func (m *Manager) explainFailure(ctx context.Context, p *Pending, rcpt *types.Receipt) error {
	msg := ethereum.CallMsg{From: m.from, To: p.to, Gas: p.gas, Value: p.value, Data: p.data}
	_, err := m.backend.CallContract(ctx, msg, rcpt.BlockNumber)
	re := m.asRevert(err)
	switch {
	case re != nil:
	case err != nil:
		re = &RevertError{Note: fmt.Sprintf("could not replay the call to read the reason: %v", err)}
	default:
		re = &RevertError{ReplaySucceeded: true, Note: "replaying the call at its block succeeded, so the reason is unknown (the state it depended on changed within the block)"}
	}
	if len(re.Data) == 0 && !re.ReplaySucceeded {
		// Reverted without data: out of gas, at the top or in a call it made
		// (gas used alone does not tell: a frame that runs out keeps the rest
		// for its caller, and chains with separate state gas report less).
		// The replay tells: with four times the gas, does it go through?
		outOfGas := rcpt.GasUsed >= p.gas
		if !outOfGas && err != nil {
			more := msg
			more.Gas = p.gas * 4
			_, merr := m.backend.CallContract(ctx, more, rcpt.BlockNumber)
			outOfGas = merr == nil
		}
		if outOfGas {
			re.Note = fmt.Sprintf("it ran out of its %d gas (used %d; maybe in a call it made): send it again with a larger gas margin (Request.GasMarginPercent) or Request.GasLimit", p.gas, rcpt.GasUsed)
			re.OutOfGas = true
		}
	}
	re.TxHash = rcpt.TxHash
	return re
}
