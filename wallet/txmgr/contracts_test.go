package txmgr_test

import (
	"context"
	"crypto/rand"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/wallet/txmgr"
)

// buildDir holds the compiled Crynux contracts (contracts/build).
var buildDir = filepath.Join("..", "..", "contracts", "build")

type contract struct {
	addr common.Address
	abi  *abi.ABI
}

func (c contract) pack(t testing.TB, method string, args ...any) []byte {
	t.Helper()
	data, err := c.abi.Pack(method, args...)
	require.NoError(t, err)
	return data
}

func loadArtifact(t testing.TB, name string) (*abi.ABI, []byte) {
	t.Helper()
	abiJSON, err := os.ReadFile(filepath.Join(buildDir, name+".abi.json"))
	if os.IsNotExist(err) {
		t.Skipf("contracts/build/%s.abi.json not built yet", name)
	}
	require.NoError(t, err)
	parsed, err := abi.JSON(strings.NewReader(string(abiJSON)))
	require.NoError(t, err)
	bin, err := os.ReadFile(filepath.Join(buildDir, name+".bin"))
	require.NoError(t, err)
	code := common.FromHex(strings.TrimSpace(string(bin)))
	require.NotEmpty(t, code, name)
	return &parsed, code
}

// deployStack deploys and wires QOS, NetworkStats, TaskQueue, Node and
// VSSTask as protocol §2.1 describes, all through m.
func deployStack(t testing.TB, ctx context.Context, m *txmgr.Manager) (qos, task contract) {
	t.Helper()
	deploy := func(name string, args ...any) contract {
		parsed, code := loadArtifact(t, name)
		ctor, err := parsed.Pack("", args...)
		require.NoError(t, err)
		r, err := m.Send(ctx, txmgr.Request{Data: append(code, ctor...)})
		require.NoError(t, err, "deploy %s", name)
		return contract{addr: r.ContractAddress, abi: parsed}
	}
	qos = deploy("QOS")
	stats := deploy("NetworkStats")
	queue := deploy("TaskQueue")
	node := deploy("Node", qos.addr, stats.addr)
	task = deploy("VSSTask", node.addr, qos.addr, queue.addr, stats.addr)
	for _, call := range []struct {
		c      contract
		method string
		arg    common.Address
	}{
		{qos, "updateNodeContractAddress", node.addr},
		{qos, "updateTaskContractAddress", task.addr},
		{stats, "updateNodeContractAddress", node.addr},
		{stats, "updateTaskContractAddress", task.addr},
		{queue, "updateTaskContractAddress", task.addr},
		{node, "updateTaskContractAddress", task.addr},
	} {
		_, err := m.Send(ctx, txmgr.Request{To: &call.c.addr, Data: call.c.pack(t, call.method, call.arg)})
		require.NoError(t, err, call.method)
	}
	return qos, task
}

func random32(t testing.TB) [32]byte {
	var b [32]byte
	_, err := rand.Read(b[:])
	require.NoError(t, err)
	return b
}

func createTaskData(t testing.TB, task contract, taskSize int64) []byte {
	return task.pack(t, "createTask",
		uint8(0), random32(t), random32(t), []string{"base:runwayml/stable-diffusion-v1-5"},
		big.NewInt(8), "", big.NewInt(0), [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)},
		big.NewInt(taskSize))
}

// testRevertsRealContracts checks each revert kind against the Crynux
// contracts: at estimate time (nothing sent) and for a mined failed
// transaction (replayed at its block).
func testRevertsRealContracts(t *testing.T, c *testChain) {
	ctx := ctxT(t, 2*time.Minute)
	owner := newManager(t, c.Backend, c.newAccount(t, cnxOf(100)))
	qos, task := deployStack(t, ctx, owner)
	userKey := c.newAccount(t, cnxOf(100))
	user := newManager(t, c.Backend, userKey)

	cases := []struct {
		name  string
		req   txmgr.Request
		check func(t *testing.T, re *txmgr.RevertError)
		// skipIfNoRevert names a contract behaviour of protocol §2 that the
		// contracts in contracts/src may not reproduce.
		skipIfNoRevert string
	}{
		{"CustomErrorFromNonOwner", txmgr.Request{To: &qos.addr, Data: qos.pack(t, "updateKickoutThreshold", big.NewInt(5))},
			func(t *testing.T, re *txmgr.RevertError) {
				assert.Equal(t, "OwnableUnauthorizedAccount", re.ErrorName)
				require.Len(t, re.ErrorArgs, 1)
				assert.Equal(t, addr(userKey), re.ErrorArgs[0])
				assert.True(t, txmgr.IsRevert(re, "OwnableUnauthorizedAccount"))
			}, ""},
		{"RevertStringZeroFee", txmgr.Request{To: &task.addr, Data: createTaskData(t, task, 1)},
			func(t *testing.T, re *txmgr.RevertError) {
				assert.Equal(t, "Task fee cannot be 0", re.Reason)
				assert.True(t, txmgr.IsRevert(re, "Task fee cannot be 0"))
			}, ""},
		{"PanicDivisionByZeroTaskSize", txmgr.Request{To: &task.addr, Value: cnxOf(1), Data: createTaskData(t, task, 0)},
			func(t *testing.T, re *txmgr.RevertError) {
				require.NotNil(t, re.PanicCode, re.Error())
				assert.Equal(t, int64(0x12), re.PanicCode.Int64())
			}, "protocol §2.4: queueing a task with taskSize 0 divides by zero"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nonce, err := c.Backend.PendingNonceAt(ctx, addr(userKey))
			require.NoError(t, err)
			bal, err := c.Backend.BalanceAt(ctx, addr(userKey), nil)
			require.NoError(t, err)
			if tc.skipIfNoRevert != "" {
				// Probe without sending: does this contract build revert at all?
				if _, err := c.Backend.EstimateGas(ctx, callFrom(addr(userKey), tc.req)); err == nil {
					t.Skipf("contracts/src does not revert here, so there is nothing to decode (%s)", tc.skipIfNoRevert)
				}
			}
			_, err = user.Send(ctx, tc.req)
			var re *txmgr.RevertError
			require.ErrorAs(t, err, &re, "estimate time")
			tc.check(t, re)
			after, err := c.Backend.PendingNonceAt(ctx, addr(userKey))
			require.NoError(t, err)
			assert.Equal(t, nonce, after, "nothing sent")
			balAfter, err := c.Backend.BalanceAt(ctx, addr(userKey), nil)
			require.NoError(t, err)
			assert.Equal(t, bal, balAfter, "nothing spent")

			mined := tc.req
			mined.GasLimit = 3_000_000
			rcpt, err := user.Send(ctx, mined)
			require.ErrorAs(t, err, &re, "mined")
			require.NotNil(t, rcpt)
			assert.Equal(t, types.ReceiptStatusFailed, rcpt.Status)
			assert.Equal(t, rcpt.TxHash, re.TxHash)
			tc.check(t, re)
		})
	}

	// And a good createTask goes through (queued: no nodes joined).
	r, err := user.Send(ctx, txmgr.Request{To: &task.addr, Value: cnxOf(1), Data: createTaskData(t, task, 1)})
	require.NoError(t, err)
	assert.Equal(t, types.ReceiptStatusSuccessful, r.Status)

	// Short of gas (as when the chain changed between estimate and
	// inclusion): a revert without data is reported as out of gas.
	good := txmgr.Request{To: &task.addr, Value: cnxOf(1), Data: createTaskData(t, task, 1)}
	est, err := c.Backend.EstimateGas(ctx, callFrom(addr(userKey), good))
	require.NoError(t, err)
	short := good
	short.GasLimit = est * 3 / 4
	rcpt, err := user.Send(ctx, short)
	var re *txmgr.RevertError
	require.ErrorAs(t, err, &re)
	require.NotNil(t, rcpt)
	assert.Equal(t, types.ReceiptStatusFailed, rcpt.Status)
	t.Logf("estimate %d, limit %d, used %d", est, short.GasLimit, rcpt.GasUsed)
	assert.True(t, re.OutOfGas, "out of gas: %v", re)
	assert.False(t, re.ReplaySucceeded)
	assert.Contains(t, re.Error(), "GasMarginPercent")
	// The same call with its own margin goes through.
	good.Data = createTaskData(t, task, 1)
	good.GasMarginPercent = 100
	r, err = user.Send(ctx, good)
	require.NoError(t, err)
	assert.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	assert.Less(t, r.GasUsed*3/2, est*2, "the limit was estimate + 100%%, well above what it used")
}

func callFrom(from common.Address, r txmgr.Request) ethereum.CallMsg {
	return ethereum.CallMsg{From: from, To: r.To, Value: r.Value, Data: r.Data}
}
