package sdk

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/crynux-go/crynux/wallet"
)

var (
	// ErrDeadline: the request's timeout passed; open tasks were aborted and refunded.
	ErrDeadline = errors.New("sdk: job deadline passed; open tasks were aborted (raise the request's timeout or the task fee)")
	// ErrCancelled: Job.Cancel was called; open tasks were aborted and refunded.
	ErrCancelled = errors.New("sdk: job cancelled; open tasks were aborted")
	// ErrClosed: the client was closed while the job ran; Resume continues it.
	ErrClosed = errors.New("sdk: client closed; the job stays in the journal, call Client.Resume to continue it")
)

// TaskAbortedError reports a task that ended without a result, and what came back.
type TaskAbortedError struct {
	JobID      string
	Commitment common.Hash
	Status     TaskStatus
	Reason     AbortReason
	Refund     *big.Int
	Retries    int
}

func (e *TaskAbortedError) Error() string {
	return fmt.Sprintf("sdk: job %s: task %s ended %s (reason %s) after %d retries; %s CNX refunded. "+
		"Check that nodes with the requested GPU are online, or raise the task fee",
		e.JobID, e.Commitment.Hex(), e.Status, e.Reason, e.Retries, wallet.FormatCNX(e.Refund))
}

// VerificationError says a downloaded result did not match what the chain recorded.
type VerificationError struct {
	Commitment common.Hash
	What       string
}

func (e *VerificationError) Error() string {
	return fmt.Sprintf("sdk: result of task %s failed verification: %s", e.Commitment.Hex(), e.What)
}
