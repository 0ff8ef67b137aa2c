package relayserver

import (
	"context"
	"errors"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// mapChain is an in-memory Chain that enforces the relay-side transitions of
// the VSSTask state machine (protocol §2.5).
type mapChain struct {
	mu          sync.Mutex
	tasks       map[[32]byte]TaskView
	getErr      error // returned by GetTask when set
	reportErr   error // returned by both reports when set
	paramsCalls int
	resultCalls int
}

func newMapChain() *mapChain { return &mapChain{tasks: map[[32]byte]TaskView{}} }

func (m *mapChain) GetTask(_ context.Context, c [32]byte) (TaskView, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.getErr != nil {
		return TaskView{}, m.getErr
	}
	v, ok := m.tasks[c]
	if !ok {
		return TaskView{}, nil
	}
	v.Score = append([]byte(nil), v.Score...)
	return v, nil
}

func (m *mapChain) ReportTaskParametersUploaded(_ context.Context, c [32]byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.reportErr != nil {
		return m.reportErr
	}
	v, ok := m.tasks[c]
	if !ok {
		return errors.New("execution reverted: Task not found")
	}
	if v.Status != ChainStarted {
		return errors.New("execution reverted: Illegal previous task state")
	}
	v.Status = ChainParametersUploaded
	m.tasks[c] = v
	m.paramsCalls++
	return nil
}

func (m *mapChain) ReportTaskResultUploaded(_ context.Context, c [32]byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.reportErr != nil {
		return m.reportErr
	}
	v, ok := m.tasks[c]
	if !ok {
		return errors.New("execution reverted: Task not found")
	}
	switch v.Status {
	case ChainValidated:
		v.Status = ChainEndSuccess
	case ChainGroupValidated:
		v.Status = ChainEndGroupSuccess
	default:
		return errors.New("execution reverted: Illegal previous task state")
	}
	m.tasks[c] = v
	m.resultCalls++
	return nil
}

func (m *mapChain) add(c [32]byte, taskType uint8, creator, node common.Address) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tasks[c] = TaskView{Exists: true, TaskType: taskType, Creator: creator, Status: ChainStarted,
		SelectedNode: node, TaskSize: 1, ModelIDs: []string{"base:runwayml/stable-diffusion-v1-5"},
		MinimumVRAM: 24, RequiredGPU: "NVIDIA GeForce RTX 4090", RequiredGPUVRAM: 24, CreateTimestamp: 1700000000, StartTimestamp: 1700000001}
}

func (m *mapChain) set(c [32]byte, fn func(*TaskView)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v := m.tasks[c]
	fn(&v)
	m.tasks[c] = v
}

func (m *mapChain) status(c [32]byte) uint8 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.tasks[c].Status
}

func (m *mapChain) setReportErr(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reportErr = err
}

func (m *mapChain) setGetErr(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.getErr = err
}
