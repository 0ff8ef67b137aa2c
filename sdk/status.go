package sdk

import (
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// TaskStatus is the on-chain status of a task (VSSTask.TaskStatus, protocol §2.2).
type TaskStatus uint8

// Task statuses.
const (
	StatusQueued TaskStatus = iota
	StatusStarted
	StatusParametersUploaded
	StatusErrorReported
	StatusScoreReady
	StatusValidated
	StatusGroupValidated
	StatusEndInvalidated
	StatusEndSuccess
	StatusEndAborted
	StatusEndGroupRefund
	StatusEndGroupSuccess
)

var statusNames = [...]string{"Queued", "Started", "ParametersUploaded", "ErrorReported", "ScoreReady",
	"Validated", "GroupValidated", "EndInvalidated", "EndSuccess", "EndAborted", "EndGroupRefund", "EndGroupSuccess"}

func (s TaskStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("TaskStatus(%d)", uint8(s))
}

// Final reports whether no transition leaves s.
func (s TaskStatus) Final() bool { return s >= StatusEndInvalidated }

// Refunded reports whether the task's fee went back to its creator in s.
func (s TaskStatus) Refunded() bool {
	return s == StatusEndAborted || s == StatusEndInvalidated || s == StatusEndGroupRefund
}

// AbortReason is VSSTask.TaskAbortReason.
type AbortReason uint8

// Abort reasons.
const (
	AbortNone AbortReason = iota
	AbortTimeout
	AbortModelDownloadFailed
	AbortIncorrectResult
	AbortTaskFeeTooLow
)

func (r AbortReason) String() string {
	switch r {
	case AbortNone:
		return "None"
	case AbortTimeout:
		return "Timeout"
	case AbortModelDownloadFailed:
		return "ModelDownloadFailed"
	case AbortIncorrectResult:
		return "IncorrectResult"
	case AbortTaskFeeTooLow:
		return "TaskFeeTooLow"
	}
	return fmt.Sprintf("AbortReason(%d)", uint8(r))
}

// EventKind names what happened in a job.
type EventKind string

// Job event kinds, in the order a task usually meets them.
const (
	EventCreated           EventKind = "created"            // createTask mined
	EventQueued            EventKind = "queued"             // no node free: the task waits in the queue
	EventStarted           EventKind = "started"            // a node was selected
	EventArgsUploaded      EventKind = "args_uploaded"      // the task args are on the Relay
	EventGroupFormed       EventKind = "group_formed"       // the VRF sampled the task: two more tasks join it
	EventScoreReady        EventKind = "score_ready"        // the node submitted its result hashes (or an error)
	EventValidated         EventKind = "validated"          // our validate call was mined
	EventSucceeded         EventKind = "succeeded"          // the task ended EndSuccess / EndGroupSuccess
	EventAborted           EventKind = "aborted"            // the task ended without result; Refund says what came back
	EventDownloaded        EventKind = "downloaded"         // checkpoint zip and images are on disk and verified
	EventCheckpointChained EventKind = "checkpoint_chained" // training continues in a new task from the checkpoint
	EventStatus            EventKind = "status"             // any other on-chain status change
	EventDone              EventKind = "done"               // the job ended; Err is set if it failed
)

// Event is one step of a job.
type Event struct {
	Kind       EventKind
	Time       time.Time
	JobID      string
	Round      int         // index of the task in the job's chain of tasks
	Commitment common.Hash // the task, when the event concerns one
	Status     TaskStatus
	Node       common.Address
	Reason     AbortReason
	Fee        *big.Int // wei, for created
	Refund     *big.Int // wei, for aborted
	Path       string   // for downloaded: the checkpoint zip
	Err        error    // for done
}

func (e Event) String() string {
	s := fmt.Sprintf("%s job=%s round=%d", e.Kind, e.JobID, e.Round)
	if e.Commitment != (common.Hash{}) {
		s += " task=" + e.Commitment.Hex()
	}
	if e.Kind == EventStatus || e.Kind == EventScoreReady {
		s += " status=" + e.Status.String()
	}
	if e.Node != (common.Address{}) {
		s += " node=" + e.Node.Hex()
	}
	if e.Kind == EventAborted {
		s += " reason=" + e.Reason.String()
		if e.Refund != nil {
			s += " refund=" + e.Refund.String() + "wei"
		}
	}
	if e.Path != "" {
		s += " path=" + e.Path
	}
	if e.Err != nil {
		s += " err=" + e.Err.Error()
	}
	return s
}
