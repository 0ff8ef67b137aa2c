package relayserver

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Relay task statuses (protocol §3.3, relay enum).
const (
	StatusCreated        = 0
	StatusParamsUploaded = 1
	StatusResultsReady   = 2
	StatusEndAborted     = 3
	StatusEndGroupRefund = 4
	StatusEndInvalidated = 5
	StatusEndSuccess     = 6
)

// NullTime has the JSON shape of Go's sql.NullTime, which the upstream relay
// returns for its time fields.
type NullTime struct {
	Time  time.Time
	Valid bool
}

func nullTime(t time.Time) NullTime { return NullTime{Time: t.UTC(), Valid: true} }

func unixNullTime(sec uint64) NullTime {
	if sec == 0 {
		return NullTime{}
	}
	return nullTime(time.Unix(int64(sec), 0))
}

// InferenceTask is the relay's task row; its JSON is the upstream relay's
// InferenceTask model (protocol §3.3).
type InferenceTask struct {
	ID                 uint64
	CreatedAt          time.Time
	UpdatedAt          time.Time
	DeletedAt          *time.Time
	TaskArgs           string   `json:"task_args"`
	TaskIDCommitment   string   `json:"task_id_commitment"`
	Creator            string   `json:"creator"`
	Status             int      `json:"status"`
	TaskType           uint8    `json:"task_type"`
	MinVRAM            uint64   `json:"min_vram"`
	RequiredGPU        string   `json:"required_gpu"`
	RequiredGPUVRAM    uint64   `json:"required_gpu_vram"`
	TaskFee            float64  `json:"task_fee"`
	TaskSize           uint64   `json:"task_size"`
	ModelIDs           []string `json:"model_ids"`
	AbortReason        uint8    `json:"abort_reason"`
	TaskError          uint8    `json:"task_error"`
	SelectedNode       string   `json:"selected_node"`
	CreateTime         NullTime `json:"create_time"`
	StartTime          NullTime `json:"start_time"`
	ScoreReadyTime     NullTime `json:"score_ready_time"`
	ValidatedTime      NullTime `json:"validated_time"`
	ResultUploadedTime NullTime `json:"result_uploaded_time"`
}

// taskRecord is what is stored on disk per task: the public row plus the
// worker's bookkeeping.
type taskRecord struct {
	Task InferenceTask `json:"task"`
	// Deadline is when the worker gives up and marks the row EndAborted.
	Deadline time.Time `json:"deadline"`
	// ResultFiles is the number of uploaded result files.
	ResultFiles int `json:"result_files"`
}

func (r *taskRecord) ended() bool { return r.Task.Status >= StatusEndAborted }

// store keeps task rows and files under dir:
//
//	<dir>/<c>/task.json              the row (written atomically)
//	<dir>/<c>/input/checkpoint.zip   the creator's input checkpoint (SD_FT)
//	<dir>/<c>/results/{i}.png|.json  result files
//	<dir>/<c>/results/checkpoint.zip the node's output checkpoint (SD_FT)
type store struct {
	dir string

	mu     sync.Mutex
	tasks  map[string]*taskRecord // by commitment ("0x…")
	locks  map[string]*sync.Mutex // per-task locks serialising mutations
	nextID uint64
}

func openStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("relayserver: create data dir %s: %w", dir, err)
	}
	s := &store{dir: dir, tasks: map[string]*taskRecord{}, locks: map[string]*sync.Mutex{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("relayserver: read data dir %s: %w", dir, err)
	}
	for _, e := range entries {
		if !e.IsDir() || !commitmentRE.MatchString(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name(), "task.json")
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue // a directory whose creation never completed
		}
		if err != nil {
			return nil, fmt.Errorf("relayserver: read task row %s: %w", path, err)
		}
		var rec taskRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("relayserver: task row %s is corrupt (remove it to drop the task): %w", path, err)
		}
		s.tasks[e.Name()] = &rec
		if rec.Task.ID > s.nextID {
			s.nextID = rec.Task.ID
		}
	}
	return s, nil
}

// lock serialises mutations of task c (creation, uploads, worker updates).
func (s *store) lock(c string) func() {
	s.mu.Lock()
	l, ok := s.locks[c]
	if !ok {
		l = &sync.Mutex{}
		s.locks[c] = l
	}
	s.mu.Unlock()
	l.Lock()
	return l.Unlock
}

// get returns a copy of task c's record.
func (s *store) get(c string) (taskRecord, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.tasks[c]
	if !ok {
		return taskRecord{}, false
	}
	return *r, true
}

// all returns copies of every record.
func (s *store) all() []taskRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]taskRecord, 0, len(s.tasks))
	for _, r := range s.tasks {
		out = append(out, *r)
	}
	return out
}

// put writes rec to disk and then to memory. The caller holds lock(c).
// A new record (ID 0) gets the next ID.
func (s *store) put(rec taskRecord) (taskRecord, error) {
	c := rec.Task.TaskIDCommitment
	now := time.Now().UTC()
	if rec.Task.ID == 0 {
		s.mu.Lock()
		s.nextID++
		rec.Task.ID = s.nextID
		s.mu.Unlock()
		rec.Task.CreatedAt = now
	}
	rec.Task.UpdatedAt = now
	b, err := json.MarshalIndent(&rec, "", "  ")
	if err != nil {
		return rec, fmt.Errorf("relayserver: encode task row %s: %w", c, err)
	}
	if err := writeFileAtomic(filepath.Join(s.dir, c, "task.json"), strings.NewReader(string(b))); err != nil {
		return rec, err
	}
	s.mu.Lock()
	cp := rec
	s.tasks[c] = &cp
	s.mu.Unlock()
	return rec, nil
}

func (s *store) inputCheckpointPath(c string) string {
	return filepath.Join(s.dir, c, "input", "checkpoint.zip")
}

func (s *store) resultCheckpointPath(c string) string {
	return filepath.Join(s.dir, c, "results", "checkpoint.zip")
}

func (s *store) resultPath(c string, index int, taskType uint8) string {
	return filepath.Join(s.dir, c, "results", fmt.Sprintf("%d%s", index, resultExt(taskType)))
}

func resultExt(taskType uint8) string {
	if taskType == TaskTypeLLM {
		return ".json"
	}
	return ".png"
}

// writeFileAtomic writes r to path through a temporary file in the same
// directory, fsyncs it, renames it over path and fsyncs the directory, so a
// crash leaves either the old or the new content.
func writeFileAtomic(path string, r io.Reader) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("relayserver: create %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("relayserver: create temp file in %s: %w", dir, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if _, err := io.Copy(f, r); err != nil {
		return fmt.Errorf("relayserver: write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("relayserver: fsync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("relayserver: close %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("relayserver: rename %s to %s: %w", tmp, path, err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
