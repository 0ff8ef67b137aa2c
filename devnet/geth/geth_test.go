package geth_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet/geth"
)

func TestStartPrefundsAndRestartKeepsState(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	amount := new(big.Int).Mul(big.NewInt(1234), big.NewInt(1e18))

	n := geth.StartForTest(t, geth.Options{Prefund: map[common.Address]*big.Int{addr: amount}})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	c, err := ethclient.DialContext(ctx, n.HTTPURL)
	require.NoError(t, err)
	id, err := c.ChainID(ctx)
	require.NoError(t, err)
	require.EqualValues(t, geth.ChainID, id.Int64())
	bal, err := c.BalanceAt(ctx, addr, nil)
	require.NoError(t, err)
	require.Equal(t, amount.String(), bal.String())
	dev, err := c.BalanceAt(ctx, crypto.PubkeyToAddress(n.DevKey.PublicKey), nil)
	require.NoError(t, err)
	require.Positive(t, dev.Sign(), "the dev account is funded")
	c.Close()

	require.NoError(t, n.Restart(ctx))
	c, err = ethclient.DialContext(ctx, n.HTTPURL)
	require.NoError(t, err)
	defer c.Close()
	bal, err = c.BalanceAt(ctx, addr, nil)
	require.NoError(t, err)
	require.Equal(t, amount.String(), bal.String(), "state survives a restart on the same datadir")

	ws, err := ethclient.DialContext(ctx, n.WSURL)
	require.NoError(t, err)
	ws.Close()
}
