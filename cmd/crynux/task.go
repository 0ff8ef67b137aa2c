package main

import (
	"fmt"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

func (a *app) taskCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "task",
		Short: "Inspect, follow, download and cancel single on-chain tasks",
	}
	cmd.AddCommand(a.taskStatusCommand(), a.taskWatchCommand(), a.taskDownloadCommand(), a.taskCancelCommand())
	return cmd
}

func timeJSON(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func taskJSON(t *sdk.TaskInfo) map[string]any {
	m := map[string]any{
		"commitment": t.Commitment.Hex(), "status": t.Status.String(), "final": t.Status.Final(),
		"creator": t.Creator.Hex(), "fee_wei": weiString(t.Fee), "fee_cnx": wallet.FormatCNX(t.Fee),
		"sequence": weiString(t.Sequence), "timeout_seconds": int64(t.Timeout / time.Second),
		"model_ids": t.ModelIDs, "required_gpu": t.RequiredGPU, "required_gpu_vram": t.RequiredGPUVRAM,
		"minimum_vram": t.MinimumVRAM, "task_version": t.TaskVersion,
		"created_at": timeJSON(t.CreatedAt), "started_at": timeJSON(t.StartedAt),
		"score_ready_at": timeJSON(t.ScoreReadyAt),
	}
	if !t.Status.Final() {
		m["abortable_at"] = timeJSON(t.AbortableAt())
	}
	if t.Node != (common.Address{}) {
		m["node"] = t.Node.Hex()
	}
	if t.Status == sdk.StatusEndAborted {
		m["abort_reason"] = t.AbortReason.String()
	}
	if t.Status == sdk.StatusErrorReported || t.ErrorCode != 0 {
		m["error_code"] = t.ErrorCode
	}
	var pays []map[string]any
	for _, p := range t.Payments {
		pays = append(pays, map[string]any{"address": p.Address.Hex(), "amount_wei": weiString(p.Amount)})
	}
	if pays != nil {
		m["payments"] = pays
	}
	return m
}

func (a *app) taskStatusCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "status <commitment>",
		Short: "Print a task's on-chain status, node, fee and timestamps",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := parseCommitment(args[0])
			if err != nil {
				return err
			}
			n, err := a.network()
			if err != nil {
				return err
			}
			client, cleanup, err := a.dialReadOnly(cmd.Context(), n)
			if err != nil {
				return err
			}
			defer cleanup()
			t, err := client.Task(cmd.Context(), c)
			if err != nil {
				return err
			}
			if a.jsonOut {
				a.emit(taskJSON(t))
				return nil
			}
			a.printf("task        %s\n", t.Commitment.Hex())
			a.printf("status      %s", t.Status)
			if t.Status == sdk.StatusEndAborted {
				a.printf(" (reason %s)", t.AbortReason)
			}
			if t.Status == sdk.StatusErrorReported {
				a.printf(" (error %d)", t.ErrorCode)
			}
			a.printf("\ncreator     %s\n", t.Creator.Hex())
			if t.Node != (common.Address{}) {
				a.printf("node        %s\n", t.Node.Hex())
			}
			a.printf("fee         %s CNX\n", wallet.FormatCNX(t.Fee))
			a.printf("GPU         %s (%d GB), task version %s\n", t.RequiredGPU, t.RequiredGPUVRAM, t.TaskVersion)
			for _, row := range []struct {
				name string
				t    time.Time
			}{{"created", t.CreatedAt}, {"started", t.StartedAt}, {"score ready", t.ScoreReadyAt}} {
				if !row.t.IsZero() {
					a.printf("%-11s %s\n", row.name, row.t.Local().Format(time.RFC3339))
				}
			}
			if at := t.AbortableAt(); !at.IsZero() && !t.Status.Final() {
				a.printf("abortable   after %s (timeout %s)\n", at.Local().Format(time.RFC3339), t.Timeout)
			}
			for _, p := range t.Payments {
				a.printf("paid        %s CNX to %s\n", wallet.FormatCNX(p.Amount), p.Address.Hex())
			}
			return nil
		},
	}
}

func (a *app) taskWatchCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "watch <commitment>...",
		Short: "Print the tasks' on-chain events until they all end (or Ctrl-C)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var cs []common.Hash
			for _, s := range args {
				c, err := parseCommitment(s)
				if err != nil {
					return err
				}
				cs = append(cs, c)
			}
			n, err := a.network()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			client, cleanup, err := a.dialReadOnly(ctx, n)
			if err != nil {
				return err
			}
			defer cleanup()
			// Subscribe first, then read the current state: an event in
			// between is seen twice at worst, never missed.
			sub, err := client.Subscribe(ctx, sdk.EventFilter{Commitments: cs, FromLatest: true})
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
			defer sub.Unsubscribe()
			status := map[common.Hash]sdk.TaskStatus{}
			open := 0
			for _, c := range cs {
				t, err := client.Task(ctx, c)
				if err != nil {
					if ctx.Err() != nil {
						return nil
					}
					return err
				}
				status[c] = t.Status
				if !t.Status.Final() {
					open++
				}
				if a.jsonOut {
					a.emit(map[string]any{"commitment": c.Hex(), "event": "current", "status": t.Status.String(), "final": t.Status.Final()})
				} else {
					a.printf("%s  %-12s %s%s\n", time.Now().Format("15:04:05"), "current", c.Hex(), " "+t.Status.String())
				}
			}
			for open > 0 {
				select {
				case <-ctx.Done():
					return nil
				case err := <-sub.Err():
					if err != nil {
						return fmt.Errorf("task event subscription: %w", err)
					}
					return nil
				case ev, ok := <-sub.Events():
					if !ok {
						return nil
					}
					prev := status[ev.Commitment]
					// Statuses only grow along every path of the state machine:
					// an older status is an event seen again after the read above.
					if !ev.Removed && (ev.Status < prev || (ev.Status == prev && prev.Final())) {
						continue
					}
					if !ev.Removed {
						if !prev.Final() && ev.Status.Final() {
							open--
						}
						status[ev.Commitment] = ev.Status
					}
					a.printTaskEvent(ev)
				}
			}
			return nil
		},
	}
}

func (a *app) printTaskEvent(ev sdk.TaskEvent) {
	if a.jsonOut {
		m := map[string]any{"commitment": ev.Commitment.Hex(), "event": ev.Name, "status": ev.Status.String(),
			"final": ev.Status.Final(), "block": ev.Block, "log_index": ev.LogIndex, "tx": ev.TxHash.Hex()}
		if ev.Node != (common.Address{}) {
			m["node"] = ev.Node.Hex()
		}
		if ev.Name == "TaskEndAborted" {
			m["abort_reason"] = ev.Reason.String()
			m["abort_issuer"] = ev.Issuer.Hex()
		}
		if ev.Name == "TaskErrorReported" {
			m["error_code"] = ev.ErrorCode
		}
		if ev.Removed {
			m["removed"] = true
		}
		a.emit(m)
		return
	}
	line := fmt.Sprintf("%s  %-22s %s %s", time.Now().Format("15:04:05"), ev.Name, ev.Commitment.Hex(), ev.Status)
	if ev.Node != (common.Address{}) {
		line += " node " + ev.Node.Hex()
	}
	if ev.Name == "TaskEndAborted" {
		line += " reason " + ev.Reason.String()
	}
	if ev.Removed {
		line += " (removed by a reorg)"
	}
	a.printf("%s  block %d\n", line, ev.Block)
}

func (a *app) taskDownloadCommand() *cobra.Command {
	var (
		out   string
		index int
	)
	cmd := &cobra.Command{
		Use:   "download <commitment> [--out FILE] [--index i]",
		Short: "Download a successful task's checkpoint zip (or validation image i) from the Relay",
		Long: `Download a task's result from the Relay, signed by the configured wallet (the
task's creator). Without --index it fetches the checkpoint zip; with --index i
the i-th validation image. An interrupted download resumes from FILE.part.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := parseCommitment(args[0])
			if err != nil {
				return err
			}
			image := cmd.Flags().Changed("index")
			if image && index < 0 {
				return usageErrorf("--index must be ≥ 0")
			}
			if out == "" {
				if image {
					out = fmt.Sprintf("%s-image-%d.png", c.Hex()[:10], index)
				} else {
					out = c.Hex()[:10] + "-checkpoint.zip"
				}
			}
			ctx := cmd.Context()
			client, err := a.walletClient(ctx)
			if err != nil {
				return err
			}
			defer client.Close()
			t, err := client.Task(ctx, c)
			if err != nil {
				return err
			}
			switch t.Status {
			case sdk.StatusValidated, sdk.StatusGroupValidated, sdk.StatusEndSuccess, sdk.StatusEndGroupSuccess:
			default:
				return fmt.Errorf("task %s is %s: results are on the Relay only once it was validated or succeeded", c.Hex(), t.Status)
			}
			if image && t.Score != nil && index >= len(t.Score)/8 {
				return usageErrorf("--index %d: the task has %d validation images (0..%d)", index, len(t.Score)/8, len(t.Score)/8-1)
			}
			var bar *progressbar.ProgressBar
			progress := relay.WithProgress(func(done, total int64) {
				if !a.stderrIsTerminal() {
					return
				}
				if bar == nil {
					bar = newBar(a.stderr, total, "download "+out)
				}
				if total > 0 {
					bar.ChangeMax64(total)
				}
				_ = bar.Set64(done)
			})
			if image {
				err = client.Relay().DownloadResultToFile(ctx, c, index, out, progress)
			} else {
				err = client.Relay().DownloadCheckpointToFile(ctx, c, out, progress)
			}
			if bar != nil {
				_ = bar.Finish()
				fmt.Fprintln(a.stderr)
			}
			if err != nil {
				if isNetworkError(err) {
					return &unreachableError{what: "Relay", url: client.Network().RelayURL, err: err}
				}
				return fmt.Errorf("download from the Relay: %w", err)
			}
			fi, err := os.Stat(out)
			if err != nil {
				return err
			}
			if a.jsonOut {
				a.emit(map[string]any{"commitment": c.Hex(), "path": absPath(out), "bytes": fi.Size()})
				return nil
			}
			a.printf("wrote %s (%d bytes)\n", absPath(out), fi.Size())
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "output file (default <commitment prefix>-checkpoint.zip or -image-<i>.png)")
	cmd.Flags().IntVar(&index, "index", 0, "download validation image i instead of the checkpoint")
	return cmd
}

func (a *app) taskCancelCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "cancel <commitment>",
		Short: "Abort a task you created (queued: at once; started: after its timeout); the fee is refunded",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := parseCommitment(args[0])
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			client, err := a.walletClient(ctx)
			if err != nil {
				return err
			}
			defer client.Close()
			rcpt, err := client.AbortTask(ctx, c)
			if err != nil {
				return err
			}
			t, err := client.Task(ctx, c)
			if err != nil {
				return err
			}
			refund := "0"
			if t.Status.Refunded() {
				refund = t.Fee.String()
			}
			if a.jsonOut {
				a.emit(map[string]any{"commitment": c.Hex(), "tx": rcpt.TxHash.Hex(), "status": t.Status.String(), "refund_wei": refund})
				return nil
			}
			a.printf("task %s aborted in tx %s; status %s", c.Hex(), rcpt.TxHash.Hex(), t.Status)
			if t.Status.Refunded() {
				a.printf(", %s CNX refunded", wallet.FormatCNX(t.Fee))
			}
			a.printf("\n")
			return nil
		},
	}
}
