package relay

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// DigestSigner is the part of wallet.Signer the Relay needs.
type DigestSigner interface {
	Address() common.Address
	SignDigest(ctx context.Context, digest []byte) ([]byte, error)
}

// SignedMessage returns the bytes the Relay hashes for a signed request
// (protocol §3.2): payload encoded with encoding/json (map keys sorted, <>&
// escaped as \u003c \u003e \u0026, no whitespace) followed by the decimal timestamp.
func SignedMessage(payload map[string]any, timestamp int64) ([]byte, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return nil, fmt.Errorf("relay: encode signed payload: %w", err)
	}
	return append(b, strconv.FormatInt(timestamp, 10)...), nil
}

// Sign returns the "0x"-prefixed hex signature of payload at timestamp.
func Sign(ctx context.Context, s DigestSigner, payload map[string]any, timestamp int64) (string, error) {
	msg, err := SignedMessage(payload, timestamp)
	if err != nil {
		return "", err
	}
	sig, err := s.SignDigest(ctx, crypto.Keccak256(msg))
	if err != nil {
		return "", err
	}
	if len(sig) != 65 {
		return "", fmt.Errorf("relay: signer returned a %d-byte signature, want 65 (R‖S‖V)", len(sig))
	}
	if sig[64] >= 27 {
		// Some signers use Ethereum's 27/28; the Relay needs V ∈ {0,1}.
		sig = append([]byte(nil), sig...)
		sig[64] -= 27
	}
	return hexutil.Encode(sig), nil
}

// Recover returns the address that signed payload at timestamp with the
// "0x"-prefixed 65-byte signature sig (V ∈ {0,1}).
func Recover(payload map[string]any, timestamp int64, sig string) (common.Address, error) {
	raw, err := hexutil.Decode(sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("relay: signature is not 0x-prefixed hex: %w", err)
	}
	if len(raw) != 65 {
		return common.Address{}, fmt.Errorf("relay: signature must be 65 bytes, got %d", len(raw))
	}
	msg, err := SignedMessage(payload, timestamp)
	if err != nil {
		return common.Address{}, err
	}
	pub, err := crypto.SigToPub(crypto.Keccak256(msg), raw)
	if err != nil {
		return common.Address{}, fmt.Errorf("relay: recover signer: %w", err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}
