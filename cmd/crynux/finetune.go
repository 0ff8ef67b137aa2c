package main

import (
	"context"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

func (a *app) finetuneCommand() *cobra.Command {
	var (
		requestPath string
		wait        bool
		out         string
		poll        time.Duration
	)
	cmd := &cobra.Command{
		Use:   "finetune --config request.json [--wait] [--out finetuned_model.zip]",
		Short: "Create a LoRA fine-tune job from a Crynux Bridge request body",
		Long: `Create a Stable Diffusion LoRA fine-tune job. The request file is the JSON body
of the Crynux Bridge's POST /v1/images/models, as is (plus the optional on-chain
fields task_fee, gpu_name, gpu_vram, task_version, task_args_schema). It is
validated completely before anything is sent or paid.

The job runs inside this process and is journaled on disk before any
transaction. Without --wait the command returns once the first task is created
on chain: continue the job with ` + "`crynux jobs resume <id>`" + ` (the task needs its
creator to upload the args and to validate, so resume it soon). With --wait it
follows the job to its end and copies the trained LoRA zip to --out.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if requestPath == "" {
				return usageErrorf("--config request.json is required")
			}
			body, err := os.ReadFile(requestPath)
			if err != nil {
				return usageErrorf("read request: %v", err)
			}
			req, err := sdk.ParseFinetuneRequest(body)
			if err != nil {
				return &usageError{err: err}
			}
			n, err := a.network()
			if err != nil {
				return err
			}
			if err := checkRequest(*req, n); err != nil {
				return err
			}
			signer, err := a.signer()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			client, err := a.dial(ctx, n, signer, sdk.WithPollInterval(pollInterval(n, poll)))
			if err != nil {
				return err
			}
			defer client.Close()
			job, err := client.Finetune(ctx, *req)
			if err != nil {
				return err
			}
			if !wait {
				return a.waitCreated(ctx, job)
			}
			a.notef("job %s started (wallet %s); Ctrl-C leaves it in the journal for `crynux jobs resume %s`\n",
				job.ID(), signer.Address().Hex(), job.ID())
			return a.follow(ctx, []*sdk.Job{job}, out)
		},
	}
	f := cmd.Flags()
	f.StringVar(&requestPath, "config", "", "fine-tune request JSON (the Crynux Bridge request body)")
	f.BoolVar(&wait, "wait", false, "follow the job to its end and write the LoRA to --out")
	f.StringVar(&out, "out", "finetuned_model.zip", "where --wait writes the trained LoRA zip")
	f.DurationVar(&poll, "poll-interval", 0, "how often task state is read from the chain (default 1s, 200ms on a devnet)")
	return cmd
}

// checkRequest validates req as Client.Finetune will, with the network's
// defaults, so that bad input fails before a passphrase prompt or a dial.
func checkRequest(req sdk.FinetuneRequest, n sdk.Network) error {
	if req.GPUName == "" && req.GPUVRAM == 0 && n.GPUName != "" {
		req.GPUName, req.GPUVRAM = n.GPUName, n.GPUVRAM
	}
	if req.TaskFee == "" {
		req.TaskFee = sdk.DefaultFinetuneTaskFee
	}
	if req.TaskArgsSchema == nil {
		s := n.Schema
		if s == "" {
			s = sdk.DefaultFinetuneTaskArgsSchema
		}
		req.TaskArgsSchema = &s
	}
	return req.Validate()
}

// waitCreated returns once the job's first task is on chain (and journaled).
func (a *app) waitCreated(ctx context.Context, job *sdk.Job) error {
	for {
		select {
		case <-ctx.Done():
			return &interruptedError{jobIDs: []string{job.ID()}}
		case ev, ok := <-job.Events():
			if !ok || ev.Kind == sdk.EventDone {
				res, err := job.Wait(ctx)
				if err != nil {
					return &jobError{jobID: job.ID(), res: res, err: err}
				}
				a.printResult(res, "")
				return nil
			}
			if ev.Kind != sdk.EventCreated {
				continue
			}
			if a.jsonOut {
				a.emit(map[string]any{"job_id": job.ID(), "state": string(sdk.JobRunning), "commitment": ev.Commitment.Hex(),
					"fee_wei": weiString(ev.Fee), "resume": "crynux jobs resume " + job.ID()})
			} else {
				a.printf("job %s\ntask %s created (fee %s CNX)\n", job.ID(), ev.Commitment.Hex(), wallet.FormatCNX(ev.Fee))
			}
			a.notef("The job continues only while a crynux process runs it: `crynux jobs resume %s` (soon: the task needs its args and validation).\n", job.ID())
			return nil
		}
	}
}
