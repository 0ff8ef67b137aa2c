package sdk

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

// SetPickNonce installs the test hook that draws the nonce of the first task
// of every round the client creates from now on (nil restores crypto/rand).
func SetPickNonce(c *Client, f func(ctx context.Context, guid common.Hash) (common.Hash, error)) {
	c.pickNonce = f
}

// HeadReader is what SteerVRF needs from a chain client.
type HeadReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// SteerVRF returns a nonce picker for SetPickNonce that makes the VRF select
// the task for group validation (group true) or not (group false).
//
// The contract's sampling seed is keccak256(blockhash(block.number-1) ‖
// commitment) of the block that mines createTask (libs/VSS.sol), and the
// selection is ecvrf.SelectedForValidation(beta) of the creator's proof over
// that seed (protocol §2.6). The picker predicts the seed from the current
// head, assuming the createTask transaction goes into the very next block: on
// the devnet's auto-mined in-process chain, with nothing else being sent at
// that moment, it does. It then draws nonces until the proof over the
// predicted seed has the wanted outcome (one in ten draws selects). When the
// prediction misses (another transaction got mined first) the outcome is a
// fresh 10 % draw, so tests check the outcome through the job's events
// (EventGroupFormed) rather than trust the picker blindly.
func SteerVRF(chain HeadReader, signer wallet.Signer, group bool) func(ctx context.Context, guid common.Hash) (common.Hash, error) {
	return func(ctx context.Context, guid common.Hash) (common.Hash, error) {
		head, err := chain.HeaderByNumber(ctx, nil)
		if err != nil {
			return common.Hash{}, err
		}
		for range 1000 {
			var nonce common.Hash
			if _, err := rand.Read(nonce[:]); err != nil {
				return common.Hash{}, err
			}
			c := crypto.Keccak256Hash(guid[:], nonce[:])
			seed := crypto.Keccak256Hash(head.Hash().Bytes(), c[:])
			_, beta, err := signer.ProveVRF(ctx, seed[:])
			if err != nil {
				return common.Hash{}, fmt.Errorf("prove VRF: %w", err)
			}
			if ecvrf.SelectedForValidation(beta) == group {
				return nonce, nil
			}
		}
		return common.Hash{}, errors.New("no nonce with the wanted VRF outcome in 1000 draws")
	}
}
