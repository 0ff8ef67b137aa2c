package taskargs

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// baseDoc is a complete, valid document for both schemas (dataset.name set).
const baseDoc = `{
 "model": {"name": "crynux-network/stable-diffusion-v1-5", "variant": null, "revision": "main"},
 "dataset": {"name": "lambdalabs/naruto-blip-captions", "config_name": null, "image_column": "image", "caption_column": "text"},
 "validation": {"prompt": null, "num_images": 2},
 "train_args": {"learning_rate": 0.0001, "batch_size": 16, "gradient_accumulation_steps": 1, "prediction_type": null,
   "max_grad_norm": 1.0, "num_train_epochs": 1, "num_train_steps": 100, "max_train_epochs": 1, "max_train_steps": 200,
   "scale_lr": true, "resolution": 512, "noise_offset": 0, "snr_gamma": null,
   "lr_scheduler": {"lr_scheduler": "cosine", "lr_warmup_steps": 0},
   "adam_args": {"beta1": 0.9, "beta2": 0.999, "weight_decay": 0.01, "epsilon": 1e-08}},
 "lora": {"rank": 4, "init_lora_weights": true, "target_modules": ["to_k", "to_q", "to_v", "to_out.0"]},
 "transforms": {"center_crop": false, "random_flip": false},
 "dataloader_num_workers": 0, "mixed_precision": "fp16", "seed": 1234, "checkpoint": null, "version": "2.5.0"
}`

type edit struct {
	path string
	raw  string // JSON value; "" deletes the key
}

// mutate applies edits (dotted paths) to baseDoc.
func mutate(t *testing.T, edits ...edit) []byte {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(baseDoc), &doc))
	for _, e := range edits {
		parts := strings.Split(e.path, ".")
		m := doc
		for _, p := range parts[:len(parts)-1] {
			next, ok := m[p].(map[string]any)
			require.True(t, ok, "path %s", e.path)
			m = next
		}
		last := parts[len(parts)-1]
		if e.raw == "" {
			delete(m, last)
		} else {
			m[last] = json.RawMessage(e.raw)
		}
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return b
}

type corpusDoc struct {
	name       string
	doc        []byte
	vss, lates bool // expected verdicts
}

func corpus(t *testing.T) []corpusDoc {
	t.Helper()
	c := func(name string, vss, latest bool, edits ...edit) corpusDoc {
		return corpusDoc{name, mutate(t, edits...), vss, latest}
	}
	raw := func(name string, vss, latest bool, doc string) corpusDoc {
		return corpusDoc{name, []byte(doc), vss, latest}
	}
	long := `"https://example.com/` + strings.Repeat("a", 2083-len("https://example.com/")) + `"`
	tooLong := `"https://example.com/` + strings.Repeat("a", 2084-len("https://example.com/")) + `"`

	defaults := Defaults()
	defaults.Model.Name = "m"
	name := "d"
	defaults.Dataset.Name = &name
	defaultsJSON, err := Marshal(defaults)
	require.NoError(t, err)

	return []corpusDoc{
		c("base", true, true),
		raw("minimal required only", true, true, `{"model":{"name":"m"},"dataset":{"name":"d"},"validation":{},"train_args":{}}`),
		raw("Marshal(Defaults())", true, true, defaultsJSON),
		c("missing model", false, false, edit{"model", ""}),
		c("missing dataset", false, false, edit{"dataset", ""}),
		c("missing validation", false, false, edit{"validation", ""}),
		c("missing train_args", false, false, edit{"train_args", ""}),
		c("optional objects absent", true, true, edit{"lora", ""}, edit{"transforms", ""}, edit{"train_args.lr_scheduler", ""}, edit{"train_args.adam_args", ""}),
		c("model.name missing", false, false, edit{"model.name", ""}),
		c("model.name empty", false, false, edit{"model.name", `""`}),
		c("model.name number", false, false, edit{"model.name", `5`}),
		c("model.name null", false, false, edit{"model.name", `null`}),
		c("model.variant absent", true, true, edit{"model.variant", ""}),
		c("model.variant fp16", true, true, edit{"model.variant", `"fp16"`}),
		c("model.variant number", false, false, edit{"model.variant", `1`}),
		c("model.revision null", false, false, edit{"model.revision", `null`}),
		c("model not an object", false, false, edit{"model", `"m"`}),
		c("dataset.name absent", false, true, edit{"dataset.name", ""}),
		c("dataset.name null", false, true, edit{"dataset.name", `null`}),
		c("dataset.name empty", false, false, edit{"dataset.name", `""`}),
		c("dataset.url with name", true, true, edit{"dataset.url", `"https://example.com/data.zip"`}),
		c("dataset.url only", false, true, edit{"dataset.name", ""}, edit{"dataset.url", `"https://example.com/data.zip"`}),
		c("dataset.url null", true, true, edit{"dataset.url", `null`}),
		c("dataset.url relative", true, false, edit{"dataset.url", `"data/train.zip"`}),
		c("dataset.url empty", true, false, edit{"dataset.url", `""`}),
		c("dataset.url 2083 chars", true, true, edit{"dataset.url", long}),
		c("dataset.url 2084 chars", true, false, edit{"dataset.url", tooLong}),
		c("dataset.url number", true, false, edit{"dataset.url", `42`}),
		c("dataset.url ipv6 zone", true, false, edit{"dataset.url", `"http://[fe80::1%25en0]/x"`}),
		c("dataset neither name nor url", false, true, edit{"dataset.name", ""}),
		c("dataset.config_name string", true, true, edit{"dataset.config_name", `"default"`}),
		c("dataset.config_name number", false, false, edit{"dataset.config_name", `3`}),
		c("dataset.image_column null", false, false, edit{"dataset.image_column", `null`}),
		c("dataset.caption_column number", false, false, edit{"dataset.caption_column", `1`}),
		c("validation.prompt string", true, true, edit{"validation.prompt", `"a ninja"`}),
		c("validation.prompt number", false, false, edit{"validation.prompt", `1`}),
		c("validation.num_images 0", false, false, edit{"validation.num_images", `0`}),
		c("validation.num_images -0", false, false, edit{"validation.num_images", `-0`}),
		c("validation.num_images 11", false, false, edit{"validation.num_images", `11`}),
		c("validation.num_images 10", true, true, edit{"validation.num_images", `10`}),
		c("validation.num_images 1E1", true, true, edit{"validation.num_images", `1E1`}),
		c("validation.num_images 2.0", true, true, edit{"validation.num_images", `2.0`}),
		c("validation.num_images 2.5", false, false, edit{"validation.num_images", `2.5`}),
		c("validation.num_images string", false, false, edit{"validation.num_images", `"2"`}),
		c("validation.num_images null", false, false, edit{"validation.num_images", `null`}),
		c("learning_rate 0", false, false, edit{"train_args.learning_rate", `0`}),
		c("learning_rate negative", false, false, edit{"train_args.learning_rate", `-1e-4`}),
		c("learning_rate tiny", true, true, edit{"train_args.learning_rate", `1e-400`}),
		c("learning_rate integer", true, true, edit{"train_args.learning_rate", `1`}),
		c("learning_rate string", false, false, edit{"train_args.learning_rate", `"0.1"`}),
		c("batch_size 0", false, false, edit{"train_args.batch_size", `0`}),
		c("batch_size 1.0", true, true, edit{"train_args.batch_size", `1.0`}),
		c("batch_size 1.5", false, false, edit{"train_args.batch_size", `1.5`}),
		c("batch_size bool", false, false, edit{"train_args.batch_size", `true`}),
		c("batch_size null", false, false, edit{"train_args.batch_size", `null`}),
		c("gradient_accumulation_steps 0", false, false, edit{"train_args.gradient_accumulation_steps", `0`}),
		c("prediction_type epsilon", true, true, edit{"train_args.prediction_type", `"epsilon"`}),
		c("prediction_type v_prediction", true, true, edit{"train_args.prediction_type", `"v_prediction"`}),
		c("prediction_type sample", false, false, edit{"train_args.prediction_type", `"sample"`}),
		c("max_grad_norm negative (unbounded)", true, true, edit{"train_args.max_grad_norm", `-1`}),
		c("max_grad_norm string", false, false, edit{"train_args.max_grad_norm", `"x"`}),
		c("num_train_epochs 0", false, false, edit{"train_args.num_train_epochs", `0`}),
		c("num_train_steps null", true, true, edit{"train_args.num_train_steps", `null`}),
		c("num_train_steps 0", false, false, edit{"train_args.num_train_steps", `0`}),
		c("num_train_steps 1.5", false, false, edit{"train_args.num_train_steps", `1.5`}),
		c("max_train_epochs 0", false, false, edit{"train_args.max_train_epochs", `0`}),
		c("max_train_steps -5", false, false, edit{"train_args.max_train_steps", `-5`}),
		c("max_train_steps absent", true, true, edit{"train_args.max_train_steps", ""}),
		c("scale_lr string", false, false, edit{"train_args.scale_lr", `"true"`}),
		c("scale_lr 1", false, false, edit{"train_args.scale_lr", `1`}),
		c("resolution 0", false, false, edit{"train_args.resolution", `0`}),
		c("noise_offset null", false, false, edit{"train_args.noise_offset", `null`}),
		c("snr_gamma 5.0", true, true, edit{"train_args.snr_gamma", `5.0`}),
		c("snr_gamma string", false, false, edit{"train_args.snr_gamma", `"5"`}),
		c("lr_scheduler step", false, false, edit{"train_args.lr_scheduler.lr_scheduler", `"step"`}),
		c("lr_scheduler constant_with_warmup", true, true, edit{"train_args.lr_scheduler.lr_scheduler", `"constant_with_warmup"`}),
		c("lr_scheduler not an object", false, false, edit{"train_args.lr_scheduler", `"constant"`}),
		c("lr_warmup_steps negative (unbounded)", true, true, edit{"train_args.lr_scheduler.lr_warmup_steps", `-1`}),
		c("lr_warmup_steps 1.5", false, false, edit{"train_args.lr_scheduler.lr_warmup_steps", `1.5`}),
		c("adam beta1 string", false, false, edit{"train_args.adam_args.beta1", `"0.9"`}),
		c("adam_args null", false, false, edit{"train_args.adam_args", `null`}),
		c("lora.rank 4.0", true, true, edit{"lora.rank", `4.0`}),
		c("lora.rank string", false, false, edit{"lora.rank", `"4"`}),
		c("init_lora_weights false", true, true, edit{"lora.init_lora_weights", `false`}),
		c("init_lora_weights gaussian", true, true, edit{"lora.init_lora_weights", `"gaussian"`}),
		c("init_lora_weights loftq", true, true, edit{"lora.init_lora_weights", `"loftq"`}),
		c("init_lora_weights pissa", false, false, edit{"lora.init_lora_weights", `"pissa"`}),
		c("init_lora_weights null", false, false, edit{"lora.init_lora_weights", `null`}),
		c("init_lora_weights 1", false, false, edit{"lora.init_lora_weights", `1`}),
		c("target_modules string", true, true, edit{"lora.target_modules", `"all-linear"`}),
		c("target_modules null", true, true, edit{"lora.target_modules", `null`}),
		c("target_modules empty list", true, true, edit{"lora.target_modules", `[]`}),
		c("target_modules list of numbers", false, false, edit{"lora.target_modules", `["to_q", 1]`}),
		c("target_modules object", false, false, edit{"lora.target_modules", `{}`}),
		c("transforms.center_crop 1", false, false, edit{"transforms.center_crop", `1`}),
		c("transforms.random_flip true", true, true, edit{"transforms.random_flip", `true`}),
		c("dataloader_num_workers 0.0", true, true, edit{"dataloader_num_workers", `0.0`}),
		c("dataloader_num_workers string", false, false, edit{"dataloader_num_workers", `"0"`}),
		c("mixed_precision fp32", false, false, edit{"mixed_precision", `"fp32"`}),
		c("mixed_precision bf16", true, true, edit{"mixed_precision", `"bf16"`}),
		c("seed negative", true, true, edit{"seed", `-1`}),
		c("seed 1e3", true, true, edit{"seed", `1e3`}),
		c("seed huge integer", true, true, edit{"seed", `12345678901234567890123`}),
		c("seed 1e400", true, true, edit{"seed", `1e400`}),
		c("seed 1.5", false, false, edit{"seed", `1.5`}),
		c("seed null", false, false, edit{"seed", `null`}),
		c("checkpoint set", true, true, edit{"checkpoint", `"checkpoint.zip"`}),
		c("checkpoint empty", false, false, edit{"checkpoint", `""`}),
		c("checkpoint number", false, false, edit{"checkpoint", `0`}),
		c("version absent", true, true, edit{"version", ""}),
		c("version 2.5.2", false, true, edit{"version", `"2.5.2"`}),
		c("version 3.0.0", false, false, edit{"version", `"3.0.0"`}),
		c("version null", false, false, edit{"version", `null`}),
		c("extra top-level key", true, true, edit{"foo", `{"bar": 1}`}),
		c("extra nested key", true, true, edit{"model.foo", `1`}, edit{"train_args.adam_args.amsgrad", `true`}),
		raw("top-level array", false, false, `[]`),
		raw("top-level null", false, false, `null`),
		raw("invalid JSON", false, false, `{"model": `),
		raw("trailing data", false, false, `{"model":{"name":"m"},"dataset":{"name":"d"},"validation":{},"train_args":{}} x`),
	}
}

func compileReference(t *testing.T, s Schema) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON(s)))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "mem:///" + SchemaFile(s)
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

func referenceAccepts(sch *jsonschema.Schema, raw []byte) bool {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return false
	}
	return sch.Validate(inst) == nil
}

// TestValidateAgreesWithJSONSchema runs the corpus through Validate and through
// a real JSON-schema validator compiled from the embedded schema files.
func TestValidateAgreesWithJSONSchema(t *testing.T) {
	docs := corpus(t)
	require.GreaterOrEqual(t, len(docs), 40)
	for _, s := range []Schema{SchemaVSS, SchemaLatest} {
		ref := compileReference(t, s)
		for _, d := range docs {
			want := d.vss
			if s == SchemaLatest {
				want = d.lates
			}
			t.Run(string(s)+"/"+d.name, func(t *testing.T) {
				err := Validate(d.doc, s)
				refOK := referenceAccepts(ref, d.doc)
				assert.Equal(t, refOK, err == nil, "verdict differs from jsonschema/v6; Validate error: %v", err)
				assert.Equal(t, want, refOK, "corpus expectation is wrong for this schema")
				if err != nil {
					var fe *FieldError
					require.True(t, errors.As(err, &fe), "error %v is not a *FieldError", err)
				}
			})
		}
	}
}

func TestValidateNamesTheField(t *testing.T) {
	cases := []struct {
		doc   []byte
		field string
		msg   string
	}{
		{mutate(t, edit{"train_args.batch_size", `0`}), "train_args.batch_size", "must be ≥ 1, got 0"},
		{mutate(t, edit{"validation.num_images", `11`}), "validation.num_images", "must be ≤ 10, got 11"},
		{mutate(t, edit{"train_args.learning_rate", `0`}), "train_args.learning_rate", "must be > 0"},
		{mutate(t, edit{"dataset.name", ""}), "dataset.name", "is required"},
		{mutate(t, edit{"mixed_precision", `"fp32"`}), "mixed_precision", `must be one of "no", "fp16", "bf16"`},
		{mutate(t, edit{"lora.target_modules", `["to_q", 1]`}), "lora.target_modules[1]", "must be a string, got 1"},
		{mutate(t, edit{"lora.target_modules", `{}`}), "lora.target_modules", "must be an array of strings, or a string, or null, got an object"},
		{mutate(t, edit{"train_args.num_train_steps", `0`}), "train_args.num_train_steps", "must be ≥ 1, got 0"},
		{mutate(t, edit{"lora.init_lora_weights", `"pissa"`}), "lora.init_lora_weights", `must be one of "gaussian", "loftq", got "pissa"`},
		{mutate(t, edit{"lora.init_lora_weights", `null`}), "lora.init_lora_weights", `must be a boolean, or one of "gaussian", "loftq", got null`},
		{mutate(t, edit{"checkpoint", `""`}), "checkpoint", "must not be empty"},
		{mutate(t, edit{"train_args.lr_scheduler.lr_scheduler", `"step"`}), "train_args.lr_scheduler.lr_scheduler", `"cosine"`},
		{mutate(t, edit{"seed", `1.5`}), "seed", "must be an integer, got 1.5"},
	}
	for _, tc := range cases {
		err := Validate(tc.doc, SchemaVSS)
		var fe *FieldError
		require.True(t, errors.As(err, &fe), "%v", err)
		assert.Equal(t, tc.field, fe.Field)
		assert.Contains(t, fe.Message, tc.msg)
		assert.Contains(t, err.Error(), tc.field)
	}
}

func TestValidateURLMessages(t *testing.T) {
	err := Validate(mutate(t, edit{"dataset.url", `"data/train.zip"`}), SchemaLatest)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "dataset.url", fe.Field)
	assert.Contains(t, fe.Message, "relative URL")
	require.NoError(t, Validate(mutate(t, edit{"dataset.url", `"data/train.zip"`}), SchemaVSS), "the VSS schema ignores unknown keys")
}

func TestValidateCollectsAllErrors(t *testing.T) {
	err := Validate(mutate(t, edit{"train_args.batch_size", `0`}, edit{"seed", `"x"`}, edit{"model.name", ""}), SchemaLatest)
	var fes FieldErrors
	require.True(t, errors.As(err, &fes))
	var fields []string
	for _, fe := range fes {
		fields = append(fields, fe.Field)
	}
	assert.ElementsMatch(t, []string{"model.name", "train_args.batch_size", "seed"}, fields)
}

func TestValidateUnknownSchema(t *testing.T) {
	err := Validate([]byte(baseDoc), Schema("v1"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"vss"`)
}

// findSharedSchemaDir walks up from the package directory looking for shared/spec/schema.
func findSharedSchemaDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		cand := filepath.Join(dir, "shared", "spec", "schema")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func TestEmbeddedSchemasMatchSpec(t *testing.T) {
	dir := findSharedSchemaDir(t)
	if dir == "" {
		t.Skip("no shared/spec/schema directory above the package; nothing to compare with")
	}
	for _, s := range []Schema{SchemaVSS, SchemaLatest} {
		want, err := os.ReadFile(filepath.Join(dir, SchemaFile(s)))
		require.NoError(t, err)
		assert.Equal(t, want, SchemaJSON(s), "embedded %s differs from %s; copy the spec file into relay/taskargs/schema/", SchemaFile(s), dir)
	}
	assert.Nil(t, SchemaJSON("nope"))
}

func TestSchemaJSONReturnsCopy(t *testing.T) {
	a := SchemaJSON(SchemaVSS)
	a[0] = 'X'
	assert.Equal(t, byte('{'), SchemaJSON(SchemaVSS)[0])
}
