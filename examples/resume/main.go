// Command resume shows crash safety: a fine-tune job is started by a child
// process that is killed (SIGKILL) right after its first task is created;
// the parent then calls Client.Resume with the same journal and the job
// finishes, with no fee lost.
//
//	go run ./examples/resume
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

const childEnv = "CRYNUX_RESUME_EXAMPLE_CHILD"

type childConfig struct {
	Network sdk.Network `json:"network"`
	Key     string      `json:"key"`
	Journal string      `json:"journal"`
}

const request = `{"model_name":"crynux-network/stable-diffusion-v1-5","dataset_name":"lambdalabs/naruto-blip-captions",
"validation_num_images":2,"num_train_steps":50,"max_train_steps":100}`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	if cfg := os.Getenv(childEnv); cfg != "" {
		err = child(ctx, cfg)
	} else {
		err = parent(ctx)
	}
	if err != nil {
		log.Fatal(err)
	}
}

// child starts the job and kills itself once the first task exists on chain.
func child(ctx context.Context, raw string) error {
	var cfg childConfig
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		return err
	}
	signer, err := wallet.FromHex(cfg.Key)
	if err != nil {
		return err
	}
	client, err := sdk.Dial(ctx, cfg.Network, signer, sdk.WithJournalDir(cfg.Journal), sdk.WithPollInterval(100*time.Millisecond))
	if err != nil {
		return err
	}
	req, err := sdk.ParseFinetuneRequest([]byte(request))
	if err != nil {
		return err
	}
	job, err := client.Finetune(ctx, *req)
	if err != nil {
		return err
	}
	for ev := range job.Events() {
		fmt.Println("child:", ev.Kind, ev.Commitment.Hex())
		if ev.Kind == sdk.EventStarted {
			fmt.Println("child: killing myself now")
			return syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
	return nil
}

func parent(ctx context.Context) error {
	dn, err := devnet.Start(ctx, devnet.Options{})
	if err != nil {
		return err
	}
	defer dn.Close()
	journal, err := os.MkdirTemp("", "crynux-resume-example-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(journal)
	net := sdk.Network{ChainID: dn.Config.ChainID, RPCURL: dn.Config.RPCURL, WSURL: dn.Config.WSURL,
		RelayURL: dn.Config.RelayURL, Contracts: sdk.Contracts(dn.Config.Contracts), Schema: dn.Config.Schema,
		GPUName: dn.Config.GPUName, GPUVRAM: int(dn.Config.GPUVRAM)}
	cfg, _ := json.Marshal(childConfig{Network: net, Key: dn.Config.Accounts[0].PrivateKey, Journal: journal})

	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), childEnv+"="+string(cfg))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err = cmd.Run()
	fmt.Println("parent: child ended:", err)

	client, err := sdk.Dial(ctx, net, dn.Signer(0), sdk.WithJournalDir(journal), sdk.WithPollInterval(100*time.Millisecond))
	if err != nil {
		return err
	}
	defer client.Close()
	jobs, err := client.Resume(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("parent: resuming %d job(s)\n", len(jobs))
	for _, job := range jobs {
		res, err := job.Wait(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("parent: job %s done: %s (%d tasks, paid %s CNX, refunded %s CNX)\n", job.ID(), res.LoRAZip,
			len(res.Commitments), wallet.FormatCNX(res.Paid), wallet.FormatCNX(res.Refunded))
	}
	return nil
}
