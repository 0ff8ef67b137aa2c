// Package ecvrf implements ECVRF-SECP256K1-SHA256-TAI, the verifiable random
// function every Crynux client uses to decide whether a task is sampled for
// group validation (protocol §2.6).
//
// The construction is the one of draft-irtf-cfrg-vrf-04 with suite byte 0xFE,
// as implemented by github.com/vechain/go-ecvrf (the library the reference
// clients use), and it is byte-compatible with it:
//
//   - hash to curve: try-and-increment, H is the first valid even-y point
//     0x02 ‖ sha256(0xFE ‖ 0x01 ‖ compressed(Y) ‖ alpha ‖ ctr), ctr = 0, 1, …
//   - nonce: RFC 6979 (HMAC-SHA256) over the secret key and sha256(compressed(H))
//   - challenge: the first 16 bytes of
//     sha256(0xFE ‖ 0x02 ‖ compressed(H) ‖ compressed(Gamma) ‖ compressed(U) ‖ compressed(V))
//   - proof pi = compressed(Gamma) (33) ‖ c (16) ‖ s (32), 81 bytes
//   - output beta = sha256(0xFE ‖ 0x03 ‖ compressed(Gamma)), 32 bytes
//
// The same verifier exists on chain in contracts/src/VRFVerifier.sol.
package ecvrf

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
)

// ProofSize is the length of an encoded proof: compressed Gamma (33) ‖ c (16) ‖ s (32).
const ProofSize = 81

// BetaSize is the length of the VRF output beta.
const BetaSize = 32

// PublicKey64Size is the length of the X ‖ Y public key encoding the VSS
// contracts take (uncompressed, without the 0x04 prefix).
const PublicKey64Size = 64

// Sentinel errors. Every error this package returns wraps exactly one of them,
// so callers can branch with errors.Is.
var (
	// ErrMalformedProof: the proof bytes cannot be decoded (wrong length,
	// Gamma not a curve point, s not below the group order).
	ErrMalformedProof = errors.New("ecvrf: malformed proof")
	// ErrInvalidProof: the proof decodes but does not verify for this key and alpha.
	ErrInvalidProof = errors.New("ecvrf: invalid proof")
	// ErrInvalidPublicKey: the public key is missing or not a point on secp256k1.
	ErrInvalidPublicKey = errors.New("ecvrf: invalid public key")
	// ErrInvalidPrivateKey: the private key is missing or its scalar is outside [1, n-1].
	ErrInvalidPrivateKey = errors.New("ecvrf: invalid private key")
	// ErrHashToCurve: no counter value 0..255 gave a curve point (probability about 2^-256).
	ErrHashToCurve = errors.New("ecvrf: hash to curve failed")
)

// Prove returns the proof pi (81 bytes) and the output beta (32 bytes) of sk over alpha.
//
// The public key hashed into H is derived from sk.D; sk.X and sk.Y are not
// read. Proving is deterministic: the same key and alpha always give the same pi.
func Prove(sk *ecdsa.PrivateKey, alpha []byte) (pi []byte, beta []byte, err error) {
	if sk == nil || sk.D == nil {
		return nil, nil, fmt.Errorf("%w: key is nil", ErrInvalidPrivateKey)
	}
	if sk.D.Sign() <= 0 || sk.D.BitLen() > 256 {
		return nil, nil, fmt.Errorf("%w: scalar is not in [1, n-1]", ErrInvalidPrivateKey)
	}
	var skb [32]byte
	sk.D.FillBytes(skb[:])
	defer clear(skb[:])
	return prove(&skb, alpha)
}

// Verify checks pi against the public key and alpha and returns beta.
//
// It returns an error wrapping ErrInvalidPublicKey, ErrMalformedProof or
// ErrInvalidProof when the proof does not verify; beta is nil then. It never
// panics, whatever the input.
func Verify(pk *ecdsa.PublicKey, alpha, pi []byte) (beta []byte, err error) {
	if pk == nil || pk.X == nil || pk.Y == nil {
		return nil, fmt.Errorf("%w: key is nil", ErrInvalidPublicKey)
	}
	if pk.X.Sign() < 0 || pk.Y.Sign() < 0 || pk.X.BitLen() > 256 || pk.Y.BitLen() > 256 {
		return nil, fmt.Errorf("%w: coordinates out of range", ErrInvalidPublicKey)
	}
	var xy [64]byte
	pk.X.FillBytes(xy[:32])
	pk.Y.FillBytes(xy[32:])
	return VerifyPublicKey64(xy[:], alpha, pi)
}

// VerifyPublicKey64 is Verify for a public key given as 64 bytes X ‖ Y, the
// encoding the VSS contracts take (validateSingleTask, validateTaskGroup).
func VerifyPublicKey64(pub64 []byte, alpha, pi []byte) (beta []byte, err error) {
	y, err := parsePublicKey64(pub64)
	if err != nil {
		return nil, err
	}
	return verify(y, alpha, pi)
}

// ProofToBeta returns the VRF output beta encoded in pi WITHOUT verifying the
// proof. Use it only on proofs that were produced locally or already verified.
func ProofToBeta(pi []byte) ([]byte, error) {
	if len(pi) != ProofSize {
		return nil, fmt.Errorf("%w: proof is %d bytes, want %d", ErrMalformedProof, len(pi), ProofSize)
	}
	gamma, err := parsePoint(pi[:33])
	if err != nil {
		return nil, fmt.Errorf("%w: Gamma: %v", ErrMalformedProof, err)
	}
	return gammaToBeta(gamma), nil
}

// SelectedForValidation reports whether beta, read as a big-endian uint256,
// is divisible by 10: the VSS contracts' rule for group validation.
//
// Only a 32-byte beta (the output of Prove or Verify) can be selected; any
// other length returns false.
func SelectedForValidation(beta []byte) bool {
	if len(beta) != BetaSize {
		return false
	}
	// 256 ≡ 6 (mod 10), so fold the bytes with Horner's rule modulo 10.
	r := 0
	for _, b := range beta {
		r = (r*256 + int(b)) % 10
	}
	return r == 0
}
