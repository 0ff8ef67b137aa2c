package txmgr_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

func ExampleManager_Send() {
	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: big.NewInt(1e18)}})
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() { // a block every 50 ms
		defer close(stopped)
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
	defer func() { close(stop); <-stopped; sim.Close() }()

	m, err := txmgr.New(sim.Client(), wallet.NewKeySigner(key), txmgr.WithConfirmations(1))
	if err != nil {
		panic(err)
	}
	defer m.Close()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	to := crypto.PubkeyToAddress(key.PublicKey)
	receipt, err := m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	var nc *txmgr.NotConfirmedError
	switch {
	case errors.As(err, &nc):
		fmt.Println("not confirmed yet, look up", nc.TxHash)
	case err != nil:
		fmt.Println("not sent:", err)
	default:
		fmt.Println("mined, status", receipt.Status)
	}

	// Spending more than the balance fails before anything is sent.
	_, err = m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(2e18)})
	var ib *txmgr.InsufficientBalanceError
	fmt.Println("insufficient balance:", errors.As(err, &ib))
	// Output:
	// mined, status 1
	// insufficient balance: true
}
