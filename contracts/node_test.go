package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	nodePendingPause uint8 = 3
	nodePendingQuit  uint8 = 4
	nodePaused       uint8 = 5
)

// TestNodeJoinReverts checks join's input rules.
func TestNodeJoinReverts(t *testing.T) {
	s := newStack(t, 2, 0)
	n, other := s.nodes[0], s.nodes[1]
	pack := func(pub []byte) []byte {
		return s.node.PackJoin(gpuName, big.NewInt(gpuVRAM), version(2, 5, 0), pub, []string{modelID})
	}
	s.requireRevert("Staked amount is not enough", n, s.addr.Node, pack(pub64(n)), new(big.Int).Sub(wei(400), big.NewInt(1)))
	s.requireRevert("Public key mismatch", n, s.addr.Node, pack(pub64(other)), wei(400))
	s.requireRevert("Public key mismatch", n, s.addr.Node, pack(pub64(n)[:63]), wei(400))
	s.join(n)
	s.requireRevert("Node already joined", n, s.addr.Node, pack(pub64(n)), wei(400))
}

// TestNodePauseResumeQuitWhileAvailable: Available → Paused → Available → Quit
// with the stake returned.
func TestNodePauseResumeQuitWhileAvailable(t *testing.T) {
	s := newStack(t, 1, 0)
	n := s.nodes[0]
	s.join(n)
	s.send(n, s.addr.Node, s.node.PackPause(), nil)
	require.Equal(t, nodePaused, s.nodeInfo(addrOf(n)).Status)
	s.requireRevert("Illegal node status", n, s.addr.Node, s.node.PackPause(), nil)
	// A paused node gets no task.
	_, _, c, _ := s.createTask(wei(1), gpuName)
	require.Equal(t, statusQueued, s.getTask(c).Status)
	// Resuming hands it the queued task.
	s.send(n, s.addr.Node, s.node.PackResume(), nil)
	require.Equal(t, statusStarted, s.getTask(c).Status)
	require.Equal(t, nodeBusy, s.nodeInfo(addrOf(n)).Status)
	s.requireRevert("Illegal node status", n, s.addr.Node, s.node.PackResume(), nil)
}

// TestNodeQuitReturnsStake checks quit from Available (immediate) and while
// Busy (PendingQuit, then Quit with the stake returned when the task ends).
func TestNodeQuitReturnsStake(t *testing.T) {
	s := newStack(t, 2, 5*time.Minute)
	idle, busy := s.nodes[0], s.nodes[1]

	s.join(idle)
	before := s.balance(addrOf(idle))
	r := s.send(idle, s.addr.Node, s.node.PackQuit(), nil)
	require.Equal(t, new(big.Int).Sub(new(big.Int).Add(before, wei(400)), gasCost(r)).String(), s.balance(addrOf(idle)).String())
	require.Equal(t, nodeQuit, s.nodeInfo(addrOf(idle)).Status)
	s.requireRevert("Node has quitted", idle, s.addr.Node, s.node.PackQuit(), nil)

	s.join(busy)
	_, _, c, _ := s.createTask(wei(1), gpuName)
	require.Equal(t, addrOf(busy), s.getTask(c).SelectedNode)
	s.send(busy, s.addr.Node, s.node.PackPause(), nil)
	require.Equal(t, nodePendingPause, s.nodeInfo(addrOf(busy)).Status)
	s.send(busy, s.addr.Node, s.node.PackResume(), nil)
	require.Equal(t, nodeBusy, s.nodeInfo(addrOf(busy)).Status)
	s.send(busy, s.addr.Node, s.node.PackQuit(), nil)
	require.Equal(t, nodePendingQuit, s.nodeInfo(addrOf(busy)).Status)

	require.NoError(t, s.backend.AdjustTime(6*time.Minute))
	before = s.balance(addrOf(busy))
	s.send(s.creator, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	require.Equal(t, nodeQuit, s.nodeInfo(addrOf(busy)).Status)
	require.Equal(t, new(big.Int).Add(before, wei(400)).String(), s.balance(addrOf(busy)).String(), "stake returned when the task ended")
}

// TestNodePendingPauseBecomesPaused: a node paused while busy is Paused when its task ends.
func TestNodePendingPauseBecomesPaused(t *testing.T) {
	s := newStack(t, 1, 5*time.Minute)
	n := s.nodes[0]
	s.join(n)
	_, _, c, _ := s.createTask(wei(1), gpuName)
	s.send(n, s.addr.Node, s.node.PackPause(), nil)
	require.Equal(t, nodePendingPause, s.nodeInfo(addrOf(n)).Status)
	require.NoError(t, s.backend.AdjustTime(6*time.Minute))
	s.send(n, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
	require.Equal(t, nodePaused, s.nodeInfo(addrOf(n)).Status)
}

// TestNodeUpdateVersionStartsMatchingTask: a task queued for a newer version
// starts on the node once it announces that version.
func TestNodeUpdateVersionStartsMatchingTask(t *testing.T) {
	s := newStack(t, 1, 0)
	n := s.nodes[0]
	s.join(n)
	_, nonce, c := newTaskID(t)
	s.send(s.creator, s.addr.VSSTask, s.task.PackCreateTask(typeSDFT, c, nonce, []string{modelID}, big.NewInt(gpuVRAM), gpuName,
		big.NewInt(gpuVRAM), version(2, 6, 0), big.NewInt(1)), wei(1))
	require.Equal(t, statusQueued, s.getTask(c).Status, "a 2.5.0 node cannot run a 2.6.0 task")
	s.send(n, s.addr.Node, s.node.PackUpdateVersion(version(2, 6, 0)), nil)
	v := s.nodeInfo(addrOf(n)).Version
	require.Equal(t, []int64{2, 6, 0}, []int64{v[0].Int64(), v[1].Int64(), v[2].Int64()})
	require.Equal(t, statusStarted, s.getTask(c).Status)
	require.Equal(t, addrOf(n), s.getTask(c).SelectedNode)
}

// TestNodeQoSKickout: a node that never scores (three tasks aborted after
// their parameters were uploaded) is kicked out with its stake returned.
func TestNodeQoSKickout(t *testing.T) {
	s := newStack(t, 1, time.Minute)
	n := s.nodes[0]
	s.join(n)
	for i := 0; i < 3; i++ {
		require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(n)).Status, "round %d", i)
		_, _, c, _ := s.createTask(wei(1), gpuName)
		s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskParametersUploaded(c), nil)
		require.NoError(t, s.backend.AdjustTime(2*time.Minute))
		before := s.balance(addrOf(n))
		r := s.send(s.creator, s.addr.VSSTask, s.task.PackAbortTask(c, reasonTimeout), nil)
		kicked := false
		for _, l := range r.Logs {
			if _, err := s.node.UnpackNodeKickedOutEvent(l); err == nil {
				kicked = true
			}
		}
		require.Equal(t, i == 2, kicked, "kicked out after the third scoreless task only (round %d)", i)
		if kicked {
			require.Equal(t, nodeQuit, s.nodeInfo(addrOf(n)).Status)
			require.Equal(t, new(big.Int).Add(before, wei(400)).String(), s.balance(addrOf(n)).String(), "stake returned")
		}
	}
}
