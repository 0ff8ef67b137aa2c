package txmgr_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// TestGeth runs every behaviour test on a real geth --dev node. Under CI=true
// a missing geth fails the test instead of skipping it.
func TestGeth(t *testing.T) {
	n := geth.StartForTest(t, geth.Options{})
	c, err := ethclient.Dial(n.HTTPURL)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	runBehaviours(t, &testChain{Backend: c, Rich: n.DevKey, SealsWhilePending: true})
}

// lowTip is a node whose fee oracle lags the market: it suggests tip wei.
type lowTip struct {
	txmgr.Backend
	tip *big.Int
}

func (l lowTip) SuggestGasTipCap(context.Context) (*big.Int, error) {
	return new(big.Int).Set(l.tip), nil
}

// TestGethStuckUnderMinerTipIsReplaced: geth's miner includes only tips of
// at least 1e8 wei while its pool accepts any; the oracle suggests a third
// of that. The transaction waits in the pool until the Manager's
// replacements reach the miner's minimum; exactly one version is mined.
func TestGethStuckUnderMinerTipIsReplaced(t *testing.T) {
	minTip := big.NewInt(1e8)
	n := geth.StartForTest(t, geth.Options{MinerTip: minTip})
	c, err := ethclient.Dial(n.HTTPURL)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	b := lowTip{Backend: c, tip: new(big.Int).Div(minTip, big.NewInt(3))}
	m := newManager(t, b, n.DevKey, txmgr.WithResubmitTimeout(100*time.Millisecond))
	ctx := ctxT(t, time.Minute)
	to := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	p, err := m.SendAsync(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	first := p.Hashes()[0]
	rcpt, err := p.Wait(ctx)
	require.NoError(t, err)
	require.NotEqual(t, first, rcpt.TxHash, "the first, underpriced version was not the one mined")
	require.GreaterOrEqual(t, len(p.Hashes()), 2)
	tx, _, err := c.TransactionByHash(ctx, rcpt.TxHash)
	require.NoError(t, err)
	require.GreaterOrEqual(t, tx.GasTipCap().Cmp(minTip), 0, "the mined version pays the miner's minimum tip")
	nonce, err := c.NonceAt(ctx, crypto.PubkeyToAddress(n.DevKey.PublicKey), nil)
	require.NoError(t, err)
	require.Equal(t, p.Nonce()+1, nonce, "one transaction for the nonce")
	_, err = c.TransactionReceipt(ctx, first)
	require.ErrorIs(t, err, ethereum.NotFound, "the underpriced version was never mined")
}

// TestGethTipRefusedBelowPoolMinimum: the node's pool minimum rises
// (miner_setGasPrice) above what the oracle suggests; the node refuses the
// transaction naming its minimum, and the Manager sends it again at that tip.
func TestGethTipRefusedBelowPoolMinimum(t *testing.T) {
	n := geth.StartForTest(t, geth.Options{})
	rc, err := rpc.Dial(n.HTTPURL)
	require.NoError(t, err)
	t.Cleanup(rc.Close)
	c := ethclient.NewClient(rc)
	minTip := big.NewInt(5e7)
	var ok bool
	require.NoError(t, rc.Call(&ok, "miner_setGasPrice", hexutil.EncodeBig(minTip)))
	require.True(t, ok)
	m := newManager(t, lowTip{Backend: c, tip: big.NewInt(1)}, n.DevKey)
	ctx := ctxT(t, time.Minute)
	to := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	rcpt, err := m.Send(ctx, txmgr.Request{To: &to, Value: big.NewInt(1)})
	require.NoError(t, err)
	tx, _, err := c.TransactionByHash(ctx, rcpt.TxHash)
	require.NoError(t, err)
	require.Equal(t, minTip.String(), tx.GasTipCap().String(), "sent again at the minimum the node named")
}
