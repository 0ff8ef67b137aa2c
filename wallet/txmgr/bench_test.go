package txmgr_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/wallet/txmgr"
)

const concurrentBatch = 50

// concurrentRound sends n calls concurrently through m and waits for all.
func concurrentRound(b *testing.B, ctx context.Context, m *txmgr.Manager, to common.Address, n int) {
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = m.Send(ctx, txmgr.Request{To: &to, Data: []byte{1}, Value: big.NewInt(1)})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(b, err)
	}
}

// sinkContract deploys a contract that accepts any call and value.
func sinkContract(b *testing.B, c *testChain) common.Address {
	m := newManager(b, c.Backend, c.newAccount(b, cnxOf(1)))
	runtime := []byte{0x60, 0x2a, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3}
	r, err := m.Send(context.Background(), txmgr.Request{Data: initCode(runtime)})
	require.NoError(b, err)
	return r.ContractAddress
}

// serialRound sends n calls the plain abigen way: bind.Transact, then
// bind.WaitMined (1 s receipt polling), one after the other.
func serialRound(b *testing.B, ctx context.Context, c *testChain, key *ecdsa.PrivateKey, to common.Address, n int) {
	client := c.Backend.(*autoMine)
	chainID, err := client.ChainID(ctx)
	require.NoError(b, err)
	bc := bind.NewBoundContract(to, abi.ABI{}, client, client, client)
	for range n {
		opts := bind.NewKeyedTransactor(key, chainID)
		opts.Context = ctx
		opts.Value = big.NewInt(1)
		tx, err := bind.Transact(bc, opts, []byte{1})
		require.NoError(b, err)
		_, err = bind.WaitMined(ctx, client, tx.Hash())
		require.NoError(b, err)
	}
}

// BenchmarkConcurrentSend measures contract calls per second through one Manager
// with 50 concurrent senders, and reports how many times faster that is per
// transaction than the serial bind.Transact + bind.WaitMined baseline
// measured in the same run.
func BenchmarkConcurrentSend(b *testing.B) {
	c := newSimChain(b)
	key := c.newAccount(b, cnxOf(100))
	m := newManager(b, c.Backend, key, txmgr.WithPollInterval(txmgr.DefaultPollInterval))
	to := sinkContract(b, c)
	ctx := context.Background()

	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		concurrentRound(b, ctx, m, to, concurrentBatch)
	}
	perTx := time.Since(start) / time.Duration(b.N*concurrentBatch)
	b.StopTimer()
	b.ReportMetric(float64(time.Second)/float64(perTx), "tx/s")

	const serialN = 3
	serialKey := c.newAccount(b, cnxOf(1))
	sStart := time.Now()
	serialRound(b, ctx, c, serialKey, to, serialN)
	serialPerTx := time.Since(sStart) / serialN
	b.ReportMetric(float64(serialPerTx)/float64(perTx), "x-faster-than-serial")
}

// BenchmarkSerialTransactWait is the baseline: one contract call per op with
// bind.Transact then bind.WaitMined.
func BenchmarkSerialTransactWait(b *testing.B) {
	c := newSimChain(b)
	key := c.newAccount(b, cnxOf(100))
	to := sinkContract(b, c)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		serialRound(b, ctx, c, key, to, 1)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}
