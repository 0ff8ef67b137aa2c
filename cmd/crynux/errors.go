package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/url"
	"strings"
	"syscall"

	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Exit codes.
const (
	exitOK           = 0
	exitFailure      = 1
	exitUsage        = 2
	exitInsufficient = 3
	exitAborted      = 4
	exitUnreachable  = 5
)

// usageError is bad command-line input or configuration (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...)}
}

// unreachableError says a network endpoint did not answer (exit 5).
type unreachableError struct {
	what, url string
	err       error
}

func (e *unreachableError) Error() string {
	return fmt.Sprintf("%s %s is unreachable: %v (is it running, and is the URL right?)", e.what, e.url, e.err)
}
func (e *unreachableError) Unwrap() error { return e.err }

// jobError is a failed job with what it got back.
type jobError struct {
	jobID string
	res   *sdk.Result
	err   error
}

func (e *jobError) Error() string {
	msg := strings.TrimPrefix(e.err.Error(), "sdk: ")
	if !strings.Contains(msg, e.jobID) {
		msg = fmt.Sprintf("job %s failed: %s", e.jobID, msg)
	}
	if e.res != nil && e.res.Refunded != nil && e.res.Refunded.Sign() > 0 {
		msg += fmt.Sprintf(" (job total: %s CNX refunded, %s CNX paid)", wallet.FormatCNX(e.res.Refunded), wallet.FormatCNX(e.res.Paid))
	}
	return msg
}

func (e *jobError) Unwrap() error { return e.err }

// interruptedError: Ctrl-C while a job ran in this process; it stays in the journal.
type interruptedError struct{ jobIDs []string }

func (e *interruptedError) Error() string {
	if len(e.jobIDs) == 1 {
		return fmt.Sprintf("interrupted: job %s stays in the journal; continue it with `crynux jobs resume %s`", e.jobIDs[0], e.jobIDs[0])
	}
	return fmt.Sprintf("interrupted: jobs %s stay in the journal; continue them with `crynux jobs resume`", strings.Join(e.jobIDs, ", "))
}

// exitCode maps an error to the documented exit codes.
func exitCode(err error) int {
	var (
		ue  *usageError
		fe  *sdk.FieldError
		ib  *txmgr.InsufficientBalanceError
		ta  *sdk.TaskAbortedError
		une *unreachableError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), errors.As(err, &fe):
		return exitUsage
	case errors.As(err, &ib):
		return exitInsufficient
	case errors.As(err, &ta), errors.Is(err, sdk.ErrDeadline), errors.Is(err, sdk.ErrCancelled):
		return exitAborted
	case errors.As(err, &une), isNetworkError(err):
		return exitUnreachable
	}
	return exitFailure
}

// isNetworkError reports whether err comes from failing to reach a server
// (refused or reset connection, unknown host, dial timeout).
func isNetworkError(err error) bool {
	var (
		op  *net.OpError
		dns *net.DNSError
	)
	if errors.As(err, &op) && (op.Op == "dial" || op.Op == "read" || op.Op == "write") {
		return true
	}
	if errors.As(err, &dns) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH) {
		return true
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return true
	}
	return false
}

// errorDetails are the extra keys of a JSON error object.
func errorDetails(err error) map[string]any {
	d := map[string]any{}
	var fes sdk.FieldErrors
	if errors.As(err, &fes) {
		fields := make([]string, len(fes))
		for i, fe := range fes {
			fields[i] = fe.Field
		}
		d["fields"] = fields
	}
	var fe *sdk.FieldError
	if errors.As(err, &fe) {
		d["field"] = fe.Field
	}
	var ib *txmgr.InsufficientBalanceError
	if errors.As(err, &ib) {
		d["address"] = ib.Address.Hex()
		d["need_wei"] = weiString(ib.Need)
		d["have_wei"] = weiString(ib.Have)
	}
	var je *jobError
	if errors.As(err, &je) {
		d["job_id"] = je.jobID
		if je.res != nil {
			d["refunded_wei"] = weiString(je.res.Refunded)
			d["paid_wei"] = weiString(je.res.Paid)
			d["gas_wei"] = weiString(je.res.Gas)
			d["commitments"] = hashStrings(je.res.Commitments)
		}
	}
	var ta *sdk.TaskAbortedError
	if errors.As(err, &ta) {
		d["commitment"] = ta.Commitment.Hex()
		d["task_status"] = ta.Status.String()
		d["abort_reason"] = ta.Reason.String()
		if _, ok := d["refunded_wei"]; !ok {
			d["refunded_wei"] = weiString(ta.Refund)
		}
	}
	var ie *interruptedError
	if errors.As(err, &ie) {
		d["job_ids"] = ie.jobIDs
	}
	return d
}

func weiString(x *big.Int) string {
	if x == nil {
		return "0"
	}
	return x.String()
}

// ctxDone reports whether err is only the command's context ending (Ctrl-C).
func ctxDone(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, sdk.ErrClosed))
}
