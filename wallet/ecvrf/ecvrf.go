// Package ecvrf implements ECVRF-SECP256K1-SHA256-TAI, the verifiable random
// function every Crynux client uses to decide whether a task is sampled for
// group validation (protocol §2.6).
package ecvrf

import (
	"crypto/ecdsa"
	"errors"
)

// ProofSize is the length of an encoded proof: compressed Gamma (33) ‖ c (16) ‖ s (32).
const ProofSize = 81

// Prove returns the proof pi (81 bytes) and the output beta (32 bytes) of sk over alpha.
func Prove(sk *ecdsa.PrivateKey, alpha []byte) (pi []byte, beta []byte, err error) {
	return nil, nil, errors.New("ecvrf: not implemented")
}

// Verify checks pi against the public key and alpha and returns beta.
func Verify(pk *ecdsa.PublicKey, alpha, pi []byte) (beta []byte, err error) {
	return nil, errors.New("ecvrf: not implemented")
}

// SelectedForValidation reports whether beta, read as a big-endian uint256,
// is divisible by 10: the VSS contracts' rule for group validation.
func SelectedForValidation(beta []byte) bool {
	return false
}
