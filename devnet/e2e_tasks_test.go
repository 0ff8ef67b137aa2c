package devnet_test

// End-to-end tests of the local network: fine-tune tasks driven with the
// bindings and the Relay client directly (no sdk), on the in-process chain
// and on geth --dev. One network per chain is shared by the scenarios that
// can share it; extra nodes with their own GPU names take the erroring and
// cheating roles, so that tasks pinned to those GPUs reach exactly them.
// The geth runs skip when geth is not installed (fail under CI=true).
// CRYNUX_E2E_LOG=1 prints the networks' debug log to stderr.

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/node"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

const (
	errorGPU = "Devnet Error GPU"
	cheatGPU = "Devnet Cheat GPU"
)

// TestE2E runs the task scenarios on a shared network per chain: three
// honest nodes on the default GPU, a ReportError node alone on errorGPU and
// a group of [honest, honest, cheat] on cheatGPU.
func TestE2E(t *testing.T) {
	t.Parallel()
	for _, ck := range chainKinds() {
		t.Run(ck.name, func(t *testing.T) {
			t.Parallel()
			// Accounts: 0 is the creator, 1 spare, 2..5 extra nodes.
			dn := startNetwork(t, devnet.Options{Geth: ck.geth, Accounts: 6})
			e := newE2E(t, dn, 0)
			errNode := e.addNode(t, dn.AccountKey(2), errorGPU, node.ReportError)
			var cheatGroup []*node.Node
			for i, b := range []node.Behaviour{node.Honest, node.Honest, node.Cheat} {
				cheatGroup = append(cheatGroup, e.addNode(t, dn.AccountKey(3+i), cheatGPU, b))
			}
			t.Run("SingleValidation", func(t *testing.T) { testSingleValidation(t, e) })
			t.Run("GroupValidation", func(t *testing.T) { testGroupValidation(t, e) })
			t.Run("ResumedTask", func(t *testing.T) { testResumedTask(t, e) })
			t.Run("ErrorReport", func(t *testing.T) { testErrorReport(t, e, errNode.Address()) })
			t.Run("CheatingNode", func(t *testing.T) { testCheatingNode(t, e, cheatGroup[2].Address()) })
		})
	}
}

func scenarioCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// testSingleValidation: a full fine-tune task on the single-validation path,
// results downloaded and checked, the node paid the fee.
func testSingleValidation(t *testing.T, e *e2e) {
	ctx := scenarioCtx(t)
	fee := e2eFee()
	a := argsFor{numImages: 3, steps: 10, maxSteps: 10}
	args := a.json(t)
	tk := e.createOnPath(t, ctx, e.gpu, e.vram, fee, false, e.finisher(t, ctx, args, nil))
	require.EqualValues(t, stStarted, tk.info.Status, "a node was free: the task started at creation")
	require.Contains(t, e.dn.Config.Nodes, tk.info.SelectedNode)
	require.Len(t, events(tk.created, e.vss.UnpackTaskStartedEvent), 1)
	nd := tk.info.SelectedNode
	before := tk.created.BlockNumber.Uint64() - 1
	creator0 := e.balanceAt(t, ctx, e.creator.Address(), before)
	node0 := e.balanceAt(t, ctx, nd, before)

	final, validated := e.runSingle(t, ctx, tk, args, nil)
	require.EqualValues(t, stEndSuccess, final.Status)
	require.Len(t, events(validated, e.vss.UnpackTaskValidatedEvent), 1)
	require.Equal(t, []common.Address{nd}, final.PaymentAddresses)
	require.Len(t, final.Payments, 1)
	require.Zero(t, fee.Cmp(final.Payments[0]), "the whole fee goes to the node")
	require.Len(t, final.Score, 8*a.numImages)

	after := e.head(t, ctx)
	nodeGas := e.gasSpent(t, ctx, nd, before, after)
	require.Positive(t, nodeGas.Sign(), "the node paid gas for its score")
	got := new(big.Int).Sub(e.balanceAt(t, ctx, nd, after), node0)
	require.Zero(t, new(big.Int).Sub(fee, nodeGas).Cmp(got), "node balance delta = fee - its gas: got %s", got)
	spent := new(big.Int).Add(gasCost(tk.created), gasCost(validated))
	got = new(big.Int).Sub(e.balanceAt(t, ctx, e.creator.Address(), after), creator0)
	require.Zero(t, new(big.Int).Neg(new(big.Int).Add(fee, spent)).Cmp(got), "creator paid fee + gas: got %s", got)

	images, ck := e.download(t, ctx, tk.c, a.numImages)
	checkScore(t, images, final.Score)
	checkCheckpoint(t, ck, 10, true)
}

// testGroupValidation: a task selected for validation, two more with the
// same GUID, group validation, payment split and refunds.
func testGroupValidation(t *testing.T, e *e2e) {
	ctx := scenarioCtx(t)
	fee := e2eFee()
	a := argsFor{numImages: 2, steps: 5, maxSteps: 50}
	args := a.json(t)
	first := e.createOnPath(t, ctx, e.gpu, e.vram, fee, true, e.finisher(t, ctx, args, nil))
	before := first.created.BlockNumber.Uint64() - 1
	creator0 := e.balanceAt(t, ctx, e.creator.Address(), before)
	nodes0 := map[common.Address]*big.Int{}
	for _, addr := range e.dn.Config.Nodes {
		nodes0[addr] = e.balanceAt(t, ctx, addr, before)
	}

	g := e.runGroup(t, ctx, first, args, nil)
	selected := map[common.Address]bool{}
	for _, tk := range g.tasks {
		require.Equal(t, e.gpu, tk.info.RequiredGPU, "extra tasks are pinned to the first node's GPU")
		selected[tk.info.SelectedNode] = true
	}
	require.Len(t, selected, 3, "each task of the group ran on its own node")

	// One GroupValidated (the smallest sequence, all agree), the others refunded.
	validated := events(g.validate, e.vss.UnpackTaskValidatedEvent)
	require.Len(t, validated, 1)
	require.Equal(t, g.tasks[0].c, validated[0].TaskIDCommitment)
	atValidation := e.getTaskAt(t, ctx, g.tasks[0].c, g.validate.BlockNumber)
	require.EqualValues(t, stGroupValidated, atValidation.Status)
	refunds := events(g.validate, e.vss.UnpackTaskEndGroupRefundEvent)
	require.Len(t, refunds, 2)
	require.ElementsMatch(t, [][32]byte{g.tasks[1].c, g.tasks[2].c}, [][32]byte{refunds[0].TaskIDCommitment, refunds[1].TaskIDCommitment})
	require.EqualValues(t, stEndGroupSuccess, g.final[0].Status)
	require.EqualValues(t, stEndGroupRefund, g.final[1].Status)
	require.EqualValues(t, stEndGroupRefund, g.final[2].Status)

	// §2.8: the winner's fee is split among the three agreeing nodes.
	win := g.final[0]
	require.Len(t, win.PaymentAddresses, 3)
	require.Len(t, win.Payments, 3)
	sum := new(big.Int)
	paid := map[common.Address]*big.Int{}
	for i, addr := range win.PaymentAddresses {
		require.True(t, selected[addr], "payment to a group member")
		sum.Add(sum, win.Payments[i])
		paid[addr] = win.Payments[i]
	}
	require.Len(t, paid, 3)
	require.Zero(t, fee.Cmp(sum), "payments sum to the fee")

	after := e.head(t, ctx)
	for addr := range selected {
		gas := e.gasSpent(t, ctx, addr, before, after)
		got := new(big.Int).Sub(e.balanceAt(t, ctx, addr, after), nodes0[addr])
		require.Zero(t, new(big.Int).Sub(paid[addr], gas).Cmp(got), "node %s delta = payment - gas: got %s", addr, got)
	}
	spent := gasCost(g.validate)
	for _, tk := range g.tasks {
		spent.Add(spent, gasCost(tk.created))
	}
	got := new(big.Int).Sub(e.balanceAt(t, ctx, e.creator.Address(), after), creator0)
	require.Zero(t, new(big.Int).Neg(new(big.Int).Add(fee, spent)).Cmp(got),
		"the creator paid three fees, got two refunded, and paid gas: got %s", got)

	images, ck := e.download(t, ctx, g.tasks[0].c, a.numImages)
	checkScore(t, images, win.Score)
	checkCheckpoint(t, ck, 5, false)
}

// testResumedTask: a task resumes from an uploaded checkpoint (global step
// 100), and a second one resumes from the first one's result until
// max_train_steps.
func testResumedTask(t *testing.T, e *e2e) {
	ctx := scenarioCtx(t)
	fee := e2eFee()
	a := argsFor{numImages: 1, steps: 20, maxSteps: 130, resume: true}
	args := a.json(t)
	input := zipWith(t, map[string][]byte{node.GlobalStepFile: []byte("100")})

	first := e.createOnPath(t, ctx, e.gpu, e.vram, fee, false, e.finisher(t, ctx, args, input))
	final, _ := e.runSingle(t, ctx, first, args, input)
	require.EqualValues(t, stEndSuccess, final.Status)
	images, ck := e.download(t, ctx, first.c, a.numImages)
	checkScore(t, images, final.Score)
	chained := checkCheckpoint(t, ck, 120, false)

	second := e.createOnPath(t, ctx, e.gpu, e.vram, fee, false, e.finisher(t, ctx, args, chained))
	final2, _ := e.runSingle(t, ctx, second, args, chained)
	require.EqualValues(t, stEndSuccess, final2.Status)
	images, ck = e.download(t, ctx, second.c, a.numImages)
	checkScore(t, images, final2.Score)
	checkCheckpoint(t, ck, 130, true)
	require.NotEqual(t, final.Score, final2.Score, "training continued from a different state")
}

// testErrorReport: the node reports a task error; validateSingleTask ends
// the task EndAborted (IncorrectResult) and refunds the fee (§2.5).
func testErrorReport(t *testing.T, e *e2e, errNode common.Address) {
	ctx := scenarioCtx(t)
	fee := e2eFee()
	args := argsFor{numImages: 2, steps: 5, maxSteps: 5}.json(t)
	tk := e.createOnPath(t, ctx, errorGPU, e.vram, fee, false, func(tk *task) {
		t.Fatalf("the only %q node cannot take a group of three; the sampling seed prediction missed", errorGPU)
	})
	require.Equal(t, errNode, tk.info.SelectedNode)
	before := tk.created.BlockNumber.Uint64() - 1
	creator0 := e.balanceAt(t, ctx, e.creator.Address(), before)

	e.uploadArgs(t, ctx, tk, args, nil)
	reported := e.waitStatus(t, ctx, tk.c, stErrorReported)
	require.EqualValues(t, 1, reported.Error, "ParametersValidationFailed")
	r := e.send(t, ctx, "validateSingleTask", e.vss.PackValidateSingleTask(tk.c, tk.pi, e.pub), nil)
	aborted := events(r, e.vss.UnpackTaskEndAbortedEvent)
	require.Len(t, aborted, 1)
	require.Equal(t, tk.c, aborted[0].TaskIDCommitment)
	require.Equal(t, e.creator.Address(), aborted[0].AbortIssuer)
	require.EqualValues(t, stErrorReported, aborted[0].LastStatus)
	final := e.getTask(t, ctx, tk.c)
	require.EqualValues(t, stEndAborted, final.Status)
	require.EqualValues(t, abortIncorrectResult, final.AbortReason)
	require.Empty(t, final.PaymentAddresses)

	got := new(big.Int).Sub(e.balanceAt(t, ctx, e.creator.Address(), r.BlockNumber.Uint64()), creator0)
	spent := new(big.Int).Add(gasCost(tk.created), gasCost(r))
	require.Zero(t, new(big.Int).Neg(spent).Cmp(got), "the fee was refunded; only gas was spent: got %s", got)
}

// testCheatingNode: a group with a cheating node; the cheater's task ends
// EndInvalidated, it is slashed, and the creator gets its fee back.
func testCheatingNode(t *testing.T, e *e2e, cheater common.Address) {
	ctx := scenarioCtx(t)
	fee := e2eFee()
	a := argsFor{numImages: 2, steps: 5, maxSteps: 5}
	args := a.json(t)
	stake := e.stakedAmount(t, ctx, cheater)
	require.Zero(t, node.DefaultStakeWei().Cmp(stake))
	owner := e.nodeOwner(t, ctx)

	first := e.createOnPath(t, ctx, cheatGPU, e.vram, fee, true, e.finisher(t, ctx, args, nil))
	before := first.created.BlockNumber.Uint64() - 1
	creator0 := e.balanceAt(t, ctx, e.creator.Address(), before)
	cheater0 := e.balanceAt(t, ctx, cheater, before)
	owner0 := e.balanceAt(t, ctx, owner, before)

	g := e.runGroup(t, ctx, first, args, nil)
	var cheat, honest []int
	for i, tk := range g.tasks {
		require.Equal(t, cheatGPU, tk.info.RequiredGPU)
		if tk.info.SelectedNode == cheater {
			cheat = append(cheat, i)
		} else {
			honest = append(honest, i)
		}
	}
	require.Len(t, cheat, 1, "with three free nodes, the cheater ran one task of the group")
	ci := cheat[0]
	require.EqualValues(t, stEndInvalidated, g.final[ci].Status)
	require.Len(t, events(g.validate, e.vss.UnpackTaskEndInvalidatedEvent), 1)
	slashed := events(g.validate, e.nodeC.UnpackNodeSlashedEvent)
	require.Len(t, slashed, 1)
	require.Equal(t, cheater, slashed[0].NodeAddress)
	require.Zero(t, e.stakedAmount(t, ctx, cheater).Sign(), "the cheater's stake is gone")
	require.EqualValues(t, 0, e.nodeInfo(t, ctx, cheater).Status, "the cheater is out of the network (Quit)")

	// The honest pair agrees: the earlier one wins and splits its fee with the other.
	require.EqualValues(t, stEndGroupSuccess, g.final[honest[0]].Status)
	require.EqualValues(t, stEndGroupRefund, g.final[honest[1]].Status)
	win := g.final[honest[0]]
	require.ElementsMatch(t, []common.Address{g.tasks[honest[0]].info.SelectedNode, g.tasks[honest[1]].info.SelectedNode}, win.PaymentAddresses)
	sum := new(big.Int)
	for _, p := range win.Payments {
		sum.Add(sum, p)
	}
	require.Zero(t, fee.Cmp(sum), "payments sum to the fee")

	after := e.head(t, ctx)
	spent := gasCost(g.validate)
	for _, tk := range g.tasks {
		spent.Add(spent, gasCost(tk.created))
	}
	got := new(big.Int).Sub(e.balanceAt(t, ctx, e.creator.Address(), after), creator0)
	require.Zero(t, new(big.Int).Neg(new(big.Int).Add(fee, spent)).Cmp(got),
		"the creator got the cheater's and the refunded task's fees back: got %s", got)
	got = new(big.Int).Sub(e.balanceAt(t, ctx, cheater, after), cheater0)
	require.Zero(t, new(big.Int).Neg(e.gasSpent(t, ctx, cheater, before, after)).Cmp(got), "the cheater earned nothing: got %s", got)
	got = new(big.Int).Sub(e.balanceAt(t, ctx, owner, after), owner0)
	require.Zero(t, stake.Cmp(got), "the stake went to the Node contract owner: got %s", got)

	images, ck := e.download(t, ctx, g.tasks[honest[0]].c, a.numImages)
	checkScore(t, images, win.Score)
	checkCheckpoint(t, ck, 5, true)
}

// TestE2EStalledNode: a node that never submits; an early abort reverts
// "Timeout not reached", and after the (short) task timeout the node aborts
// the task with reason Timeout and the creator gets the fee back.
func TestE2EStalledNode(t *testing.T) {
	t.Parallel()
	for _, ck := range chainKinds() {
		t.Run(ck.name, func(t *testing.T) {
			t.Parallel()
			dn := startNetwork(t, devnet.Options{Geth: ck.geth, Nodes: 1, Behaviours: []node.Behaviour{node.Stall},
				TaskTimeout: 8 * time.Second, Accounts: 1})
			e := newE2E(t, dn, 0)
			ctx := scenarioCtx(t)
			fee := e2eFee()
			stalled := dn.Nodes[0].Address()

			tk := e.newTask(t, ctx, randomBytes32(t), e.gpu, e.vram, fee)
			require.EqualValues(t, stStarted, tk.info.Status)
			require.Equal(t, stalled, tk.info.SelectedNode)
			require.EqualValues(t, 8, tk.info.Timeout.Int64())
			before := tk.created.BlockNumber.Uint64() - 1
			creator0 := e.balanceAt(t, ctx, e.creator.Address(), before)
			spent := gasCost(tk.created)

			to := e.vssAddr()
			r, err := e.tx.Send(ctx, txmgr.Request{To: &to, Data: e.vss.PackAbortTask(tk.c, abortTimeout)})
			require.True(t, txmgr.IsRevert(err, "Timeout not reached"), "early abort: %v", err)
			if r != nil { // mined and reverted: it cost gas
				spent.Add(spent, gasCost(r))
			}

			e.uploadArgs(t, ctx, tk, argsFor{numImages: 1, steps: 5, maxSteps: 5}.json(t), nil)
			final := e.waitStatus(t, ctx, tk.c, stEndAborted)
			require.EqualValues(t, abortTimeout, final.AbortReason)
			after := e.head(t, ctx)
			var aborted []*bindings.VSSTaskTaskEndAborted
			for _, l := range e.logsBetween(t, ctx, e.vssAddr(), before+1, after) {
				if ev, err := e.vss.UnpackTaskEndAbortedEvent(&l); err == nil && ev.TaskIDCommitment == tk.c {
					aborted = append(aborted, ev)
				}
			}
			require.Len(t, aborted, 1)
			require.Equal(t, stalled, aborted[0].AbortIssuer, "the node aborted its task after the timeout")
			require.EqualValues(t, stParametersUploaded, aborted[0].LastStatus)

			got := new(big.Int).Sub(e.balanceAt(t, ctx, e.creator.Address(), after), creator0)
			require.Zero(t, new(big.Int).Neg(spent).Cmp(got), "the fee was refunded: got %s", got)
		})
	}
}
