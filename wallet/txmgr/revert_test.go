package txmgr_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// initCode wraps runtime code in init code that returns it:
// CODECOPY(0, len(init), len(runtime)); RETURN(0, len(runtime)).
func initCode(runtime []byte) []byte {
	n := len(runtime)
	const initLen = 15
	code := []byte{
		0x61, byte(n >> 8), byte(n), // PUSH2 size
		0x61, 0x00, initLen, // PUSH2 offset
		0x60, 0x00, // PUSH1 0
		0x39,                        // CODECOPY
		0x61, byte(n >> 8), byte(n), // PUSH2 size
		0x60, 0x00, // PUSH1 0
		0xf3, // RETURN
	}
	return append(code, runtime...)
}

// revertingRuntime reverts every call with exactly data:
// CODECOPY(0, 15, len(data)); REVERT(0, len(data)); data.
func revertingRuntime(data []byte) []byte {
	n := len(data)
	code := []byte{
		0x61, byte(n >> 8), byte(n), // PUSH2 size
		0x61, 0x00, 15, // PUSH2 offset of data
		0x60, 0x00, // PUSH1 0
		0x39,                        // CODECOPY
		0x61, byte(n >> 8), byte(n), // PUSH2 size
		0x60, 0x00, // PUSH1 0
		0xfd, // REVERT
	}
	return append(code, data...)
}

func callTo(a common.Address) ethereum.CallMsg { return ethereum.CallMsg{To: &a} }

func abiArgs(t testing.TB, typ string, v any) []byte {
	ty, err := abi.NewType(typ, "", nil)
	require.NoError(t, err)
	out, err := abi.Arguments{{Type: ty}}.Pack(v)
	require.NoError(t, err)
	return out
}

func errorString(t testing.TB, s string) []byte {
	return append([]byte{0x08, 0xc3, 0x79, 0xa0}, abiArgs(t, "string", s)...)
}

func panicData(t testing.TB, code int64) []byte {
	return append([]byte{0x4e, 0x48, 0x7b, 0x71}, abiArgs(t, "uint256", big.NewInt(code))...)
}

func customError(t testing.TB, contract *abi.ABI, name string, args ...any) []byte {
	e, ok := contract.Errors[name]
	require.True(t, ok, name)
	enc, err := e.Inputs.Pack(args...)
	require.NoError(t, err)
	return append(append([]byte{}, e.ID[:4]...), enc...)
}

func testRevertsHandAssembled(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, c.Backend, key)
	ctx := ctxT(t, time.Minute)
	qos, err := bindings.QOSMetaData.ParseABI()
	require.NoError(t, err)
	who := addr(key)

	cases := []struct {
		name  string
		data  []byte
		check func(t *testing.T, re *txmgr.RevertError)
	}{
		{"ErrorString", errorString(t, "Task fee cannot be 0"), func(t *testing.T, re *txmgr.RevertError) {
			assert.Equal(t, "Task fee cannot be 0", re.Reason)
			assert.Contains(t, re.Error(), "execution reverted: Task fee cannot be 0")
		}},
		{"Panic", panicData(t, 0x12), func(t *testing.T, re *txmgr.RevertError) {
			require.NotNil(t, re.PanicCode)
			assert.Equal(t, int64(0x12), re.PanicCode.Int64())
			assert.Contains(t, re.Error(), "division or modulo by zero")
		}},
		{"CustomError", customError(t, qos, "OwnableUnauthorizedAccount", who), func(t *testing.T, re *txmgr.RevertError) {
			assert.Equal(t, "OwnableUnauthorizedAccount", re.ErrorName)
			require.Len(t, re.ErrorArgs, 1)
			assert.Equal(t, who, re.ErrorArgs[0])
			assert.Contains(t, re.Error(), "OwnableUnauthorizedAccount(")
		}},
		{"UnknownCustomError", []byte{0xde, 0xad, 0xbe, 0xef, 1, 2}, func(t *testing.T, re *txmgr.RevertError) {
			assert.Empty(t, re.ErrorName)
			assert.Contains(t, re.Error(), "unknown custom error 0xdeadbeef")
		}},
		{"ShortData", []byte{0x01, 0x02}, func(t *testing.T, re *txmgr.RevertError) {
			assert.Equal(t, []byte{0x01, 0x02}, re.Data)
			assert.Empty(t, re.Reason)
		}},
		{"NoData", nil, func(t *testing.T, re *txmgr.RevertError) {
			assert.Empty(t, re.Data)
			assert.Contains(t, re.Error(), "without a reason")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := m.Send(ctx, txmgr.Request{Data: initCode(revertingRuntime(tc.data))})
			require.NoError(t, err)
			target := r.ContractAddress

			// At estimate time: nothing is sent.
			nonce, err := c.Backend.PendingNonceAt(ctx, who)
			require.NoError(t, err)
			_, err = m.Send(ctx, txmgr.Request{To: &target})
			var re *txmgr.RevertError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, common.Hash{}, re.TxHash)
			assert.Equal(t, tc.data, nilIfEmpty(re.Data))
			tc.check(t, re)
			after, err := c.Backend.PendingNonceAt(ctx, who)
			require.NoError(t, err)
			assert.Equal(t, nonce, after, "a revert at estimate time sends nothing")

			// Mined and failed: decoded by replaying the call.
			rcpt, err := m.Send(ctx, txmgr.Request{To: &target, GasLimit: 100_000})
			require.ErrorAs(t, err, &re)
			require.NotNil(t, rcpt)
			assert.Equal(t, types.ReceiptStatusFailed, rcpt.Status)
			assert.Equal(t, rcpt.TxHash, re.TxHash)
			assert.Equal(t, tc.data, nilIfEmpty(re.Data))
			assert.Contains(t, re.Error(), rcpt.TxHash.Hex())
			tc.check(t, re)
		})
	}
	_, err = m.Send(ctx, txmgr.Request{Data: initCode(revertingRuntime(errorString(t, "Nonce is used")))})
	require.NoError(t, err)
}

func nilIfEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

func TestDecodeRevertNeverPanics(t *testing.T) {
	for _, data := range [][]byte{nil, {}, {0x08}, {0x08, 0xc3, 0x79}, {0x08, 0xc3, 0x79, 0xa0}, {0x4e, 0x48, 0x7b, 0x71, 0xff}} {
		assert.NotPanics(t, func() { _ = txmgr.DecodeRevert(data).Error() })
	}
}

func TestIsRevert(t *testing.T) {
	re := txmgr.DecodeRevert(errorString(t, "Task fee cannot be 0"))
	wrapped := fmt.Errorf("create task: %w", re)
	assert.True(t, txmgr.IsRevert(wrapped, "Task fee cannot be 0"))
	assert.False(t, txmgr.IsRevert(wrapped, "Nonce is used"))
	assert.False(t, txmgr.IsRevert(context.Canceled, "Task fee cannot be 0"))
	qos, err := bindings.QOSMetaData.ParseABI()
	require.NoError(t, err)
	ce := txmgr.DecodeRevert(customError(t, qos, "OwnableUnauthorizedAccount", common.Address{1}), *qos)
	assert.True(t, txmgr.IsRevert(ce, "OwnableUnauthorizedAccount"))
}

func TestFormatCNX(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "1": "0.000000000000000001", "1000000000000000000": "1",
		"15004200000000000000": "15.0042", "3000000000000000000": "3", "-1500000000000000000": "-1.5",
	} {
		v, ok := new(big.Int).SetString(in, 10)
		require.True(t, ok)
		assert.Equal(t, want, txmgr.FormatCNX(v), in)
	}
}
