package relayserver

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"image"
	_ "image/png" // result images are PNGs
	"io"

	"github.com/corona10/goimagehash"
)

// ImageScore returns the 8-byte big-endian perceptual hash of a PNG, the
// per-image unit of the on-chain score of SD and SD_FT tasks.
func ImageScore(r io.Reader) ([]byte, error) {
	img, _, err := image.Decode(r)
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	h, err := goimagehash.PerceptionHash(img)
	if err != nil {
		return nil, fmt.Errorf("perception hash: %w", err)
	}
	return binary.BigEndian.AppendUint64(nil, h.GetHash()), nil
}

// ResultScore returns the expected on-chain score of result files given in
// index order: concatenated pHashes for SD/SD_FT, concatenated sha256 for LLM.
func ResultScore(taskType uint8, files [][]byte) ([]byte, error) {
	var out []byte
	for i, f := range files {
		if taskType == TaskTypeLLM {
			h := sha256.Sum256(f)
			out = append(out, h[:]...)
			continue
		}
		h, err := ImageScore(bytes.NewReader(f))
		if err != nil {
			return nil, fmt.Errorf("result file %d: %w", i, err)
		}
		out = append(out, h...)
	}
	return out, nil
}
