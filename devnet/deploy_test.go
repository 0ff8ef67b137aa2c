package devnet_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/wallet"
)

func cnx(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// deployScenario deploys the stack and checks that it is wired: owner-only
// tunables took effect and the task contract knows its relay and timeout.
func deployScenario(t *testing.T, backend devnet.Backend, deployer wallet.Signer) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	relay := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	c, err := devnet.Deploy(ctx, backend, deployer, devnet.DeployOptions{
		Relay: relay, TaskTimeout: 10 * time.Minute, QueueSizeLimit: 7,
	})
	require.NoError(t, err)
	for _, a := range []common.Address{c.VSSTask, c.Node, c.QOS, c.TaskQueue, c.NetworkStats} {
		code, err := backend.CodeAt(ctx, a, nil)
		require.NoError(t, err)
		require.NotEmpty(t, code, "contract at %s has code", a)
	}
	task := bindings.NewVSSTask()
	owner, err := bind.Call(task.Instance(backend, c.VSSTask), &bind.CallOpts{Context: ctx}, task.PackOwner(), task.UnpackOwner)
	require.NoError(t, err)
	require.Equal(t, deployer.Address(), owner)
	queue := bindings.NewTaskQueue()
	limit, err := bind.Call(queue.Instance(backend, c.TaskQueue), &bind.CallOpts{Context: ctx}, queue.PackGetSizeLimit(), queue.UnpackGetSizeLimit)
	require.NoError(t, err)
	require.EqualValues(t, 7, limit.Int64())
}

func TestDeploySimulated(t *testing.T) {
	key, _ := crypto.GenerateKey()
	signer := wallet.NewKeySigner(key)
	chain, err := devnet.StartSimChain(devnet.SimChainOptions{Alloc: types.GenesisAlloc{signer.Address(): {Balance: cnx(1000)}}})
	require.NoError(t, err)
	defer chain.Close()
	deployScenario(t, chain.Client(), signer)
}

func TestDeployGeth(t *testing.T) {
	n := geth.StartForTest(t, geth.Options{})
	c, err := ethclient.Dial(n.HTTPURL)
	require.NoError(t, err)
	defer c.Close()
	deployScenario(t, c, wallet.NewKeySigner(n.DevKey))
}
