package contracts_test

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

const reasonTaskFeeTooLow uint8 = 4

func (s *stack) packCreateSized(c, nonce [32]byte, size int64) []byte {
	return s.task.PackCreateTask(typeSDFT, c, nonce, []string{modelID}, big.NewInt(gpuVRAM), gpuName,
		big.NewInt(gpuVRAM), version(2, 5, 0), big.NewInt(size))
}

// queueTask creates a task from key that is queued (the stack has no node).
func (s *stack) queueTask(key *ecdsa.PrivateKey, fee *big.Int, size int64) ([32]byte, *types.Receipt) {
	s.t.Helper()
	_, nonce, c := newTaskID(s.t)
	r := s.send(key, s.addr.VSSTask, s.packCreateSized(c, nonce, size), fee)
	require.Equal(s.t, statusQueued, s.getTask(c).Status)
	return c, r
}

// TestFullQueueEvictsCheapestByPrice checks the full-queue rule of createTask:
// a new task that pays more per size unit than the cheapest queued one evicts
// it (TaskEndAborted, reason TaskFeeTooLow, its creator refunded to the wei);
// one that does not is refused with "Task queue is full".
func TestFullQueueEvictsCheapestByPrice(t *testing.T) {
	s := newStack(t, 1, 0)
	other := s.nodes[0] // a second creator (never joins)
	queue := bindings.NewTaskQueue()
	s.send(s.owner, s.addr.TaskQueue, queue.PackUpdateSizeLimit(big.NewInt(2)), nil)

	a, _ := s.queueTask(s.creator, wei(4), 1) // price 4 CNX
	b, _ := s.queueTask(s.creator, wei(6), 3) // price 2 CNX, the cheapest although its fee is the highest

	// Equal price and lower price are refused.
	for _, tc := range []struct {
		fee  *big.Int
		size int64
	}{{wei(2), 1}, {wei(4), 2}, {wei(1), 1}} {
		_, nonce, c := newTaskID(t)
		s.requireRevert("Task queue is full", other, s.addr.VSSTask, s.packCreateSized(c, nonce, tc.size), tc.fee)
	}

	creatorBefore := s.balance(addrOf(s.creator))
	c, r := s.queueTask(other, wei(5), 2) // price 2.5 CNX > 2
	require.Equal(t, new(big.Int).Add(creatorBefore, wei(6)).String(), s.balance(addrOf(s.creator)).String(),
		"the evicted task's creator is refunded to the wei")
	var aborted []*bindings.VSSTaskTaskEndAborted
	for _, l := range r.Logs {
		if e, err := s.task.UnpackTaskEndAbortedEvent(l); err == nil {
			aborted = append(aborted, e)
		}
	}
	require.Len(t, aborted, 1)
	require.Equal(t, b, aborted[0].TaskIDCommitment)
	require.Equal(t, reasonTaskFeeTooLow, aborted[0].AbortReason)
	require.Equal(t, statusQueued, aborted[0].LastStatus)
	require.Equal(t, s.addr.VSSTask, aborted[0].AbortIssuer)
	info := s.getTask(b)
	require.Equal(t, statusEndAborted, info.Status)
	require.Equal(t, reasonTaskFeeTooLow, info.AbortReason)
	require.Equal(t, statusQueued, s.getTask(a).Status)
	require.Equal(t, statusQueued, s.getTask(c).Status)

	out, err := s.client.CallContract(s.ctx, callMsg(s.addr.TaskQueue, queue.PackSize()), nil)
	require.NoError(t, err)
	size, err := queue.UnpackSize(out)
	require.NoError(t, err)
	require.EqualValues(t, 2, size.Int64())
	// The evicted task cannot be aborted again.
	s.requireRevert("Illegal previous task state", s.creator, s.addr.VSSTask, s.task.PackAbortTask(b, reasonTimeout), nil)
}

// TestQueuedZeroSizeTaskPanics checks that createTask with taskSize 0 that must
// be queued reverts with Panic(0x12) (division by zero, as upstream), and that
// txmgr decodes it.
func TestQueuedZeroSizeTaskPanics(t *testing.T) {
	s := newStack(t, 0, 0)
	m, err := txmgr.New(s.client, wallet.NewKeySigner(s.creator))
	require.NoError(t, err)
	t.Cleanup(func() { _ = m.Close() })
	_, nonce, c := newTaskID(t)
	to := s.addr.VSSTask
	_, err = m.Send(s.ctx, txmgr.Request{To: &to, Data: s.packCreateSized(c, nonce, 0), Value: wei(1)})
	var re *txmgr.RevertError
	require.ErrorAs(t, err, &re)
	require.NotNil(t, re.PanicCode, "a Panic, not %v", err)
	require.EqualValues(t, 0x12, re.PanicCode.Int64())
	require.Equal(t, common.Hash{}, re.TxHash, "refused at estimation: nothing was sent")
}
