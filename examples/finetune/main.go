// Command finetune runs one Stable Diffusion LoRA fine-tune on Crynux, on
// chain, and writes the trained LoRA to finetuned_model.zip: the three steps
// of a Bridge client (create, watch the status, download the result) without
// a Bridge.
//
// With no flags it starts the embedded local network (an in-process chain,
// a Relay and three simulated nodes) and uses one of its funded accounts:
//
//	go run ./examples/finetune
//
// Against any network, give its config file (as written by `crynux devnet up
// --write-config`) or its URLs and addresses, and a key:
//
//	CRYNUX_PRIVATE_KEY=0x... go run ./examples/finetune \
//	    -rpc https://... -relay https://... -vss-task 0x... -node-contract 0x...
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

func main() {
	var (
		request    = flag.String("request", "examples/finetune/request.json", "fine-tune request in the Crynux Bridge's JSON format")
		out        = flag.String("out", "finetuned_model.zip", "where to write the trained LoRA zip")
		network    = flag.String("network", os.Getenv("CRYNUX_NETWORK"), "network config JSON (env CRYNUX_NETWORK); empty with no -rpc: start the embedded devnet")
		rpcURL     = flag.String("rpc", os.Getenv("CRYNUX_RPC_URL"), "chain JSON-RPC URL (env CRYNUX_RPC_URL)")
		relayURL   = flag.String("relay", os.Getenv("CRYNUX_RELAY_URL"), "Relay URL (env CRYNUX_RELAY_URL)")
		vssTask    = flag.String("vss-task", os.Getenv("CRYNUX_VSS_TASK"), "VSSTask contract address (env CRYNUX_VSS_TASK)")
		nodeAddr   = flag.String("node-contract", os.Getenv("CRYNUX_NODE_CONTRACT"), "Node contract address (env CRYNUX_NODE_CONTRACT)")
		keyEnv     = flag.String("key-env", "CRYNUX_PRIVATE_KEY", "environment variable holding the hex private key")
		keystore   = flag.String("keystore", os.Getenv("CRYNUX_KEYSTORE"), "keystore file to unlock instead (passphrase from CRYNUX_PASSPHRASE_FILE)")
		journalDir = flag.String("journal", "", "journal directory (default: the SDK's)")
	)
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *request, *out, *network, *rpcURL, *relayURL, *vssTask, *nodeAddr, *keyEnv, *keystore, *journalDir); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, requestPath, out, networkPath, rpcURL, relayURL, vssTask, nodeAddr, keyEnv, keystore, journalDir string) error {
	body, err := os.ReadFile(requestPath)
	if err != nil {
		return err
	}
	req, err := sdk.ParseFinetuneRequest(body)
	if err != nil {
		return err
	}

	var (
		net    sdk.Network
		signer wallet.Signer
		opts   []sdk.Option
	)
	switch {
	case networkPath != "" || rpcURL != "":
		if networkPath != "" {
			if net, err = sdk.LoadNetwork(networkPath); err != nil {
				return err
			}
		} else {
			net = sdk.Network{RPCURL: rpcURL, RelayURL: relayURL, Contracts: sdk.Contracts{
				VSSTask: common.HexToAddress(vssTask), Node: common.HexToAddress(nodeAddr)}}
		}
		if keystore != "" {
			pass, err := os.ReadFile(os.Getenv("CRYNUX_PASSPHRASE_FILE"))
			if err != nil {
				return fmt.Errorf("read the keystore passphrase from the file named by CRYNUX_PASSPHRASE_FILE: %w", err)
			}
			if signer, err = wallet.FromKeystore(keystore, string(trimNewline(pass))); err != nil {
				return err
			}
		} else if signer, err = wallet.FromEnv(keyEnv); err != nil {
			return err
		}
	default:
		fmt.Println("starting the embedded local Crynux network (in-process chain, Relay, 3 nodes)...")
		dn, err := devnet.Start(ctx, devnet.Options{})
		if err != nil {
			return err
		}
		defer dn.Close()
		net = sdk.Network{Name: "devnet", ChainID: dn.Config.ChainID, RPCURL: dn.Config.RPCURL, WSURL: dn.Config.WSURL,
			RelayURL: dn.Config.RelayURL, Schema: dn.Config.Schema, GPUName: dn.Config.GPUName, GPUVRAM: int(dn.Config.GPUVRAM),
			Contracts: sdk.Contracts(dn.Config.Contracts)}
		signer = dn.Signer(0)
		opts = append(opts, sdk.WithPollInterval(100*time.Millisecond))
		if journalDir == "" {
			dir, err := os.MkdirTemp("", "crynux-example-journal-*")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			journalDir = dir
		}
	}
	if journalDir != "" {
		opts = append(opts, sdk.WithJournalDir(journalDir))
	}

	client, err := sdk.Dial(ctx, net, signer, opts...)
	if err != nil {
		return err
	}
	defer client.Close()
	fmt.Printf("wallet %s on %s\n", signer.Address().Hex(), net.RPCURL)

	// 1. Create the task (journaled first, then createTask on chain).
	job, err := client.Finetune(ctx, *req)
	if err != nil {
		return err
	}
	fmt.Println("job", job.ID())

	// 2. Follow its status.
	start := time.Now()
	for ev := range job.Events() {
		fmt.Printf("[%6.1fs] %s\n", time.Since(start).Seconds(), ev)
	}
	res, err := job.Wait(ctx)
	if err != nil {
		return err
	}

	// 3. Download: the job already fetched and verified the LoRA zip.
	if err := copyFile(res.LoRAZip, out); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d chained tasks, paid %s CNX, refunded %s CNX, gas %s CNX)\n", out, res.Rounds,
		wallet.FormatCNX(res.Paid), wallet.FormatCNX(res.Refunded), wallet.FormatCNX(res.Gas))
	return nil
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	o, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(o, in); err != nil {
		o.Close()
		return err
	}
	return o.Close()
}
