package node_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet/node"
)

// argsJSON builds task args with the fields the simulation reads.
func argsJSON(t *testing.T, mut func(m map[string]any)) []byte {
	t.Helper()
	m := map[string]any{
		"model":      map[string]any{"name": "crynux-network/stable-diffusion-v1-5", "variant": nil, "revision": "main"},
		"dataset":    map[string]any{"name": "lambdalabs/naruto-blip-captions"},
		"validation": map[string]any{"prompt": "a ninja", "num_images": 4},
		"train_args": map[string]any{"num_train_steps": 30, "max_train_steps": 70, "learning_rate": 1e-4},
		"lora":       map[string]any{"rank": 4, "target_modules": nil},
		"seed":       1234,
		"checkpoint": nil,
	}
	if mut != nil {
		mut(m)
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return b
}

func zipFiles(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		out[f.Name] = data
	}
	return out
}

func hamming(a, b []byte) int {
	return bits.OnesCount64(binary.BigEndian.Uint64(a) ^ binary.BigEndian.Uint64(b))
}

func TestTrainIsDeterministic(t *testing.T) {
	args := argsJSON(t, nil)
	a, err := node.Train(args, nil, node.TrainOptions{})
	require.NoError(t, err)
	b, err := node.Train(args, nil, node.TrainOptions{})
	require.NoError(t, err)

	require.Len(t, a.Images, 4)
	assert.Equal(t, a.Images, b.Images, "same args must give byte-identical images")
	assert.Equal(t, a.Checkpoint, b.Checkpoint, "same args must give a byte-identical checkpoint zip")
	assert.Equal(t, a.Score, b.Score)
	assert.Len(t, a.Score, 8*4)

	// Re-encoding the same args differently (key order, whitespace) and a
	// different checkpoint placeholder do not change the result.
	var m map[string]any
	require.NoError(t, json.Unmarshal(args, &m))
	pretty, err := json.MarshalIndent(m, "", "  ")
	require.NoError(t, err)
	c, err := node.Train(pretty, nil, node.TrainOptions{})
	require.NoError(t, err)
	assert.Equal(t, a.Images, c.Images)

	// Another seed gives other images.
	d, err := node.Train(argsJSON(t, func(m map[string]any) { m["seed"] = 99 }), nil, node.TrainOptions{})
	require.NoError(t, err)
	assert.NotEqual(t, a.Score, d.Score)

	// The images are distinct from each other.
	seen := map[string]bool{}
	for i := range a.Images {
		seen[string(a.Score[8*i:8*i+8])] = true
	}
	assert.Len(t, seen, 4, "each validation image should have its own pHash")
}

func TestTrainScoreIsPHashOfImages(t *testing.T) {
	out, err := node.Train(argsJSON(t, nil), nil, node.TrainOptions{})
	require.NoError(t, err)
	for i, img := range out.Images {
		h, err := node.ImagePHash(img)
		require.NoError(t, err)
		assert.Equal(t, h, binary.BigEndian.Uint64(out.Score[8*i:]), "image %d", i)
	}
	s, err := node.Score(out.Images)
	require.NoError(t, err)
	assert.Equal(t, out.Score, s)
}

func TestTrainLoraWeightsFitRankAndTargetModules(t *testing.T) {
	cases := []struct {
		name    string
		rank    int
		modules any
		want    []string
	}{
		{"default modules", 8, nil, node.DefaultTargetModules()},
		{"explicit list", 4, []string{"to_q", "to_v"}, []string{"to_q", "to_v"}},
		{"single string", 16, "to_k", []string{"to_k"}},
		{"all-linear", 2, "all-linear", node.DefaultTargetModules()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := node.Train(argsJSON(t, func(m map[string]any) {
				m["lora"] = map[string]any{"rank": tc.rank, "target_modules": tc.modules}
			}), nil, node.TrainOptions{})
			require.NoError(t, err)
			files := zipFiles(t, out.Checkpoint)
			w, ok := files[node.LoraWeightsFile]
			require.True(t, ok, "checkpoint zip lacks %s at its root", node.LoraWeightsFile)

			tensors, err := node.ReadSafetensorsHeader(bytes.NewReader(w))
			require.NoError(t, err)
			hlen := binary.LittleEndian.Uint64(w[:8])
			dataLen := int64(len(w)) - 8 - int64(hlen)

			perModule := map[string]int{}
			var total int64
			for name, ti := range tensors {
				assert.Equal(t, "F32", ti.DType)
				assert.LessOrEqual(t, ti.DataOffsets[1], dataLen, "tensor %s runs past the file", name)
				total += ti.DataOffsets[1] - ti.DataOffsets[0]
				matched := false
				for _, m := range tc.want {
					switch name {
					case "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1." + m + ".lora_A.weight",
						"unet.up_blocks.3.attentions.2.transformer_blocks.0.attn1." + m + ".lora_A.weight":
						assert.Equal(t, []int64{int64(tc.rank), 320}, ti.Shape, name)
						perModule[m]++
						matched = true
					case "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1." + m + ".lora_B.weight",
						"unet.up_blocks.3.attentions.2.transformer_blocks.0.attn1." + m + ".lora_B.weight":
						assert.Equal(t, []int64{320, int64(tc.rank)}, ti.Shape, name)
						perModule[m]++
						matched = true
					}
				}
				assert.True(t, matched, "unexpected tensor %s", name)
			}
			for _, m := range tc.want {
				assert.Equal(t, 4, perModule[m], "module %s should have lora_A and lora_B in 2 layers", m)
			}
			assert.Equal(t, dataLen, total, "tensors should cover the data section exactly")
		})
	}
}

func TestTrainGlobalStepAndFinish(t *testing.T) {
	fresh := argsJSON(t, nil) // 30 steps per task, 70 in total
	resume := argsJSON(t, func(m map[string]any) { m["checkpoint"] = "checkpoint.zip" })

	first, err := node.Train(fresh, nil, node.TrainOptions{})
	require.NoError(t, err)
	f := zipFiles(t, first.Checkpoint)
	assert.Equal(t, "30", string(f[node.GlobalStepFile]))
	assert.NotContains(t, f, node.FinishFile)
	assert.False(t, first.Finished)

	second, err := node.Train(resume, first.Checkpoint, node.TrainOptions{})
	require.NoError(t, err)
	f = zipFiles(t, second.Checkpoint)
	assert.Equal(t, "60", string(f[node.GlobalStepFile]))
	assert.NotContains(t, f, node.FinishFile)
	assert.NotEqual(t, first.Score, second.Score, "training on should change the images")

	third, err := node.Train(resume, second.Checkpoint, node.TrainOptions{})
	require.NoError(t, err)
	f = zipFiles(t, third.Checkpoint)
	assert.Equal(t, "70", string(f[node.GlobalStepFile]), "capped at max_train_steps")
	require.Contains(t, f, node.FinishFile)
	assert.Empty(t, f[node.FinishFile])
	assert.True(t, third.Finished)
	assert.Equal(t, 70, third.GlobalStep)

	// Resuming a finished checkpoint trains no further and stays finished.
	fourth, err := node.Train(resume, third.Checkpoint, node.TrainOptions{})
	require.NoError(t, err)
	f = zipFiles(t, fourth.Checkpoint)
	assert.Equal(t, "70", string(f[node.GlobalStepFile]))
	assert.Contains(t, f, node.FinishFile)

	// A single task reaching max_train_steps finishes at once.
	once, err := node.Train(argsJSON(t, func(m map[string]any) {
		m["train_args"] = map[string]any{"num_train_steps": 100, "max_train_steps": 50}
	}), nil, node.TrainOptions{})
	require.NoError(t, err)
	f = zipFiles(t, once.Checkpoint)
	assert.Equal(t, "50", string(f[node.GlobalStepFile]))
	assert.Contains(t, f, node.FinishFile)

	// Epoch-based args count SimulatedStepsPerEpoch steps per epoch.
	epochs, err := node.Train(argsJSON(t, func(m map[string]any) {
		m["train_args"] = map[string]any{"num_train_epochs": 1, "max_train_epochs": 3}
	}), nil, node.TrainOptions{})
	require.NoError(t, err)
	f = zipFiles(t, epochs.Checkpoint)
	assert.Equal(t, fmt.Sprint(node.SimulatedStepsPerEpoch), string(f[node.GlobalStepFile]))
	assert.NotContains(t, f, node.FinishFile)
}

func TestTrainCheatImagesDifferBeyondThreshold(t *testing.T) {
	const threshold = 24 // VSSTask's default distanceThreshold
	for seed := range 10 {
		args := argsJSON(t, func(m map[string]any) {
			m["seed"] = seed
			m["validation"] = map[string]any{"num_images": 10}
		})
		honest, err := node.Train(args, nil, node.TrainOptions{})
		require.NoError(t, err)
		honest2, err := node.Train(args, nil, node.TrainOptions{})
		require.NoError(t, err)
		cheat, err := node.Train(args, nil, node.TrainOptions{Cheat: true})
		require.NoError(t, err)
		require.Equal(t, honest.Score, honest2.Score, "honest pHashes must be identical")
		require.Len(t, cheat.Score, len(honest.Score))
		for i := range 10 {
			d := hamming(honest.Score[8*i:], cheat.Score[8*i:])
			require.GreaterOrEqual(t, d, threshold, "seed %d image %d: cheat pHash only %d bits away", seed, i, d)
		}
		// The cheat's checkpoint is the honest one: only the images lie.
		assert.Equal(t, honest.Checkpoint, cheat.Checkpoint)
	}
}

func TestTrainRejectsBadArgs(t *testing.T) {
	cases := map[string][]byte{
		"not json":        []byte("{"),
		"no model name":   argsJSON(t, func(m map[string]any) { m["model"] = map[string]any{"name": ""} }),
		"zero images":     argsJSON(t, func(m map[string]any) { m["validation"] = map[string]any{"num_images": 0} }),
		"eleven images":   argsJSON(t, func(m map[string]any) { m["validation"] = map[string]any{"num_images": 11} }),
		"zero rank":       argsJSON(t, func(m map[string]any) { m["lora"] = map[string]any{"rank": 0} }),
		"empty modules":   argsJSON(t, func(m map[string]any) { m["lora"] = map[string]any{"rank": 4, "target_modules": []string{}} }),
		"zero steps":      argsJSON(t, func(m map[string]any) { m["train_args"] = map[string]any{"num_train_steps": 0} }),
		"no input ckpt":   argsJSON(t, func(m map[string]any) { m["checkpoint"] = "checkpoint.zip" }),
		"wrong type rank": argsJSON(t, func(m map[string]any) { m["lora"] = map[string]any{"rank": "eight"} }),
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := node.Train(args, nil, node.TrainOptions{})
			var ae *node.ArgsError
			require.True(t, errors.As(err, &ae), "want *ArgsError, got %v", err)
		})
	}

	resume := argsJSON(t, func(m map[string]any) { m["checkpoint"] = "checkpoint.zip" })
	_, err := node.Train(resume, []byte("not a zip"), node.TrainOptions{})
	var ce *node.CheckpointError
	require.True(t, errors.As(err, &ce), "want *CheckpointError, got %v", err)
}

func TestReadSafetensorsHeaderRejectsMalformed(t *testing.T) {
	mk := func(header string) []byte {
		b := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
		return append(b, header...)
	}
	cases := map[string][]byte{
		"short":          {1, 2, 3},
		"huge length":    binary.LittleEndian.AppendUint64(nil, 1<<40),
		"truncated":      append(binary.LittleEndian.AppendUint64(nil, 100), "{}"...),
		"not json":       mk("nope"),
		"unknown dtype":  mk(`{"a":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}}`),
		"bad offsets":    mk(`{"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,8]}}`),
		"negative shape": mk(`{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}`),
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := node.ReadSafetensorsHeader(bytes.NewReader(b))
			require.Error(t, err)
		})
	}
	got, err := node.ReadSafetensorsHeader(bytes.NewReader(mk(`{"__metadata__":{"format":"pt"},"a":{"dtype":"F16","shape":[2,3],"data_offsets":[0,12]}}`)))
	require.NoError(t, err)
	assert.Equal(t, map[string]node.TensorInfo{"a": {DType: "F16", Shape: []int64{2, 3}, DataOffsets: [2]int64{0, 12}}}, got)
}
