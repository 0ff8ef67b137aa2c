package txmgr

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"
)

// fees is either an EIP-1559 pair (tip, feeCap) or a legacy gasPrice.
type fees struct {
	tip, feeCap *big.Int
	gasPrice    *big.Int
}

func (f fees) legacy() bool { return f.gasPrice != nil }

// max is the most the transaction may pay per gas.
func (f fees) max() *big.Int {
	if f.legacy() {
		return f.gasPrice
	}
	return f.feeCap
}

// suggestFee prices a new transaction: EIP-1559 with tip from
// eth_maxPriorityFeePerGas and cap = 2×baseFee + tip, or legacy gas price
// when forced, when the head has no base fee, or when the node does not
// support the tip method.
func (m *Manager) suggestFee(ctx context.Context, head *types.Header) (fees, error) {
	if !m.cfg.legacy && head.BaseFee != nil {
		tip, err := m.backend.SuggestGasTipCap(ctx)
		if err == nil {
			feeCap := new(big.Int).Mul(head.BaseFee, big.NewInt(2))
			feeCap.Add(feeCap, tip)
			f := fees{tip: tip, feeCap: feeCap}
			return m.clampNew(f), nil
		}
		m.log.Debug("eth_maxPriorityFeePerGas failed, using a legacy gas price", "err", err)
	}
	price, err := m.backend.SuggestGasPrice(ctx)
	if err != nil {
		return fees{}, fmt.Errorf("txmgr: read gas price: %w", err)
	}
	return m.clampNew(fees{gasPrice: price}), nil
}

// clampNew applies WithMaxFee to a fresh price.
func (m *Manager) clampNew(f fees) fees {
	limit := m.cfg.maxFee
	if limit == nil {
		return f
	}
	if f.legacy() {
		if f.gasPrice.Cmp(limit) > 0 {
			m.log.Warn("suggested gas price above the maximum fee, using the maximum", "suggested", f.gasPrice, "max", limit)
			f.gasPrice = new(big.Int).Set(limit)
		}
		return f
	}
	if f.feeCap.Cmp(limit) > 0 {
		m.log.Warn("suggested fee cap above the maximum fee, using the maximum", "suggested", f.feeCap, "max", limit)
		f.feeCap = new(big.Int).Set(limit)
		if f.tip.Cmp(f.feeCap) > 0 {
			f.tip = new(big.Int).Set(f.feeCap)
		}
	}
	return f
}

// bumpPct is the raise applied on replacement. Nodes require at least 10 %
// on both tip and cap; 12.5 % leaves room for rounding.
const bumpNum, bumpDen = 1125, 1000

func bumped(x *big.Int) *big.Int {
	r := new(big.Int).Mul(x, big.NewInt(bumpNum))
	r.Add(r, big.NewInt(bumpDen-1)) // round up
	r.Div(r, big.NewInt(bumpDen))
	if r.Cmp(x) <= 0 {
		r.Add(x, big.NewInt(1))
	}
	return r
}

// enoughBump reports whether next ≥ prev × 1.1, the replacement rule.
func enoughBump(prev, next *big.Int) bool {
	a := new(big.Int).Mul(next, big.NewInt(100))
	b := new(big.Int).Mul(prev, big.NewInt(110))
	return a.Cmp(b) >= 0
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

// bumpFee returns the fee for a replacement of prev: both values raised by
// 12.5 %, or to today's market price if that is higher, and bounded by the
// max fee (limit). ok is false when the bound leaves less than the 10 % raise
// nodes require: keep the previous version then.
func (m *Manager) bumpFee(ctx context.Context, prev fees, limit *big.Int) (next fees, ok bool) {
	market := fees{}
	if head, err := m.backend.HeaderByNumber(ctx, nil); err == nil {
		if prev.legacy() {
			if price, err := m.backend.SuggestGasPrice(ctx); err == nil {
				market.gasPrice = price
			}
		} else if head.BaseFee != nil {
			if tip, err := m.backend.SuggestGasTipCap(ctx); err == nil {
				market.tip = tip
				market.feeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
			}
		}
	}
	if prev.legacy() {
		price := bumped(prev.gasPrice)
		if market.gasPrice != nil {
			price = maxBig(price, market.gasPrice)
		}
		if price.Cmp(limit) > 0 {
			price = new(big.Int).Set(limit)
		}
		return fees{gasPrice: price}, enoughBump(prev.gasPrice, price)
	}
	tip, feeCap := bumped(prev.tip), bumped(prev.feeCap)
	if market.tip != nil {
		tip = maxBig(tip, market.tip)
		feeCap = maxBig(feeCap, market.feeCap)
	}
	if feeCap.Cmp(tip) < 0 {
		feeCap = new(big.Int).Set(tip)
	}
	if feeCap.Cmp(limit) > 0 {
		feeCap = new(big.Int).Set(limit)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	next = fees{tip: tip, feeCap: feeCap}
	return next, enoughBump(prev.tip, tip) && enoughBump(prev.feeCap, feeCap)
}
