package txmgr_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet/geth"
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
