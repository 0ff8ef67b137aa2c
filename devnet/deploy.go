// Package devnet is a Crynux network on one machine: the VSS contracts
// deployed and wired on a chain (the in-process simulated backend or geth
// --dev), a Relay server and simulated nodes. Deploy is the project's only
// deployment code: tests, the local network and the CLI all use it, and it
// works on any chain given a funded deployer.
package devnet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet"
)

// Contracts are the addresses of a deployed VSS stack.
type Contracts struct {
	VSSTask      common.Address `json:"vss_task"`
	Node         common.Address `json:"node"`
	QOS          common.Address `json:"qos"`
	TaskQueue    common.Address `json:"task_queue"`
	NetworkStats common.Address `json:"network_stats"`
}

// DeployOptions configure Deploy.
type DeployOptions struct {
	// Relay is the account allowed to report parameter and result uploads (required).
	Relay common.Address
	// TaskTimeout is VSSTask's task timeout. Zero keeps the contract default
	// (180 s); fine-tune tasks need it well above the training time.
	TaskTimeout time.Duration
	// DistanceThreshold for group validation; zero keeps the default (24).
	DistanceThreshold uint64
	// QueueSizeLimit of the task queue; zero keeps the default (50).
	QueueSizeLimit uint64
	Logger         *slog.Logger
}

// Backend is what Deploy needs from a chain client.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Deploy deploys the VSS contracts in the order of protocol §2.1 (QOS,
// NetworkStats, TaskQueue, Node, VSSTask), wires them (QOS and NetworkStats
// learn Node and VSSTask, TaskQueue and Node learn VSSTask), sets the relay
// address and the tunables, and returns the addresses. The deployer becomes
// the owner of every contract.
func Deploy(ctx context.Context, backend Backend, deployer wallet.Signer, opts DeployOptions) (*Contracts, error) {
	if opts.Relay == (common.Address{}) {
		return nil, errors.New("devnet: deploy: DeployOptions.Relay is required (the relay account's address)")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	d, err := newDeployTx(ctx, backend, deployer)
	if err != nil {
		return nil, err
	}
	var c Contracts
	steps := []struct {
		name string
		bin  string
		args []byte
		out  *common.Address
	}{
		{"QOS", bindings.QOSMetaData.Bin, nil, &c.QOS},
		{"NetworkStats", bindings.NetworkStatsMetaData.Bin, nil, &c.NetworkStats},
		{"TaskQueue", bindings.TaskQueueMetaData.Bin, nil, &c.TaskQueue},
	}
	for _, s := range steps {
		if *s.out, err = d.deploy(ctx, s.name, s.bin, s.args); err != nil {
			return nil, err
		}
	}
	if c.Node, err = d.deploy(ctx, "Node", bindings.NodeMetaData.Bin,
		bindings.NewNode().PackConstructor(c.QOS, c.NetworkStats)); err != nil {
		return nil, err
	}
	if c.VSSTask, err = d.deploy(ctx, "VSSTask", bindings.VSSTaskMetaData.Bin,
		bindings.NewVSSTask().PackConstructor(c.Node, c.QOS, c.TaskQueue, c.NetworkStats)); err != nil {
		return nil, err
	}
	qos, stats, queue, node, task := bindings.NewQOS(), bindings.NewNetworkStats(), bindings.NewTaskQueue(), bindings.NewNode(), bindings.NewVSSTask()
	calls := []struct {
		name string
		to   common.Address
		data []byte
	}{
		{"QOS.updateNodeContractAddress", c.QOS, qos.PackUpdateNodeContractAddress(c.Node)},
		{"QOS.updateTaskContractAddress", c.QOS, qos.PackUpdateTaskContractAddress(c.VSSTask)},
		{"NetworkStats.updateNodeContractAddress", c.NetworkStats, stats.PackUpdateNodeContractAddress(c.Node)},
		{"NetworkStats.updateTaskContractAddress", c.NetworkStats, stats.PackUpdateTaskContractAddress(c.VSSTask)},
		{"TaskQueue.updateTaskContractAddress", c.TaskQueue, queue.PackUpdateTaskContractAddress(c.VSSTask)},
		{"Node.updateTaskContractAddress", c.Node, node.PackUpdateTaskContractAddress(c.VSSTask)},
		{"VSSTask.setRelayAddress", c.VSSTask, task.PackSetRelayAddress(opts.Relay)},
	}
	if opts.TaskTimeout > 0 {
		calls = append(calls, struct {
			name string
			to   common.Address
			data []byte
		}{"VSSTask.updateTimeout", c.VSSTask, task.PackUpdateTimeout(big.NewInt(int64(opts.TaskTimeout / time.Second)))})
	}
	if opts.DistanceThreshold > 0 {
		calls = append(calls, struct {
			name string
			to   common.Address
			data []byte
		}{"VSSTask.updateDistanceThreshold", c.VSSTask, task.PackUpdateDistanceThreshold(new(big.Int).SetUint64(opts.DistanceThreshold))})
	}
	if opts.QueueSizeLimit > 0 {
		calls = append(calls, struct {
			name string
			to   common.Address
			data []byte
		}{"TaskQueue.updateSizeLimit", c.TaskQueue, queue.PackUpdateSizeLimit(new(big.Int).SetUint64(opts.QueueSizeLimit))})
	}
	for _, call := range calls {
		if err := d.call(ctx, call.name, call.to, call.data); err != nil {
			return nil, err
		}
	}
	opts.Logger.Info("crynux contracts deployed", "vss_task", c.VSSTask, "node", c.Node, "qos", c.QOS,
		"task_queue", c.TaskQueue, "network_stats", c.NetworkStats, "relay", opts.Relay)
	return &c, nil
}

// deployTx sends the deployer's transactions one after another and waits for each receipt.
type deployTx struct {
	backend Backend
	signer  wallet.Signer
	chainID *big.Int
}

func newDeployTx(ctx context.Context, backend Backend, signer wallet.Signer) (*deployTx, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("devnet: deploy: read chain id: %w", err)
	}
	return &deployTx{backend: backend, signer: signer, chainID: id}, nil
}

func (d *deployTx) deploy(ctx context.Context, name, bin string, args []byte) (common.Address, error) {
	if len(bin) < 3 {
		return common.Address{}, fmt.Errorf("devnet: deploy %s: the binding has no bytecode; run 'go generate ./...'", name)
	}
	data := append(common.FromHex(bin), args...)
	r, err := d.send(ctx, name, nil, data)
	if err != nil {
		return common.Address{}, err
	}
	return r.ContractAddress, nil
}

func (d *deployTx) call(ctx context.Context, name string, to common.Address, data []byte) error {
	_, err := d.send(ctx, name, &to, data)
	return err
}

func (d *deployTx) send(ctx context.Context, name string, to *common.Address, data []byte) (*types.Receipt, error) {
	from := d.signer.Address()
	nonce, err := d.backend.PendingNonceAt(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("devnet: deploy %s: nonce: %w", name, err)
	}
	gas, err := d.backend.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Data: data})
	if err != nil {
		return nil, fmt.Errorf("devnet: deploy %s: estimate gas: %w", name, err)
	}
	gas = gas * 5 / 4
	head, err := d.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("devnet: deploy %s: head: %w", name, err)
	}
	var tx *types.Transaction
	if head.BaseFee != nil {
		tip, err := d.backend.SuggestGasTipCap(ctx)
		if err != nil {
			return nil, fmt.Errorf("devnet: deploy %s: tip: %w", name, err)
		}
		feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
		tx = types.NewTx(&types.DynamicFeeTx{ChainID: d.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: to, Data: data})
	} else {
		price, err := d.backend.SuggestGasPrice(ctx)
		if err != nil {
			return nil, fmt.Errorf("devnet: deploy %s: gas price: %w", name, err)
		}
		tx = types.NewTx(&types.LegacyTx{Nonce: nonce, GasPrice: price, Gas: gas, To: to, Data: data})
	}
	signed, err := d.signer.SignTx(ctx, tx, d.chainID)
	if err != nil {
		return nil, fmt.Errorf("devnet: deploy %s: %w", name, err)
	}
	if err := d.backend.SendTransaction(ctx, signed); err != nil {
		return nil, fmt.Errorf("devnet: deploy %s: send: %w", name, err)
	}
	for {
		r, err := d.backend.TransactionReceipt(ctx, signed.Hash())
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				return nil, fmt.Errorf("devnet: deploy %s: transaction %s reverted", name, signed.Hash())
			}
			return r, nil
		}
		// A young chain may still be indexing transactions: that is "not yet".
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return nil, fmt.Errorf("devnet: deploy %s: receipt of %s: %w", name, signed.Hash(), err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("devnet: deploy %s: transaction %s may still be mined: %w", name, signed.Hash(), ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
