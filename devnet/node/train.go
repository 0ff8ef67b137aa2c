package node

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/corona10/goimagehash"

	"github.com/crynux-go/crynux/relay/taskargs"
)

// Names of the files in a checkpoint zip (protocol §4.4). They sit at the zip root.
const (
	LoraWeightsFile = "pytorch_lora_weights.safetensors"
	GlobalStepFile  = "global_step.txt"
	FinishFile      = "FINISH"
)

// SimulatedStepsPerEpoch is how many steps one epoch counts as when the task
// args give epochs instead of steps (num_train_steps or max_train_steps null):
// the simulation has no dataset to count batches of.
const SimulatedStepsPerEpoch = 100

// ImageSize is the side in pixels of a simulated validation image.
const ImageSize = 64

// DefaultTargetModules returns the LoRA target modules used when
// lora.target_modules is null (the diffusers SD LoRA default).
func DefaultTargetModules() []string { return []string{"to_k", "to_q", "to_v", "to_out.0"} }

// loraLayers are the attention layers the simulated LoRA adapts. Both have
// hidden size 320 in SD 1.x/2.x, which keeps the weights file small.
var loraLayers = []string{
	"unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1",
	"unet.up_blocks.3.attentions.2.transformer_blocks.0.attn1",
}

// loraHidden is the feature size of the adapted layers.
const loraHidden = 320

// maxRank bounds lora.rank so that a hostile task cannot make the node
// allocate an arbitrarily large weights file.
const maxRank = loraHidden

// ArgsError means the task args cannot be trained on. A node answers it with
// reportTaskError(c, ParametersValidationFailed).
type ArgsError struct {
	Reason string
	Err    error
}

func (e *ArgsError) Error() string {
	if e.Err != nil {
		return "invalid task args: " + e.Reason + ": " + e.Err.Error()
	}
	return "invalid task args: " + e.Reason
}

func (e *ArgsError) Unwrap() error { return e.Err }

// CheckpointError means an input checkpoint zip cannot be read.
type CheckpointError struct {
	Reason string
	Err    error
}

func (e *CheckpointError) Error() string {
	if e.Err != nil {
		return "input checkpoint: " + e.Reason + ": " + e.Err.Error()
	}
	return "input checkpoint: " + e.Reason
}

func (e *CheckpointError) Unwrap() error { return e.Err }

// TrainOptions change how Train behaves.
type TrainOptions struct {
	// Cheat makes the validation images the photographic negatives of the
	// honest ones. Negating an image flips (almost) every bit of its
	// perceptual hash, so a cheat's score is far beyond the contract's
	// distance threshold from an honest node's score.
	Cheat bool
}

// TrainOutput is what one simulated training run produces.
type TrainOutput struct {
	// Images are the PNG-encoded validation images in index order
	// (validation/{i}.png of a real node).
	Images [][]byte
	// Checkpoint is the checkpoint zip: LoraWeightsFile, GlobalStepFile and,
	// once GlobalStep reaches max_train_steps, an empty FinishFile.
	Checkpoint []byte
	// Score is the on-chain score: the 8-byte big-endian pHashes of Images,
	// concatenated in index order.
	Score []byte
	// GlobalStep is the total number of steps trained over all chained tasks.
	GlobalStep int
	// Finished reports whether GlobalStep reached max_train_steps.
	Finished bool
}

// trainSpec is the part of the task args the simulation uses.
type trainSpec struct {
	numImages     int
	stepsPerTask  int
	maxSteps      int
	rank          int
	targetModules []string
	seed          int64
	model         string
	resume        bool
	canonical     []byte // args re-encoded, for seeding
}

// parseArgs reads fine-tune task args (protocol §4.1). Absent fields take
// the schema defaults; unknown fields are ignored.
func parseArgs(raw []byte) (*trainSpec, error) {
	args := taskargs.Defaults()
	if err := json.Unmarshal(raw, &args); err != nil {
		return nil, &ArgsError{Reason: "not a fine-tune task args JSON object", Err: err}
	}
	s := &trainSpec{
		numImages: args.Validation.NumImages,
		rank:      args.Lora.Rank,
		seed:      args.Seed,
		model:     args.Model.Name,
		resume:    args.Checkpoint != nil,
	}
	if s.model == "" {
		return nil, &ArgsError{Reason: "model.name is empty"}
	}
	if s.numImages < 1 || s.numImages > 10 {
		return nil, &ArgsError{Reason: fmt.Sprintf("validation.num_images is %d, want 1..10", s.numImages)}
	}
	if s.rank < 1 || s.rank > maxRank {
		return nil, &ArgsError{Reason: fmt.Sprintf("lora.rank is %d, want 1..%d", s.rank, maxRank)}
	}
	ta := args.TrainArgs
	switch {
	case ta.NumTrainSteps != nil && *ta.NumTrainSteps < 1:
		return nil, &ArgsError{Reason: fmt.Sprintf("train_args.num_train_steps is %d, want ≥ 1 or null", *ta.NumTrainSteps)}
	case ta.NumTrainSteps != nil:
		s.stepsPerTask = *ta.NumTrainSteps
	case ta.NumTrainEpochs < 1:
		return nil, &ArgsError{Reason: fmt.Sprintf("train_args.num_train_epochs is %d, want ≥ 1", ta.NumTrainEpochs)}
	default:
		s.stepsPerTask = ta.NumTrainEpochs * SimulatedStepsPerEpoch
	}
	switch {
	case ta.MaxTrainSteps != nil && *ta.MaxTrainSteps < 1:
		return nil, &ArgsError{Reason: fmt.Sprintf("train_args.max_train_steps is %d, want ≥ 1 or null", *ta.MaxTrainSteps)}
	case ta.MaxTrainSteps != nil:
		s.maxSteps = *ta.MaxTrainSteps
	case ta.MaxTrainEpochs < 1:
		return nil, &ArgsError{Reason: fmt.Sprintf("train_args.max_train_epochs is %d, want ≥ 1", ta.MaxTrainEpochs)}
	default:
		s.maxSteps = ta.MaxTrainEpochs * SimulatedStepsPerEpoch
	}
	s.targetModules = targetModules(args.Lora.TargetModules)
	if len(s.targetModules) == 0 {
		return nil, &ArgsError{Reason: "lora.target_modules is an empty list"}
	}
	// Only null versus non-null matters for checkpoint: clients send a
	// placeholder or a local path, which must not change the result.
	if args.Checkpoint != nil {
		placeholder := "checkpoint"
		args.Checkpoint = &placeholder
	}
	canon, err := json.Marshal(args)
	if err != nil {
		return nil, &ArgsError{Reason: "re-encode", Err: err}
	}
	s.canonical = canon
	return s, nil
}

// targetModules resolves lora.target_modules: null gives the defaults, a
// single "all-linear" string the defaults too (the simulated layers have no
// other linear modules), anything else the names given, deduplicated.
func targetModules(t *taskargs.TargetModules) []string {
	if t == nil || (t.Single && len(t.Names) == 1 && t.Names[0] == "all-linear") {
		return DefaultTargetModules()
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range t.Names {
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// inputCheckpoint is what Train reads from an input checkpoint zip.
type inputCheckpoint struct {
	globalStep  int
	weightsHash [32]byte
}

// readInputCheckpoint reads global_step.txt and hashes the LoRA weights of a
// checkpoint zip. Files are looked up at the root first, then anywhere (a zip
// made from a parent directory). A zip without global_step.txt counts as
// step 0.
func readInputCheckpoint(b []byte) (*inputCheckpoint, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, &CheckpointError{Reason: "not a zip archive", Err: err}
	}
	find := func(name string) *zip.File {
		var nested *zip.File
		for _, f := range zr.File {
			if f.Name == name {
				return f
			}
			if nested == nil && path.Base(f.Name) == name && !strings.HasSuffix(f.Name, "/") {
				nested = f
			}
		}
		return nested
	}
	read := func(f *zip.File, limit int64) ([]byte, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, &CheckpointError{Reason: "open " + f.Name, Err: err}
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, limit+1))
		if err != nil {
			return nil, &CheckpointError{Reason: "read " + f.Name, Err: err}
		}
		if int64(len(data)) > limit {
			return nil, &CheckpointError{Reason: fmt.Sprintf("%s is larger than %d bytes", f.Name, limit)}
		}
		return data, nil
	}
	out := &inputCheckpoint{}
	if f := find(GlobalStepFile); f != nil {
		data, err := read(f, 64)
		if err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(data)))
		if err != nil || n < 0 {
			return nil, &CheckpointError{Reason: fmt.Sprintf("%s holds %q, want a non-negative integer", GlobalStepFile, excerpt(data))}
		}
		out.globalStep = n
	}
	if f := find(LoraWeightsFile); f != nil {
		data, err := read(f, 256<<20)
		if err != nil {
			return nil, err
		}
		out.weightsHash = sha256.Sum256(data)
	}
	return out, nil
}

func excerpt(b []byte) string {
	if len(b) > 32 {
		return string(b[:32]) + "…"
	}
	return string(b)
}

// Train runs the simulated fine-tune for one task: it reads the task args
// (the JSON string the Relay serves) and the input checkpoint zip (nil when
// task_args.checkpoint is null), and returns validation images, the
// checkpoint zip and the score.
//
// Everything is a pure function of the args (with the checkpoint value
// reduced to null / non-null) and the input checkpoint's global step and
// LoRA weights, so honest nodes given the same task produce byte-identical
// output, and group validation agrees. Errors are *ArgsError (report a task
// error) or *CheckpointError.
func Train(taskArgs []byte, inputCheckpointZip []byte, opts TrainOptions) (*TrainOutput, error) {
	spec, err := parseArgs(taskArgs)
	if err != nil {
		return nil, err
	}
	var in inputCheckpoint
	if spec.resume {
		if inputCheckpointZip == nil {
			return nil, &ArgsError{Reason: "task_args.checkpoint is set but no input checkpoint was given"}
		}
		got, err := readInputCheckpoint(inputCheckpointZip)
		if err != nil {
			return nil, err
		}
		in = *got
	}

	step := in.globalStep
	if step < spec.maxSteps {
		step = min(step+spec.stepsPerTask, spec.maxSteps)
	}
	finished := step >= spec.maxSteps

	// The run seed covers everything the result depends on.
	h := sha256.New()
	h.Write([]byte("crynux-devnet-node/train/v1\x00"))
	h.Write(spec.canonical)
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(spec.seed))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], uint64(in.globalStep))
	h.Write(buf[:])
	h.Write(in.weightsHash[:])
	var runSeed [32]byte
	copy(runSeed[:], h.Sum(nil))

	out := &TrainOutput{GlobalStep: step, Finished: finished}
	for i := range spec.numImages {
		img := validationImage(runSeed, i, opts.Cheat)
		var pb bytes.Buffer
		if err := png.Encode(&pb, img); err != nil {
			return nil, fmt.Errorf("encode validation image %d: %w", i, err)
		}
		out.Images = append(out.Images, pb.Bytes())
	}
	if out.Score, err = Score(out.Images); err != nil {
		return nil, err
	}
	weights, err := loraWeights(runSeed, step, spec.rank, spec.targetModules)
	if err != nil {
		return nil, err
	}
	if out.Checkpoint, err = checkpointZip(weights, step, finished); err != nil {
		return nil, err
	}
	return out, nil
}

// validationImage draws image i of a run: a smooth colour field made of a
// few low-frequency waves whose frequencies and phases come from
// sha256(runSeed ‖ i). Low frequencies dominate the pHash DCT block, so the
// hash is well defined; a cheat gets the negative image, whose pHash differs
// in nearly all 64 bits.
func validationImage(runSeed [32]byte, i int, cheat bool) *image.RGBA {
	var ib [8]byte
	binary.BigEndian.PutUint64(ib[:], uint64(i))
	seed := sha256.Sum256(append(runSeed[:], ib[:]...))
	rng := rand.New(rand.NewChaCha8(seed))

	type wave struct{ fx, fy, phase, amp float64 }
	var waves [3][4]wave // per channel
	for c := range waves {
		for k := range waves[c] {
			waves[c][k] = wave{
				fx:    float64(rng.IntN(4)),
				fy:    float64(rng.IntN(4)),
				phase: rng.Float64() * 2 * math.Pi,
				amp:   0.5 + rng.Float64(),
			}
			if waves[c][k].fx == 0 && waves[c][k].fy == 0 {
				waves[c][k].fx = 1
			}
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, ImageSize, ImageSize))
	for y := range ImageSize {
		for x := range ImageSize {
			var px [3]uint8
			for c := range waves {
				v, norm := 0.0, 0.0
				for _, w := range waves[c] {
					v += w.amp * math.Cos(2*math.Pi*(w.fx*float64(x)+w.fy*float64(y))/ImageSize+w.phase)
					norm += w.amp
				}
				px[c] = uint8(math.Round(127.5 + 127.5*v/norm))
			}
			if cheat {
				px[0], px[1], px[2] = 255-px[0], 255-px[1], 255-px[2]
			}
			img.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	return img
}

// ImagePHash returns the perceptual hash of a PNG (or any registered image
// format) as goimagehash computes it, the per-image unit of a score.
func ImagePHash(encoded []byte) (uint64, error) {
	img, _, err := image.Decode(bytes.NewReader(encoded))
	if err != nil {
		return 0, fmt.Errorf("decode image: %w", err)
	}
	h, err := goimagehash.PerceptionHash(img)
	if err != nil {
		return 0, fmt.Errorf("perception hash: %w", err)
	}
	return h.GetHash(), nil
}

// Score returns the on-chain score of validation images in index order: the
// concatenated 8-byte big-endian pHashes of the decoded images (protocol
// §2.11 step 4), as the Relay recomputes it.
func Score(images [][]byte) ([]byte, error) {
	out := make([]byte, 0, 8*len(images))
	for i, b := range images {
		h, err := ImagePHash(b)
		if err != nil {
			return nil, fmt.Errorf("score image %d: %w", i, err)
		}
		out = binary.BigEndian.AppendUint64(out, h)
	}
	return out, nil
}

// tensor is one named tensor of a safetensors file.
type tensor struct {
	name  string
	shape []int
	data  []float32
}

// loraWeights makes the LoRA tensors of the simulated run: for every adapted
// layer and target module m, "<layer>.<m>.lora_A.weight" [rank, 320] and
// "<layer>.<m>.lora_B.weight" [320, rank].
func loraWeights(runSeed [32]byte, step, rank int, modules []string) ([]byte, error) {
	var sb [8]byte
	binary.BigEndian.PutUint64(sb[:], uint64(step))
	seed := sha256.Sum256(append(append([]byte("lora\x00"), runSeed[:]...), sb[:]...))
	rng := rand.New(rand.NewChaCha8(seed))
	var ts []tensor
	for _, layer := range loraLayers {
		for _, m := range modules {
			a := make([]float32, rank*loraHidden)
			for i := range a {
				a[i] = float32(rng.NormFloat64() / float64(rank))
			}
			b := make([]float32, loraHidden*rank)
			for i := range b {
				b[i] = float32(rng.NormFloat64() * 1e-3)
			}
			ts = append(ts,
				tensor{name: layer + "." + m + ".lora_A.weight", shape: []int{rank, loraHidden}, data: a},
				tensor{name: layer + "." + m + ".lora_B.weight", shape: []int{loraHidden, rank}, data: b},
			)
		}
	}
	return encodeSafetensors(ts, map[string]string{"format": "pt"})
}

// encodeSafetensors writes F32 tensors in the safetensors format: an 8-byte
// little-endian header length, a JSON header mapping each name to dtype,
// shape and data_offsets (relative to the data section), padded with spaces
// to a multiple of 8, then the little-endian data.
func encodeSafetensors(ts []tensor, metadata map[string]string) ([]byte, error) {
	header := make(map[string]any, len(ts)+1)
	if len(metadata) > 0 {
		header["__metadata__"] = metadata
	}
	var off int64
	for _, t := range ts {
		n := int64(len(t.data)) * 4
		header[t.name] = map[string]any{
			"dtype":        "F32",
			"shape":        t.shape,
			"data_offsets": [2]int64{off, off + n},
		}
		off += n
	}
	hj, err := json.Marshal(header)
	if err != nil {
		return nil, fmt.Errorf("encode safetensors header: %w", err)
	}
	if pad := len(hj) % 8; pad != 0 {
		hj = append(hj, bytes.Repeat([]byte(" "), 8-pad)...)
	}
	out := make([]byte, 8, 8+len(hj)+int(off))
	binary.LittleEndian.PutUint64(out, uint64(len(hj)))
	out = append(out, hj...)
	// Data in header order: encoding/json sorts map keys, but offsets were
	// assigned in slice order, which is what the data section follows.
	for _, t := range ts {
		for _, v := range t.data {
			out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v))
		}
	}
	return out, nil
}

// zipTime is the modification time of every checkpoint entry, fixed so that
// the zip bytes are deterministic.
var zipTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// checkpointZip packs the checkpoint directory with its files at the zip root.
func checkpointZip(weights []byte, step int, finished bool) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if err := add(LoraWeightsFile, weights); err != nil {
		return nil, fmt.Errorf("write checkpoint zip: %w", err)
	}
	if err := add(GlobalStepFile, []byte(strconv.Itoa(step))); err != nil {
		return nil, fmt.Errorf("write checkpoint zip: %w", err)
	}
	if finished {
		if err := add(FinishFile, nil); err != nil {
			return nil, fmt.Errorf("write checkpoint zip: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("write checkpoint zip: %w", err)
	}
	return buf.Bytes(), nil
}

// TensorInfo describes one tensor in a safetensors header.
type TensorInfo struct {
	// DType is the element type, e.g. "F32", "F16", "BF16".
	DType string `json:"dtype"`
	// Shape lists the dimensions.
	Shape []int64 `json:"shape"`
	// DataOffsets are the [begin, end) byte offsets of the tensor's data,
	// relative to the start of the data section (after the header).
	DataOffsets [2]int64 `json:"data_offsets"`
}

// maxSafetensorsHeader bounds the header a reader accepts (the format's own
// limit is 100 MB).
const maxSafetensorsHeader = 100 << 20

var dtypeSizes = map[string]int64{
	"BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1,
	"I16": 2, "U16": 2, "F16": 2, "BF16": 2,
	"I32": 4, "U32": 4, "F32": 4,
	"I64": 8, "U64": 8, "F64": 8,
}

// ReadSafetensorsHeader reads the header of a safetensors file from r and
// returns its tensors by name ("__metadata__" is skipped). It checks that the
// header is well-formed, that every dtype is known and that each tensor's
// byte range matches its shape and dtype. It reads only the header, not the
// data.
func ReadSafetensorsHeader(r io.Reader) (map[string]TensorInfo, error) {
	var lb [8]byte
	if _, err := io.ReadFull(r, lb[:]); err != nil {
		return nil, fmt.Errorf("safetensors: read header length: %w", err)
	}
	n := binary.LittleEndian.Uint64(lb[:])
	if n == 0 || n > maxSafetensorsHeader {
		return nil, fmt.Errorf("safetensors: header length %d is out of range (1..%d)", n, maxSafetensorsHeader)
	}
	hb := make([]byte, n)
	if _, err := io.ReadFull(r, hb); err != nil {
		return nil, fmt.Errorf("safetensors: read %d-byte header: %w", n, err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(hb, &raw); err != nil {
		return nil, fmt.Errorf("safetensors: header is not a JSON object: %w", err)
	}
	out := make(map[string]TensorInfo, len(raw))
	for name, v := range raw {
		if name == "__metadata__" {
			continue
		}
		var ti TensorInfo
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&ti); err != nil {
			return nil, fmt.Errorf("safetensors: tensor %q: %w", name, err)
		}
		size, ok := dtypeSizes[ti.DType]
		if !ok {
			return nil, fmt.Errorf("safetensors: tensor %q has unknown dtype %q", name, ti.DType)
		}
		elems := int64(1)
		for _, d := range ti.Shape {
			if d < 0 {
				return nil, fmt.Errorf("safetensors: tensor %q has a negative dimension", name)
			}
			elems *= d
		}
		if ti.DataOffsets[0] < 0 || ti.DataOffsets[1]-ti.DataOffsets[0] != elems*size {
			return nil, fmt.Errorf("safetensors: tensor %q: data_offsets %v do not hold %d × %s", name, ti.DataOffsets, elems, ti.DType)
		}
		out[name] = ti
	}
	if len(out) == 0 && len(raw) == 0 {
		return nil, errors.New("safetensors: empty header")
	}
	return out, nil
}
