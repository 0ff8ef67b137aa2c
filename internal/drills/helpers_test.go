// Package drills holds fault drills: a real local Crynux network is made to
// fail (geth restarted, the Relay restarted or sending 5xx, resets and
// truncated bodies, a hundred jobs at once, a reorganisation taking back a
// task's end, a transaction stuck underpriced) while the SDK works, and each
// drill asserts that nothing was lost and nothing doubled.
//
// Every drill takes under a minute and runs with `go test ./...` (the
// README's test command); scripts/bench.sh runs them again verbosely and
// prints their counts. A drill that needs geth skips when geth is missing,
// except under CI=true where it fails.
package drills

import (
	"context"
	"crypto/sha256"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// needGeth skips t when geth is not installed, except under CI=true.
func needGeth(t *testing.T) {
	t.Helper()
	if _, err := geth.Find(""); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skip(err.Error())
	}
}

func network(c devnet.Config) sdk.Network {
	return sdk.Network{Name: "devnet", ChainID: c.ChainID, RPCURL: c.RPCURL, WSURL: c.WSURL, RelayURL: c.RelayURL,
		Schema: c.Schema, GPUName: c.GPUName, GPUVRAM: int(c.GPUVRAM), Contracts: sdk.Contracts(c.Contracts)}
}

// request returns the example's request (two chained rounds), or with
// oneRound a request that finishes in one task.
func request(t *testing.T, oneRound bool) sdk.FinetuneRequest {
	body, err := os.ReadFile("../../examples/finetune/request.json")
	require.NoError(t, err)
	req, err := sdk.ParseFinetuneRequest(body)
	require.NoError(t, err)
	if oneRound {
		steps := *req.NumTrainSteps
		req.MaxTrainSteps = &steps
	}
	return *req
}

func fileHash(t *testing.T, path string) [32]byte {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	h := sha256.New()
	_, err = io.Copy(h, f)
	require.NoError(t, err)
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// relayCheckpoint downloads a task's checkpoint straight from the Relay (no
// proxy, no faults) and returns its hash: what the job's zip must equal.
func relayCheckpoint(t *testing.T, relayURL string, signer wallet.Signer, c common.Hash) [32]byte {
	cl, err := relay.New(relayURL, signer)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "direct.zip")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, cl.DownloadCheckpointToFile(ctx, c, path))
	return fileHash(t, path)
}

// senderTxs lists every transaction sent by from in blocks 0..head, in chain order.
func senderTxs(t *testing.T, be interface {
	BlockByNumber(context.Context, *big.Int) (*types.Block, error)
	BlockNumber(context.Context) (uint64, error)
}, chainID *big.Int, from common.Address) []*types.Transaction {
	ctx := context.Background()
	head, err := be.BlockNumber(ctx)
	require.NoError(t, err)
	signer := types.LatestSignerForChainID(chainID)
	var out []*types.Transaction
	for n := uint64(0); n <= head; n++ {
		b, err := be.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		require.NoError(t, err)
		for _, tx := range b.Transactions() {
			if s, err := types.Sender(signer, tx); err == nil && s == from {
				out = append(out, tx)
			}
		}
	}
	return out
}

// requireConsecutiveNonces asserts that txs use nonces 0..len-1, each once.
func requireConsecutiveNonces(t *testing.T, txs []*types.Transaction) {
	t.Helper()
	for i, tx := range txs {
		require.Equal(t, uint64(i), tx.Nonce(), "transaction %d (%s) has nonce %d: a gap or a double", i, tx.Hash(), tx.Nonce())
	}
}

// requireZipFromRelay asserts that the job's LoRA zip is byte-identical to
// the checkpoint the Relay holds for a succeeded task of the last round.
func requireZipFromRelay(t *testing.T, relayURL string, signer wallet.Signer, detail *sdk.JobDetail, res *sdk.Result) {
	t.Helper()
	got := fileHash(t, res.LoRAZip)
	var tried int
	for _, task := range detail.Tasks {
		if task.Round != res.Rounds-1 || task.Status == nil ||
			(*task.Status != sdk.StatusEndSuccess && *task.Status != sdk.StatusEndGroupSuccess) {
			continue
		}
		tried++
		if relayCheckpoint(t, relayURL, signer, task.Commitment) == got {
			return
		}
	}
	t.Fatalf("the job's zip %s matches none of the %d succeeded tasks' checkpoints on the Relay", res.LoRAZip, tried)
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, name)
	return n
}
