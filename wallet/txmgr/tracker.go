package txmgr

import (
	"context"
	"math/big"
	"time"
)

// missingGrace is how long a nonce may be used on chain while none of our
// versions has a receipt before we conclude another transaction took it
// (receipts can lag behind the nonce while the node indexes).
const missingGrace = 15 * time.Second

// run is the background tracker: it notices when transactions are mined and
// replaces those that take too long. One goroutine per Manager.
func (m *Manager) run() {
	defer close(m.done)
	ctx := m.stopCx
	t := time.NewTicker(m.cfg.pollInterval)
	defer t.Stop()
	var lastHead uint64
	for {
		select {
		case <-ctx.Done():
			for _, p := range m.sortedInflight() {
				m.untrack(p)
				p.resolve(nil, ErrClosed)
			}
			return
		case <-t.C:
		case <-m.wake:
		}
		ps := m.sortedInflight()
		if len(ps) == 0 {
			continue
		}
		head, err := m.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			m.log.Debug("poll chain head", "err", err)
			continue
		}
		var chainNonce uint64
		haveNonce := false
		if num := head.Number.Uint64(); num != lastHead || anyMissing(ps) {
			if n, err := m.backend.NonceAt(ctx, m.from, nil); err == nil {
				chainNonce, haveNonce = n, true
				lastHead = num
			} else {
				m.log.Debug("poll account nonce", "err", err)
			}
		}
		for _, p := range ps {
			if haveNonce && p.nonce < chainNonce {
				m.collect(ctx, p)
				continue
			}
			m.maybeResubmit(ctx, p, head.BaseFee)
		}
	}
}

func anyMissing(ps []*Pending) bool {
	for _, p := range ps {
		p.mu.Lock()
		missing := !p.missingSince.IsZero()
		p.mu.Unlock()
		if missing {
			return true
		}
	}
	return false
}

// collect finds the receipt of a transaction whose nonce is used on chain.
func (m *Manager) collect(ctx context.Context, p *Pending) {
	if r := p.findReceipt(ctx); r != nil {
		m.untrack(p)
		p.resolve(r, nil)
		m.log.Debug("transaction mined", "nonce", p.nonce, "hash", r.TxHash.Hex(), "block", r.BlockNumber, "status", r.Status)
		return
	}
	p.mu.Lock()
	if p.missingSince.IsZero() {
		p.missingSince = time.Now()
	}
	gone := sinceOrZero(p.missingSince) > missingGrace
	hashes := p.hashesLocked()
	p.mu.Unlock()
	if gone {
		m.untrack(p)
		p.resolve(nil, &NonceUsedError{Nonce: p.nonce, Hashes: hashes})
		m.log.Warn("nonce used by a transaction not sent here", "nonce", p.nonce)
		m.invalidateNonce()
	}
}

// pricedOutGrace is how long a transaction whose fee cap fell under the
// head's base fee waits before it is replaced without waiting for the
// resubmit timeout: full blocks raise the base fee 12.5% each, and one stuck
// nonce holds every later transaction of the account.
const pricedOutGrace = time.Second

// maybeResubmit replaces p with a higher fee once the resubmit timeout has
// passed, or sooner when the head's base fee has risen above its fee cap;
// it re-broadcasts the last version when the fee may not go higher (this
// also revives a version the node dropped).
func (m *Manager) maybeResubmit(ctx context.Context, p *Pending, baseFee *big.Int) {
	_, cur := p.latest()
	pricedOut := baseFee != nil && cur.max() != nil && cur.max().Cmp(baseFee) < 0
	p.mu.Lock()
	due := m.cfg.resubmitTimeout > 0 && (time.Since(p.lastSent) >= m.cfg.resubmitTimeout ||
		(pricedOut && time.Since(p.lastSent) >= pricedOutGrace))
	rebroadcastOnly := m.cfg.resubmitTimeout <= 0 && time.Since(p.lastSent) >= DefaultResubmitTimeout
	p.mu.Unlock()
	if !due && !rebroadcastOnly {
		return
	}
	last, fee := p.latest()
	if due {
		limit := m.cfg.maxFee
		if limit == nil {
			limit = new(big.Int).Mul(p.firstCap, big.NewInt(defaultMaxFeeFactor))
		}
		next, ok := m.bumpFee(ctx, fee, limit)
		if ok {
			chainID, err := m.chain(ctx)
			if err != nil {
				return
			}
			tx, err := m.sign(ctx, chainID, p, p.nonce, next)
			if err != nil {
				m.log.Warn("sign replacement", "nonce", p.nonce, "err", err)
				return
			}
			err = m.backend.SendTransaction(ctx, tx)
			if floor := minimumNeeded(err); isTipTooLow(err) && floor != nil && floor.Cmp(tipOf(next)) > 0 {
				// The node names its minimum tip: go straight to it.
				next = raiseTip(next, floor, limit)
				if tx, err = m.sign(ctx, chainID, p, p.nonce, next); err != nil {
					m.log.Warn("sign replacement", "nonce", p.nonce, "err", err)
					return
				}
				err = m.backend.SendTransaction(ctx, tx)
			}
			switch {
			case err == nil || isAlreadyKnown(err):
				p.record(tx, next)
				m.log.Info("transaction replaced with a higher fee", "nonce", p.nonce, "old", last.Hash().Hex(), "new", tx.Hash().Hex(), "fee_cap", next.max())
				return
			case isNonceTooLow(err):
				return // mined meanwhile; the next poll collects it
			default:
				m.log.Warn("replacement refused, keeping the previous version", "nonce", p.nonce, "err", err)
			}
		} else {
			p.mu.Lock()
			first := !p.maxFeeReached
			p.maxFeeReached = true
			p.mu.Unlock()
			if first {
				m.log.Warn("transaction not mined and a higher fee would exceed the maximum fee; waiting on the last version", "nonce", p.nonce, "hash", last.Hash().Hex(), "fee_cap", fee.max(), "max_fee", limit)
			}
		}
	}
	if err := m.backend.SendTransaction(ctx, last); err != nil && !isAlreadyKnown(err) && !isNonceTooLow(err) {
		m.log.Debug("re-broadcast", "nonce", p.nonce, "err", err)
	}
	p.mu.Lock()
	p.lastSent = time.Now()
	p.mu.Unlock()
}
