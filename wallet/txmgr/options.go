package txmgr

import (
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// Defaults used when the matching option is not given.
const (
	// DefaultPollInterval is how often receipts and the chain head are polled.
	// It is much shorter than bind.WaitMined's one second, so a tx mined in the
	// next block is seen almost at once.
	DefaultPollInterval = 100 * time.Millisecond
	// DefaultResubmitTimeout is how long a transaction may stay unmined before
	// it is replaced with a higher fee.
	DefaultResubmitTimeout = time.Minute
	// DefaultGasMarginPercent is added on top of eth_estimateGas.
	DefaultGasMarginPercent = 20
	// DefaultConfirmations is the number of blocks (the including block
	// counts as the first) a receipt must be buried under before Wait returns.
	DefaultConfirmations = 1
	// defaultMaxFeeFactor bounds fee bumps when WithMaxFee is not given: a
	// transaction never pays more than this multiple of its first fee cap.
	defaultMaxFeeFactor = 10
)

type config struct {
	logger          *slog.Logger
	confirmations   uint64
	pollInterval    time.Duration
	resubmitTimeout time.Duration
	maxFee          *big.Int
	gasMargin       uint64
	errorABIs       []abi.ABI
	errorABIsSet    bool
	legacy          bool
}

// Option configures a Manager (see New).
type Option func(*config)

// WithLogger sets the logger. The default discards everything.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}

// WithConfirmations makes Wait return only once the including block has
// n-1 blocks on top of it (n = 1: as soon as it is mined). n = 0 is treated as 1.
func WithConfirmations(n uint64) Option {
	return func(c *config) {
		if n == 0 {
			n = 1
		}
		c.confirmations = n
	}
}

// WithPollInterval sets how often the chain is polled for receipts
// (default DefaultPollInterval).
func WithPollInterval(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.pollInterval = d
		}
	}
}

// WithResubmitTimeout sets how long a transaction may stay unmined before it
// is re-signed with the same nonce and a fee raised by 12.5 % (default
// DefaultResubmitTimeout). d <= 0 disables replacement; the transaction is
// then only re-broadcast unchanged.
func WithResubmitTimeout(d time.Duration) Option {
	return func(c *config) { c.resubmitTimeout = d }
}

// WithMaxFee caps the fee per gas (EIP-1559 fee cap, or legacy gas price) in
// wei that any transaction, including its replacements, may offer. Without
// it a replacement never offers more than 10 times the transaction's first
// fee cap.
func WithMaxFee(wei *big.Int) Option {
	return func(c *config) {
		if wei != nil && wei.Sign() > 0 {
			c.maxFee = new(big.Int).Set(wei)
		}
	}
}

// WithGasMargin sets the percentage added to the gas estimate (default 20).
func WithGasMargin(percent uint64) Option {
	return func(c *config) { c.gasMargin = percent }
}

// WithErrorABIs sets the ABIs whose custom errors are decoded in a
// RevertError. The default is the Crynux contracts' ABIs (VSSTask, Node, QOS,
// TaskQueue, NetworkStats). Passing ABIs replaces the default list.
func WithErrorABIs(abis ...abi.ABI) Option {
	return func(c *config) {
		c.errorABIs = append([]abi.ABI(nil), abis...)
		c.errorABIsSet = true
	}
}

// WithLegacy forces legacy (pre-EIP-1559) transactions with a gas price, as
// the old Crynux VSS testnet used. Without it the Manager uses EIP-1559
// transactions and falls back to legacy when the chain head has no base fee
// or the node does not support eth_maxPriorityFeePerGas.
func WithLegacy(legacy bool) Option {
	return func(c *config) { c.legacy = legacy }
}
