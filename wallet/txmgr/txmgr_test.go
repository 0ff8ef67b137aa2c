package txmgr_test

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/wallet/txmgr"
)

// behaviours run on any testChain (simulated here; geth --dev via the devnet
// launcher).
var behaviours = []struct {
	name string
	fn   func(t *testing.T, c *testChain)
}{
	// First: on geth --dev every block lowers the base fee, and this test
	// needs it far above its 10-wei cap.
	{"MaxFeeStopsBumpsAndIsReported", testMaxFeeReached},
	{"ConcurrentSendsGetConsecutiveNonces", testConcurrentSends},
	{"StuckTransactionIsReplaced", testStuckReplaced},
	{"ForcedLegacy", testForcedLegacy},
	{"LegacyFallbackWithoutTipMethod", testLegacyFallback},
	{"DynamicFeeByDefault", testDynamicFee},
	{"InsufficientBalanceSendsNothing", testInsufficientBalance},
	{"CancelReportsHash", testCancelReportsHash},
	{"NonceTooLowResyncs", testNonceResync},
	{"Confirmations", testConfirmations},
	{"RevertsDecodedHandAssembled", testRevertsHandAssembled},
	{"RevertsDecodedRealContracts", testRevertsRealContracts},
	{"DeployAndCall", testDeploy},
}

func TestSimulated(t *testing.T) {
	runBehaviours(t, newSimChain(t))
}

// runBehaviours runs every behaviour test on c. For another chain (geth
// --dev) build a testChain{Backend: client, Rich: fundedKey} and call this.
func runBehaviours(t *testing.T, c *testChain) {
	t.Cleanup(c.close)
	for _, b := range behaviours {
		t.Run(b.name, func(t *testing.T) { b.fn(t, c) })
	}
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func testConcurrentSends(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(10))
	m := newManager(t, c.Backend, key)
	ctx := ctxT(t, 2*time.Minute)
	start, err := c.Backend.NonceAt(ctx, addr(key), nil)
	require.NoError(t, err)

	const n = 100
	sink := addr(c.newAccount(t, big.NewInt(0)))
	nonces := make([]uint64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := m.SendAsync(ctx, txmgr.Request{To: &sink, Value: big.NewInt(int64(i + 1))})
			if err != nil {
				errs[i] = err
				return
			}
			nonces[i] = p.Nonce()
			r, err := p.Wait(ctx)
			if err == nil && r.Status != types.ReceiptStatusSuccessful {
				err = fmt.Errorf("receipt status %d", r.Status)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "send %d", i)
	}
	sort.Slice(nonces, func(i, j int) bool { return nonces[i] < nonces[j] })
	for i, nonce := range nonces {
		require.Equal(t, start+uint64(i), nonce, "nonces must be consecutive")
	}
	end, err := c.Backend.NonceAt(ctx, addr(key), nil)
	require.NoError(t, err)
	assert.Equal(t, start+n, end)
	bal, err := c.Backend.BalanceAt(ctx, sink, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(n*(n+1)/2), bal.Int64(), "every transfer landed once")
}

func testStuckReplaced(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	b := newCheapFees(c.Backend, true)
	m := newManager(t, b, key, txmgr.WithResubmitTimeout(300*time.Millisecond), txmgr.WithMaxFee(big.NewInt(1000e9)))
	ctx := ctxT(t, time.Minute)
	to := addr(c.newAccount(t, big.NewInt(0)))

	p, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(7)})
	require.NoError(t, err)
	first := p.Hash()
	r, err := p.Wait(ctx)
	require.NoError(t, err)
	assert.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	hashes := p.Hashes()
	require.GreaterOrEqual(t, len(hashes), 2, "the underpriced tx must have been replaced")
	assert.Equal(t, first, hashes[0])
	assert.NotEqual(t, first, r.TxHash, "the replacement, not the underpriced original, is mined")
	assert.Contains(t, hashes, r.TxHash)
	_, err = c.Backend.TransactionReceipt(ctx, first)
	assert.Error(t, err, "the original must not be mined")
	bal, err := c.Backend.BalanceAt(ctx, to, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(7), bal.Int64(), "value transferred exactly once")
}

func testMaxFeeReached(t *testing.T, c *testChain) {
	if c.SealsWhilePending {
		t.Skip("this chain seals empty blocks while a transaction is pending, so the base fee decays below any cap; the max-fee bound is tested on the simulated backend")
	}
	key := c.newAccount(t, cnxOf(1))
	b := newCheapFees(c.Backend, false) // market never recovers
	to := addr(c.newAccount(t, big.NewInt(0)))
	// The cap must stay well under the chain's real base fee: geth --dev
	// seals an (empty) block for every replacement that reaches its pool, so
	// the base fee decays 12.5% per bump while the fee climbs to the cap.
	head, err := c.Backend.HeaderByNumber(ctxT(t, time.Minute), nil)
	require.NoError(t, err)
	maxFee := big.NewInt(10)
	if head.BaseFee != nil && head.BaseFee.Cmp(big.NewInt(100_000)) < 0 {
		t.Skipf("base fee %s wei is too low to keep a 10-wei transaction out of blocks", head.BaseFee)
	}
	m := newManager(t, b, key, txmgr.WithResubmitTimeout(50*time.Millisecond), txmgr.WithMaxFee(maxFee))

	p, err := m.SendAsync(ctxT(t, time.Minute), txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err = p.Wait(ctx)
	var nc *txmgr.NotConfirmedError
	require.ErrorAs(t, err, &nc)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.True(t, nc.MaxFeeReached, "bumps must stop at the max fee")
	assert.Contains(t, err.Error(), "maximum fee")
	assert.Greater(t, len(nc.Hashes), 1, "bumped while under the max fee")
	assert.Equal(t, p.Hash(), nc.TxHash)
}

func testForcedLegacy(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, c.Backend, key, txmgr.WithLegacy(true))
	to := addr(key)
	r, err := m.Send(ctxT(t, time.Minute), txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	assert.Equal(t, uint8(types.LegacyTxType), r.Type)
}

func testLegacyFallback(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, noTipMethod{c.Backend}, key)
	to := addr(key)
	r, err := m.Send(ctxT(t, time.Minute), txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	assert.Equal(t, uint8(types.LegacyTxType), r.Type, "no eth_maxPriorityFeePerGas: legacy gas price")

	m = newManager(t, noBaseFee{c.Backend}, key)
	r, err = m.Send(ctxT(t, time.Minute), txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	assert.Equal(t, uint8(types.LegacyTxType), r.Type, "head without base fee: legacy gas price")
}

func testDynamicFee(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, c.Backend, key)
	to := addr(key)
	r, err := m.Send(ctxT(t, time.Minute), txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	assert.Equal(t, uint8(types.DynamicFeeTxType), r.Type)
}

func testInsufficientBalance(t *testing.T, c *testChain) {
	// 0.001 CNX
	key := c.newAccount(t, new(big.Int).Div(cnx, big.NewInt(1000)))
	m := newManager(t, c.Backend, key)
	ctx := ctxT(t, time.Minute)
	from := addr(key)
	balBefore, err := c.Backend.BalanceAt(ctx, from, nil)
	require.NoError(t, err)
	nonceBefore, err := c.Backend.PendingNonceAt(ctx, from)
	require.NoError(t, err)

	to := addr(c.Rich)
	for _, gas := range []uint64{0, 21000} { // estimated and fixed gas
		_, err = m.Send(ctx, txmgr.Request{To: &to, Value: cnxOf(15), GasLimit: gas})
		var ib *txmgr.InsufficientBalanceError
		require.ErrorAs(t, err, &ib)
		assert.Equal(t, from, ib.Address)
		assert.Equal(t, balBefore, ib.Have)
		assert.Greater(t, ib.Need.Cmp(cnxOf(15)), 0, "need includes gas")
		msg := err.Error()
		assert.True(t, strings.HasPrefix(msg, "insufficient balance: need 15.0"), msg)
		assert.Contains(t, msg, "CNX for value + gas, have 0.001 CNX at "+from.Hex())
		assert.Contains(t, msg, "fund the account or lower the fee")
	}
	balAfter, err := c.Backend.BalanceAt(ctx, from, nil)
	require.NoError(t, err)
	nonceAfter, err := c.Backend.PendingNonceAt(ctx, from)
	require.NoError(t, err)
	assert.Equal(t, balBefore, balAfter, "nothing spent")
	assert.Equal(t, nonceBefore, nonceAfter, "nothing sent")
}

func testCancelReportsHash(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, newCheapFees(c.Backend, false), key, txmgr.WithResubmitTimeout(0))
	to := addr(key)
	ctx, cancel := context.WithCancel(context.Background())
	p, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	go func() {
		time.Sleep(200 * time.Millisecond)
		cancel()
	}()
	_, err = p.Wait(ctx)
	var nc *txmgr.NotConfirmedError
	require.ErrorAs(t, err, &nc)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, p.Hash(), nc.TxHash)
	assert.Contains(t, err.Error(), p.Hash().Hex())
	assert.Contains(t, err.Error(), "may still be mined")
}

func testNonceResync(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, c.Backend, key)
	ctx := ctxT(t, time.Minute)
	to := addr(key)
	_, err := m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)

	// Another program uses the same key behind the manager's back.
	other := newManager(t, c.Backend, key)
	_, err = other.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(2)})
	require.NoError(t, err)

	r, err := m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(3)})
	require.NoError(t, err, "nonce too low must be recovered by resyncing")
	assert.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	n, err := c.Backend.NonceAt(ctx, addr(key), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(3), n)
}

func testConfirmations(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, c.Backend, key, txmgr.WithConfirmations(3))
	ctx := ctxT(t, time.Minute)
	to := addr(key)

	// Blocks only appear when transactions arrive: keep a second account busy.
	filler := newManager(t, c.Backend, c.newAccount(t, cnxOf(1)))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			_, _ = filler.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
		}
	}()
	r, err := m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	close(stop)
	wg.Wait()
	require.NoError(t, err)
	head, err := c.Backend.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, head.Number.Uint64(), r.BlockNumber.Uint64()+2, "three confirmations")
	canon, err := c.Backend.HeaderByNumber(ctx, r.BlockNumber)
	require.NoError(t, err)
	assert.Equal(t, canon.Hash(), r.BlockHash, "receipt is on the canonical chain")
}

func testDeploy(t *testing.T, c *testChain) {
	key := c.newAccount(t, cnxOf(1))
	m := newManager(t, c.Backend, key)
	ctx := ctxT(t, time.Minute)
	// Runtime code: return the 32-byte word 42 for any call.
	runtime := []byte{0x60, 0x2a, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3}
	r, err := m.Send(ctx, txmgr.Request{Data: initCode(runtime)})
	require.NoError(t, err)
	require.Equal(t, crypto.CreateAddress(addr(key), 0), r.ContractAddress)
	out, err := c.Backend.CallContract(ctx, callTo(r.ContractAddress), nil)
	require.NoError(t, err)
	assert.Equal(t, big.NewInt(42), new(big.Int).SetBytes(out))
}
