package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crynux-go/crynux/relay/taskargs"
)

// Defaults applied to a FinetuneRequest field that is absent (nil). They are
// the schema defaults of the task args (protocol §4.1) unless noted. Unlike the
// Crynux Bridge, an explicit zero is never read as "use the default": where 0
// is invalid it is an error.
const (
	DefaultFinetuneModelRevision             = "main"
	DefaultFinetuneDatasetImageColumn        = "image"
	DefaultFinetuneDatasetCaptionColumn      = "text"
	DefaultFinetuneValidationNumImages       = 4
	DefaultFinetuneCenterCrop                = false
	DefaultFinetuneRandomFlip                = false
	DefaultFinetuneRank                      = 8
	DefaultFinetuneInitLoraWeights           = taskargs.InitLoraWeightsTrue
	DefaultFinetuneLearningRate              = 1e-4
	DefaultFinetuneBatchSize                 = 16
	DefaultFinetuneGradientAccumulationSteps = 1
	DefaultFinetuneMaxGradNorm               = 1.0
	DefaultFinetuneNumTrainEpochs            = 1
	DefaultFinetuneMaxTrainEpochs            = 1
	// DefaultFinetuneScaleLR is the schema default true (the Bridge sends false
	// when scale_lr is omitted; this SDK does not copy that quirk).
	DefaultFinetuneScaleLR         = true
	DefaultFinetuneResolution      = 512
	DefaultFinetuneNoiseOffset     = 0.0
	DefaultFinetuneLRScheduler     = taskargs.LRSchedulerConstant
	DefaultFinetuneLRWarmupSteps   = 500
	DefaultFinetuneAdamBeta1       = 0.9
	DefaultFinetuneAdamBeta2       = 0.999
	DefaultFinetuneAdamWeightDecay = 0.01
	DefaultFinetuneAdamEpsilon     = 1e-8
	DefaultFinetuneMixedPrecision  = taskargs.MixedPrecisionNo
	// DefaultFinetuneSeed is the schema default 0 (the Bridge draws a random
	// seed; set Seed yourself for a different one).
	DefaultFinetuneSeed = 0
	// DefaultFinetuneTimeoutSeconds is the job's overall deadline when Timeout
	// is absent: 2 hours, the Bridge's sd_finetune_timeout example.
	DefaultFinetuneTimeoutSeconds = 7200
	// DefaultFinetuneTaskVersion is the on-chain taskVersion clients of the VSS
	// era sent (protocol §2.4).
	DefaultFinetuneTaskVersion = "2.5.0"
	// DefaultFinetuneTaskArgsSchema targets the on-chain (VSS) era Relay.
	DefaultFinetuneTaskArgsSchema = taskargs.SchemaVSS

	// MaxFinetuneSeed is the largest seed the trainer accepts (numpy seeds are
	// 32-bit unsigned).
	MaxFinetuneSeed = math.MaxUint32
	// maxDatasetURLLength is the schema's maxLength of dataset.url.
	maxDatasetURLLength = 2083
)

// FinetuneRequest describes one LoRA fine-tune job. The JSON keys of the
// training fields are those of the Crynux Bridge's POST /v1/images/models
// (protocol §4.3), so a Bridge request body decodes unchanged; the on-chain
// parameters (task_fee, gpu_name, gpu_vram, task_version, task_args_schema)
// are this SDK's own.
//
// Pointer fields are optional: nil (or JSON null, or absent) means the
// documented DefaultFinetune… value. ModelName, TaskFee, GPUName and GPUVRAM
// are required, and so is DatasetName or DatasetURL.
type FinetuneRequest struct {
	// ModelName is the Hugging Face id of the base model, e.g.
	// "crynux-network/stable-diffusion-v1-5".
	ModelName     string  `json:"model_name"`
	ModelVariant  *string `json:"model_variant,omitempty"`
	ModelRevision *string `json:"model_revision,omitempty"`

	// DatasetURL is the URL of the training data (SchemaLatest only).
	DatasetURL *string `json:"dataset_url,omitempty"`
	// DatasetName is a Hugging Face dataset id; required for SchemaVSS. When
	// both are set, the trainer uses DatasetName.
	DatasetName          *string `json:"dataset_name,omitempty"`
	DatasetConfigName    *string `json:"dataset_config_name,omitempty"`
	DatasetImageColumn   *string `json:"dataset_image_column,omitempty"`
	DatasetCaptionColumn *string `json:"dataset_caption_column,omitempty"`

	// ValidationPrompt nil means: sample captions from the dataset.
	ValidationPrompt    *string `json:"validation_prompt,omitempty"`
	ValidationNumImages *int    `json:"validation_num_images,omitempty"`

	CenterCrop *bool `json:"center_crop,omitempty"`
	RandomFlip *bool `json:"random_flip,omitempty"`

	Rank            *int                      `json:"rank,omitempty"`
	InitLoraWeights *taskargs.InitLoraWeights `json:"init_lora_weights,omitempty"`
	// TargetModules nil leaves the trainer's default modules.
	TargetModules *taskargs.TargetModules `json:"target_modules,omitempty"`

	LearningRate              *float64 `json:"learning_rate,omitempty"`
	BatchSize                 *int     `json:"batch_size,omitempty"`
	GradientAccumulationSteps *int     `json:"gradient_accumulation_steps,omitempty"`
	PredictionType            *string  `json:"prediction_type,omitempty"`
	MaxGradNorm               *float64 `json:"max_grad_norm,omitempty"`
	NumTrainEpochs            *int     `json:"num_train_epochs,omitempty"`
	// NumTrainSteps is the number of training steps of each chained task.
	NumTrainSteps  *int `json:"num_train_steps,omitempty"`
	MaxTrainEpochs *int `json:"max_train_epochs,omitempty"`
	// MaxTrainSteps is the total number of steps over all chained tasks; the
	// job ends once it is reached.
	MaxTrainSteps *int     `json:"max_train_steps,omitempty"`
	ScaleLR       *bool    `json:"scale_lr,omitempty"`
	Resolution    *int     `json:"resolution,omitempty"`
	NoiseOffset   *float64 `json:"noise_offset,omitempty"`
	SNRGamma      *float64 `json:"snr_gamma,omitempty"`
	LRScheduler   *string  `json:"lr_scheduler,omitempty"`
	LRWarmupSteps *int     `json:"lr_warmup_steps,omitempty"`

	AdamBeta1       *float64 `json:"adam_beta1,omitempty"`
	AdamBeta2       *float64 `json:"adam_beta2,omitempty"`
	AdamWeightDecay *float64 `json:"adam_weight_decay,omitempty"`
	AdamEpsilon     *float64 `json:"adam_epsilon,omitempty"`

	MixedPrecision *string `json:"mixed_precision,omitempty"`
	// Seed is in 0..MaxFinetuneSeed.
	Seed *int64 `json:"seed,omitempty"`

	// Timeout is the job's overall deadline in seconds, counted from its start;
	// when it passes, open tasks are aborted.
	Timeout *int64 `json:"timeout,omitempty"`

	// TaskFee is the fee of each task in CNX as a decimal string with at most
	// 18 fractional digits, e.g. "15" or "0.5"; it is sent as msg.value.
	TaskFee string `json:"task_fee"`
	// GPUName is the exact GPU name nodes registered with, e.g.
	// "NVIDIA GeForce RTX 4090"; the contract reverts with "GPU name is empty"
	// for fine-tune tasks without one.
	GPUName string `json:"gpu_name"`
	// GPUVRAM is the GPU's memory in GB, e.g. 24; also used as minimumVRAM.
	GPUVRAM int `json:"gpu_vram"`
	// TaskVersionString is the on-chain taskVersion "major.minor.patch" nodes must
	// match (default DefaultFinetuneTaskVersion).
	TaskVersionString *string `json:"task_version,omitempty"`
	// TaskArgsSchema picks the task-args schema the Relay validates against
	// (default DefaultFinetuneTaskArgsSchema).
	TaskArgsSchema *taskargs.Schema `json:"task_args_schema,omitempty"`
}

// FieldError says which FinetuneRequest field is invalid and why.
type FieldError struct {
	// Field is the JSON (Bridge) name of the field, e.g. "batch_size".
	Field string
	// Value is the offending value (dereferenced), or nil for a missing field.
	Value any
	// Reason says what is expected and what to do.
	Reason string
}

func (e *FieldError) Error() string {
	if e.Value == nil {
		return fmt.Sprintf("invalid finetune request: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("invalid finetune request: %s = %s: %s", e.Field, ftShowValue(e.Value), e.Reason)
}

// FieldErrors is every problem Validate found, in field order.
// errors.As(err, &fe) with fe *FieldError yields the first; iterate the slice
// (errors.As(err, &fes)) for all of them.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = strings.TrimPrefix(e.Error(), "invalid finetune request: ")
	}
	return fmt.Sprintf("invalid finetune request (%d problems): %s", len(es), strings.Join(msgs, "; "))
}

// Unwrap exposes each *FieldError to errors.As and errors.Is.
func (es FieldErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

func ftShowValue(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 80 {
			x = x[:80] + "…"
		}
		return fmt.Sprintf("%q", x)
	case taskargs.InitLoraWeights:
		return fmt.Sprintf("%q", string(x))
	case taskargs.Schema:
		return fmt.Sprintf("%q", string(x))
	case *taskargs.TargetModules:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprintf("%v", x.Names)
		}
		return string(b)
	}
	return fmt.Sprintf("%v", v)
}

// ParseFinetuneRequest decodes a JSON request body (Bridge field names plus
// the on-chain parameters) and rejects unknown keys, so a misspelt field is an
// error rather than silently ignored. It does not call Validate.
func ParseFinetuneRequest(data []byte) (*FinetuneRequest, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r FinetuneRequest
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("invalid finetune request JSON: %w (field names are those of the Crynux Bridge, e.g. \"batch_size\")", err)
	}
	if dec.More() {
		return nil, errors.New("invalid finetune request JSON: unexpected data after the request object")
	}
	return &r, nil
}

// ArgsSchema returns the task-args schema the request targets.
func (r *FinetuneRequest) ArgsSchema() taskargs.Schema {
	if r.TaskArgsSchema == nil {
		return DefaultFinetuneTaskArgsSchema
	}
	return *r.TaskArgsSchema
}

// TimeoutDuration returns the job's overall deadline (Timeout or the default).
func (r *FinetuneRequest) TimeoutDuration() time.Duration {
	return time.Duration(ftOr(r.Timeout, DefaultFinetuneTimeoutSeconds)) * time.Second
}

// Validate checks every field, before anything is sent or paid, for the
// request's own TaskArgsSchema. It returns nil or FieldErrors, whose
// elements are *FieldError naming the Bridge field.
func (r *FinetuneRequest) Validate() error {
	return r.validate(r.ArgsSchema())
}

// validate checks r as if it targeted schema s.
func (r *FinetuneRequest) validate(s taskargs.Schema) error {
	var errs FieldErrors
	fail := func(field string, value any, format string, a ...any) {
		errs = append(errs, &FieldError{Field: field, Value: value, Reason: fmt.Sprintf(format, a...)})
	}
	// helpers for optional fields
	intMin := func(field string, p *int, min int, def int) {
		if p != nil && *p < min {
			fail(field, *p, "must be ≥ %d (omit it for the default %d)", min, def)
		}
	}
	finite := func(field string, p *float64) bool {
		if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
			fail(field, *p, "must be a finite number")
			return false
		}
		return p != nil
	}
	enum := func(field string, p *string, allowed []string) {
		if p != nil && !slices.Contains(allowed, *p) {
			fail(field, *p, "must be one of %s", ftQuoteList(allowed))
		}
	}
	nonEmpty := func(field string, p *string, what string) {
		if p != nil && strings.TrimSpace(*p) == "" {
			fail(field, *p, "must not be empty: set %s or omit the field", what)
		}
	}

	// model
	switch {
	case r.ModelName == "":
		fail("model_name", nil, "required: set the Hugging Face id of the base model, e.g. \"crynux-network/stable-diffusion-v1-5\"")
	case ftHasSpace(r.ModelName):
		fail("model_name", r.ModelName, "must be a Hugging Face model id without whitespace")
	}
	nonEmpty("model_variant", r.ModelVariant, "a variant such as \"fp16\"")
	nonEmpty("model_revision", r.ModelRevision, "a branch, tag or commit (default \"main\")")

	// dataset
	if !s.Valid() {
		fail("task_args_schema", s, "must be %q (the on-chain era relay) or %q", taskargs.SchemaVSS, taskargs.SchemaLatest)
	}
	if r.DatasetName != nil {
		switch {
		case *r.DatasetName == "":
			fail("dataset_name", *r.DatasetName, "must not be empty: set a Hugging Face dataset id or omit the field")
		case ftHasSpace(*r.DatasetName):
			fail("dataset_name", *r.DatasetName, "must be a Hugging Face dataset id without whitespace")
		}
	}
	if s == taskargs.SchemaVSS {
		if r.DatasetURL != nil {
			fail("dataset_url", *r.DatasetURL, "not supported by the on-chain (%q) task-args schema, which has no dataset.url: publish the data as a Hugging Face dataset and set dataset_name, or set task_args_schema to %q if your relay accepts it", taskargs.SchemaVSS, taskargs.SchemaLatest)
		}
		if r.DatasetName == nil {
			fail("dataset_name", nil, "required by the on-chain (%q) task-args schema: set a Hugging Face dataset id, e.g. \"lambdalabs/naruto-blip-captions\"", taskargs.SchemaVSS)
		}
	} else {
		if r.DatasetURL != nil {
			if reason := checkDatasetURL(*r.DatasetURL); reason != "" {
				fail("dataset_url", *r.DatasetURL, "%s", reason)
			}
		}
		if r.DatasetName == nil && r.DatasetURL == nil {
			fail("dataset_name", nil, "required: set dataset_name (a Hugging Face dataset id) or dataset_url")
		}
	}
	nonEmpty("dataset_image_column", r.DatasetImageColumn, "the dataset's image column (default \"image\")")
	nonEmpty("dataset_caption_column", r.DatasetCaptionColumn, "the dataset's caption column (default \"text\")")

	// validation images
	nonEmpty("validation_prompt", r.ValidationPrompt, "a prompt, or omit it to sample captions from the dataset,")
	if p := r.ValidationNumImages; p != nil && (*p < 1 || *p > 10) {
		fail("validation_num_images", *p, "must be between 1 and 10 (omit it for the default %d)", DefaultFinetuneValidationNumImages)
	}

	// LoRA
	intMin("rank", r.Rank, 1, DefaultFinetuneRank)
	if p := r.InitLoraWeights; p != nil && !p.Valid() {
		fail("init_lora_weights", *p, "must be true, false, \"gaussian\" or \"loftq\"")
	}
	if tm := r.TargetModules; tm != nil {
		switch {
		case tm.Single && (len(tm.Names) != 1 || strings.TrimSpace(tm.Names[0]) == ""):
			fail("target_modules", tm, "must be a non-empty module name, a list of them, or omitted for the trainer's default")
		case !tm.Single && len(tm.Names) == 0:
			fail("target_modules", tm, "must list at least one module name, e.g. [\"to_q\", \"to_v\"], or be omitted for the trainer's default")
		case !tm.Single && slices.ContainsFunc(tm.Names, func(n string) bool { return strings.TrimSpace(n) == "" }):
			fail("target_modules", tm, "module names must not be empty")
		}
	}

	// training
	if finite("learning_rate", r.LearningRate) && *r.LearningRate <= 0 {
		fail("learning_rate", *r.LearningRate, "must be > 0 (omit it for the default %g)", DefaultFinetuneLearningRate)
	}
	intMin("batch_size", r.BatchSize, 1, DefaultFinetuneBatchSize)
	intMin("gradient_accumulation_steps", r.GradientAccumulationSteps, 1, DefaultFinetuneGradientAccumulationSteps)
	enum("prediction_type", r.PredictionType, taskargs.PredictionTypes())
	if finite("max_grad_norm", r.MaxGradNorm) && *r.MaxGradNorm <= 0 {
		fail("max_grad_norm", *r.MaxGradNorm, "must be > 0 (omit it for the default %g)", DefaultFinetuneMaxGradNorm)
	}
	intMin("num_train_epochs", r.NumTrainEpochs, 1, DefaultFinetuneNumTrainEpochs)
	if p := r.NumTrainSteps; p != nil && *p < 1 {
		fail("num_train_steps", *p, "must be ≥ 1, or omitted to train num_train_epochs epochs per task")
	}
	intMin("max_train_epochs", r.MaxTrainEpochs, 1, DefaultFinetuneMaxTrainEpochs)
	if p := r.MaxTrainSteps; p != nil && *p < 1 {
		fail("max_train_steps", *p, "must be ≥ 1, or omitted to stop after max_train_epochs epochs")
	}
	if r.NumTrainSteps != nil && r.MaxTrainSteps != nil && *r.NumTrainSteps >= 1 && *r.MaxTrainSteps >= 1 && *r.MaxTrainSteps < *r.NumTrainSteps {
		fail("max_train_steps", *r.MaxTrainSteps, "must be ≥ num_train_steps (%d): it is the total over all chained tasks, num_train_steps is per task", *r.NumTrainSteps)
	}
	intMin("resolution", r.Resolution, 1, DefaultFinetuneResolution)
	if finite("noise_offset", r.NoiseOffset) && *r.NoiseOffset < 0 {
		fail("noise_offset", *r.NoiseOffset, "must be ≥ 0 (omit it for the default %g)", DefaultFinetuneNoiseOffset)
	}
	if finite("snr_gamma", r.SNRGamma) && *r.SNRGamma <= 0 {
		fail("snr_gamma", *r.SNRGamma, "must be > 0 (5.0 is usual), or omitted to disable SNR weighting")
	}
	enum("lr_scheduler", r.LRScheduler, taskargs.LRSchedulers())
	if p := r.LRWarmupSteps; p != nil && *p < 0 {
		fail("lr_warmup_steps", *p, "must be ≥ 0 (omit it for the default %d)", DefaultFinetuneLRWarmupSteps)
	}
	if finite("adam_beta1", r.AdamBeta1) && (*r.AdamBeta1 < 0 || *r.AdamBeta1 >= 1) {
		fail("adam_beta1", *r.AdamBeta1, "must be in [0, 1) (omit it for the default %g)", DefaultFinetuneAdamBeta1)
	}
	if finite("adam_beta2", r.AdamBeta2) && (*r.AdamBeta2 < 0 || *r.AdamBeta2 >= 1) {
		fail("adam_beta2", *r.AdamBeta2, "must be in [0, 1) (omit it for the default %g)", DefaultFinetuneAdamBeta2)
	}
	if finite("adam_weight_decay", r.AdamWeightDecay) && *r.AdamWeightDecay < 0 {
		fail("adam_weight_decay", *r.AdamWeightDecay, "must be ≥ 0 (omit it for the default %g)", DefaultFinetuneAdamWeightDecay)
	}
	if finite("adam_epsilon", r.AdamEpsilon) && *r.AdamEpsilon <= 0 {
		fail("adam_epsilon", *r.AdamEpsilon, "must be > 0 (omit it for the default %g)", DefaultFinetuneAdamEpsilon)
	}
	enum("mixed_precision", r.MixedPrecision, taskargs.MixedPrecisions())
	if p := r.Seed; p != nil && (*p < 0 || *p > MaxFinetuneSeed) {
		fail("seed", *p, "must be between 0 and %d (the trainer seeds numpy with it)", int64(MaxFinetuneSeed))
	}
	if p := r.Timeout; p != nil && *p <= 0 {
		fail("timeout", *p, "must be > 0 seconds: it is the job's overall deadline (omit it for the default %d)", DefaultFinetuneTimeoutSeconds)
	}

	// on-chain parameters
	if r.TaskFee == "" {
		fail("task_fee", nil, "required: set the fee per task in CNX, e.g. \"15\"")
	} else if _, reason := parseFeeCNX(r.TaskFee); reason != "" {
		fail("task_fee", r.TaskFee, "%s", reason)
	}
	if strings.TrimSpace(r.GPUName) == "" {
		fail("gpu_name", ftNilIfEmpty(r.GPUName), "required: set the exact GPU name nodes registered with, e.g. \"NVIDIA GeForce RTX 4090\" (createTask reverts with \"GPU name is empty\" otherwise)")
	}
	if r.GPUVRAM <= 0 {
		fail("gpu_vram", r.GPUVRAM, "must be > 0: set the GPU's memory in GB, e.g. 24")
	}
	if r.TaskVersionString != nil {
		if _, reason := parseTaskVersion(*r.TaskVersionString); reason != "" {
			fail("task_version", *r.TaskVersionString, "%s", reason)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// TaskArgs validates the request for schema s and maps it to task args
// (protocol §4.3): absent fields take their defaults, dataloader_num_workers
// is 0, checkpoint is "checkpoint.zip" when resuming from an uploaded
// checkpoint and null otherwise, and dataset.url is only set for
// SchemaLatest. The result passes taskargs.Validate for s.
func (r *FinetuneRequest) TaskArgs(s taskargs.Schema, checkpoint bool) (taskargs.FinetuneLoraTaskArgs, error) {
	if err := r.validate(s); err != nil {
		return taskargs.FinetuneLoraTaskArgs{}, err
	}
	a := taskargs.FinetuneLoraTaskArgs{
		Model: taskargs.ModelArgs{
			Name:     r.ModelName,
			Variant:  ftClone(r.ModelVariant),
			Revision: ftOr(r.ModelRevision, DefaultFinetuneModelRevision),
		},
		Dataset: taskargs.DatasetArgs{
			Name:          ftClone(r.DatasetName),
			ConfigName:    ftClone(r.DatasetConfigName),
			ImageColumn:   ftOr(r.DatasetImageColumn, DefaultFinetuneDatasetImageColumn),
			CaptionColumn: ftOr(r.DatasetCaptionColumn, DefaultFinetuneDatasetCaptionColumn),
		},
		Validation: taskargs.ValidationArgs{
			Prompt:    ftClone(r.ValidationPrompt),
			NumImages: ftOr(r.ValidationNumImages, DefaultFinetuneValidationNumImages),
		},
		TrainArgs: taskargs.TrainArgs{
			LearningRate:              ftOr(r.LearningRate, DefaultFinetuneLearningRate),
			BatchSize:                 ftOr(r.BatchSize, DefaultFinetuneBatchSize),
			GradientAccumulationSteps: ftOr(r.GradientAccumulationSteps, DefaultFinetuneGradientAccumulationSteps),
			PredictionType:            ftClone(r.PredictionType),
			MaxGradNorm:               ftOr(r.MaxGradNorm, DefaultFinetuneMaxGradNorm),
			NumTrainEpochs:            ftOr(r.NumTrainEpochs, DefaultFinetuneNumTrainEpochs),
			NumTrainSteps:             ftClone(r.NumTrainSteps),
			MaxTrainEpochs:            ftOr(r.MaxTrainEpochs, DefaultFinetuneMaxTrainEpochs),
			MaxTrainSteps:             ftClone(r.MaxTrainSteps),
			ScaleLR:                   ftOr(r.ScaleLR, DefaultFinetuneScaleLR),
			Resolution:                ftOr(r.Resolution, DefaultFinetuneResolution),
			NoiseOffset:               ftOr(r.NoiseOffset, DefaultFinetuneNoiseOffset),
			SNRGamma:                  ftClone(r.SNRGamma),
			LRScheduler: taskargs.LRSchedulerArgs{
				LRScheduler:   ftOr(r.LRScheduler, DefaultFinetuneLRScheduler),
				LRWarmupSteps: ftOr(r.LRWarmupSteps, DefaultFinetuneLRWarmupSteps),
			},
			AdamArgs: taskargs.AdamArgs{
				Beta1:       ftOr(r.AdamBeta1, DefaultFinetuneAdamBeta1),
				Beta2:       ftOr(r.AdamBeta2, DefaultFinetuneAdamBeta2),
				WeightDecay: ftOr(r.AdamWeightDecay, DefaultFinetuneAdamWeightDecay),
				Epsilon:     ftOr(r.AdamEpsilon, DefaultFinetuneAdamEpsilon),
			},
		},
		Lora: taskargs.LoraArgs{
			Rank:            ftOr(r.Rank, DefaultFinetuneRank),
			InitLoraWeights: ftOr(r.InitLoraWeights, DefaultFinetuneInitLoraWeights),
		},
		Transforms: taskargs.TransformArgs{
			CenterCrop: ftOr(r.CenterCrop, DefaultFinetuneCenterCrop),
			RandomFlip: ftOr(r.RandomFlip, DefaultFinetuneRandomFlip),
		},
		DataloaderNumWorkers: 0,
		MixedPrecision:       ftOr(r.MixedPrecision, DefaultFinetuneMixedPrecision),
		Seed:                 ftOr(r.Seed, DefaultFinetuneSeed),
	}
	if s == taskargs.SchemaLatest {
		a.Dataset.URL = ftClone(r.DatasetURL)
	}
	if tm := r.TargetModules; tm != nil {
		a.Lora.TargetModules = &taskargs.TargetModules{Names: slices.Clone(tm.Names), Single: tm.Single}
	}
	if checkpoint {
		cp := taskargs.CheckpointResume
		a.Checkpoint = &cp
	}
	// Belt and braces: what Validate accepted must pass the Relay's schema.
	doc, err := taskargs.Marshal(a)
	if err != nil {
		return taskargs.FinetuneLoraTaskArgs{}, fmt.Errorf("sdk: encode task args: %w", err)
	}
	if err := taskargs.Validate([]byte(doc), s); err != nil {
		return taskargs.FinetuneLoraTaskArgs{}, fmt.Errorf("sdk: the task args built from a valid request fail the %q schema (please report this bug): %w", s, err)
	}
	return a, nil
}

// ModelIDs returns the createTask modelIDs of the request:
// ["base:<model_name>"] or ["base:<model_name>+<model_variant>"].
func (r *FinetuneRequest) ModelIDs() []string {
	id := "base:" + r.ModelName
	if r.ModelVariant != nil && *r.ModelVariant != "" {
		id += "+" + *r.ModelVariant
	}
	return []string{id}
}

// TaskVersion returns the on-chain taskVersion [major, minor, patch] parsed
// from TaskVersionString (default DefaultFinetuneTaskVersion).
func (r *FinetuneRequest) TaskVersion() ([3]*big.Int, error) {
	v := ftOr(r.TaskVersionString, DefaultFinetuneTaskVersion)
	parts, reason := parseTaskVersion(v)
	if reason != "" {
		return [3]*big.Int{}, &FieldError{Field: "task_version", Value: v, Reason: reason}
	}
	return parts, nil
}

// FeeWei returns TaskFee (decimal CNX) in wei.
func (r *FinetuneRequest) FeeWei() (*big.Int, error) {
	if r.TaskFee == "" {
		return nil, &FieldError{Field: "task_fee", Reason: "required: set the fee per task in CNX, e.g. \"15\""}
	}
	wei, reason := parseFeeCNX(r.TaskFee)
	if reason != "" {
		return nil, &FieldError{Field: "task_fee", Value: r.TaskFee, Reason: reason}
	}
	return wei, nil
}

var (
	feeCNXPattern      = regexp.MustCompile(`^([0-9]+)(?:\.([0-9]+))?$`)
	taskVersionPattern = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)
)

// ftMaxUint256 bounds values that go into uint256 contract arguments.
func ftMaxUint256() *big.Int {
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
}

// parseFeeCNX converts a decimal CNX amount to wei, or returns why it cannot.
func parseFeeCNX(s string) (*big.Int, string) {
	m := feeCNXPattern.FindStringSubmatch(s)
	if m == nil {
		return nil, "must be a decimal amount of CNX such as \"15\" or \"0.25\" (digits, an optional point and fraction; no sign, exponent or spaces)"
	}
	frac := m[2]
	if len(frac) > 18 {
		return nil, "has more than 18 decimal places; CNX has 18 decimals (1 wei = 0.000000000000000001 CNX)"
	}
	wei, ok := new(big.Int).SetString(m[1]+frac+strings.Repeat("0", 18-len(frac)), 10)
	if !ok {
		return nil, "is not a decimal number"
	}
	if wei.Sign() == 0 {
		return nil, "must be > 0: createTask reverts with \"Task fee cannot be 0\""
	}
	if wei.Cmp(ftMaxUint256()) > 0 {
		return nil, "is too large to pay"
	}
	return wei, ""
}

// parseTaskVersion parses "major.minor.patch" into three uint256 values.
func parseTaskVersion(s string) ([3]*big.Int, string) {
	m := taskVersionPattern.FindStringSubmatch(s)
	if m == nil {
		return [3]*big.Int{}, "must be \"major.minor.patch\" with decimal numbers, e.g. \"2.5.0\""
	}
	var out [3]*big.Int
	for i := range out {
		n, _ := new(big.Int).SetString(m[i+1], 10)
		if n.Cmp(ftMaxUint256()) > 0 {
			return [3]*big.Int{}, "has a component larger than uint256"
		}
		out[i] = n
	}
	return out, ""
}

// checkDatasetURL returns why u cannot be a dataset URL, or "".
func checkDatasetURL(u string) string {
	if u == "" {
		return "must not be empty: set an http(s) URL of the dataset or omit the field"
	}
	if n := utf8.RuneCountInString(u); n > maxDatasetURLLength {
		return fmt.Sprintf("is %d characters long; the schema allows at most %d", n, maxDatasetURLLength)
	}
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Sprintf("is not a valid URL (%v)", err)
	}
	if p.Scheme != "http" && p.Scheme != "https" || p.Host == "" {
		return "must be an absolute http:// or https:// URL with a host"
	}
	if host := p.Hostname(); strings.Contains(host, ":") {
		addr, err := netip.ParseAddr(host)
		if err != nil || addr.Zone() != "" || !strings.Contains(p.Host, "[") {
			return "has an invalid IPv6 host: write it as [address] without a zone"
		}
	}
	return ""
}

func ftOr[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

func ftClone[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func ftHasSpace(s string) bool { return strings.IndexFunc(s, unicode.IsSpace) >= 0 }

func ftNilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func ftQuoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}
