package sdk

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/relay/taskargs"
)

func reqPtr[T any](v T) *T { return &v }

func loadSampleRequest(t *testing.T) ([]byte, *FinetuneRequest) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "finetune_request.json"))
	require.NoError(t, err)
	req, err := ParseFinetuneRequest(raw)
	require.NoError(t, err)
	return raw, req
}

// minimalRequest holds only the required fields.
func minimalRequest() *FinetuneRequest {
	return &FinetuneRequest{
		ModelName:   "crynux-network/stable-diffusion-v1-5",
		DatasetName: reqPtr("lambdalabs/naruto-blip-captions"),
		TaskFee:     "15",
		GPUName:     "NVIDIA GeForce RTX 4090",
		GPUVRAM:     24,
	}
}

func TestSampleRequestRoundTrip(t *testing.T) {
	raw, req := loadSampleRequest(t)
	require.NoError(t, req.Validate())

	assert.Equal(t, "crynux-network/stable-diffusion-v1-5", req.ModelName)
	assert.Equal(t, 2, *req.ValidationNumImages)
	assert.Equal(t, 100, *req.NumTrainSteps)
	assert.Equal(t, 200, *req.MaxTrainSteps)
	assert.Equal(t, taskargs.TargetModuleList("to_k", "to_q", "to_v", "to_out.0"), req.TargetModules)
	assert.Equal(t, taskargs.InitLoraWeightsGaussian, *req.InitLoraWeights)
	assert.Equal(t, int64(1234), *req.Seed)
	assert.Equal(t, 20*time.Minute, req.TimeoutDuration())
	assert.Equal(t, taskargs.SchemaVSS, req.ArgsSchema())

	out, err := json.Marshal(req)
	require.NoError(t, err)
	assert.JSONEq(t, string(raw), string(out), "the sample must survive decode/encode unchanged")

	// A Bridge-only body (no on-chain fields) decodes too; it just fails Validate on them.
	bridge, err := ParseFinetuneRequest([]byte(`{"model_name":"m","dataset_name":"d","batch_size":2,"scale_lr":false,"target_modules":"all-linear","init_lora_weights":false}`))
	require.NoError(t, err)
	assert.Equal(t, taskargs.TargetModuleString("all-linear"), bridge.TargetModules)
	assert.Equal(t, taskargs.InitLoraWeightsFalse, *bridge.InitLoraWeights)
	var fes FieldErrors
	require.ErrorAs(t, bridge.Validate(), &fes)
	assert.Equal(t, []string{"task_fee", "gpu_name", "gpu_vram"}, fieldsOf(fes))
}

func TestParseFinetuneRequestRejectsUnknownKeys(t *testing.T) {
	_, err := ParseFinetuneRequest([]byte(`{"model_name":"m","batchsize":4}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "batchsize")
	_, err = ParseFinetuneRequest([]byte(`{"model_name":"m"} {}`))
	require.Error(t, err)
}

func TestSampleTaskArgs(t *testing.T) {
	_, req := loadSampleRequest(t)
	args, err := req.TaskArgs(taskargs.SchemaVSS, false)
	require.NoError(t, err)
	doc, err := taskargs.Marshal(args)
	require.NoError(t, err)
	require.NoError(t, taskargs.Validate([]byte(doc), taskargs.SchemaVSS))
	require.NoError(t, taskargs.Validate([]byte(doc), taskargs.SchemaLatest))

	assert.JSONEq(t, `{
	 "model": {"name": "crynux-network/stable-diffusion-v1-5", "variant": "fp16", "revision": "main"},
	 "dataset": {"name": "lambdalabs/naruto-blip-captions", "config_name": null, "image_column": "image", "caption_column": "text"},
	 "validation": {"prompt": "Bill Gates with a hoodie, naruto style", "num_images": 2},
	 "train_args": {"learning_rate": 0.0001, "batch_size": 1, "gradient_accumulation_steps": 4, "prediction_type": "epsilon",
	   "max_grad_norm": 1, "num_train_epochs": 1, "num_train_steps": 100, "max_train_epochs": 1, "max_train_steps": 200,
	   "scale_lr": false, "resolution": 512, "noise_offset": 0.1, "snr_gamma": 5,
	   "lr_scheduler": {"lr_scheduler": "cosine", "lr_warmup_steps": 0},
	   "adam_args": {"beta1": 0.9, "beta2": 0.999, "weight_decay": 0.01, "epsilon": 1e-8}},
	 "lora": {"rank": 4, "init_lora_weights": "gaussian", "target_modules": ["to_k", "to_q", "to_v", "to_out.0"]},
	 "transforms": {"center_crop": true, "random_flip": true},
	 "dataloader_num_workers": 0, "mixed_precision": "fp16", "seed": 1234, "checkpoint": null
	}`, doc)

	resumed, err := req.TaskArgs(taskargs.SchemaVSS, true)
	require.NoError(t, err)
	require.NotNil(t, resumed.Checkpoint)
	assert.Equal(t, "checkpoint.zip", *resumed.Checkpoint)
	doc, err = taskargs.Marshal(resumed)
	require.NoError(t, err)
	require.NoError(t, taskargs.Validate([]byte(doc), taskargs.SchemaVSS))

	assert.Equal(t, []string{"base:crynux-network/stable-diffusion-v1-5+fp16"}, req.ModelIDs())
	fee, err := req.FeeWei()
	require.NoError(t, err)
	assert.Equal(t, "15000000000000000000", fee.String())
	v, err := req.TaskVersion()
	require.NoError(t, err)
	assert.Equal(t, [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, v)
}

func TestMinimalRequestTakesDocumentedDefaults(t *testing.T) {
	req := minimalRequest()
	require.NoError(t, req.Validate())
	args, err := req.TaskArgs(req.ArgsSchema(), false)
	require.NoError(t, err)

	want := taskargs.Defaults()
	want.Model.Name = req.ModelName
	want.Dataset.Name = reqPtr("lambdalabs/naruto-blip-captions")
	assert.Equal(t, want, args, "absent fields must take the schema defaults (scale_lr true, seed 0, ...)")
	assert.True(t, args.TrainArgs.ScaleLR)
	assert.Equal(t, 500, args.TrainArgs.LRScheduler.LRWarmupSteps)
	assert.Nil(t, args.Checkpoint)
	assert.Nil(t, args.Lora.TargetModules)

	assert.Equal(t, []string{"base:crynux-network/stable-diffusion-v1-5"}, req.ModelIDs())
	v, err := req.TaskVersion()
	require.NoError(t, err)
	assert.Equal(t, [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, v)
	assert.Equal(t, time.Duration(DefaultFinetuneTimeoutSeconds)*time.Second, req.TimeoutDuration())
	assert.Equal(t, taskargs.SchemaVSS, req.ArgsSchema())
}

func TestTaskArgsDatasetPerSchema(t *testing.T) {
	// URL only: fine for the latest schema, refused for the on-chain one.
	req := minimalRequest()
	req.DatasetName = nil
	req.DatasetURL = reqPtr("https://example.com/naruto.zip")
	req.TaskArgsSchema = reqPtr(taskargs.SchemaLatest)
	require.NoError(t, req.Validate())
	args, err := req.TaskArgs(taskargs.SchemaLatest, false)
	require.NoError(t, err)
	require.NotNil(t, args.Dataset.URL)
	assert.Nil(t, args.Dataset.Name)
	doc, err := taskargs.Marshal(args)
	require.NoError(t, err)
	require.NoError(t, taskargs.Validate([]byte(doc), taskargs.SchemaLatest))
	assert.Error(t, taskargs.Validate([]byte(doc), taskargs.SchemaVSS), "the VSS schema requires dataset.name")

	_, err = req.TaskArgs(taskargs.SchemaVSS, false)
	var fes FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, []string{"dataset_url", "dataset_name"}, fieldsOf(fes))
	assert.Contains(t, fes[0].Error(), "not supported by the on-chain")

	// Name and URL: both go out for latest; only the name for vss.
	req.DatasetName = reqPtr("lambdalabs/naruto-blip-captions")
	args, err = req.TaskArgs(taskargs.SchemaLatest, false)
	require.NoError(t, err)
	assert.NotNil(t, args.Dataset.URL)
	assert.NotNil(t, args.Dataset.Name)
	req.DatasetURL = nil
	req.TaskArgsSchema = nil
	args, err = req.TaskArgs(taskargs.SchemaVSS, false)
	require.NoError(t, err)
	doc, err = taskargs.Marshal(args)
	require.NoError(t, err)
	assert.NotContains(t, doc, `"url"`)
	require.NoError(t, taskargs.Validate([]byte(doc), taskargs.SchemaVSS))
}

func TestTaskArgsDoNotAliasRequest(t *testing.T) {
	_, req := loadSampleRequest(t)
	args, err := req.TaskArgs(taskargs.SchemaVSS, false)
	require.NoError(t, err)
	*req.DatasetName = "changed"
	req.TargetModules.Names[0] = "changed"
	*req.NumTrainSteps = 1
	assert.Equal(t, "lambdalabs/naruto-blip-captions", *args.Dataset.Name)
	assert.Equal(t, "to_k", args.Lora.TargetModules.Names[0])
	assert.Equal(t, 100, *args.TrainArgs.NumTrainSteps)
}

func fieldsOf(fes FieldErrors) []string {
	var out []string
	for _, fe := range fes {
		out = append(out, fe.Field)
	}
	return out
}

func TestValidateNamesEachInvalidField(t *testing.T) {
	cases := []struct {
		field  string
		mutate func(r *FinetuneRequest)
		reason string
	}{
		{"model_name", func(r *FinetuneRequest) { r.ModelName = "" }, "required"},
		{"model_name", func(r *FinetuneRequest) { r.ModelName = "my model" }, "without whitespace"},
		{"model_variant", func(r *FinetuneRequest) { r.ModelVariant = reqPtr("") }, "must not be empty"},
		{"model_revision", func(r *FinetuneRequest) { r.ModelRevision = reqPtr(" ") }, "must not be empty"},
		{"dataset_name", func(r *FinetuneRequest) { r.DatasetName = nil }, "required by the on-chain"},
		{"dataset_name", func(r *FinetuneRequest) { r.DatasetName = reqPtr("") }, "must not be empty"},
		{"dataset_name", func(r *FinetuneRequest) {
			r.DatasetName = nil
			r.TaskArgsSchema = reqPtr(taskargs.SchemaLatest)
		}, "dataset_name (a Hugging Face dataset id) or dataset_url"},
		{"dataset_url", func(r *FinetuneRequest) { r.DatasetURL = reqPtr("https://example.com/d.zip") }, "not supported by the on-chain"},
		{"dataset_url", func(r *FinetuneRequest) {
			r.DatasetURL = reqPtr("data/d.zip")
			r.TaskArgsSchema = reqPtr(taskargs.SchemaLatest)
		}, "absolute http"},
		{"dataset_url", func(r *FinetuneRequest) {
			r.DatasetURL = reqPtr("ftp://example.com/d.zip")
			r.TaskArgsSchema = reqPtr(taskargs.SchemaLatest)
		}, "absolute http"},
		{"dataset_url", func(r *FinetuneRequest) {
			r.DatasetURL = reqPtr("https://example.com/" + strings.Repeat("a", 2100))
			r.TaskArgsSchema = reqPtr(taskargs.SchemaLatest)
		}, "at most 2083"},
		{"dataset_url", func(r *FinetuneRequest) {
			r.DatasetURL = reqPtr("")
			r.TaskArgsSchema = reqPtr(taskargs.SchemaLatest)
		}, "must not be empty"},
		{"dataset_image_column", func(r *FinetuneRequest) { r.DatasetImageColumn = reqPtr("") }, "must not be empty"},
		{"dataset_caption_column", func(r *FinetuneRequest) { r.DatasetCaptionColumn = reqPtr("") }, "must not be empty"},
		{"validation_prompt", func(r *FinetuneRequest) { r.ValidationPrompt = reqPtr("") }, "must not be empty"},
		{"validation_num_images", func(r *FinetuneRequest) { r.ValidationNumImages = reqPtr(0) }, "between 1 and 10"},
		{"validation_num_images", func(r *FinetuneRequest) { r.ValidationNumImages = reqPtr(11) }, "between 1 and 10"},
		{"rank", func(r *FinetuneRequest) { r.Rank = reqPtr(0) }, "must be ≥ 1"},
		{"init_lora_weights", func(r *FinetuneRequest) { r.InitLoraWeights = reqPtr(taskargs.InitLoraWeights("pissa")) }, "\"gaussian\""},
		{"target_modules", func(r *FinetuneRequest) { r.TargetModules = taskargs.TargetModuleList() }, "at least one"},
		{"target_modules", func(r *FinetuneRequest) { r.TargetModules = taskargs.TargetModuleList("to_q", "") }, "must not be empty"},
		{"target_modules", func(r *FinetuneRequest) { r.TargetModules = taskargs.TargetModuleString("") }, "non-empty"},
		{"learning_rate", func(r *FinetuneRequest) { r.LearningRate = reqPtr(0.0) }, "must be > 0"},
		{"learning_rate", func(r *FinetuneRequest) { r.LearningRate = reqPtr(math.NaN()) }, "finite"},
		{"batch_size", func(r *FinetuneRequest) { r.BatchSize = reqPtr(0) }, "must be ≥ 1"},
		{"gradient_accumulation_steps", func(r *FinetuneRequest) { r.GradientAccumulationSteps = reqPtr(0) }, "must be ≥ 1"},
		{"prediction_type", func(r *FinetuneRequest) { r.PredictionType = reqPtr("sample") }, "\"v_prediction\""},
		{"max_grad_norm", func(r *FinetuneRequest) { r.MaxGradNorm = reqPtr(0.0) }, "must be > 0"},
		{"num_train_epochs", func(r *FinetuneRequest) { r.NumTrainEpochs = reqPtr(0) }, "must be ≥ 1"},
		{"num_train_steps", func(r *FinetuneRequest) { r.NumTrainSteps = reqPtr(0) }, "must be ≥ 1"},
		{"max_train_epochs", func(r *FinetuneRequest) { r.MaxTrainEpochs = reqPtr(0) }, "must be ≥ 1"},
		{"max_train_steps", func(r *FinetuneRequest) { r.MaxTrainSteps = reqPtr(-1) }, "must be ≥ 1"},
		{"max_train_steps", func(r *FinetuneRequest) {
			r.NumTrainSteps = reqPtr(300)
			r.MaxTrainSteps = reqPtr(200)
		}, "≥ num_train_steps (300)"},
		{"resolution", func(r *FinetuneRequest) { r.Resolution = reqPtr(0) }, "must be ≥ 1"},
		{"noise_offset", func(r *FinetuneRequest) { r.NoiseOffset = reqPtr(-0.1) }, "must be ≥ 0"},
		{"snr_gamma", func(r *FinetuneRequest) { r.SNRGamma = reqPtr(0.0) }, "must be > 0"},
		{"lr_scheduler", func(r *FinetuneRequest) { r.LRScheduler = reqPtr("step") }, "\"constant_with_warmup\""},
		{"lr_warmup_steps", func(r *FinetuneRequest) { r.LRWarmupSteps = reqPtr(-1) }, "must be ≥ 0"},
		{"adam_beta1", func(r *FinetuneRequest) { r.AdamBeta1 = reqPtr(1.0) }, "[0, 1)"},
		{"adam_beta2", func(r *FinetuneRequest) { r.AdamBeta2 = reqPtr(-0.5) }, "[0, 1)"},
		{"adam_weight_decay", func(r *FinetuneRequest) { r.AdamWeightDecay = reqPtr(-0.01) }, "must be ≥ 0"},
		{"adam_epsilon", func(r *FinetuneRequest) { r.AdamEpsilon = reqPtr(0.0) }, "must be > 0"},
		{"mixed_precision", func(r *FinetuneRequest) { r.MixedPrecision = reqPtr("fp32") }, "\"bf16\""},
		{"seed", func(r *FinetuneRequest) { r.Seed = reqPtr(int64(-1)) }, "between 0 and 4294967295"},
		{"seed", func(r *FinetuneRequest) { r.Seed = reqPtr(int64(1) << 32) }, "between 0 and 4294967295"},
		{"timeout", func(r *FinetuneRequest) { r.Timeout = reqPtr(int64(0)) }, "must be > 0 seconds"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = "" }, "required"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = "0" }, "Task fee cannot be 0"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = "0.000" }, "Task fee cannot be 0"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = "-1" }, "decimal amount"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = "1e18" }, "decimal amount"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = " 15" }, "decimal amount"},
		{"task_fee", func(r *FinetuneRequest) { r.TaskFee = "1.0000000000000000001" }, "more than 18 decimal places"},
		{"gpu_name", func(r *FinetuneRequest) { r.GPUName = "" }, "GPU name is empty"},
		{"gpu_name", func(r *FinetuneRequest) { r.GPUName = "  " }, "GPU name is empty"},
		{"gpu_vram", func(r *FinetuneRequest) { r.GPUVRAM = 0 }, "must be > 0"},
		{"task_version", func(r *FinetuneRequest) { r.TaskVersionString = reqPtr("2.5") }, "major.minor.patch"},
		{"task_version", func(r *FinetuneRequest) { r.TaskVersionString = reqPtr("v2.5.0") }, "major.minor.patch"},
		{"task_args_schema", func(r *FinetuneRequest) { r.TaskArgsSchema = reqPtr(taskargs.Schema("v2")) }, "\"latest\""},
	}
	for _, tc := range cases {
		t.Run(tc.field+"/"+tc.reason, func(t *testing.T) {
			_, req := loadSampleRequest(t)
			tc.mutate(req)
			err := req.Validate()
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.Contains(t, fe.Reason, tc.reason)
			var fes FieldErrors
			require.ErrorAs(t, err, &fes)
			assert.Equal(t, []string{tc.field}, fieldsOf(fes), "only the broken field is reported")
			assert.True(t, strings.HasPrefix(err.Error(), "invalid finetune request: "+tc.field), err.Error())

			_, err = req.TaskArgs(req.ArgsSchema(), false)
			require.ErrorAs(t, err, &fe, "TaskArgs must refuse an invalid request")
		})
	}
}

func TestFieldErrorMessage(t *testing.T) {
	req := minimalRequest()
	req.BatchSize = reqPtr(0)
	assert.EqualError(t, req.Validate(), "invalid finetune request: batch_size = 0: must be ≥ 1 (omit it for the default 16)")

	req = minimalRequest()
	req.MixedPrecision = reqPtr("fp32")
	req.GPUName = ""
	err := req.Validate()
	assert.EqualError(t, err, `invalid finetune request (2 problems): mixed_precision = "fp32": must be one of "no", "fp16", "bf16"; `+
		`gpu_name: required: set the exact GPU name nodes registered with, e.g. "NVIDIA GeForce RTX 4090" (createTask reverts with "GPU name is empty" otherwise)`)
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "mixed_precision", fe.Field)
	assert.Equal(t, "fp32", fe.Value)
}

func TestExplicitValidZeroesAreKept(t *testing.T) {
	// Where 0 is valid it is used as given, never replaced by a default.
	req := minimalRequest()
	req.LRWarmupSteps = reqPtr(0)
	req.Seed = reqPtr(int64(0))
	req.NoiseOffset = reqPtr(0.0)
	req.AdamWeightDecay = reqPtr(0.0)
	req.ScaleLR = reqPtr(false)
	args, err := req.TaskArgs(taskargs.SchemaVSS, false)
	require.NoError(t, err)
	assert.Equal(t, 0, args.TrainArgs.LRScheduler.LRWarmupSteps)
	assert.Equal(t, int64(0), args.Seed)
	assert.Equal(t, 0.0, args.TrainArgs.AdamArgs.WeightDecay)
	assert.False(t, args.TrainArgs.ScaleLR)
}

func TestFeeWei(t *testing.T) {
	for fee, wei := range map[string]string{
		"15":                   "15000000000000000000",
		"0.5":                  "500000000000000000",
		"1.25":                 "1250000000000000000",
		"0.000000000000000001": "1",
		"007":                  "7000000000000000000",
	} {
		req := minimalRequest()
		req.TaskFee = fee
		got, err := req.FeeWei()
		require.NoError(t, err, fee)
		assert.Equal(t, wei, got.String(), fee)
	}
	for _, fee := range []string{"", "0", "abc", "1.", ".5", "1,5", "0x10", "+1"} {
		req := minimalRequest()
		req.TaskFee = fee
		_, err := req.FeeWei()
		var fe *FieldError
		require.ErrorAs(t, err, &fe, "fee %q", fee)
		assert.Equal(t, "task_fee", fe.Field)
	}
}

func TestTaskVersion(t *testing.T) {
	req := minimalRequest()
	req.TaskVersionString = reqPtr("3.10.2")
	v, err := req.TaskVersion()
	require.NoError(t, err)
	assert.Equal(t, [3]*big.Int{big.NewInt(3), big.NewInt(10), big.NewInt(2)}, v)
	for _, bad := range []string{"", "3", "3.1", "3.1.0.0", "03.1.0", "a.b.c", "-1.0.0"} {
		req.TaskVersionString = reqPtr(bad)
		_, err := req.TaskVersion()
		var fe *FieldError
		require.ErrorAs(t, err, &fe, bad)
		assert.Equal(t, "task_version", fe.Field)
	}
}

func TestModelIDs(t *testing.T) {
	req := minimalRequest()
	assert.Equal(t, []string{"base:crynux-network/stable-diffusion-v1-5"}, req.ModelIDs())
	req.ModelVariant = reqPtr("fp16")
	assert.Equal(t, []string{"base:crynux-network/stable-diffusion-v1-5+fp16"}, req.ModelIDs())
}

func TestValidRequestsProduceSchemaValidArgs(t *testing.T) {
	variants := []func(r *FinetuneRequest){
		func(r *FinetuneRequest) {},
		func(r *FinetuneRequest) { r.InitLoraWeights = reqPtr(taskargs.InitLoraWeightsTrue) },
		func(r *FinetuneRequest) { r.InitLoraWeights = reqPtr(taskargs.InitLoraWeightsFalse) },
		func(r *FinetuneRequest) { r.InitLoraWeights = reqPtr(taskargs.InitLoraWeightsLoftQ) },
		func(r *FinetuneRequest) { r.TargetModules = taskargs.TargetModuleString("all-linear") },
		func(r *FinetuneRequest) { r.ValidationPrompt = reqPtr("a fox, naruto style") },
		func(r *FinetuneRequest) { r.ValidationNumImages = reqPtr(10) },
		func(r *FinetuneRequest) { r.DatasetConfigName = reqPtr("default") },
		func(r *FinetuneRequest) { r.PredictionType = reqPtr(taskargs.PredictionTypeVPrediction) },
		func(r *FinetuneRequest) { r.NumTrainSteps, r.MaxTrainSteps = reqPtr(50), reqPtr(50) },
		func(r *FinetuneRequest) { r.Seed = reqPtr(int64(MaxFinetuneSeed)) },
		func(r *FinetuneRequest) { r.MixedPrecision = reqPtr(taskargs.MixedPrecisionBF16) },
		func(r *FinetuneRequest) { r.LRScheduler = reqPtr(taskargs.LRSchedulerConstantWithWarmup) },
		func(r *FinetuneRequest) { r.SNRGamma = reqPtr(5.0) },
	}
	for i, v := range variants {
		for _, checkpoint := range []bool{false, true} {
			for _, s := range []taskargs.Schema{taskargs.SchemaVSS, taskargs.SchemaLatest} {
				req := minimalRequest()
				v(req)
				args, err := req.TaskArgs(s, checkpoint)
				require.NoError(t, err, "variant %d", i)
				doc, err := taskargs.Marshal(args)
				require.NoError(t, err)
				require.NoError(t, taskargs.Validate([]byte(doc), s), "variant %d schema %s: %s", i, s, doc)
			}
		}
	}
}
