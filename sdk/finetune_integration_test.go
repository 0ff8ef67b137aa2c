package sdk_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/node"
	"github.com/crynux-go/crynux/relay/taskargs"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// TestFinetuneHonestNetwork runs jobs on a devnet of three honest nodes.
func TestFinetuneHonestNetwork(t *testing.T) {
	dn := startDevnet(t, devnet.Options{Accounts: 4})
	net := networkOf(dn)

	t.Run("SeedRequestChainsTwoRounds", func(t *testing.T) {
		c := dial(t, net, dn, 0, t.TempDir())
		sdk.SetPickNonce(c, sdk.SteerVRF(dn.Backend, dn.Signer(0), false))
		req := seedRequest(t)
		// The seed is a pure Bridge body: Finetune fills the on-chain parameters.
		require.Empty(t, req.TaskFee)
		require.Empty(t, req.GPUName)
		require.Zero(t, req.GPUVRAM)
		require.Equal(t, 2**req.NumTrainSteps, *req.MaxTrainSteps, "the seed trains two rounds")
		fee := feeWei(t, req)
		before := balanceNow(t, reader(t, dn), c.Address())

		evs, res, err := runJob(t, c, req)
		require.NoError(t, err)
		if count(evs, sdk.EventGroupFormed) > 0 {
			t.Skip("the VRF prediction missed and a round went to group validation; the group path has its own test")
		}
		require.Equal(t, 2, res.Rounds)
		require.Equal(t, 1, count(evs, sdk.EventCheckpointChained))
		require.Equal(t, 2, count(evs, sdk.EventCreated))
		require.Len(t, res.Commitments, 2)
		require.Equal(t, sdk.EventDone, evs[len(evs)-1].Kind)
		require.NoError(t, evs[len(evs)-1].Err)
		requireLoRAZip(t, res.LoRAZip, *req.MaxTrainSteps)
		require.Len(t, res.Images, *req.ValidationNumImages)

		require.Equal(t, mul(fee, 2).String(), res.Paid.String(), "Paid = 2 × fee")
		require.Zero(t, res.Refunded.Sign(), "Refunded = 0")
		requireNoLostFee(t, c, res)
		requireAccounting(t, reader(t, dn), c.Address(), before, res)

		// The tasks carry the network's GPU, the default fee and the request's model.
		info, err := c.Task(context.Background(), res.Commitments[0])
		require.NoError(t, err)
		require.Equal(t, dn.Config.GPUName, info.RequiredGPU)
		require.Equal(t, dn.Config.GPUVRAM, info.RequiredGPUVRAM)
		require.Equal(t, fee.String(), info.Fee.String())
		require.Equal(t, []string{"base:" + req.ModelName}, info.ModelIDs)
		jobs, err := c.Jobs()
		require.NoError(t, err)
		require.Len(t, jobs, 1)
		require.Equal(t, sdk.JobSucceeded, jobs[0].State)
	})

	t.Run("GroupValidation", func(t *testing.T) {
		c := dial(t, net, dn, 1, t.TempDir())
		sdk.SetPickNonce(c, sdk.SteerVRF(dn.Backend, dn.Signer(1), true))
		req := oneRound(seedRequest(t))
		fee := feeWei(t, req)
		var (
			evs    []sdk.Event
			res    *sdk.Result
			err    error
			before snapshot
		)
		for attempt := 1; ; attempt++ {
			before = balanceNow(t, reader(t, dn), c.Address())
			evs, res, err = runJob(t, c, req)
			require.NoError(t, err)
			if count(evs, sdk.EventGroupFormed) == 1 {
				break
			}
			require.Less(t, attempt, 3, "the VRF prediction missed %d times", attempt)
			t.Logf("attempt %d: the VRF prediction missed (no group); again", attempt)
		}
		require.Equal(t, 3, count(evs, sdk.EventCreated), "three tasks with the same GUID")
		require.Len(t, res.Commitments, 3)
		require.Equal(t, 1, count(evs, sdk.EventValidated))
		require.Equal(t, 1, res.Rounds)
		requireLoRAZip(t, res.LoRAZip, *req.MaxTrainSteps)

		// Exactly one validate transaction: three createTask and one validateTaskGroup.
		abi, err := bindings.VSSTaskMetaData.ParseABI()
		require.NoError(t, err)
		calls := callsTo(t, dn, c.Address(), dn.Config.Contracts.VSSTask, before.Block)
		require.Equal(t, 3, calls[string(abi.Methods["createTask"].ID)])
		require.Equal(t, 1, calls[string(abi.Methods["validateTaskGroup"].ID)])
		require.Zero(t, calls[string(abi.Methods["validateSingleTask"].ID)])
		require.Zero(t, calls[string(abi.Methods["abortTask"].ID)])

		// Protocol §2.8: the GroupValidated task's fee pays the nodes, the
		// other agreeing tasks end EndGroupRefund and come back.
		require.Equal(t, fee.String(), res.Paid.String(), "Paid = one fee")
		require.Equal(t, mul(fee, 2).String(), res.Refunded.String(), "Refunded = two fees")
		require.Equal(t, 2, count(evs, sdk.EventAborted), "two EndGroupRefund")
		for _, ev := range evs {
			if ev.Kind == sdk.EventAborted {
				require.Equal(t, sdk.StatusEndGroupRefund, ev.Status)
				require.Equal(t, fee.String(), ev.Refund.String())
			}
		}
		requireNoLostFee(t, c, res)
		requireAccounting(t, reader(t, dn), c.Address(), before, res)
	})

	t.Run("InvalidFieldsSendNothing", func(t *testing.T) {
		c := dial(t, net, dn, 2, t.TempDir())
		ctx := context.Background()
		s := func(v string) *string { return &v }
		i := func(v int) *int { return &v }
		f := func(v float64) *float64 { return &v }
		i64 := func(v int64) *int64 { return &v }
		vss, latest := taskargs.SchemaVSS, taskargs.SchemaLatest
		bogus := taskargs.Schema("bogus")
		ilw := taskargs.InitLoraWeights("uniform")
		cases := []struct {
			field  string
			modify func(r *sdk.FinetuneRequest)
		}{
			{"model_name", func(r *sdk.FinetuneRequest) { r.ModelName = "" }},
			{"model_name", func(r *sdk.FinetuneRequest) { r.ModelName = "has space" }},
			{"model_variant", func(r *sdk.FinetuneRequest) { r.ModelVariant = s(" ") }},
			{"dataset_name", func(r *sdk.FinetuneRequest) { r.DatasetName = nil }},
			{"dataset_name", func(r *sdk.FinetuneRequest) { r.DatasetName = s("") }},
			{"dataset_url", func(r *sdk.FinetuneRequest) { r.DatasetURL = s("https://example.com/d.zip"); r.TaskArgsSchema = &vss }},
			{"dataset_url", func(r *sdk.FinetuneRequest) { r.DatasetURL = s("ftp://example.com/d"); r.TaskArgsSchema = &latest }},
			{"task_args_schema", func(r *sdk.FinetuneRequest) { r.TaskArgsSchema = &bogus }},
			{"validation_prompt", func(r *sdk.FinetuneRequest) { r.ValidationPrompt = s("") }},
			{"validation_num_images", func(r *sdk.FinetuneRequest) { r.ValidationNumImages = i(11) }},
			{"rank", func(r *sdk.FinetuneRequest) { r.Rank = i(0) }},
			{"init_lora_weights", func(r *sdk.FinetuneRequest) { r.InitLoraWeights = &ilw }},
			{"target_modules", func(r *sdk.FinetuneRequest) { r.TargetModules = &taskargs.TargetModules{} }},
			{"learning_rate", func(r *sdk.FinetuneRequest) { r.LearningRate = f(0) }},
			{"learning_rate", func(r *sdk.FinetuneRequest) { r.LearningRate = f(math.NaN()) }},
			{"batch_size", func(r *sdk.FinetuneRequest) { r.BatchSize = i(0) }},
			{"gradient_accumulation_steps", func(r *sdk.FinetuneRequest) { r.GradientAccumulationSteps = i(-1) }},
			{"prediction_type", func(r *sdk.FinetuneRequest) { r.PredictionType = s("noise") }},
			{"max_grad_norm", func(r *sdk.FinetuneRequest) { r.MaxGradNorm = f(-1) }},
			{"num_train_epochs", func(r *sdk.FinetuneRequest) { r.NumTrainEpochs = i(0) }},
			{"num_train_steps", func(r *sdk.FinetuneRequest) { r.NumTrainSteps = i(0) }},
			{"max_train_epochs", func(r *sdk.FinetuneRequest) { r.MaxTrainEpochs = i(0) }},
			{"max_train_steps", func(r *sdk.FinetuneRequest) { r.MaxTrainSteps = i(50) }},
			{"resolution", func(r *sdk.FinetuneRequest) { r.Resolution = i(0) }},
			{"noise_offset", func(r *sdk.FinetuneRequest) { r.NoiseOffset = f(-0.1) }},
			{"snr_gamma", func(r *sdk.FinetuneRequest) { r.SNRGamma = f(0) }},
			{"lr_scheduler", func(r *sdk.FinetuneRequest) { r.LRScheduler = s("sawtooth") }},
			{"lr_warmup_steps", func(r *sdk.FinetuneRequest) { r.LRWarmupSteps = i(-1) }},
			{"adam_beta1", func(r *sdk.FinetuneRequest) { r.AdamBeta1 = f(1) }},
			{"adam_beta2", func(r *sdk.FinetuneRequest) { r.AdamBeta2 = f(-0.5) }},
			{"adam_weight_decay", func(r *sdk.FinetuneRequest) { r.AdamWeightDecay = f(-1) }},
			{"adam_epsilon", func(r *sdk.FinetuneRequest) { r.AdamEpsilon = f(0) }},
			{"mixed_precision", func(r *sdk.FinetuneRequest) { r.MixedPrecision = s("fp8") }},
			{"seed", func(r *sdk.FinetuneRequest) { r.Seed = i64(-1) }},
			{"seed", func(r *sdk.FinetuneRequest) { r.Seed = i64(sdk.MaxFinetuneSeed + 1) }},
			{"timeout", func(r *sdk.FinetuneRequest) { r.Timeout = i64(0) }},
			{"task_fee", func(r *sdk.FinetuneRequest) { r.TaskFee = "0" }},
			{"task_fee", func(r *sdk.FinetuneRequest) { r.TaskFee = "-1" }},
			{"task_fee", func(r *sdk.FinetuneRequest) { r.TaskFee = "1.0000000000000000001" }},
			{"gpu_name", func(r *sdk.FinetuneRequest) { r.GPUVRAM = 24 }}, // a VRAM without a name: no network default
			{"gpu_vram", func(r *sdk.FinetuneRequest) { r.GPUName = "NVIDIA GeForce RTX 4090"; r.GPUVRAM = -1 }},
			{"task_version", func(r *sdk.FinetuneRequest) { r.TaskVersionString = s("2.5") }},
		}
		before := balanceNow(t, reader(t, dn), c.Address())
		nonce, err := dn.Backend.PendingNonceAt(ctx, c.Address())
		require.NoError(t, err)
		for _, tc := range cases {
			req := seedRequest(t)
			tc.modify(&req)
			job, err := c.Finetune(ctx, req)
			require.Nil(t, job, "field %s", tc.field)
			var fe *sdk.FieldError
			require.True(t, errors.As(err, &fe), "field %s: %v is not a *FieldError", tc.field, err)
			var fes sdk.FieldErrors
			require.True(t, errors.As(err, &fes), "field %s", tc.field)
			var fields []string
			for _, e := range fes {
				fields = append(fields, e.Field)
			}
			require.Contains(t, fields, tc.field, "error: %v", err)
			require.Equal(t, tc.field, fe.Field, "the first problem of a single-field mistake (error: %v)", err)
		}
		// Too poor to pay: typed, and also before anything is sent.
		req := seedRequest(t)
		req.TaskFee = "1000000"
		_, err = c.Finetune(ctx, req)
		var ib *txmgr.InsufficientBalanceError
		require.True(t, errors.As(err, &ib), "%v", err)

		after := balanceNow(t, reader(t, dn), c.Address())
		require.Equal(t, before.Balance.String(), after.Balance.String(), "balance unchanged")
		n2, err := dn.Backend.PendingNonceAt(ctx, c.Address())
		require.NoError(t, err)
		require.Equal(t, nonce, n2, "nonce unchanged: nothing was sent")
		jobs, err := c.Jobs()
		require.NoError(t, err)
		require.Empty(t, jobs, "nothing journaled")
	})
}

// callsTo counts a's transactions to `to` mined after block `from`, by selector.
func callsTo(t testing.TB, dn *devnet.Network, a, to common.Address, from uint64) map[string]int {
	t.Helper()
	ctx := context.Background()
	head, err := dn.Backend.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	id, err := dn.Backend.ChainID(ctx)
	require.NoError(t, err)
	out := map[string]int{}
	for n := from + 1; n <= head.Number.Uint64(); n++ {
		blk, err := reader(t, dn).BlockByNumber(ctx, new(big.Int).SetUint64(n))
		require.NoError(t, err)
		for _, tx := range blk.Transactions() {
			s, err := typesSender(id, tx)
			if err != nil || s != a || tx.To() == nil || *tx.To() != to || len(tx.Data()) < 4 {
				continue
			}
			out[string(bytes.Clone(tx.Data()[:4]))]++
		}
	}
	return out
}

// TestFinetuneNodeErrorRefunds: every node reports an error and no retry is
// allowed, so the job fails with the refund reported.
func TestFinetuneNodeErrorRefunds(t *testing.T) {
	dn := startDevnet(t, devnet.Options{Behaviours: []node.Behaviour{node.ReportError, node.ReportError, node.ReportError}})
	c := dial(t, networkOf(dn), dn, 0, t.TempDir(), sdk.WithMaxTaskRetries(0))
	sdk.SetPickNonce(c, sdk.SteerVRF(dn.Backend, dn.Signer(0), false))
	req := oneRound(seedRequest(t))
	fee := feeWei(t, req)
	before := balanceNow(t, reader(t, dn), c.Address())

	evs, res, err := runJob(t, c, req)
	if count(evs, sdk.EventGroupFormed) > 0 {
		t.Skip("the VRF prediction missed and the task went to group validation")
	}
	var aborted *sdk.TaskAbortedError
	require.True(t, errors.As(err, &aborted), "want *sdk.TaskAbortedError, got %v", err)
	require.Equal(t, fee.String(), aborted.Refund.String())
	require.Equal(t, sdk.StatusEndAborted, aborted.Status)
	require.Equal(t, sdk.AbortIncorrectResult, aborted.Reason)
	require.Equal(t, 1, count(evs, sdk.EventAborted))
	for _, ev := range evs {
		if ev.Kind == sdk.EventAborted {
			require.Equal(t, fee.String(), ev.Refund.String())
		}
	}
	last := evs[len(evs)-1]
	require.Equal(t, sdk.EventDone, last.Kind)
	require.True(t, errors.As(last.Err, &aborted))
	require.NotNil(t, res, "a failed job reports what was refunded")
	require.Equal(t, fee.String(), res.Refunded.String())
	require.Zero(t, res.Paid.Sign())
	requireNoLostFee(t, c, res)
	requireAccounting(t, reader(t, dn), c.Address(), before, res) // balance = before − gas
	jobs, err := c.Jobs()
	require.NoError(t, err)
	require.Equal(t, sdk.JobFailed, jobs[0].State)
}

// TestFinetuneDeadlineAborts: the nodes never answer; at the request's
// deadline the job aborts its task (once the contract allows) and reports the refund.
func TestFinetuneDeadlineAborts(t *testing.T) {
	dn := startDevnet(t, devnet.Options{TaskTimeout: 3 * time.Second,
		Behaviours: []node.Behaviour{node.Stall, node.Stall, node.Stall}})
	c := dial(t, networkOf(dn), dn, 0, t.TempDir())
	sdk.SetPickNonce(c, sdk.SteerVRF(dn.Backend, dn.Signer(0), false))
	req := oneRound(seedRequest(t))
	timeout := int64(1)
	req.Timeout = &timeout
	fee := feeWei(t, req)
	before := balanceNow(t, reader(t, dn), c.Address())

	evs, res, err := runJob(t, c, req)
	if count(evs, sdk.EventGroupFormed) > 0 {
		t.Skip("the VRF prediction missed and the task went to group validation")
	}
	require.ErrorIs(t, err, sdk.ErrDeadline)
	require.NotNil(t, res)
	require.Equal(t, 1, count(evs, sdk.EventCreated))
	require.Equal(t, 1, count(evs, sdk.EventAborted))
	for _, ev := range evs {
		if ev.Kind == sdk.EventAborted {
			require.Equal(t, fee.String(), ev.Refund.String())
			require.Equal(t, sdk.AbortTimeout, ev.Reason)
		}
	}
	require.Equal(t, fee.String(), res.Refunded.String())
	require.Zero(t, res.Paid.Sign())
	requireNoLostFee(t, c, res)
	requireAccounting(t, reader(t, dn), c.Address(), before, res) // balance = before − gas
}
