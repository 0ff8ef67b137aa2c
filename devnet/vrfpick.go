package devnet

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/ecvrf"
)

// HeadReader is what DrawCommitmentForPath needs from a chain client: the
// current head. *ethclient.Client, the in-process chain's client and
// Network.Backend satisfy it.
type HeadReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// MaxCommitmentDraws bounds how many nonces DrawCommitmentForPath tries. The
// group path comes up once in 10 draws on average (500 misses in a row have
// a probability of about 1e-23), so running out means something is wrong,
// e.g. a signer whose VRF output is not a real one.
const MaxCommitmentDraws = 500

// ErrNoCommitmentForPath is returned by DrawCommitmentForPath when no nonce
// out of MaxCommitmentDraws gave the wanted validation path.
var ErrNoCommitmentForPath = errors.New("devnet: no nonce gave the wanted validation path")

// PredictSamplingSeed returns the samplingSeed VSSTask.createTask stores for
// commitment when the transaction is included in the block whose parent is
// parentHash: keccak256(abi.encodePacked(blockhash(block.number-1), commitment))
// (protocol §2.4).
func PredictSamplingSeed(parentHash common.Hash, commitment [32]byte) [32]byte {
	return crypto.Keccak256Hash(parentHash[:], commitment[:])
}

// TaskCommitment returns keccak256(guid ‖ nonce), the task ID commitment of
// protocol §2.4.
func TaskCommitment(guid, nonce [32]byte) [32]byte {
	return crypto.Keccak256Hash(guid[:], nonce[:])
}

// DrawCommitmentForPath is a test helper that steers a task onto the
// validation path a test wants. It draws random nonces until the VRF of
// signer over the predicted samplingSeed of commitment = keccak256(guid ‖
// nonce) gives the wanted path: selected for group validation (wantGroup)
// iff beta % 10 == 0 (protocol §2.6).
//
// The prediction assumes that createTask is included in the block right
// after the head read here (PredictSamplingSeed of the head's hash). That
// holds on the auto-mined in-process chain and on geth --dev with period 0
// when the caller sends nothing else, and nobody else sends anything, in
// between. Other traffic can break it, so callers must compare
// getTask(commitment).samplingSeed with the seed the VRF is proved over (or
// prove again over the stored seed) and retry on a mismatch.
//
// signer must be the account that will send createTask (the VRF is the
// creator's) and must support ProveVRF.
func DrawCommitmentForPath(ctx context.Context, backend HeadReader, signer wallet.Signer, guid [32]byte, wantGroup bool) (nonce, commitment [32]byte, err error) {
	head, err := backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nonce, commitment, fmt.Errorf("devnet: read the chain head to predict the sampling seed: %w", err)
	}
	parent := head.Hash()
	for range MaxCommitmentDraws {
		if err := ctx.Err(); err != nil {
			return nonce, commitment, err
		}
		if _, err := rand.Read(nonce[:]); err != nil {
			return nonce, commitment, fmt.Errorf("devnet: draw a nonce: %w", err)
		}
		commitment = TaskCommitment(guid, nonce)
		seed := PredictSamplingSeed(parent, commitment)
		_, beta, err := signer.ProveVRF(ctx, seed[:])
		if err != nil {
			return nonce, commitment, fmt.Errorf("devnet: VRF proof over the predicted sampling seed: %w", err)
		}
		if ecvrf.SelectedForValidation(beta) == wantGroup {
			return nonce, commitment, nil
		}
	}
	return [32]byte{}, [32]byte{}, fmt.Errorf("%w (group=%v) after %d draws", ErrNoCommitmentForPath, wantGroup, MaxCommitmentDraws)
}
