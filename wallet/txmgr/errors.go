package txmgr

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// ErrClosed is returned (wrapped) once the Manager has been closed.
var ErrClosed = errors.New("txmgr: manager closed")

// InsufficientBalanceError reports that the account cannot pay for a
// transaction. Nothing was sent.
type InsufficientBalanceError struct {
	Address common.Address
	Need    *big.Int // value + max fee per gas × gas limit, in wei
	Have    *big.Int // balance at the latest block, in wei
}

func (e *InsufficientBalanceError) Error() string {
	return fmt.Sprintf("insufficient balance: need %s CNX for value + gas, have %s CNX at %s; fund the account or lower the fee",
		FormatCNX(e.Need), FormatCNX(e.Have), e.Address.Hex())
}

// NotConfirmedError is returned when waiting stops (context cancelled or
// deadline exceeded, Manager closed) after the transaction was broadcast. The
// transaction may still be mined: look it up by TxHash (or any of Hashes, the
// fee-bumped replacements of the same nonce) before sending it again.
// errors.Is(err, context.Canceled) works through Unwrap.
type NotConfirmedError struct {
	TxHash common.Hash   // the latest broadcast version
	Hashes []common.Hash // every version broadcast for this nonce, oldest first
	Nonce  uint64
	// MaxFeeReached is set when a further fee bump was needed but would have
	// gone over the maximum fee, so the last version was kept.
	MaxFeeReached bool
	Err           error
}

func (e *NotConfirmedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "transaction %s (nonce %d) not confirmed: %v; it was broadcast and may still be mined, so look up its hash before sending again", e.TxHash.Hex(), e.Nonce, e.Err)
	if len(e.Hashes) > 1 {
		fmt.Fprintf(&b, " (%d versions with raised fees:", len(e.Hashes))
		for _, h := range e.Hashes {
			b.WriteString(" " + h.Hex())
		}
		b.WriteString(")")
	}
	if e.MaxFeeReached {
		b.WriteString("; the fee was not raised further because it would exceed the maximum fee (raise it with WithMaxFee)")
	}
	return b.String()
}

func (e *NotConfirmedError) Unwrap() error { return e.Err }

// NonceUsedError reports that the transaction's nonce was consumed on chain by
// a transaction this Manager did not send (the account is used elsewhere).
// None of Hashes was mined; the Manager resynchronises its nonce.
type NonceUsedError struct {
	Nonce  uint64
	Hashes []common.Hash
}

func (e *NonceUsedError) Error() string {
	return fmt.Sprintf("txmgr: nonce %d was used on chain by another transaction, none of %d sent version(s) was mined; do not use the account from two programs at once, then send again", e.Nonce, len(e.Hashes))
}

// FormatCNX prints wei as decimal CNX (18 decimals) without trailing zeros,
// e.g. 15004200000000000000 → "15.0042".
func FormatCNX(wei *big.Int) string {
	if wei == nil {
		return "0"
	}
	neg := wei.Sign() < 0
	s := new(big.Int).Abs(wei).String()
	if len(s) <= 18 {
		s = strings.Repeat("0", 19-len(s)) + s
	}
	intPart, frac := s[:len(s)-18], strings.TrimRight(s[len(s)-18:], "0")
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
