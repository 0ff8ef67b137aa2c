package sdk_test

import (
	"archive/zip"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// devnetNetwork is the sdk.Network of a local devnet.
func devnetNetwork(dn *devnet.Network) sdk.Network {
	c := dn.Config
	return sdk.Network{Name: c.Name, ChainID: c.ChainID, RPCURL: c.RPCURL, WSURL: c.WSURL, RelayURL: c.RelayURL,
		Schema: c.Schema, GPUName: c.GPUName, GPUVRAM: int(c.GPUVRAM), Contracts: sdk.Contracts(c.Contracts)}
}

// Fine-tune a LoRA from a Crynux Bridge request body, on the embedded local
// network (an in-process chain, a Relay and three simulated nodes). The seed
// request trains 100 steps per task up to 200 steps: two chained tasks.
func ExampleClient_Finetune() {
	ctx := context.Background()
	dn, err := devnet.Start(ctx, devnet.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer dn.Close()
	journal, err := os.MkdirTemp("", "crynux-journal-*")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(journal)

	client, err := sdk.Dial(ctx, devnetNetwork(dn), dn.Signer(0),
		sdk.WithJournalDir(journal), sdk.WithPollInterval(100*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	body, err := os.ReadFile("../examples/finetune/request.json")
	if err != nil {
		log.Fatal(err)
	}
	req, err := sdk.ParseFinetuneRequest(body) // gpu and task fee default to the network's and 15 CNX
	if err != nil {
		log.Fatal(err)
	}
	job, err := client.Finetune(ctx, *req)
	if err != nil {
		log.Fatal(err) // a *sdk.FieldError for bad input: nothing was sent
	}
	res, err := job.Wait(ctx)
	if err != nil {
		log.Fatal(err)
	}

	zr, err := zip.OpenReader(res.LoRAZip)
	if err != nil {
		log.Fatal(err)
	}
	defer zr.Close()
	files := map[string]bool{}
	for _, f := range zr.File {
		files[f.Name] = true
	}
	fmt.Println("chained tasks:", res.Rounds)
	fmt.Println("paid:", wallet.FormatCNX(res.Paid), "CNX")
	fmt.Println("LoRA weights:", files[sdk.LoRAWeightsFile])
	fmt.Println("finished:", files[sdk.FinishFile])
	// Output:
	// chained tasks: 2
	// paid: 30 CNX
	// LoRA weights: true
	// finished: true
}

// Follow the on-chain life of a task: the events come from the VSSTask
// contract's logs, each once and in chain order, across reconnects.
func ExampleClient_Subscribe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dn, err := devnet.Start(context.Background(), devnet.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer dn.Close()
	journal, err := os.MkdirTemp("", "crynux-journal-*")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(journal)
	client, err := sdk.Dial(ctx, devnetNetwork(dn), dn.Signer(0),
		sdk.WithJournalDir(journal), sdk.WithPollInterval(100*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	// Every task of this wallet from now on.
	sub, err := client.Subscribe(ctx, sdk.EventFilter{Mine: true, FromLatest: true})
	if err != nil {
		log.Fatal(err)
	}
	defer sub.Unsubscribe()

	body, err := os.ReadFile("../examples/finetune/request.json")
	if err != nil {
		log.Fatal(err)
	}
	req, err := sdk.ParseFinetuneRequest(body)
	if err != nil {
		log.Fatal(err)
	}
	req.MaxTrainSteps = req.NumTrainSteps // one task
	if _, err := client.Finetune(ctx, *req); err != nil {
		log.Fatal(err)
	}

	var first common.Hash
	for ev := range sub.Events() {
		if first == (common.Hash{}) {
			first = ev.Commitment
		}
		if ev.Commitment != first {
			continue // the other members of a validation group, if the VRF sampled the task
		}
		if ev.Status.Final() {
			fmt.Println("ended with a result:", ev.Status == sdk.StatusEndSuccess || ev.Status == sdk.StatusEndGroupSuccess)
			break
		}
		fmt.Println(ev.Name)
	}
	// Output:
	// TaskStarted
	// TaskParametersUploaded
	// TaskScoreReady
	// TaskValidated
	// ended with a result: true
}

// Load a network config file, such as `crynux devnet up --write-config` writes.
func ExampleLoadNetwork() {
	dir, err := os.MkdirTemp("", "crynux-network-*")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "network.json")
	config := `{
  "name": "devnet",
  "chain_id": 1337,
  "rpc_url": "http://127.0.0.1:8545",
  "ws_url": "ws://127.0.0.1:8546",
  "relay_url": "http://127.0.0.1:8080",
  "contracts": {
    "vss_task": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    "node": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"
  },
  "schema": "vss",
  "gpu_name": "NVIDIA GeForce RTX 4090",
  "gpu_vram": 24,
  "accounts": [{"address": "0x0000000000000000000000000000000000000001", "private_key": "0x01"}]
}`
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		log.Fatal(err)
	}

	network, err := sdk.LoadNetwork(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(network.Name, network.ChainID, network.Schema)
	fmt.Println("VSSTask:", network.Contracts.VSSTask.Hex())
	fmt.Println("GPU:", network.GPUName, network.GPUVRAM, "GB")

	// A config without a chain is refused, saying what to set.
	if err := os.WriteFile(path, []byte(`{"relay_url": "http://127.0.0.1:8080"}`), 0o600); err != nil {
		log.Fatal(err)
	}
	_, err = sdk.LoadNetwork(path)
	fmt.Println(err != nil)
	// Output:
	// devnet 1337 vss
	// VSSTask: 0x5FbDB2315678afecb367f032d93F642f64180aa3
	// GPU: NVIDIA GeForce RTX 4090 24 GB
	// true
}
