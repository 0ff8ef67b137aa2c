package relay_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
)

// A creator uploads the args of a task that reached Started on chain, then,
// once it ended in success, fetches the trained checkpoint to a file.
func Example() {
	key, err := crypto.HexToECDSA(os.Getenv("CRYNUX_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	cl, err := relay.New("https://vss.relay.crynux.ai", wallet.NewKeySigner(key),
		relay.WithRetry(8, time.Second, 30*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	commitment := common.HexToHash(os.Getenv("CRYNUX_TASK"))

	// nil checkpoint: a fresh run (task args "checkpoint": null).
	if _, err := cl.UploadTaskArgs(ctx, commitment, `{"model":{"name":"crynux-ai/stable-diffusion-v1-5"}}`, nil); err != nil {
		log.Fatal(err)
	}

	// ... wait for EndSuccess on chain ...

	err = cl.DownloadCheckpointToFile(ctx, commitment, "checkpoint.zip",
		relay.WithProgress(func(done, total int64) { fmt.Printf("\r%d/%d bytes", done, total) }))
	if err != nil {
		log.Fatal(err)
	}
}
