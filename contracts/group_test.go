package contracts_test

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
)

// flipBits returns score(4, 0) with the bits [from, to) flipped (8-byte blocks
// of 64 bits each; two scores agree when every block differs in < 24 bits).
func flipBits(from, to int) []byte {
	b := score(4, 0)
	for i := from; i < to; i++ {
		b[i/8] ^= 1 << (i % 8)
	}
	return b
}

// group is three started tasks of one GUID whose first is selected for group validation.
type group struct {
	guid  [32]byte
	cs    [3][32]byte
	proof []byte
	nodes [3]*ecdsa.PrivateKey
}

// newGroup creates the three tasks of a group, the first steered onto the group
// path with devnet.DrawCommitmentForPath (the stack mines each transaction in
// the block right after the head it predicts from).
func (s *stack) newGroup(fee *big.Int) *group {
	s.t.Helper()
	g := &group{}
	g.guid[0] = 0x42
	signer := wallet.NewKeySigner(s.creator)
	nonce, c, err := devnet.DrawCommitmentForPath(s.ctx, s.client, signer, g.guid, true)
	require.NoError(s.t, err)
	s.send(s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, c, nonce, gpuName), fee)
	seed := s.getTask(c).SamplingSeed
	pi, beta, err := ecvrf.Prove(s.creator, seed[:])
	require.NoError(s.t, err)
	require.True(s.t, ecvrf.SelectedForValidation(beta), "the predicted seed is the stored one")
	g.cs[0], g.proof = c, pi
	for i := 1; i < 3; i++ {
		nonce, c, err := devnet.DrawCommitmentForPath(s.ctx, s.client, signer, g.guid, false)
		require.NoError(s.t, err)
		s.send(s.creator, s.addr.VSSTask, s.packCreate(typeSDFT, c, nonce, gpuName), fee)
		g.cs[i] = c
	}
	byAddr := map[common.Address]*ecdsa.PrivateKey{}
	for _, n := range s.nodes {
		byAddr[addrOf(n)] = n
	}
	for i, c := range g.cs {
		info := s.getTask(c)
		require.Equal(s.t, statusStarted, info.Status)
		g.nodes[i] = byAddr[info.SelectedNode]
		s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskParametersUploaded(c), nil)
	}
	return g
}

func (s *stack) validateGroup(g *group) *types.Receipt {
	s.t.Helper()
	return s.send(s.creator, s.addr.VSSTask, s.task.PackValidateTaskGroup(g.cs[0], g.cs[1], g.cs[2], g.guid, g.proof, pub64(s.creator)), nil)
}

func newGroupStack(t *testing.T) *stack {
	s := newStack(t, 3, 0)
	for _, n := range s.nodes {
		s.join(n)
	}
	return s
}

func sum(xs ...*big.Int) *big.Int {
	r := new(big.Int)
	for _, x := range xs {
		r.Add(r, x)
	}
	return r
}

// TestGroupAllAgree: the first task is GroupValidated and, on upload, pays its
// fee to the three nodes split by QoS score; the two others are refunded.
func TestGroupAllAgree(t *testing.T) {
	s := newGroupStack(t)
	fee := new(big.Int).Add(wei(3), big.NewInt(2)) // not divisible by 3: the last node gets the remainder
	g := s.newGroup(fee)
	for i, sc := range [][]byte{score(4, 0), score(4, 5), flipBits(64, 80)} {
		s.send(g.nodes[i], s.addr.VSSTask, s.task.PackSubmitTaskScore(g.cs[i], sc), nil)
	}
	before := s.balance(addrOf(s.creator))
	r := s.validateGroup(g)
	require.Equal(t, sum(before, fee, fee).String(), new(big.Int).Add(s.balance(addrOf(s.creator)), gasCost(r)).String(),
		"the two other tasks are refunded")
	require.Equal(t, statusGroupValidated, s.getTask(g.cs[0]).Status)
	require.Equal(t, statusEndGroupRefund, s.getTask(g.cs[1]).Status)
	require.Equal(t, statusEndGroupRefund, s.getTask(g.cs[2]).Status)

	var bal [3]*big.Int
	for i, n := range g.nodes {
		bal[i] = s.balance(addrOf(n))
	}
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskResultUploaded(g.cs[0]), nil)
	info := s.getTask(g.cs[0])
	require.Equal(t, statusEndGroupSuccess, info.Status)
	require.Equal(t, []common.Address{addrOf(g.nodes[0]), addrOf(g.nodes[1]), addrOf(g.nodes[2])}, info.PaymentAddresses)
	// Equal QoS scores (10 each): a third each, the remainder to the last.
	third := new(big.Int).Div(fee, big.NewInt(3))
	want := []*big.Int{third, third, new(big.Int).Sub(fee, new(big.Int).Mul(third, big.NewInt(2)))}
	for i, n := range g.nodes {
		require.Equal(t, want[i].String(), info.Payments[i].String())
		require.Equal(t, new(big.Int).Add(bal[i], want[i]).String(), s.balance(addrOf(n)).String(), "node %d paid to the wei", i)
		require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(n)).Status)
	}
}

// TestGroupOneDissents: the dissenter's task is EndInvalidated and its node
// slashed (stake to the Node owner, NodeSlashed); its creator is refunded.
func TestGroupOneDissents(t *testing.T) {
	s := newGroupStack(t)
	fee := wei(2)
	g := s.newGroup(fee)
	for i, sc := range [][]byte{score(4, 0), score(4, 3), flipBits(0, 40)} {
		s.send(g.nodes[i], s.addr.VSSTask, s.task.PackSubmitTaskScore(g.cs[i], sc), nil)
	}
	creatorBefore, ownerBefore := s.balance(addrOf(s.creator)), s.balance(addrOf(s.owner))
	r := s.validateGroup(g)
	require.Equal(t, sum(creatorBefore, fee, fee).String(), new(big.Int).Add(s.balance(addrOf(s.creator)), gasCost(r)).String(),
		"the dissenting and the agreeing second task are refunded")
	require.Equal(t, new(big.Int).Add(ownerBefore, wei(400)).String(), s.balance(addrOf(s.owner)).String(), "the stake went to the Node owner")
	var slashed []common.Address
	var invalidated int
	for _, l := range r.Logs {
		if e, err := s.node.UnpackNodeSlashedEvent(l); err == nil {
			slashed = append(slashed, e.NodeAddress)
		}
		if _, err := s.task.UnpackTaskEndInvalidatedEvent(l); err == nil {
			invalidated++
		}
	}
	require.Equal(t, []common.Address{addrOf(g.nodes[2])}, slashed)
	require.Equal(t, 1, invalidated)
	require.Equal(t, statusGroupValidated, s.getTask(g.cs[0]).Status)
	require.Equal(t, statusEndGroupRefund, s.getTask(g.cs[1]).Status)
	require.Equal(t, statusEndInvalidated, s.getTask(g.cs[2]).Status)
	require.Equal(t, nodeQuit, s.nodeInfo(addrOf(g.nodes[2])).Status)

	b0, b1 := s.balance(addrOf(g.nodes[0])), s.balance(addrOf(g.nodes[1]))
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskResultUploaded(g.cs[0]), nil)
	half := new(big.Int).Div(fee, big.NewInt(2))
	require.Equal(t, new(big.Int).Add(b0, half).String(), s.balance(addrOf(g.nodes[0])).String())
	require.Equal(t, new(big.Int).Add(b1, new(big.Int).Sub(fee, half)).String(), s.balance(addrOf(g.nodes[1])).String())
}

// TestGroupNoneAgree: nothing is validated, nobody is slashed and every fee is
// refunded; a member that reported an error ends EndAborted(IncorrectResult).
func TestGroupNoneAgree(t *testing.T) {
	s := newGroupStack(t)
	fee := wei(1)
	g := s.newGroup(fee)
	s.send(g.nodes[0], s.addr.VSSTask, s.task.PackSubmitTaskScore(g.cs[0], score(4, 0)), nil)
	s.send(g.nodes[1], s.addr.VSSTask, s.task.PackSubmitTaskScore(g.cs[1], flipBits(0, 40)), nil)
	s.send(g.nodes[2], s.addr.VSSTask, s.task.PackReportTaskError(g.cs[2], 1), nil)
	creatorBefore, ownerBefore := s.balance(addrOf(s.creator)), s.balance(addrOf(s.owner))
	r := s.validateGroup(g)
	require.Equal(t, sum(creatorBefore, fee, fee, fee).String(), new(big.Int).Add(s.balance(addrOf(s.creator)), gasCost(r)).String(),
		"all three fees refunded")
	require.Equal(t, ownerBefore.String(), s.balance(addrOf(s.owner)).String(), "nobody slashed")
	for _, l := range r.Logs {
		_, err := s.node.UnpackNodeSlashedEvent(l)
		require.Error(t, err, "no NodeSlashed event")
	}
	require.Equal(t, statusEndGroupRefund, s.getTask(g.cs[0]).Status)
	require.Equal(t, statusEndGroupRefund, s.getTask(g.cs[1]).Status)
	info := s.getTask(g.cs[2])
	require.Equal(t, statusEndAborted, info.Status)
	require.Equal(t, reasonIncorrectResult, info.AbortReason)
	for _, n := range g.nodes {
		ni := s.nodeInfo(addrOf(n))
		require.Equal(t, nodeAvailable, ni.Status)
	}
	for _, n := range g.nodes {
		out := s.node.PackGetStakedAmount(addrOf(n))
		res, err := s.client.CallContract(s.ctx, callMsg(s.addr.Node, out), nil)
		require.NoError(t, err)
		staked, err := s.node.UnpackGetStakedAmount(res)
		require.NoError(t, err)
		require.Equal(t, wei(400).String(), staked.String())
	}
}

func callMsg(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}

// TestGroupFirstDissents: when the VRF-selected first task is the dissenter,
// the earlier of the two agreeing tasks wins and the first node is slashed.
func TestGroupFirstDissents(t *testing.T) {
	s := newGroupStack(t)
	fee := new(big.Int).Add(wei(2), big.NewInt(1))
	g := s.newGroup(fee)
	for i, sc := range [][]byte{flipBits(0, 40), score(4, 0), score(4, 3)} {
		s.send(g.nodes[i], s.addr.VSSTask, s.task.PackSubmitTaskScore(g.cs[i], sc), nil)
	}
	creatorBefore, ownerBefore := s.balance(addrOf(s.creator)), s.balance(addrOf(s.owner))
	r := s.validateGroup(g)
	require.Equal(t, sum(creatorBefore, fee, fee).String(), new(big.Int).Add(s.balance(addrOf(s.creator)), gasCost(r)).String())
	require.Equal(t, new(big.Int).Add(ownerBefore, wei(400)).String(), s.balance(addrOf(s.owner)).String())
	require.Equal(t, statusEndInvalidated, s.getTask(g.cs[0]).Status)
	require.Equal(t, statusGroupValidated, s.getTask(g.cs[1]).Status)
	require.Equal(t, statusEndGroupRefund, s.getTask(g.cs[2]).Status)
	require.Equal(t, nodeQuit, s.nodeInfo(addrOf(g.nodes[0])).Status)
	require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(g.nodes[2])).Status)

	b1, b2 := s.balance(addrOf(g.nodes[1])), s.balance(addrOf(g.nodes[2]))
	s.send(s.relay, s.addr.VSSTask, s.task.PackReportTaskResultUploaded(g.cs[1]), nil)
	require.Equal(t, statusEndGroupSuccess, s.getTask(g.cs[1]).Status)
	half := new(big.Int).Div(fee, big.NewInt(2))
	require.Equal(t, new(big.Int).Add(b1, half).String(), s.balance(addrOf(g.nodes[1])).String())
	require.Equal(t, new(big.Int).Add(b2, new(big.Int).Sub(fee, half)).String(), s.balance(addrOf(g.nodes[2])).String())
	require.Equal(t, nodeAvailable, s.nodeInfo(addrOf(g.nodes[1])).Status)
}
