package txmgr_test

import (
	"bytes"
	"log/slog"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/wallet/txmgr"
)

// A node that drops our transactions from its pool (restart, eviction) must
// not leave a nonce gap: the manager re-sends them and later sends continue
// from the right nonce.
func TestDroppedTransactionsAreResent(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	sim := simulated.NewBackend(types.GenesisAlloc{addr(key): {Balance: cnxOf(10)}})
	defer sim.Close()
	client := sim.Client()
	m := newManager(t, client, key, txmgr.WithResubmitTimeout(200*time.Millisecond))
	ctx := ctxT(t, time.Minute)
	to := addr(key)

	p1, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	p2, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(2)})
	require.NoError(t, err)
	require.Equal(t, []uint64{0, 1}, []uint64{p1.Nonce(), p2.Nonce()})

	sim.Rollback() // the pool forgets both
	pending, err := client.PendingNonceAt(ctx, addr(key))
	require.NoError(t, err)
	require.Equal(t, uint64(0), pending, "both transactions dropped")

	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				sim.Commit()
			}
		}
	}()
	defer func() { close(stop); wg.Wait() }()

	for _, p := range []*txmgr.Pending{p1, p2} {
		r, err := p.Wait(ctx)
		require.NoError(t, err)
		assert.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	}
	p3, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(3)})
	require.NoError(t, err)
	assert.Equal(t, uint64(2), p3.Nonce())
	_, err = p3.Wait(ctx)
	require.NoError(t, err)
}

// The nonce collision path really runs when another sender used the nonce.
func TestNonceTooLowIsLoggedAndRecovered(t *testing.T) {
	c := newSimChain(t)
	key := c.newAccount(t, cnxOf(1))
	var logs syncBuffer
	m := newManager(t, c.Backend, key, txmgr.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	ctx := ctxT(t, time.Minute)
	to := addr(key)
	_, err := m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	_, err = newManager(t, c.Backend, key).Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	p, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	assert.Equal(t, uint64(2), p.Nonce())
	assert.Contains(t, logs.String(), "nonce collision")
	assert.NotContains(t, logs.String(), key.D.String(), "no key material in logs")
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
