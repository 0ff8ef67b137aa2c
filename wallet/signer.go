// Package wallet holds keys and everything that leaves the process signed:
// transactions, raw digests for Relay authentication, the 64-byte public key
// the task contract checks, and the ECVRF proof that decides group validation.
package wallet

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/crynux-go/crynux/wallet/ecvrf"
)

// Signer signs everything the Crynux protocol needs from an account.
//
// Implementations must be safe for concurrent use. A backend that cannot
// perform an operation (an external signer holds no key, so it cannot make a
// VRF proof) returns an *UnsupportedError.
type Signer interface {
	// Address is the account's address.
	Address() common.Address
	// SignTx signs tx for chainID (EIP-155 legacy or EIP-1559 dynamic fee).
	SignTx(ctx context.Context, tx *types.Transaction, chainID *big.Int) (*types.Transaction, error)
	// SignDigest signs a raw 32-byte digest with no EIP-191 prefix and returns
	// the 65-byte signature [R ‖ S ‖ V] with V ∈ {0, 1} (Relay auth, protocol §3.2).
	SignDigest(ctx context.Context, digest []byte) ([]byte, error)
	// PublicKey returns the 64-byte uncompressed public key X ‖ Y (no 0x04 prefix).
	PublicKey(ctx context.Context) ([]byte, error)
	// ProveVRF returns the ECVRF-SECP256K1-SHA256-TAI proof (81 bytes) and
	// output beta (32 bytes) over alpha (the task's samplingSeed).
	ProveVRF(ctx context.Context, alpha []byte) (pi []byte, beta []byte, err error)
}

// UnsupportedError is returned by a Signer whose backend cannot perform Op.
type UnsupportedError struct {
	Op      string // "SignDigest", "PublicKey", "ProveVRF", …
	Backend string // the backend that refused, e.g. "external signer (clef)"
	Hint    string // which backend can do it
}

func (e *UnsupportedError) Error() string {
	msg := fmt.Sprintf("wallet: %s is not supported by the %s backend", e.Op, e.Backend)
	if e.Hint != "" {
		msg += ": " + e.Hint
	}
	return msg
}

// KeySigner signs with a private key held in memory. It supports every
// operation of Signer. Create one with NewKeySigner or a key source.
type KeySigner struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

var _ Signer = (*KeySigner)(nil)

// NewKeySigner returns a Signer for key.
func NewKeySigner(key *ecdsa.PrivateKey) *KeySigner {
	return &KeySigner{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Address implements Signer.
func (s *KeySigner) Address() common.Address { return s.addr }

// SignTx implements Signer.
func (s *KeySigner) SignTx(ctx context.Context, tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(chainID), s.key)
	if err != nil {
		return nil, fmt.Errorf("wallet: sign transaction for %s: %w", s.addr, err)
	}
	return signed, nil
}

// SignDigest implements Signer.
func (s *KeySigner) SignDigest(ctx context.Context, digest []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(digest) != 32 {
		return nil, fmt.Errorf("wallet: digest must be 32 bytes, got %d", len(digest))
	}
	sig, err := crypto.Sign(digest, s.key)
	if err != nil {
		return nil, fmt.Errorf("wallet: sign digest for %s: %w", s.addr, err)
	}
	return sig, nil
}

// PublicKey implements Signer.
func (s *KeySigner) PublicKey(context.Context) ([]byte, error) {
	return crypto.FromECDSAPub(&s.key.PublicKey)[1:], nil
}

// ProveVRF implements Signer.
func (s *KeySigner) ProveVRF(ctx context.Context, alpha []byte) ([]byte, []byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return ecvrf.Prove(s.key, alpha)
}

// PrivateKey exposes the key for code that must hand it to go-ethereum APIs
// (keystore export). Never log it.
func (s *KeySigner) PrivateKey() *ecdsa.PrivateKey { return s.key }
