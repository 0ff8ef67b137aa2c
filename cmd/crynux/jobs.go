package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/crynux-go/crynux/sdk"
)

func (a *app) jobsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "jobs",
		Short: "List and resume journaled fine-tune jobs",
	}
	cmd.AddCommand(a.jobsListCommand(), a.jobsResumeCommand())
	return cmd
}

// journals opens the journal of the configured wallet, or, with no wallet
// configured, of every wallet found under the journal root.
func (a *app) journals() ([]*sdk.Journal, error) {
	root := a.journalDir()
	var want *common.Address
	if _, err := a.walletSource(); err == nil {
		addr, err := a.address()
		if err != nil {
			return nil, err
		}
		want = &addr
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read journal directory: %w", err)
	}
	var out []*sdk.Journal
	for _, e := range entries {
		if !e.IsDir() || !common.IsHexAddress(e.Name()) {
			continue
		}
		addr := common.HexToAddress(e.Name())
		if want != nil && addr != *want {
			continue
		}
		j, err := sdk.OpenJournal(root, addr)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, nil
}

func jobJSON(d sdk.JobDetail) map[string]any {
	tasks := make([]map[string]any, 0, len(d.Tasks))
	for _, t := range d.Tasks {
		m := map[string]any{"round": t.Round, "commitment": t.Commitment.Hex(), "created": t.Created, "fee_wei": weiString(t.Fee)}
		if t.Status != nil {
			m["status"] = t.Status.String()
		}
		if t.Node != (common.Address{}) {
			m["node"] = t.Node.Hex()
		}
		tasks = append(tasks, m)
	}
	m := map[string]any{
		"id": d.ID, "state": string(d.State), "creator": d.Creator.Hex(),
		"created_at": d.CreatedAt.UTC().Format(time.RFC3339), "deadline": d.Deadline.UTC().Format(time.RFC3339),
		"rounds": d.Rounds, "retries": d.Retries, "commitments": hashStrings(d.Commitments), "tasks": tasks,
		"gas_wei": weiString(d.Gas),
	}
	if d.LoRAZip != "" {
		m["lora_zip"] = d.LoRAZip
	}
	if d.Error != "" {
		m["error"] = d.Error
	}
	return m
}

func (a *app) jobsListCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the journaled jobs of the wallet (of every wallet when none is configured)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			journals, err := a.journals()
			if err != nil {
				return err
			}
			var all []sdk.JobDetail
			for _, j := range journals {
				jobs, err := j.Jobs()
				if err != nil {
					return err
				}
				all = append(all, jobs...)
			}
			if a.jsonOut {
				list := make([]map[string]any, 0, len(all))
				for _, d := range all {
					list = append(list, jobJSON(d))
				}
				a.emit(map[string]any{"journal": a.journalDir(), "jobs": list})
				return nil
			}
			if len(all) == 0 {
				a.printf("no jobs in %s\n", a.journalDir())
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTATE\tCREATED\tROUNDS\tLAST TASK\tSTATUS\tRESULT")
			for _, d := range all {
				last, status := "-", "-"
				if n := len(d.Tasks); n > 0 {
					last = d.Tasks[n-1].Commitment.Hex()
					if s := d.Tasks[n-1].Status; s != nil {
						status = s.String()
					}
				}
				result := d.LoRAZip
				if d.Error != "" {
					result = oneLine(d.Error)
				}
				if result == "" && d.State == sdk.JobRunning {
					result = "resume with `crynux jobs resume " + d.ID + "`"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", d.ID, d.State, d.CreatedAt.Local().Format("2006-01-02 15:04"),
					d.Rounds, last, status, result)
			}
			return tw.Flush()
		},
	}
}

func (a *app) jobsResumeCommand() *cobra.Command {
	var (
		out  string
		poll time.Duration
	)
	cmd := &cobra.Command{
		Use:   "resume [id]",
		Short: "Continue a journaled job (or every open job of the wallet) until it ends",
		Long: `Continue a job from where the journal says it stood (after a crash, Ctrl-C, or
` + "`crynux finetune`" + ` without --wait), following it until it ends. Without an id,
every open job of the wallet is resumed. --out copies the LoRA of a single job.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := a.network()
			if err != nil {
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
			var jobs []*sdk.Job
			if len(args) == 1 {
				if _, err := client.Journal().Job(args[0]); err != nil {
					if errors.Is(err, sdk.ErrJobNotFound) {
						return &usageError{err: err}
					}
					return err
				}
				j, err := client.ResumeJob(ctx, args[0])
				if err != nil {
					return err
				}
				jobs = append(jobs, j)
			} else {
				if jobs, err = client.Resume(ctx); err != nil {
					return err
				}
				if len(jobs) == 0 {
					if a.jsonOut {
						a.emit(map[string]any{"resumed": []string{}})
					} else {
						a.printf("no open jobs for %s in %s\n", signer.Address().Hex(), filepath.Dir(client.Journal().Dir()))
					}
					return nil
				}
				if out != "" && len(jobs) > 1 {
					a.notef("--out ignored: %d jobs resumed (each LoRA stays in its journal directory)\n", len(jobs))
				}
			}
			ids := make([]string, len(jobs))
			for i, j := range jobs {
				ids[i] = j.ID()
			}
			a.notef("resumed %s\n", strings.Join(ids, ", "))
			return a.follow(ctx, jobs, out)
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "copy the LoRA zip of the resumed job here")
	cmd.Flags().DurationVar(&poll, "poll-interval", 0, "how often task state is read from the chain (default 1s, 200ms on a devnet)")
	return cmd
}
