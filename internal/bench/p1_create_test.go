package bench

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// p1Batch is the number of createTask calls one benchmark op sends concurrently.
const p1Batch = 50

// EnvP1Serial sets how many serial bind.Transact + bind.WaitMined calls the
// baseline of P1 makes (default 5; each takes about a second).
const EnvP1Serial = "CRYNUX_BENCH_P1_SERIAL"

// BenchmarkP1CreateTaskThroughput measures createTask transactions per
// second from one wallet on a real geth --dev node, three ways, in the same
// run against the same node and contracts:
//
//   - sdk: what the SDK does, txmgr.Manager.SendAsync from p1Batch
//     goroutines, then Wait for every receipt (one op = p1Batch tasks);
//   - serial: abigen's way, bind.Transact then bind.WaitMined, one at a time;
//   - raw: the ceiling, p1Batch createTask transactions signed in advance
//     with consecutive nonces and a fixed gas limit, sent back to back, then
//     the last receipt awaited.
func BenchmarkP1CreateTaskThroughput(b *testing.B) {
	ctx := context.Background()
	g := geth.StartForTest(b, geth.Options{})
	ec, err := ethclient.DialContext(ctx, g.HTTPURL)
	require.NoError(b, err)
	defer ec.Close()
	relayKey, _ := crypto.GenerateKey()
	contracts, err := devnet.Deploy(ctx, ec, wallet.NewKeySigner(g.DevKey), devnet.DeployOptions{
		Relay: crypto.PubkeyToAddress(relayKey.PublicKey), QueueSizeLimit: 1 << 30})
	require.NoError(b, err)
	to := contracts.VSSTask

	dev, err := txmgr.New(ec, wallet.NewKeySigner(g.DevKey))
	require.NoError(b, err)
	defer dev.Close()
	fund := func() *ecdsa.PrivateKey {
		k, _ := crypto.GenerateKey()
		addr := crypto.PubkeyToAddress(k.PublicKey)
		_, err := dev.Send(ctx, txmgr.Request{To: &addr, Value: new(big.Int).Mul(big.NewInt(1e6), big.NewInt(1e18))})
		require.NoError(b, err)
		return k
	}
	sdkKey, serialKey, rawKey := fund(), fund(), fund()

	// sdk: the op.
	m, err := txmgr.New(ec, wallet.NewKeySigner(sdkKey))
	require.NoError(b, err)
	defer m.Close()
	var sdkDur time.Duration
	sent := 0
	for b.Loop() {
		data := make([][]byte, p1Batch)
		for i := range data {
			data[i], _ = createTaskCall(b)
		}
		start := time.Now()
		errs := make([]error, p1Batch)
		var wg sync.WaitGroup
		for i := range p1Batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, err := m.SendAsync(ctx, txmgr.Request{To: &to, Data: data[i], Value: taskFee})
				if err == nil {
					_, err = p.Wait(ctx)
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		sdkDur += time.Since(start)
		for _, err := range errs {
			require.NoError(b, err)
		}
		sent += p1Batch
	}
	b.StopTimer()
	sdkRate := float64(sent) / sdkDur.Seconds()

	// serial: bind.Transact + bind.WaitMined.
	serialN := envInt(b, EnvP1Serial, 5)
	chainID, err := ec.ChainID(ctx)
	require.NoError(b, err)
	bc := bind.NewBoundContract(to, abi.ABI{}, ec, ec, ec)
	start := time.Now()
	for range serialN {
		data, _ := createTaskCall(b)
		opts := bind.NewKeyedTransactor(serialKey, chainID)
		opts.Context, opts.Value = ctx, taskFee
		tx, err := bind.Transact(bc, opts, data)
		require.NoError(b, err)
		r, err := bind.WaitMined(ctx, ec, tx.Hash())
		require.NoError(b, err)
		require.Equal(b, types.ReceiptStatusSuccessful, r.Status)
	}
	serialRate := float64(serialN) / time.Since(start).Seconds()

	// raw: pre-signed, same number of tasks as the sdk sent.
	rs := newRawSigner(ctx, b, ec, rawKey)
	gas := estimateCreate(ctx, b, ec, crypto.PubkeyToAddress(rawKey.PublicKey), to)
	txs := make([]*types.Transaction, sent)
	for i := range txs {
		data, _ := createTaskCall(b)
		txs[i] = rs.sign(b, to, data, taskFee, gas)
	}
	start = time.Now()
	for _, tx := range txs {
		require.NoError(b, ec.SendTransaction(ctx, tx))
	}
	for _, tx := range txs {
		r := waitReceipt(ctx, b, ec, tx.Hash())
		require.Equal(b, types.ReceiptStatusSuccessful, r.Status)
	}
	rawRate := float64(sent) / time.Since(start).Seconds()

	b.ReportMetric(sdkRate, "sdk-tx/s")
	b.ReportMetric(serialRate, "serial-tx/s")
	b.ReportMetric(rawRate, "raw-tx/s")
	b.ReportMetric(sdkRate/serialRate, "sdk/serial")
	b.ReportMetric(sdkRate/rawRate, "sdk/raw")
}
