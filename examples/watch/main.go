// Command watch prints the state changes of every task of a wallet as they
// happen on chain, from a starting block, across reconnects.
//
// With no flags it starts the embedded local network, runs one fine-tune in
// the background and watches it:
//
//	go run ./examples/watch
//
// Against a network (config file as written by `crynux devnet up --write-config`):
//
//	CRYNUX_PRIVATE_KEY=0x... go run ./examples/watch -network net.json -from 0
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

func main() {
	network := flag.String("network", os.Getenv("CRYNUX_NETWORK"), "network config JSON; empty: the embedded devnet")
	from := flag.Uint64("from", 0, "first block to deliver events from")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *network, *from); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, networkPath string, from uint64) error {
	var (
		net    sdk.Network
		signer wallet.Signer
		demo   bool
		err    error
	)
	if networkPath != "" {
		if net, err = sdk.LoadNetwork(networkPath); err != nil {
			return err
		}
		if signer, err = wallet.FromEnv("CRYNUX_PRIVATE_KEY"); err != nil {
			return err
		}
	} else {
		dn, err := devnet.Start(ctx, devnet.Options{})
		if err != nil {
			return err
		}
		defer dn.Close()
		net = sdk.Network{ChainID: dn.Config.ChainID, RPCURL: dn.Config.RPCURL, WSURL: dn.Config.WSURL,
			RelayURL: dn.Config.RelayURL, Contracts: sdk.Contracts(dn.Config.Contracts), Schema: dn.Config.Schema,
			GPUName: dn.Config.GPUName, GPUVRAM: int(dn.Config.GPUVRAM)}
		signer, demo = dn.Signer(0), true
	}
	journal, err := os.MkdirTemp("", "crynux-watch-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(journal)
	client, err := sdk.Dial(ctx, net, signer, sdk.WithJournalDir(journal), sdk.WithPollInterval(200*time.Millisecond))
	if err != nil {
		return err
	}
	defer client.Close()

	// Every task of this wallet, from block `from` on.
	sub, err := client.Subscribe(ctx, sdk.EventFilter{Mine: true, From: sdk.Cursor{Block: from}})
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()
	fmt.Printf("watching the tasks of %s from block %d\n", signer.Address().Hex(), from)

	var job *sdk.Job
	if demo {
		req, err := sdk.ParseFinetuneRequest([]byte(`{"model_name":"crynux-network/stable-diffusion-v1-5",
			"dataset_name":"lambdalabs/naruto-blip-captions","validation_num_images":1,"num_train_steps":10,"max_train_steps":10}`))
		if err != nil {
			return err
		}
		if job, err = client.Finetune(ctx, *req); err != nil {
			return err
		}
	}
	for {
		select {
		case ev, ok := <-sub.Events():
			if !ok {
				return <-sub.Err()
			}
			removed := ""
			if ev.Removed {
				removed = " (removed by a reorg)"
			}
			fmt.Printf("block %d  %-24s task %s  -> %s%s\n", ev.Block, ev.Name, ev.Commitment.Hex()[:18], ev.Status, removed)
			if demo && ev.Status.Final() {
				if _, err := job.Wait(ctx); err != nil {
					return err
				}
				return nil
			}
		case <-ctx.Done():
			return nil
		}
	}
}
