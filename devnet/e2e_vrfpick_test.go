package devnet_test

import (
	"context"
	"crypto/sha256"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
)

// fixedHead is a chain whose head never moves.
type fixedHead struct{ h *types.Header }

func (f fixedHead) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) { return f.h, nil }

// neverSelected is a signer whose VRF output is never divisible by 10.
type neverSelected struct{ *wallet.KeySigner }

func (s neverSelected) ProveVRF(context.Context, []byte) ([]byte, []byte, error) {
	beta := make([]byte, 32)
	beta[31] = 1
	return make([]byte, ecvrf.ProofSize), beta, nil
}

func TestDrawCommitmentForPath(t *testing.T) {
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	signer := wallet.NewKeySigner(key)
	head := fixedHead{&types.Header{Number: big.NewInt(41), Extra: []byte("e2e")}}
	guid := sha256.Sum256([]byte("guid"))
	for _, wantGroup := range []bool{true, false} {
		nonce, c, err := devnet.DrawCommitmentForPath(ctx, head, signer, guid, wantGroup)
		require.NoError(t, err)
		require.Equal(t, [32]byte(crypto.Keccak256Hash(guid[:], nonce[:])), c, "c = keccak256(guid ‖ nonce)")
		seed := crypto.Keccak256Hash(head.h.Hash().Bytes(), c[:])
		require.Equal(t, [32]byte(seed), devnet.PredictSamplingSeed(head.h.Hash(), c))
		pi, _, err := signer.ProveVRF(ctx, seed[:])
		require.NoError(t, err)
		beta, err := ecvrf.Verify(&key.PublicKey, seed[:], pi)
		require.NoError(t, err)
		require.Equal(t, wantGroup, ecvrf.SelectedForValidation(beta), "group=%v", wantGroup)
	}

	_, _, err = devnet.DrawCommitmentForPath(ctx, head, neverSelected{signer}, guid, true)
	require.ErrorIs(t, err, devnet.ErrNoCommitmentForPath)
}
