// Command crynux creates Stable Diffusion LoRA fine-tune tasks on the Crynux
// network directly on chain, follows them, and fetches their results; it also
// runs a local Crynux network (devnet) and manages wallets.
//
//	crynux devnet up --write-config devnet.json
//	export CRYNUX_NETWORK=devnet.json CRYNUX_PRIVATE_KEY=0x…   # a devnet test key
//	crynux finetune --config request.json --wait --out finetuned_model.zip
//
// Exit codes: 0 ok, 1 failure, 2 usage or invalid input, 3 insufficient
// funds, 4 task aborted or deadline passed (refunds reported), 5 network
// unreachable. With --json, output is one JSON object per line on stdout,
// errors included ({"error": "...", "code": N, ...}).
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the CLI with args and returns the process exit code.
func run(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := newApp(stdin, stdout, stderr, stop)
	root := a.rootCommand()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	return a.report(err)
}
