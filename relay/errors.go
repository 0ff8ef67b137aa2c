package relay

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Messages the Relay puts in the "message" of a 400 validation error
// (protocol §3.3). They are exported so that a server speaking the same API
// (devnet/relayserver) answers with exactly the strings this client matches.
const (
	MsgTaskNotFound          = "Task not found"
	MsgTaskNotFoundOnChain   = "Task not found on the Blockchain"
	MsgTaskNotStarted        = "Task not started"
	MsgTaskNotReady          = "Task not ready"
	MsgTaskNotValidated      = "Task not validated"
	MsgTaskAlreadyUploaded   = "Task already uploaded"
	MsgSignerNotAllowed      = "Signer not allowed"
	MsgInvalidSignature      = "Invalid signature"
	MsgCheckpointMissing     = "Checkpoint not uploaded"
	MsgResultsNotUploaded    = "Task results not uploaded"
	MsgCheckpointNotUploaded = "Task checkpoint not uploaded"
	MsgFileNotFound          = "File not found"
	MsgWrongResultFiles      = "Wrong result files uploaded"
	MsgValidationError       = "validation_error" // envelope message of every 400
)

// Sentinel errors matched with errors.Is against the *ValidationError the
// Relay returns. One ValidationError may match several sentinels ("Task not
// started" is both ErrTaskNotStarted and ErrNotReady).
var (
	// ErrNotReady: the Relay does not have what the call needs yet ("Task not
	// ready", "Task not started", "Task not validated", "Task results not
	// uploaded", "Task checkpoint not uploaded"). Retrying later may succeed;
	// downloads do so by default (see WithRetryNotReady).
	ErrNotReady = errors.New("relay: task data is not ready yet; retry later")
	// ErrTaskNotStarted: the chain task is not in status Started, so its args
	// cannot be uploaded (wait for TaskStarted, or the task has moved on).
	ErrTaskNotStarted = errors.New("relay: chain task is not in status Started")
	// ErrTaskNotFound: the Relay knows no such task ("Task not found", "Task
	// not found on the Blockchain"). Check the commitment and the network.
	ErrTaskNotFound = errors.New("relay: task not found; check the commitment and that client and relay use the same chain")
	// ErrSignerNotAllowed: the recovered signer is not the task's creator (or
	// selected node). The request was signed by the wrong account or over a
	// payload the Relay hashes differently.
	ErrSignerNotAllowed = errors.New("relay: signer not allowed; sign with the task creator's (or selected node's) key")
	// ErrInvalidSignature: the Relay rejected the signature or its timestamp
	// (it accepts ±60 s). The client resyncs its clock once and retries.
	ErrInvalidSignature = errors.New("relay: invalid signature or timestamp; check the system clock")
	// ErrAlreadyUploaded: the task args (or, for a node, the results) were
	// uploaded before.
	ErrAlreadyUploaded = errors.New("relay: task data already uploaded")
	// ErrFileNotFound: the requested result file does not exist (index out of
	// range, or the task has no such file). Retrying does not help.
	ErrFileNotFound = errors.New("relay: file not found")
	// ErrWrongResultFiles: the uploaded result files do not hash to the
	// on-chain score.
	ErrWrongResultFiles = errors.New("relay: result files do not match the on-chain score")
)

// ValidationError is an HTTP 400 answer with the "validation_error" envelope:
// {"message":"validation_error","data":{"field_name":…,"message":…}}. The
// Relay uses it for bad input and for "not found / not ready" states; match
// the latter with errors.Is and the sentinels above.
type ValidationError struct {
	Field   string // field_name, e.g. "task_args", "signature", "index"
	Message string // the Relay's text, e.g. "Task not ready"
}

func (e *ValidationError) Error() string {
	if e.Field == "" {
		return "relay rejected the request: " + e.Message
	}
	return fmt.Sprintf("relay rejected the request: %s: %s", e.Field, e.Message)
}

// Is reports whether the Relay message corresponds to target.
func (e *ValidationError) Is(target error) bool {
	m := e.Message
	switch target {
	case ErrNotReady:
		return msgIs(m, MsgTaskNotReady, MsgTaskNotStarted, MsgTaskNotValidated, MsgResultsNotUploaded, MsgCheckpointNotUploaded)
	case ErrTaskNotStarted:
		return msgIs(m, MsgTaskNotStarted)
	case ErrTaskNotFound:
		return msgIs(m, MsgTaskNotFound, MsgTaskNotFoundOnChain)
	case ErrSignerNotAllowed:
		return msgIs(m, MsgSignerNotAllowed)
	case ErrAlreadyUploaded:
		return msgIs(m, MsgTaskAlreadyUploaded)
	case ErrFileNotFound:
		return msgIs(m, MsgFileNotFound)
	case ErrWrongResultFiles:
		return msgIs(m, MsgWrongResultFiles)
	case ErrInvalidSignature:
		if msgIs(m, MsgSignerNotAllowed) {
			return false
		}
		f := strings.ToLower(e.Field)
		lm := strings.ToLower(m)
		return f == "timestamp" || f == "signature" ||
			strings.Contains(lm, "signature") || strings.Contains(lm, "timestamp")
	}
	return false
}

func msgIs(m string, candidates ...string) bool {
	m = strings.TrimSpace(m)
	for _, c := range candidates {
		if strings.EqualFold(m, c) {
			return true
		}
	}
	return false
}

// ServerError is any non-success answer that is not a validation error: the
// Relay's 500 exception envelope {"message":…}, a 5xx or 429 from a proxy in
// front of it, or an unexpected status. Status ≥ 500 and 429 are retried.
type ServerError struct {
	Status  int    // HTTP status code
	Message string // envelope message, or a short excerpt of a non-JSON body
	// RetryAfter is the server's Retry-After, zero when absent.
	RetryAfter time.Duration
}

func (e *ServerError) Error() string {
	text := http.StatusText(e.Status)
	if e.Message == "" {
		return fmt.Sprintf("relay answered HTTP %d %s", e.Status, text)
	}
	return fmt.Sprintf("relay answered HTTP %d %s: %s", e.Status, text, e.Message)
}

// Temporary reports whether retrying the same request later may succeed.
func (e *ServerError) Temporary() bool {
	return e.Status >= 500 || e.Status == http.StatusTooManyRequests || e.Status == http.StatusRequestTimeout
}

// envelope is the Relay's JSON response wrapper (protocol §3.1).
type envelope struct {
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

type validationData struct {
	FieldName string `json:"field_name"`
	Message   string `json:"message"`
}

// maxErrorBody bounds what is read from an error answer.
const maxErrorBody = 64 << 10

// decodeError turns a non-success response into *ValidationError or
// *ServerError. It reads at most maxErrorBody bytes of the body.
func decodeError(resp *http.Response) error {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	var env envelope
	if json.Unmarshal(raw, &env) == nil && env.Message != "" {
		if resp.StatusCode == http.StatusBadRequest && env.Message == MsgValidationError {
			var d validationData
			if len(env.Data) > 0 {
				_ = json.Unmarshal(env.Data, &d)
			}
			return &ValidationError{Field: d.FieldName, Message: d.Message}
		}
		return &ServerError{Status: resp.StatusCode, Message: env.Message, RetryAfter: retryAfter(resp)}
	}
	return &ServerError{Status: resp.StatusCode, Message: excerpt(raw), RetryAfter: retryAfter(resp)}
}

func retryAfter(resp *http.Response) time.Duration {
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

// excerpt returns a printable, bounded piece of a non-JSON error body.
func excerpt(raw []byte) string {
	const max = 200
	s := strings.TrimSpace(string(raw))
	if !utf8.ValidString(s) {
		return fmt.Sprintf("(%d bytes of non-text body)", len(raw))
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// transportError marks a failure to talk to the Relay at all (dial, reset,
// truncated or stalled body). It is retried.
type transportError struct{ err error }

func (e *transportError) Error() string { return e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// writeError marks a failure of the caller's io.Writer; it is never retried.
type writeError struct{ err error }

func (e *writeError) Error() string { return "write download output: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

var (
	errStalled   = errors.New("no data from the relay within the stall timeout")
	errStalePart = errors.New("partial file is longer than the file on the relay")
)
