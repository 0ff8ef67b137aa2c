package relayserver

import (
	"encoding/json"
	"net/http"
)

// apiError is a failed request in one of the upstream relay's two error
// envelopes: a 400 validation error with a field name, or a 500 exception.
type apiError struct {
	status  int
	field   string
	message string
}

func (e *apiError) Error() string { return e.message }

func validationErr(field, message string) *apiError {
	return &apiError{status: http.StatusBadRequest, field: field, message: message}
}

func serverErr(message string) *apiError {
	return &apiError{status: http.StatusInternalServerError, message: message}
}

// Error texts of the upstream relay (protocol §3.3).
const (
	msgTaskNotFoundOnChain    = "Task not found on the Blockchain"
	msgTaskNotStarted         = "Task not started"
	msgSignerNotAllowed       = "Signer not allowed"
	msgTaskAlreadyUploaded    = "Task already uploaded"
	msgTaskNotFound           = "Task not found"
	msgTaskNotReady           = "Task not ready"
	msgTaskNotValidated       = "Task not validated"
	msgWrongResultFiles       = "Wrong result files uploaded"
	msgResultsNotUploaded     = "Task results not uploaded"
	msgCheckpointNotUploaded  = "Task checkpoint not uploaded"
	msgFileNotFound           = "File not found"
	msgInputCheckpointMissing = "Checkpoint not uploaded"
	msgInvalidSignature       = "Invalid signature"
	msgTimestampExpired       = "Timestamp expired"
	msgInvalidCommitment      = "Invalid task id commitment"
	msgInvalidIndex           = "Invalid index"
	msgFieldRequired          = "Field required"
	msgNotMultipart           = "request Content-Type isn't multipart/form-data"
	msgResultFilesMissing     = "Result files not uploaded"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, e *apiError) {
	if e.status == http.StatusBadRequest && e.field != "" {
		writeJSON(w, e.status, map[string]any{
			"message": "validation_error",
			"data":    map[string]string{"field_name": e.field, "message": e.message},
		})
		return
	}
	writeJSON(w, e.status, map[string]any{"message": e.message})
}

// writeOK writes the success envelope; data nil omits "data".
func writeOK(w http.ResponseWriter, data any) {
	body := map[string]any{"message": "success"}
	if data != nil {
		body["data"] = data
	}
	writeJSON(w, http.StatusOK, body)
}
