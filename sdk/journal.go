package sdk

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// The journal is the SDK's crash safety: every job and every step of it is
// on disk before the transaction that depends on it is sent, so that after a
// crash Client.Resume knows each task's secret GUID and nonce (needed to
// validate) and which transactions may already be on chain. One directory per
// wallet; one JSON file per job, replaced atomically (temp file, fsync,
// rename, fsync of the directory). Files are 0600: they hold task GUIDs,
// which must stay secret until validation.

// JobState is where a job stands as a whole.
type JobState string

const (
	JobRunning   JobState = "running"
	JobSucceeded JobState = "succeeded"
	JobFailed    JobState = "failed"
	JobCancelled JobState = "cancelled"
)

// Done reports whether the job has ended.
func (s JobState) Done() bool { return s != JobRunning }

// jobRecord is the journal entry of a job.
type jobRecord struct {
	Version   int             `json:"version"`
	ID        string          `json:"id"`
	Creator   common.Address  `json:"creator"`
	Request   FinetuneRequest `json:"request"`
	CreatedAt time.Time       `json:"created_at"`
	Deadline  time.Time       `json:"deadline"`
	State     JobState        `json:"state"`
	Error     string          `json:"error,omitempty"`
	Cancel    bool            `json:"cancel_requested,omitempty"`
	Rounds    []*roundRecord  `json:"rounds"`
	Retries   int             `json:"retries"`
	Result    *resultRecord   `json:"result,omitempty"`
	Gas       *Wei            `json:"gas_spent,omitempty"`
	Updated   time.Time       `json:"updated_at"`
}

// roundRecord is one task (or one group of three) of a job's chain of tasks.
type roundRecord struct {
	Index           int           `json:"index"`
	GUID            common.Hash   `json:"task_guid"`
	InputCheckpoint string        `json:"input_checkpoint,omitempty"`
	Tasks           []*taskRecord `json:"tasks"`
	Proof           hexBytes      `json:"vrf_proof,omitempty"`
	Selected        *bool         `json:"selected_for_group,omitempty"`
	ValidateTx      common.Hash   `json:"validate_tx,omitempty"`
	Validated       bool          `json:"validated"`
	Winner          common.Hash   `json:"winner,omitempty"`
	Checkpoint      string        `json:"checkpoint,omitempty"`
	Images          []string      `json:"images,omitempty"`
	Finished        bool          `json:"finished"` // the checkpoint holds FINISH
	Ended           bool          `json:"ended"`    // nothing more to do on chain for this round
	Failed          string        `json:"failed,omitempty"`
}

// taskRecord is one on-chain task.
type taskRecord struct {
	Nonce        common.Hash    `json:"nonce"`
	Commitment   common.Hash    `json:"commitment"`
	GPUName      string         `json:"gpu_name"`
	GPUVRAM      uint64         `json:"gpu_vram"`
	CreateTxs    []common.Hash  `json:"create_txs,omitempty"`
	Created      bool           `json:"created"`
	Node         common.Address `json:"node,omitempty"`
	ArgsUploaded bool           `json:"args_uploaded"`
	AbortTx      common.Hash    `json:"abort_tx,omitempty"`
	LastStatus   *uint8         `json:"last_status,omitempty"`
	Fee          *Wei           `json:"fee"`
	Sequence     *Wei           `json:"sequence,omitempty"`
}

type resultRecord struct {
	LoRAZip string   `json:"lora_zip"`
	Images  []string `json:"images"`
}

// Wei is a *big.Int that encodes as a decimal JSON string.
type Wei struct{ big.Int }

func newWei(x *big.Int) *Wei {
	w := new(Wei)
	if x != nil {
		w.Set(x)
	}
	return w
}

// MarshalJSON implements json.Marshaler.
func (w *Wei) MarshalJSON() ([]byte, error) { return json.Marshal(w.String()) }

// UnmarshalJSON implements json.Unmarshaler.
func (w *Wei) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if _, ok := w.SetString(s, 10); !ok {
		return fmt.Errorf("bad wei amount %q", s)
	}
	return nil
}

type hexBytes []byte

func (h hexBytes) MarshalJSON() ([]byte, error) { return json.Marshal(hex.EncodeToString(h)) }
func (h *hexBytes) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	d, err := hex.DecodeString(s)
	*h = d
	return err
}

// Journal stores job records under one directory per wallet.
type Journal struct {
	dir string
	mu  sync.Mutex
}

// OpenJournal opens (creating) the journal of account under root.
func OpenJournal(root string, account common.Address) (*Journal, error) {
	dir := filepath.Join(root, strings.ToLower(account.Hex()))
	if err := os.MkdirAll(filepath.Join(dir, "jobs"), 0o700); err != nil {
		return nil, fmt.Errorf("sdk: open journal: %w", err)
	}
	return &Journal{dir: dir}, nil
}

// Dir is the wallet's journal directory.
func (j *Journal) Dir() string { return j.dir }

func (j *Journal) jobFile(id string) string { return filepath.Join(j.dir, "jobs", id+".json") }

// JobDir is where a job's downloads go.
func (j *Journal) JobDir(id string) string { return filepath.Join(j.dir, "jobs", id) }

func (j *Journal) save(r *jobRecord) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	r.Updated = time.Now().UTC()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("sdk: journal: encode job %s: %w", r.ID, err)
	}
	return writeFileAtomic(j.jobFile(r.ID), b)
}

func (j *Journal) load(id string) (*jobRecord, error) {
	b, err := os.ReadFile(j.jobFile(id))
	if err != nil {
		return nil, fmt.Errorf("sdk: journal: read job %s: %w", id, err)
	}
	var r jobRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("sdk: journal: parse job %s: %w", id, err)
	}
	return &r, nil
}

// list returns every job record, oldest first.
func (j *Journal) list() ([]*jobRecord, error) {
	entries, err := os.ReadDir(filepath.Join(j.dir, "jobs"))
	if err != nil {
		return nil, fmt.Errorf("sdk: journal: list: %w", err)
	}
	var out []*jobRecord
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		r, err := j.load(strings.TrimSuffix(e.Name(), ".json"))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].CreatedAt.Before(out[b].CreatedAt) })
	return out, nil
}

// writeFileAtomic replaces path with data so that a crash leaves either the
// old or the new content, never a torn file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

func newJobID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

func random32() (common.Hash, error) {
	var h common.Hash
	if _, err := rand.Read(h[:]); err != nil {
		return h, fmt.Errorf("sdk: read random bytes: %w", err)
	}
	return h, nil
}
