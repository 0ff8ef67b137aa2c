package relayserver

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet"
)

// Task types of the VSSTask contract (protocol §2.2).
const (
	TaskTypeSD   uint8 = 0
	TaskTypeLLM  uint8 = 1
	TaskTypeSDFT uint8 = 2
)

// Chain task statuses of the VSSTask contract (protocol §2.2).
const (
	ChainQueued             uint8 = 0
	ChainStarted            uint8 = 1
	ChainParametersUploaded uint8 = 2
	ChainErrorReported      uint8 = 3
	ChainScoreReady         uint8 = 4
	ChainValidated          uint8 = 5
	ChainGroupValidated     uint8 = 6
	ChainEndInvalidated     uint8 = 7
	ChainEndSuccess         uint8 = 8
	ChainEndAborted         uint8 = 9
	ChainEndGroupRefund     uint8 = 10
	ChainEndGroupSuccess    uint8 = 11
)

// TaskView is what the relay reads about a task from the chain.
type TaskView struct {
	Exists          bool // false when getTask returned the all-zero struct
	TaskType        uint8
	Creator         common.Address
	Status          uint8 // chain enum, see ChainStarted etc.
	SelectedNode    common.Address
	Score           []byte
	TaskFee         *big.Int // wei; nil is treated as zero
	TaskSize        uint64
	ModelIDs        []string
	MinimumVRAM     uint64
	RequiredGPU     string
	RequiredGPUVRAM uint64
	AbortReason     uint8
	Error           uint8
	CreateTimestamp uint64 // unix seconds, 0 if unset
	StartTimestamp  uint64
	ScoreReadyTime  uint64
}

// Chain is the relay's access to the VSSTask contract. The relay account
// (the address set with VSSTask.setRelayAddress) sends the two reports.
type Chain interface {
	// GetTask reads getTask(c). An unknown commitment is not an error: it
	// returns a TaskView with Exists false.
	GetTask(ctx context.Context, c [32]byte) (TaskView, error)
	// ReportTaskParametersUploaded sends reportTaskParametersUploaded(c) and
	// returns once it is mined successfully.
	ReportTaskParametersUploaded(ctx context.Context, c [32]byte) error
	// ReportTaskResultUploaded sends reportTaskResultUploaded(c) and returns
	// once it is mined successfully.
	ReportTaskResultUploaded(ctx context.Context, c [32]byte) error
}

// Sender sends a transaction with calldata data to address to from the relay
// account and returns once it is mined; a reverted transaction is an error.
type Sender interface {
	Send(ctx context.Context, to common.Address, data []byte) error
}

// ContractChain implements Chain against a deployed VSSTask contract.
type ContractChain struct {
	caller  ethereum.ContractCaller
	address common.Address
	sender  Sender
	vss     *bindings.VSSTask
}

var _ Chain = (*ContractChain)(nil)

// NewContractChain returns a Chain that reads getTask through backend and
// sends the relay's reports through sender to the VSSTask contract at
// vssTaskAddress.
func NewContractChain(backend ethereum.ContractCaller, vssTaskAddress common.Address, sender Sender) *ContractChain {
	return &ContractChain{caller: backend, address: vssTaskAddress, sender: sender, vss: bindings.NewVSSTask()}
}

// GetTask implements Chain.
func (cc *ContractChain) GetTask(ctx context.Context, c [32]byte) (TaskView, error) {
	to := cc.address
	out, err := cc.caller.CallContract(ctx, ethereum.CallMsg{To: &to, Data: cc.vss.PackGetTask(c)}, nil)
	if err != nil {
		return TaskView{}, fmt.Errorf("relayserver: call getTask(%x) on VSSTask %s: %w", c, cc.address, err)
	}
	info, err := cc.vss.UnpackGetTask(out)
	if err != nil {
		return TaskView{}, fmt.Errorf("relayserver: decode getTask(%x) from VSSTask %s (is it the VSSTask contract?): %w", c, cc.address, err)
	}
	return TaskView{
		Exists:          info.TaskIDCommitment != [32]byte{},
		TaskType:        info.TaskType,
		Creator:         info.Creator,
		Status:          info.Status,
		SelectedNode:    info.SelectedNode,
		Score:           info.Score,
		TaskFee:         info.TaskFee,
		TaskSize:        u64(info.TaskSize),
		ModelIDs:        info.ModelIDs,
		MinimumVRAM:     u64(info.MinimumVRAM),
		RequiredGPU:     info.RequiredGPU,
		RequiredGPUVRAM: u64(info.RequiredGPUVRAM),
		AbortReason:     info.AbortReason,
		Error:           info.Error,
		CreateTimestamp: u64(info.CreateTimestamp),
		StartTimestamp:  u64(info.StartTimestamp),
		ScoreReadyTime:  u64(info.ScoreReadyTimestamp),
	}, nil
}

// ReportTaskParametersUploaded implements Chain.
func (cc *ContractChain) ReportTaskParametersUploaded(ctx context.Context, c [32]byte) error {
	if err := cc.sender.Send(ctx, cc.address, cc.vss.PackReportTaskParametersUploaded(c)); err != nil {
		return fmt.Errorf("relayserver: reportTaskParametersUploaded(%x): %w", c, err)
	}
	return nil
}

// ReportTaskResultUploaded implements Chain.
func (cc *ContractChain) ReportTaskResultUploaded(ctx context.Context, c [32]byte) error {
	if err := cc.sender.Send(ctx, cc.address, cc.vss.PackReportTaskResultUploaded(c)); err != nil {
		return fmt.Errorf("relayserver: reportTaskResultUploaded(%x): %w", c, err)
	}
	return nil
}

func u64(b *big.Int) uint64 {
	if b == nil || !b.IsUint64() {
		return 0
	}
	return b.Uint64()
}

// TxBackend is what TxSender needs from a chain client; both
// *ethclient.Client and the simulated backend's client satisfy it.
type TxBackend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// TxSender is a simple Sender: it signs with a wallet.Signer, lets bind/v2
// fill in nonce, gas and fees (gas estimation surfaces revert reasons before
// anything is sent), and polls for the receipt. Sends are serialised so that
// concurrent task workers never race for a nonce. The devnet lead may replace
// it with the wallet/txmgr manager.
type TxSender struct {
	backend TxBackend
	signer  wallet.Signer
	poll    time.Duration
	mu      sync.Mutex
	chainID *big.Int
}

var _ Sender = (*TxSender)(nil)

// NewTxSender returns a TxSender; poll is the receipt polling interval
// (0 means 100ms).
func NewTxSender(backend TxBackend, signer wallet.Signer, poll time.Duration) *TxSender {
	if poll <= 0 {
		poll = 100 * time.Millisecond
	}
	return &TxSender{backend: backend, signer: signer, poll: poll}
}

// ErrTxReverted is returned (wrapped) by TxSender.Send when the transaction
// was mined with status 0.
var ErrTxReverted = errors.New("transaction reverted")

// Send implements Sender.
func (s *TxSender) Send(ctx context.Context, to common.Address, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chainID == nil {
		id, err := s.backend.ChainID(ctx)
		if err != nil {
			return fmt.Errorf("read chain id: %w", err)
		}
		s.chainID = id
	}
	chainID := s.chainID
	opts := &bind.TransactOpts{
		From:    s.signer.Address(),
		Context: ctx,
		Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
			return s.signer.SignTx(ctx, tx, chainID)
		},
	}
	contract := bind.NewBoundContract(to, bindings.NewVSSTask().GetABI(), s.backend, s.backend, s.backend)
	tx, err := bind.Transact(contract, opts, data)
	if err != nil {
		return fmt.Errorf("send from %s to %s: %w", s.signer.Address(), to, err)
	}
	t := time.NewTicker(s.poll)
	defer t.Stop()
	var lastErr error
	for {
		// Like bind.WaitMined, every lookup error is retried: nodes answer
		// "not found" or "transaction indexing is in progress" until they can.
		rcpt, err := s.backend.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if rcpt.Status != types.ReceiptStatusSuccessful {
				return fmt.Errorf("tx %s from %s to %s: %w", tx.Hash(), s.signer.Address(), to, ErrTxReverted)
			}
			return nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			if lastErr != nil {
				return fmt.Errorf("wait for receipt of tx %s (last lookup error: %v): %w", tx.Hash(), lastErr, ctx.Err())
			}
			return fmt.Errorf("wait for receipt of tx %s: %w", tx.Hash(), ctx.Err())
		case <-t.C:
		}
	}
}
