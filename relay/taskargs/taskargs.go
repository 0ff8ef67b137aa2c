// Package taskargs holds the task arguments of a Crynux Stable Diffusion LoRA
// fine-tune task (task type SD_FT, `sd_finetune_lora`, protocol §4.1), their
// JSON encoding, and a validator that accepts and rejects documents exactly as
// JSON-schema validation against the Relay's schema does.
//
// It is shared by the SDK (which builds the arguments) and the devnet Relay
// server (which validates what clients upload).
package taskargs

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
)

// Schema selects which version of the fine-tune task-args JSON schema applies.
type Schema string

const (
	// SchemaVSS is the schema the on-chain (VSS) era Relay validated against
	// (stable-diffusion-task @ db19fd7): dataset.name is required and
	// dataset.url does not exist. Use it against an original on-chain deployment.
	SchemaVSS Schema = "vss"
	// SchemaLatest is today's schema: it adds dataset.url (a URI of at most 2083
	// characters) and makes dataset.name optional and nullable.
	SchemaLatest Schema = "latest"
)

// Valid reports whether s is one of the known schemas.
func (s Schema) Valid() bool { return s == SchemaVSS || s == SchemaLatest }

// String returns the schema name ("vss" or "latest").
func (s Schema) String() string { return string(s) }

//go:embed schema/sd-finetune-lora-task.vss.json schema/sd-finetune-lora-task.latest.json
var schemaFS embed.FS

// SchemaFile returns the file name of the embedded schema s (under schema/),
// or "" for an unknown schema.
func SchemaFile(s Schema) string {
	switch s {
	case SchemaVSS:
		return "sd-finetune-lora-task.vss.json"
	case SchemaLatest:
		return "sd-finetune-lora-task.latest.json"
	}
	return ""
}

// SchemaJSON returns a fresh copy of the JSON schema document s, byte-identical
// to the file in the protocol spec, so that a Relay can serve it over HTTP.
// It returns nil for an unknown schema.
func SchemaJSON(s Schema) []byte {
	name := SchemaFile(s)
	if name == "" {
		return nil
	}
	b, err := schemaFS.ReadFile("schema/" + name)
	if err != nil {
		// Unreachable: both files are embedded at build time.
		return nil
	}
	return b
}

// Enumerated values of the schema.
const (
	LRSchedulerLinear             = "linear"
	LRSchedulerCosine             = "cosine"
	LRSchedulerCosineWithRestarts = "cosine_with_restarts"
	LRSchedulerPolynomial         = "polynomial"
	LRSchedulerConstant           = "constant"
	LRSchedulerConstantWithWarmup = "constant_with_warmup"

	PredictionTypeEpsilon     = "epsilon"
	PredictionTypeVPrediction = "v_prediction"

	MixedPrecisionNo   = "no"
	MixedPrecisionFP16 = "fp16"
	MixedPrecisionBF16 = "bf16"

	// CheckpointResume is the checkpoint value on-chain-era clients send when a
	// task resumes from an uploaded checkpoint (SDK-py). Only null versus
	// non-null matters to the node.
	CheckpointResume = "checkpoint.zip"
)

// LRSchedulers lists the allowed train_args.lr_scheduler.lr_scheduler values.
func LRSchedulers() []string {
	return []string{LRSchedulerLinear, LRSchedulerCosine, LRSchedulerCosineWithRestarts,
		LRSchedulerPolynomial, LRSchedulerConstant, LRSchedulerConstantWithWarmup}
}

// PredictionTypes lists the allowed non-null train_args.prediction_type values.
func PredictionTypes() []string { return []string{PredictionTypeEpsilon, PredictionTypeVPrediction} }

// MixedPrecisions lists the allowed mixed_precision values.
func MixedPrecisions() []string {
	return []string{MixedPrecisionNo, MixedPrecisionFP16, MixedPrecisionBF16}
}

// Versions lists the task-args "version" values schema s allows. This field is
// unrelated to the on-chain taskVersion.
func Versions(s Schema) []string {
	v := []string{"1.0.0", "2.0.0", "2.1.0", "2.5.0"}
	if s == SchemaLatest {
		v = append(v, "2.5.2")
	}
	return v
}

// FinetuneLoraTaskArgs is the top-level task-args document (protocol §4.1).
//
// Nullable fields are pointers and encode nil as JSON null, which is also the
// schema default. DatasetArgs.Name, DatasetArgs.URL and Version are omitted
// when unset, so a document for SchemaVSS carries no dataset.url key.
type FinetuneLoraTaskArgs struct {
	Model                ModelArgs      `json:"model"`
	Dataset              DatasetArgs    `json:"dataset"`
	Validation           ValidationArgs `json:"validation"`
	TrainArgs            TrainArgs      `json:"train_args"`
	Lora                 LoraArgs       `json:"lora"`
	Transforms           TransformArgs  `json:"transforms"`
	DataloaderNumWorkers int            `json:"dataloader_num_workers"`
	// MixedPrecision is one of MixedPrecisions().
	MixedPrecision string `json:"mixed_precision"`
	Seed           int64  `json:"seed"`
	// Checkpoint non-nil means "resume from the uploaded input checkpoint";
	// see CheckpointResume.
	Checkpoint *string `json:"checkpoint"`
	// Version is the task-args format version (Versions); empty means absent,
	// i.e. the schema default "2.5.0".
	Version string `json:"version,omitempty"`
}

// ModelArgs is the "model" object: the base model to fine-tune.
type ModelArgs struct {
	// Name is a Hugging Face model id; required, non-empty.
	Name string `json:"name"`
	// Variant is a weights variant such as "fp16", or nil.
	Variant  *string `json:"variant"`
	Revision string  `json:"revision"`
}

// DatasetArgs is the "dataset" object. SchemaVSS requires Name and has no URL;
// SchemaLatest accepts either (the trainer uses Name when both are set).
type DatasetArgs struct {
	Name          *string `json:"name,omitempty"`
	URL           *string `json:"url,omitempty"`
	ConfigName    *string `json:"config_name"`
	ImageColumn   string  `json:"image_column"`
	CaptionColumn string  `json:"caption_column"`
}

// ValidationArgs is the "validation" object: images generated with the fresh LoRA.
type ValidationArgs struct {
	// Prompt nil means "sample captions from the dataset".
	Prompt *string `json:"prompt"`
	// NumImages is 1..10.
	NumImages int `json:"num_images"`
}

// TrainArgs is the "train_args" object.
type TrainArgs struct {
	LearningRate              float64 `json:"learning_rate"`
	BatchSize                 int     `json:"batch_size"`
	GradientAccumulationSteps int     `json:"gradient_accumulation_steps"`
	// PredictionType is nil or one of PredictionTypes().
	PredictionType *string `json:"prediction_type"`
	MaxGradNorm    float64 `json:"max_grad_norm"`
	NumTrainEpochs int     `json:"num_train_epochs"`
	// NumTrainSteps is the number of steps each task trains.
	NumTrainSteps  *int `json:"num_train_steps"`
	MaxTrainEpochs int  `json:"max_train_epochs"`
	// MaxTrainSteps is the total number of steps over all chained tasks.
	MaxTrainSteps *int            `json:"max_train_steps"`
	ScaleLR       bool            `json:"scale_lr"`
	Resolution    int             `json:"resolution"`
	NoiseOffset   float64         `json:"noise_offset"`
	SNRGamma      *float64        `json:"snr_gamma"`
	LRScheduler   LRSchedulerArgs `json:"lr_scheduler"`
	AdamArgs      AdamArgs        `json:"adam_args"`
}

// LRSchedulerArgs is the "train_args.lr_scheduler" object.
type LRSchedulerArgs struct {
	// LRScheduler is one of LRSchedulers().
	LRScheduler   string `json:"lr_scheduler"`
	LRWarmupSteps int    `json:"lr_warmup_steps"`
}

// AdamArgs is the "train_args.adam_args" object.
type AdamArgs struct {
	Beta1       float64 `json:"beta1"`
	Beta2       float64 `json:"beta2"`
	WeightDecay float64 `json:"weight_decay"`
	Epsilon     float64 `json:"epsilon"`
}

// LoraArgs is the "lora" object.
type LoraArgs struct {
	Rank int `json:"rank"`
	// InitLoraWeights empty means absent (schema default true).
	InitLoraWeights InitLoraWeights `json:"init_lora_weights,omitempty"`
	// TargetModules nil encodes as null (the trainer's default modules).
	TargetModules *TargetModules `json:"target_modules"`
}

// TransformArgs is the "transforms" object.
type TransformArgs struct {
	CenterCrop bool `json:"center_crop"`
	RandomFlip bool `json:"random_flip"`
}

// InitLoraWeights is lora.init_lora_weights, which is a JSON boolean or one of
// the strings "gaussian" and "loftq". It encodes InitLoraWeightsTrue and
// InitLoraWeightsFalse as JSON booleans and the other values as strings.
type InitLoraWeights string

// Values of InitLoraWeights.
const (
	InitLoraWeightsTrue     InitLoraWeights = "true"
	InitLoraWeightsFalse    InitLoraWeights = "false"
	InitLoraWeightsGaussian InitLoraWeights = "gaussian"
	InitLoraWeightsLoftQ    InitLoraWeights = "loftq"
)

// Valid reports whether w is one of the four allowed values.
func (w InitLoraWeights) Valid() bool {
	switch w {
	case InitLoraWeightsTrue, InitLoraWeightsFalse, InitLoraWeightsGaussian, InitLoraWeightsLoftQ:
		return true
	}
	return false
}

// MarshalJSON encodes "true"/"false" as booleans and anything else as a string.
func (w InitLoraWeights) MarshalJSON() ([]byte, error) {
	switch w {
	case InitLoraWeightsTrue, InitLoraWeightsFalse:
		return []byte(w), nil
	}
	return json.Marshal(string(w))
}

// UnmarshalJSON accepts a JSON boolean or a JSON string. It does not check the
// string (Valid does), so that a validator can name the offending field.
func (w *InitLoraWeights) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch string(b) {
	case "true", "false":
		*w = InitLoraWeights(b)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("init_lora_weights must be a boolean or one of \"gaussian\", \"loftq\": %w", err)
	}
	*w = InitLoraWeights(s)
	return nil
}

// TargetModules is lora.target_modules: either a list of module names or a
// single string (for example "all-linear"). Use a nil *TargetModules for null.
type TargetModules struct {
	// Names are the module names; with Single set it holds exactly one entry.
	Names []string
	// Single makes the value encode as a JSON string (Names[0]) rather than a list.
	Single bool
}

// TargetModuleList returns target modules encoded as a JSON list.
func TargetModuleList(names ...string) *TargetModules {
	return &TargetModules{Names: append([]string{}, names...)}
}

// TargetModuleString returns target modules encoded as a single JSON string.
func TargetModuleString(name string) *TargetModules {
	return &TargetModules{Names: []string{name}, Single: true}
}

// MarshalJSON encodes a list, or a string when Single is set.
func (t TargetModules) MarshalJSON() ([]byte, error) {
	if t.Single {
		if len(t.Names) != 1 {
			return nil, fmt.Errorf("target_modules: a single-string value needs exactly one name, have %d", len(t.Names))
		}
		return json.Marshal(t.Names[0])
	}
	if t.Names == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(t.Names)
}

// UnmarshalJSON accepts a JSON list of strings or a JSON string.
func (t *TargetModules) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = TargetModules{Names: []string{s}, Single: true}
		return nil
	}
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return fmt.Errorf("target_modules must be a list of strings, a string or null: %w", err)
	}
	if names == nil {
		names = []string{}
	}
	*t = TargetModules{Names: names}
	return nil
}

// Marshal encodes args as compact JSON (encoding/json), the form uploaded to
// the Relay. It does not validate; run Validate on the result when in doubt.
func Marshal(args FinetuneLoraTaskArgs) (string, error) {
	b, err := json.Marshal(args)
	if err != nil {
		return "", fmt.Errorf("taskargs: encode fine-tune task args: %w", err)
	}
	return string(b), nil
}

// Defaults returns task args holding every schema default, with an empty
// model name and no dataset: set Model.Name and Dataset.Name (or Dataset.URL
// for SchemaLatest) before use.
func Defaults() FinetuneLoraTaskArgs {
	return FinetuneLoraTaskArgs{
		Model:      ModelArgs{Revision: "main"},
		Dataset:    DatasetArgs{ImageColumn: "image", CaptionColumn: "text"},
		Validation: ValidationArgs{NumImages: 4},
		TrainArgs: TrainArgs{
			LearningRate:              1e-4,
			BatchSize:                 16,
			GradientAccumulationSteps: 1,
			MaxGradNorm:               1.0,
			NumTrainEpochs:            1,
			MaxTrainEpochs:            1,
			ScaleLR:                   true,
			Resolution:                512,
			LRScheduler:               LRSchedulerArgs{LRScheduler: LRSchedulerConstant, LRWarmupSteps: 500},
			AdamArgs:                  AdamArgs{Beta1: 0.9, Beta2: 0.999, WeightDecay: 0.01, Epsilon: 1e-8},
		},
		Lora:           LoraArgs{Rank: 8, InitLoraWeights: InitLoraWeightsTrue},
		MixedPrecision: MixedPrecisionNo,
	}
}
