package txmgr

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

var (
	errorStringSelector = []byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)
	panicSelector       = []byte{0x4e, 0x48, 0x7b, 0x71} // Panic(uint256)
)

// RevertError is a contract revert decoded from its revert data, either
// while estimating gas (nothing was sent) or for a mined transaction whose
// receipt has status 0 (TxHash set; the call was replayed at the receipt's
// block to recover the data).
//
// Exactly one of Reason, PanicCode and ErrorName is set when the data could be
// decoded; all are empty when the contract reverted without data.
type RevertError struct {
	Reason    string   // Error(string) message, e.g. "Task fee cannot be 0"
	PanicCode *big.Int // Panic(uint256) code, e.g. 0x12 for division by zero
	ErrorName string   // custom error name, e.g. "OwnableUnauthorizedAccount"
	ErrorArgs []any    // custom error arguments, in ABI order
	Data      []byte   // raw revert data
	TxHash    common.Hash
	// Note says why the data may be missing or stale (e.g. the replay of a
	// failed transaction did not revert, or the transaction ran out of gas).
	Note string
	// ReplaySucceeded is set for a mined transaction whose replay at its
	// block did not revert: what it depended on changed within the block
	// (another transaction ran first), so sending it again may succeed.
	ReplaySucceeded bool
	// OutOfGas is set for a mined transaction that reverted without data
	// because it ran out of gas, perhaps inside a call it made: it used all
	// its gas, or its replay at its block goes through with four times the
	// gas. The chain may have changed since the estimate; send again with a
	// larger Request.GasMarginPercent.
	OutOfGas bool
}

func (e *RevertError) Error() string {
	var b strings.Builder
	if e.TxHash != (common.Hash{}) {
		fmt.Fprintf(&b, "transaction %s failed: ", e.TxHash.Hex())
	}
	b.WriteString("execution reverted")
	switch {
	case e.Reason != "":
		b.WriteString(": " + e.Reason)
	case e.PanicCode != nil:
		fmt.Fprintf(&b, ": panic %#x (%s)", e.PanicCode, panicDescription(e.PanicCode))
	case e.ErrorName != "":
		args := make([]string, len(e.ErrorArgs))
		for i, a := range e.ErrorArgs {
			args[i] = fmt.Sprint(a)
		}
		fmt.Fprintf(&b, ": %s(%s)", e.ErrorName, strings.Join(args, ", "))
	case len(e.Data) >= 4:
		fmt.Fprintf(&b, ": unknown custom error %#x (%d bytes of data; pass the contract ABI with WithErrorABIs to decode it)", e.Data[:4], len(e.Data))
	case len(e.Data) > 0:
		fmt.Fprintf(&b, " with %d bytes of malformed revert data %#x", len(e.Data), e.Data)
	default:
		b.WriteString(" without a reason")
	}
	if e.Note != "" {
		b.WriteString(" (" + e.Note + ")")
	}
	return b.String()
}

// IsRevert reports whether err is (or wraps) a RevertError whose revert
// string or custom error name equals reason.
func IsRevert(err error, reason string) bool {
	var re *RevertError
	if !errors.As(err, &re) {
		return false
	}
	return re.Reason == reason || (re.ErrorName != "" && re.ErrorName == reason)
}

func panicDescription(code *big.Int) string {
	if !code.IsUint64() {
		return "unknown panic code"
	}
	switch code.Uint64() {
	case 0x00:
		return "generic compiler panic"
	case 0x01:
		return "assert failed"
	case 0x11:
		return "arithmetic overflow or underflow"
	case 0x12:
		return "division or modulo by zero"
	case 0x21:
		return "invalid enum value"
	case 0x22:
		return "invalid storage byte array encoding"
	case 0x31:
		return "pop on empty array"
	case 0x32:
		return "array index out of bounds"
	case 0x41:
		return "out of memory"
	case 0x51:
		return "call to zero-initialized function"
	}
	return "unknown panic code"
}

// DecodeRevert decodes revert data using the standard Error(string) and
// Panic(uint256) encodings and the custom errors of abis. It never panics,
// whatever the data (abigen's UnpackError panics on fewer than 4 bytes).
func DecodeRevert(data []byte, abis ...abi.ABI) *RevertError {
	re := &RevertError{Data: common.CopyBytes(data)}
	if len(data) < 4 {
		return re
	}
	sel, body := data[:4], data[4:]
	switch {
	case bytes.Equal(sel, errorStringSelector):
		if vals, err := (abi.Arguments{{Type: mustType("string")}}).Unpack(body); err == nil && len(vals) == 1 {
			if s, ok := vals[0].(string); ok {
				re.Reason = s
				if s == "" {
					re.Note = "empty revert string"
				}
				return re
			}
		}
	case bytes.Equal(sel, panicSelector):
		if vals, err := (abi.Arguments{{Type: mustType("uint256")}}).Unpack(body); err == nil && len(vals) == 1 {
			if c, ok := vals[0].(*big.Int); ok {
				re.PanicCode = c
				return re
			}
		}
	}
	for i := range abis {
		for _, e := range abis[i].Errors {
			if !bytes.Equal(e.ID[:4], sel) {
				continue
			}
			args, err := e.Inputs.Unpack(body)
			if err != nil {
				continue // same selector, other layout: try the next ABI
			}
			re.ErrorName, re.ErrorArgs = e.Name, args
			return re
		}
	}
	return re
}

func mustType(t string) abi.Type {
	typ, err := abi.NewType(t, "", nil)
	if err != nil {
		panic(err) // constant input
	}
	return typ
}

// revertData extracts the revert data an RPC error carries (geth and most
// clients put it, hex encoded, in the JSON-RPC error's data field).
func revertData(err error) ([]byte, bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, derr := hexutil.Decode(d)
		if derr != nil {
			return nil, false
		}
		return b, true
	case []byte:
		return d, true
	case hexutil.Bytes:
		return d, true
	}
	return nil, false
}

// asRevert turns an eth_call / eth_estimateGas error into a *RevertError when
// it is a revert, or returns nil.
func (m *Manager) asRevert(err error) *RevertError {
	if err == nil {
		return nil
	}
	if data, ok := revertData(err); ok {
		return DecodeRevert(data, m.cfg.errorABIs...)
	}
	if strings.Contains(err.Error(), "execution reverted") {
		return &RevertError{}
	}
	return nil
}
