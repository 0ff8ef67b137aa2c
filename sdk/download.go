package sdk

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"

	"github.com/corona10/goimagehash"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
)

// LoRAWeightsFile is the file in a checkpoint zip that holds the trained LoRA.
const LoRAWeightsFile = "pytorch_lora_weights.safetensors"

// FinishFile marks a checkpoint whose training reached max_train_steps.
const FinishFile = "FINISH"

func callView[T any](ctx context.Context, c *Client, data []byte, unpack func([]byte) (T, error)) (T, error) {
	return bind.Call(c.taskC, &bind.CallOpts{Context: ctx}, data, unpack)
}

func callViewNode[T any](ctx context.Context, c *Client, data []byte, unpack func([]byte) (T, error)) (T, error) {
	return bind.Call(c.nodeC, &bind.CallOpts{Context: ctx}, data, unpack)
}

// uploadArgs sends the task args to the Relay: always multipart with a
// checkpoint part (the input checkpoint, or an empty zip for a fresh run).
func (c *Client) uploadArgs(ctx context.Context, commitment common.Hash, args string, checkpoint string) error {
	var r io.Reader
	if checkpoint != "" {
		f, err := os.Open(checkpoint)
		if err != nil {
			return fmt.Errorf("sdk: open input checkpoint: %w", err)
		}
		defer f.Close()
		r = f
	}
	if _, err := c.relay.UploadTaskArgs(ctx, commitment, args, r); err != nil {
		return fmt.Errorf("sdk: upload task args of %s to the Relay: %w", commitment.Hex(), err)
	}
	return nil
}

// download fetches the winner's checkpoint zip and validation images and
// checks them against the chain: each image's perceptual hash must equal the
// score the node committed to, and the zip must be whole and hold the LoRA.
func (j *Job) download(ctx context.Context, r *roundRecord, t *taskRecord) error {
	dir := j.c.journal.JobDir(j.rec.ID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("sdk: create job directory: %w", err)
	}
	info, err := j.chainTask(ctx, t.Commitment)
	if err != nil {
		return err
	}
	score := info.Score
	if len(score) == 0 || len(score)%8 != 0 {
		return &VerificationError{Commitment: t.Commitment, What: fmt.Sprintf("on-chain score has %d bytes, not a multiple of 8", len(score))}
	}
	images := make([]string, len(score)/8)
	for i := range images {
		p := filepath.Join(dir, fmt.Sprintf("round-%d-image-%d.png", r.Index, i))
		if err := j.c.relay.DownloadResultToFile(ctx, t.Commitment, i, p); err != nil {
			return fmt.Errorf("sdk: download validation image %d of %s: %w", i, t.Commitment.Hex(), err)
		}
		if err := checkImageHash(p, score[i*8:(i+1)*8]); err != nil {
			return &VerificationError{Commitment: t.Commitment, What: fmt.Sprintf("image %d: %v", i, err)}
		}
		images[i] = p
	}
	ckpt := filepath.Join(dir, fmt.Sprintf("round-%d-checkpoint.zip", r.Index))
	if err := j.c.relay.DownloadCheckpointToFile(ctx, t.Commitment, ckpt); err != nil {
		return fmt.Errorf("sdk: download checkpoint of %s: %w", t.Commitment.Hex(), err)
	}
	finished, err := checkCheckpoint(ckpt)
	if err != nil {
		return &VerificationError{Commitment: t.Commitment, What: err.Error()}
	}
	r.Checkpoint, r.Images, r.Finished = ckpt, images, finished
	j.emit(Event{Kind: EventDownloaded, Round: r.Index, Commitment: t.Commitment, Path: ckpt})
	return j.save()
}

func checkImageHash(path string, want []byte) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("not a PNG: %w", err)
	}
	h, err := goimagehash.PerceptionHash(img)
	if err != nil {
		return fmt.Errorf("perceptual hash: %w", err)
	}
	var got [8]byte
	binary.BigEndian.PutUint64(got[:], h.GetHash())
	if !bytes.Equal(got[:], want) {
		return fmt.Errorf("perceptual hash %x differs from the on-chain score %x", got, want)
	}
	return nil
}

// checkCheckpoint reads every entry of the zip (checking CRCs), requires the
// LoRA weights file and reports whether FINISH is present.
func checkCheckpoint(path string) (finished bool, err error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false, fmt.Errorf("checkpoint is not a valid zip: %w", err)
	}
	defer zr.Close()
	hasWeights := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return false, fmt.Errorf("checkpoint entry %s: %w", f.Name, err)
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return false, fmt.Errorf("checkpoint entry %s is corrupt: %w", f.Name, err)
		}
		switch f.Name {
		case LoRAWeightsFile:
			hasWeights = true
		case FinishFile:
			finished = true
		}
	}
	if !hasWeights {
		return false, fmt.Errorf("checkpoint has no %s", LoRAWeightsFile)
	}
	return finished, nil
}
