package relay

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// TaskStatus is the Relay's own task status (protocol §3.3), distinct from
// the chain's TaskStatus.
type TaskStatus uint8

// Relay task statuses.
const (
	TaskStatusCreated        TaskStatus = 0
	TaskStatusParamsUploaded TaskStatus = 1
	TaskStatusResultsReady   TaskStatus = 2
	TaskStatusEndAborted     TaskStatus = 3
	TaskStatusEndGroupRefund TaskStatus = 4
	TaskStatusEndInvalidated TaskStatus = 5
	TaskStatusEndSuccess     TaskStatus = 6
)

var taskStatusNames = [...]string{"Created", "ParamsUploaded", "ResultsReady", "EndAborted", "EndGroupRefund", "EndInvalidated", "EndSuccess"}

func (s TaskStatus) String() string {
	if int(s) < len(taskStatusNames) {
		return taskStatusNames[s]
	}
	return fmt.Sprintf("TaskStatus(%d)", uint8(s))
}

// Ended reports whether the Relay considers the task finished.
func (s TaskStatus) Ended() bool { return s >= TaskStatusEndAborted }

// TaskType is the task type shared by the chain and the Relay (protocol §2.2).
type TaskType uint8

// Task types.
const (
	TaskTypeSD             TaskType = 0
	TaskTypeLLM            TaskType = 1
	TaskTypeSDFinetuneLoRA TaskType = 2 // "SD_FT" / "SD_FT_LORA"
)

func (t TaskType) String() string {
	switch t {
	case TaskTypeSD:
		return "SD"
	case TaskTypeLLM:
		return "LLM"
	case TaskTypeSDFinetuneLoRA:
		return "SD_FT_LORA"
	}
	return fmt.Sprintf("TaskType(%d)", uint8(t))
}

// NullTime is the JSON form of Go's sql.NullTime the Relay emits:
// {"Time":"2025-03-05T10:00:00Z","Valid":true}. A JSON null decodes as
// Valid=false.
type NullTime struct {
	Time  time.Time
	Valid bool
}

// UnmarshalJSON accepts the sql.NullTime object, null, or a bare RFC 3339
// string (what gorm.DeletedAt emits).
func (n *NullTime) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*n = NullTime{}
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var t time.Time
		if err := json.Unmarshal(b, &t); err != nil {
			return err
		}
		*n = NullTime{Time: t, Valid: true}
		return nil
	}
	var v struct {
		Time  time.Time
		Valid bool
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = NullTime(v)
	return nil
}

// MarshalJSON emits the sql.NullTime object form.
func (n NullTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Time  time.Time
		Valid bool
	}{n.Time, n.Valid})
}

// InferenceTask is the Relay's task record (models/inference_task.go),
// returned by UploadTaskArgs and GetTask. Addresses are the Relay's hex
// strings as sent.
type InferenceTask struct {
	ID        uint64    `json:"ID"`
	CreatedAt time.Time `json:"CreatedAt"`
	UpdatedAt time.Time `json:"UpdatedAt"`
	DeletedAt NullTime  `json:"DeletedAt"`

	TaskArgs         string     `json:"task_args"`
	TaskIDCommitment string     `json:"task_id_commitment"`
	Creator          string     `json:"creator"`
	Status           TaskStatus `json:"status"`
	TaskType         TaskType   `json:"task_type"`
	MinVRAM          uint64     `json:"min_vram"`
	RequiredGPU      string     `json:"required_gpu"`
	RequiredGPUVRAM  uint64     `json:"required_gpu_vram"`
	// TaskFee is in CNX (a float on the wire), not wei.
	TaskFee      float64  `json:"task_fee"`
	TaskSize     uint64   `json:"task_size"`
	ModelIDs     []string `json:"model_ids"`
	AbortReason  uint8    `json:"abort_reason"`
	TaskError    uint8    `json:"task_error"`
	SelectedNode string   `json:"selected_node"`

	CreateTime         NullTime `json:"create_time"`
	StartTime          NullTime `json:"start_time"`
	ScoreReadyTime     NullTime `json:"score_ready_time"`
	ValidatedTime      NullTime `json:"validated_time"`
	ResultUploadedTime NullTime `json:"result_uploaded_time"`
}

// CommitmentHex formats a task ID commitment the way the Relay expects it in
// paths and signed JSON: lowercase "0x" followed by 64 hex digits.
func CommitmentHex(c [32]byte) string { return hexutil.Encode(c[:]) }
