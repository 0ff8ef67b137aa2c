package relayserver

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet"
)

// cannedCaller answers every eth_call with out and records the call.
type cannedCaller struct {
	out  []byte
	msgs []ethereum.CallMsg
}

func (c *cannedCaller) CallContract(_ context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	c.msgs = append(c.msgs, msg)
	return c.out, nil
}

type recordingSender struct {
	mu    sync.Mutex
	to    []common.Address
	calls [][]byte
}

func (s *recordingSender) Send(_ context.Context, to common.Address, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.to = append(s.to, to)
	s.calls = append(s.calls, data)
	return nil
}

func packTaskInfo(t *testing.T, info bindings.VSSTaskTaskInfo) []byte {
	t.Helper()
	out, err := bindings.NewVSSTask().GetABI().Methods["getTask"].Outputs.Pack(info)
	require.NoError(t, err)
	return out
}

func zeroTaskInfo() bindings.VSSTaskTaskInfo {
	z := big.NewInt(0)
	return bindings.VSSTaskTaskInfo{Sequence: z, Timeout: z, TaskFee: z, TaskSize: z, MinimumVRAM: z, RequiredGPUVRAM: z,
		TaskVersion: [3]*big.Int{z, z, z}, CreateTimestamp: z, StartTimestamp: z, ScoreReadyTimestamp: z}
}

func TestContractChainGetTask(t *testing.T) {
	addr := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	c := [32]byte{1, 2, 3}
	info := zeroTaskInfo()
	info.TaskType = TaskTypeSDFT
	info.Creator = common.HexToAddress("0x1111111111111111111111111111111111111111")
	info.TaskIDCommitment = c
	info.Status = ChainValidated
	info.SelectedNode = common.HexToAddress("0x2222222222222222222222222222222222222222")
	info.Score = []byte{9, 8, 7, 6, 5, 4, 3, 2}
	info.TaskFee = new(big.Int).Mul(big.NewInt(15), big.NewInt(params.Ether))
	info.TaskSize = big.NewInt(1)
	info.ModelIDs = []string{"base:m"}
	info.MinimumVRAM = big.NewInt(24)
	info.RequiredGPU = "NVIDIA GeForce RTX 4090"
	info.RequiredGPUVRAM = big.NewInt(24)
	info.StartTimestamp = big.NewInt(1700000001)

	caller := &cannedCaller{out: packTaskInfo(t, info)}
	sender := &recordingSender{}
	cc := NewContractChain(caller, addr, sender)
	v, err := cc.GetTask(context.Background(), c)
	require.NoError(t, err)
	require.Len(t, caller.msgs, 1)
	assert.Equal(t, addr, *caller.msgs[0].To)
	assert.Equal(t, bindings.NewVSSTask().PackGetTask(c), caller.msgs[0].Data)
	assert.True(t, v.Exists)
	assert.Equal(t, TaskTypeSDFT, v.TaskType)
	assert.Equal(t, info.Creator, v.Creator)
	assert.Equal(t, ChainValidated, v.Status)
	assert.Equal(t, info.SelectedNode, v.SelectedNode)
	assert.Equal(t, info.Score, v.Score)
	assert.Equal(t, info.TaskFee, v.TaskFee)
	assert.Equal(t, []string{"base:m"}, v.ModelIDs)
	assert.EqualValues(t, 24, v.RequiredGPUVRAM)
	assert.EqualValues(t, 1700000001, v.StartTimestamp)

	// An unknown commitment reads as the all-zero struct.
	caller.out = packTaskInfo(t, zeroTaskInfo())
	v, err = cc.GetTask(context.Background(), [32]byte{4})
	require.NoError(t, err)
	assert.False(t, v.Exists)

	require.NoError(t, cc.ReportTaskParametersUploaded(context.Background(), c))
	require.NoError(t, cc.ReportTaskResultUploaded(context.Background(), c))
	assert.Equal(t, []common.Address{addr, addr}, sender.to)
	assert.Equal(t, bindings.NewVSSTask().PackReportTaskParametersUploaded(c), sender.calls[0])
	assert.Equal(t, bindings.NewVSSTask().PackReportTaskResultUploaded(c), sender.calls[1])
}

// TestTxSender sends through the simulated backend: a call into code that
// stops is mined; a call into code that always reverts fails before
// anything is sent.
func TestTxSender(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	signer := wallet.NewKeySigner(key)
	reverter := common.HexToAddress("0x000000000000000000000000000000000000beef")
	to := common.HexToAddress("0x0000000000000000000000000000000000001234")
	backend := simulated.NewBackend(types.GenesisAlloc{
		signer.Address(): {Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))},
		to:               {Code: []byte{0x00}, Balance: big.NewInt(0)},                         // STOP
		reverter:         {Code: []byte{0x60, 0x00, 0x60, 0x00, 0xfd}, Balance: big.NewInt(0)}, // PUSH1 0 PUSH1 0 REVERT
	})
	t.Cleanup(func() { _ = backend.Close() })
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // mine while transactions are pending
		defer wg.Done()
		tk := time.NewTicker(10 * time.Millisecond)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				backend.Commit()
			}
		}
	}()
	t.Cleanup(func() { close(stop); wg.Wait() })

	client := backend.Client()
	s := NewTxSender(client, signer, 5*time.Millisecond)
	ctx := context.Background()
	require.NoError(t, s.Send(ctx, to, []byte{1, 2, 3}))
	require.NoError(t, s.Send(ctx, to, []byte{4}))
	nonce, err := client.NonceAt(ctx, signer.Address(), nil)
	require.NoError(t, err)
	assert.EqualValues(t, 2, nonce)

	err = s.Send(ctx, reverter, []byte{1})
	require.Error(t, err)
	nonce, err = client.PendingNonceAt(ctx, signer.Address())
	require.NoError(t, err)
	assert.EqualValues(t, 2, nonce, "a reverting call must not be sent")
}
