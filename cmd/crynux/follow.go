package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/schollz/progressbar/v3"

	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// eventJSON is the --json form of a job event.
func eventJSON(ev sdk.Event) map[string]any {
	m := map[string]any{"event": string(ev.Kind), "time": ev.Time.UTC().Format(time.RFC3339Nano), "job_id": ev.JobID, "round": ev.Round}
	if ev.Commitment != (common.Hash{}) {
		m["commitment"] = ev.Commitment.Hex()
	}
	if hasStatus(ev.Kind) {
		m["status"] = ev.Status.String()
	}
	if ev.Node != (common.Address{}) {
		m["node"] = ev.Node.Hex()
	}
	if ev.Fee != nil {
		m["fee_wei"] = ev.Fee.String()
	}
	if ev.Kind == sdk.EventAborted {
		m["reason"] = ev.Reason.String()
		m["refund_wei"] = weiString(ev.Refund)
	}
	if ev.Path != "" {
		m["path"] = ev.Path
	}
	if ev.Err != nil {
		m["error"] = oneLine(ev.Err.Error())
	}
	return m
}

// eventLine is the human form of a job event.
func eventLine(ev sdk.Event, multi bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-18s", ev.Kind)
	if multi {
		fmt.Fprintf(&b, " job %s", ev.JobID)
	}
	fmt.Fprintf(&b, " round %d", ev.Round)
	if ev.Commitment != (common.Hash{}) {
		fmt.Fprintf(&b, " task %s", ev.Commitment.Hex())
	}
	if hasStatus(ev.Kind) && ev.Kind != sdk.EventQueued && ev.Kind != sdk.EventStarted && ev.Kind != sdk.EventSucceeded {
		fmt.Fprintf(&b, " status %s", ev.Status)
	}
	if ev.Node != (common.Address{}) {
		fmt.Fprintf(&b, " node %s", ev.Node.Hex())
	}
	if ev.Fee != nil {
		fmt.Fprintf(&b, " fee %s CNX", wallet.FormatCNX(ev.Fee))
	}
	if ev.Kind == sdk.EventAborted {
		fmt.Fprintf(&b, " reason %s refund %s CNX", ev.Reason, wallet.FormatCNX(ev.Refund))
	}
	if ev.Path != "" {
		fmt.Fprintf(&b, " %s", ev.Path)
	}
	if ev.Err != nil {
		fmt.Fprintf(&b, " error: %s", oneLine(ev.Err.Error()))
	}
	return b.String()
}

// jobView is what the status line shows of a job.
type jobView struct {
	state      string
	commitment common.Hash
	fee        *big.Int
	round      int
}

func (v *jobView) update(ev sdk.Event) {
	v.round = ev.Round
	if ev.Commitment != (common.Hash{}) {
		v.commitment = ev.Commitment
	}
	if ev.Fee != nil {
		v.fee = ev.Fee
	}
	if hasStatus(ev.Kind) {
		v.state = ev.Status.String()
	} else {
		v.state = string(ev.Kind)
	}
}

// hasStatus reports whether events of kind carry the task's on-chain status.
func hasStatus(kind sdk.EventKind) bool {
	switch kind {
	case sdk.EventStatus, sdk.EventScoreReady, sdk.EventQueued, sdk.EventStarted, sdk.EventSucceeded, sdk.EventAborted:
		return true
	}
	return false
}

// follower prints the events of running jobs: JSON lines, plain lines, or,
// on a terminal, lines plus a live status line at the bottom.
type follower struct {
	a     *app
	start time.Time
	tty   bool
	multi bool

	mu    sync.Mutex
	views map[string]*jobView
	last  string
}

func (f *follower) statusLine() string {
	v := f.views[f.last]
	if v == nil {
		return ""
	}
	el := time.Since(f.start).Truncate(time.Second)
	s := fmt.Sprintf("● %-18s %8s", v.state, el)
	if f.multi {
		s += "  job " + shortHex(f.last)
	}
	s += fmt.Sprintf("  round %d", v.round)
	if v.commitment != (common.Hash{}) {
		s += "  task " + shortHex(v.commitment.Hex())
	}
	if v.fee != nil {
		s += "  fee " + wallet.FormatCNX(v.fee) + " CNX"
	}
	return s
}

func (f *follower) redraw() {
	if f.tty {
		fmt.Fprintf(f.a.stdout, "\r\033[K%s", f.statusLine())
	}
}

func (f *follower) event(ev sdk.Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v := f.views[ev.JobID]
	if v == nil {
		v = &jobView{}
		f.views[ev.JobID] = v
	}
	v.update(ev)
	f.last = ev.JobID
	switch {
	case f.a.jsonOut:
		f.a.emit(eventJSON(ev))
	case f.tty:
		fmt.Fprintf(f.a.stdout, "\r\033[K[%7.1fs] %s\n", time.Since(f.start).Seconds(), eventLine(ev, f.multi))
		f.redraw()
	default:
		fmt.Fprintf(f.a.stdout, "[%7.1fs] %s\n", time.Since(f.start).Seconds(), eventLine(ev, f.multi))
	}
}

func (f *follower) tick() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.redraw()
}

func (f *follower) finish() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tty {
		fmt.Fprintf(f.a.stdout, "\r\033[K")
	}
}

type jobOutcome struct {
	job *sdk.Job
	res *sdk.Result
	err error
}

// follow prints the jobs' events until they all end (or ctx ends: then the
// jobs stay in the journal) and, for a single successful job, copies its
// LoRA zip to out.
func (a *app) follow(ctx context.Context, jobs []*sdk.Job, out string) error {
	f := &follower{a: a, start: time.Now(), tty: a.stdoutIsTerminal(), multi: len(jobs) > 1, views: map[string]*jobView{}}
	type item struct {
		ev  sdk.Event
		job *sdk.Job
		end bool
	}
	ch := make(chan item)
	stop := make(chan struct{})
	defer close(stop)
	for _, j := range jobs {
		go func(j *sdk.Job) {
			for ev := range j.Events() {
				select {
				case ch <- item{ev: ev, job: j}:
				case <-stop:
					return
				}
			}
			select {
			case ch <- item{job: j, end: true}:
			case <-stop:
			}
		}(j)
	}
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	var outcomes []jobOutcome
	pending := map[string]bool{}
	for _, j := range jobs {
		pending[j.ID()] = true
	}
	for len(pending) > 0 {
		select {
		case <-ctx.Done():
			f.finish()
			var ids []string
			for _, j := range jobs {
				if pending[j.ID()] {
					ids = append(ids, j.ID())
				}
			}
			return &interruptedError{jobIDs: ids}
		case <-ticker.C:
			f.tick()
		case it := <-ch:
			if !it.end {
				f.event(it.ev)
				continue
			}
			res, err := it.job.Wait(ctx)
			if ctxDone(ctx, err) {
				continue // the ctx.Done branch reports it
			}
			delete(pending, it.job.ID())
			outcomes = append(outcomes, jobOutcome{job: it.job, res: res, err: err})
		}
	}
	f.finish()
	var errs []error
	for _, o := range outcomes {
		if o.err != nil {
			errs = append(errs, &jobError{jobID: o.job.ID(), res: o.res, err: o.err})
			continue
		}
		dst := ""
		if len(jobs) == 1 && out != "" {
			dst = out
			if err := a.copyWithProgress(o.res.LoRAZip, dst); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		a.printResult(o.res, dst)
	}
	return errors.Join(errs...)
}

func (a *app) printResult(res *sdk.Result, out string) {
	if a.jsonOut {
		m := map[string]any{
			"job_id": res.JobID, "state": string(sdk.JobSucceeded), "lora_zip": res.LoRAZip, "images": res.Images,
			"rounds": res.Rounds, "commitments": hashStrings(res.Commitments),
			"paid_wei": weiString(res.Paid), "refunded_wei": weiString(res.Refunded), "gas_wei": weiString(res.Gas),
		}
		if out != "" {
			m["out"] = absPath(out)
		}
		a.emit(m)
		return
	}
	where := res.LoRAZip
	if out != "" {
		where = absPath(out)
	}
	a.printf("job %s succeeded: LoRA in %s (%d chained task(s); paid %s CNX, refunded %s CNX, gas %s CNX)\n",
		res.JobID, where, res.Rounds, wallet.FormatCNX(res.Paid), wallet.FormatCNX(res.Refunded), wallet.FormatCNX(res.Gas))
}

func hashStrings(hs []common.Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Hex()
	}
	return out
}

// copyWithProgress copies src to dst (through a temporary file renamed into
// place), with a progress bar on a terminal.
func (a *app) copyWithProgress(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("open result %s: %w", src, err)
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if dir := filepath.Dir(dst); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write %s: %w", dst, err)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	defer os.Remove(tmp.Name())
	var w io.Writer = tmp
	var bar *progressbar.ProgressBar
	if a.stderrIsTerminal() {
		bar = newBar(a.stderr, fi.Size(), "copy "+filepath.Base(dst))
		w = io.MultiWriter(tmp, bar)
	}
	if _, err := io.Copy(w, in); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(a.stderr)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

func newBar(w io.Writer, total int64, desc string) *progressbar.ProgressBar {
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
	)
}
