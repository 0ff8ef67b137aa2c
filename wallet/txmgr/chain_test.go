package txmgr_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// testChain is a chain the behaviour tests run on: the simulated backend
// here, a geth --dev node through the devnet launcher elsewhere. Tests only
// need a Backend and one richly funded key.
type testChain struct {
	Backend txmgr.Backend
	Rich    *ecdsa.PrivateKey
	// SealsWhilePending marks a chain that keeps sealing (empty) blocks while
	// a transaction waits in its pool, as geth --dev does: the base fee then
	// decays until any fee cap is met, so no transaction stays underpriced.
	SealsWhilePending bool

	once   sync.Once
	funder *txmgr.Manager
}

var cnx = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

func cnxOf(x int64) *big.Int { return new(big.Int).Mul(big.NewInt(x), cnx) }

// newAccount returns a fresh key holding wei, funded from the rich key.
func (c *testChain) newAccount(t testing.TB, wei *big.Int) *ecdsa.PrivateKey {
	t.Helper()
	c.once.Do(func() {
		m, err := txmgr.New(c.Backend, wallet.NewKeySigner(c.Rich), txmgr.WithPollInterval(20*time.Millisecond))
		require.NoError(t, err)
		c.funder = m
	})
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	if wei.Sign() > 0 {
		to := crypto.PubkeyToAddress(key.PublicKey)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err = c.funder.Send(ctx, txmgr.Request{To: &to, Value: wei})
		require.NoError(t, err)
	}
	return key
}

func (c *testChain) close() {
	c.once.Do(func() {}) // no funder may start after this
	if c.funder != nil {
		_ = c.funder.Close()
	}
}

// manager returns a Manager for key on backend, closed at test end.
func newManager(t testing.TB, b txmgr.Backend, key *ecdsa.PrivateKey, opts ...txmgr.Option) *txmgr.Manager {
	t.Helper()
	opts = append([]txmgr.Option{txmgr.WithPollInterval(20 * time.Millisecond)}, opts...)
	m, err := txmgr.New(b, wallet.NewKeySigner(key), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = m.Close() })
	return m
}

// autoMine wraps the simulated client and seals a block after every
// accepted transaction, like geth --dev with period 0 does.
type autoMine struct {
	simulated.Client
	kick chan struct{}
}

func (a *autoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	err := a.Client.SendTransaction(ctx, tx)
	if err == nil {
		select {
		case a.kick <- struct{}{}:
		default:
		}
	}
	return err
}

// newSimChain starts a simulated chain that mines whenever transactions
// arrive.
func newSimChain(t testing.TB) *testChain {
	t.Helper()
	rich, err := crypto.GenerateKey()
	require.NoError(t, err)
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(rich.PublicKey): {Balance: cnxOf(1_000_000)},
	})
	am := &autoMine{Client: sim.Client(), kick: make(chan struct{}, 1)}
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			case <-am.kick:
				// Let a burst of concurrent sends gather in one block.
				time.Sleep(2 * time.Millisecond)
				sim.Commit()
			}
		}
	}()
	c := &testChain{Backend: am, Rich: rich}
	t.Cleanup(func() {
		c.close()
		close(stop)
		<-stopped
		_ = sim.Close()
	})
	return c
}

// cheapFees makes the manager price transactions so low that no block
// includes them (tip below the miner's minimum, cap below the base fee),
// until heal is called or, with healAfterFirst, after the first broadcast.
type cheapFees struct {
	txmgr.Backend
	cheap          atomic.Bool
	healAfterFirst bool
}

func newCheapFees(b txmgr.Backend, healAfterFirst bool) *cheapFees {
	c := &cheapFees{Backend: b, healAfterFirst: healAfterFirst}
	c.cheap.Store(true)
	return c
}

func (c *cheapFees) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	h, err := c.Backend.HeaderByNumber(ctx, n)
	if err != nil || !c.cheap.Load() || h.BaseFee == nil {
		return h, err
	}
	cp := types.CopyHeader(h)
	cp.BaseFee = big.NewInt(1)
	return cp, nil
}

func (c *cheapFees) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	if c.cheap.Load() {
		return big.NewInt(1), nil
	}
	return c.Backend.SuggestGasTipCap(ctx)
}

func (c *cheapFees) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	if c.cheap.Load() {
		return big.NewInt(3), nil
	}
	return c.Backend.SuggestGasPrice(ctx)
}

func (c *cheapFees) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	err := c.Backend.SendTransaction(ctx, tx)
	if err == nil && c.healAfterFirst {
		c.cheap.Store(false)
	}
	return err
}

// noTipMethod is a node without eth_maxPriorityFeePerGas (the real client
// otherwise).
type noTipMethod struct{ txmgr.Backend }

func (noTipMethod) SuggestGasTipCap(context.Context) (*big.Int, error) {
	return nil, errors.New("the method eth_maxPriorityFeePerGas does not exist/is not available")
}

// noBaseFee is a pre-London chain head (the real client otherwise).
type noBaseFee struct{ txmgr.Backend }

func (n noBaseFee) HeaderByNumber(ctx context.Context, num *big.Int) (*types.Header, error) {
	h, err := n.Backend.HeaderByNumber(ctx, num)
	if err != nil {
		return nil, err
	}
	cp := types.CopyHeader(h)
	cp.BaseFee = nil
	return cp, nil
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }
