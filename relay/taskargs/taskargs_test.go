package taskargs

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultsMarshalValid(t *testing.T) {
	args := Defaults()
	args.Model.Name = "crynux-network/stable-diffusion-v1-5"
	name := "lambdalabs/naruto-blip-captions"
	args.Dataset.Name = &name
	s, err := Marshal(args)
	require.NoError(t, err)
	assert.NotContains(t, s, `"url"`, "a VSS document must not carry dataset.url")
	assert.NotContains(t, s, " ", "Marshal output is compact")
	require.NoError(t, Validate([]byte(s), SchemaVSS))
	require.NoError(t, Validate([]byte(s), SchemaLatest))
	assert.Contains(t, s, `"checkpoint":null`)
	assert.Contains(t, s, `"target_modules":null`)
	assert.Contains(t, s, `"init_lora_weights":true`)
}

func TestZeroArgsAreRejected(t *testing.T) {
	s, err := Marshal(FinetuneLoraTaskArgs{})
	require.NoError(t, err)
	require.Error(t, Validate([]byte(s), SchemaLatest), "a zero value must not silently become defaults")
}

func TestRoundTrip(t *testing.T) {
	for _, doc := range []string{baseDoc, string(mutate(t, edit{"lora.target_modules", `"all-linear"`}, edit{"lora.init_lora_weights", `"gaussian"`}))} {
		var args FinetuneLoraTaskArgs
		require.NoError(t, json.Unmarshal([]byte(doc), &args))
		out, err := Marshal(args)
		require.NoError(t, err)
		assert.JSONEq(t, doc, out)
	}
}

func TestInitLoraWeightsJSON(t *testing.T) {
	for _, tc := range []struct {
		w    InitLoraWeights
		json string
	}{{InitLoraWeightsTrue, `true`}, {InitLoraWeightsFalse, `false`}, {InitLoraWeightsGaussian, `"gaussian"`}, {InitLoraWeightsLoftQ, `"loftq"`}} {
		b, err := json.Marshal(tc.w)
		require.NoError(t, err)
		assert.Equal(t, tc.json, string(b))
		var back InitLoraWeights
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tc.w, back)
		assert.True(t, back.Valid())
	}
	var w InitLoraWeights
	require.Error(t, json.Unmarshal([]byte(`1`), &w))
	assert.False(t, InitLoraWeights("pissa").Valid())
}

func TestTargetModulesJSON(t *testing.T) {
	b, err := json.Marshal(TargetModuleList("to_q", "to_v"))
	require.NoError(t, err)
	assert.Equal(t, `["to_q","to_v"]`, string(b))
	b, err = json.Marshal(TargetModuleString("all-linear"))
	require.NoError(t, err)
	assert.Equal(t, `"all-linear"`, string(b))
	b, err = json.Marshal(TargetModuleList())
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(b))
	_, err = json.Marshal(TargetModules{Single: true})
	require.Error(t, err)

	var tm *TargetModules
	require.NoError(t, json.Unmarshal([]byte(`null`), &tm))
	assert.Nil(t, tm)
	require.NoError(t, json.Unmarshal([]byte(`"all-linear"`), &tm))
	assert.Equal(t, TargetModuleString("all-linear"), tm)
	require.Error(t, json.Unmarshal([]byte(`{}`), &tm))
}

func TestParseDecimalCompare(t *testing.T) {
	for _, tc := range []struct {
		s     string
		k     int64
		cmp   int
		isInt bool
	}{
		{"0", 0, 0, true}, {"-0", 0, 0, true}, {"0.0", 1, -1, true}, {"1", 1, 0, true}, {"1.0", 1, 0, true},
		{"10", 10, 0, true}, {"1E1", 10, 0, true}, {"100e-1", 10, 0, true}, {"10.5", 10, 1, false},
		{"0.5", 0, 1, false}, {"-0.5", 0, -1, false}, {"1e-400", 0, 1, false}, {"-1e-400", 0, -1, false},
		{"1e-400", 1, -1, false}, {"1e400", 10, 1, true}, {"-1e400", 1, -1, true},
		{"1e99999999999999999999", 10, 1, true}, {"1e-99999999999999999999", 0, 1, false},
		{"12345678901234567890123", 10, 1, true},
	} {
		d := parseDecimal(tc.s)
		assert.Equal(t, tc.cmp, d.cmp(tc.k), "%s vs %d", tc.s, tc.k)
		assert.Equal(t, tc.isInt, d.isInt(), "isInt(%s)", tc.s)
	}
}
