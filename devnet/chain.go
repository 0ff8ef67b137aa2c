package devnet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/rpc"
)

// SimChainOptions configure StartSimChain.
type SimChainOptions struct {
	// Alloc funds accounts in the genesis block.
	Alloc types.GenesisAlloc
	// Serve exposes the chain over websocket JSON-RPC on 127.0.0.1 too, for
	// subscriptions from other processes. HTTP JSON-RPC on 127.0.0.1 is always
	// on: the auto-miner watches the transaction pool through it.
	Serve bool
	// HTTPPort and WSPort fix the ports when Serve is set (0 picks free ones).
	HTTPPort, WSPort int
	// GasLimit of blocks (default 60M).
	GasLimit uint64
	// NoAutoMine leaves mining to the caller (Commit), as in plain simulated-backend tests.
	NoAutoMine bool
	Logger     *slog.Logger
}

// DefaultSimGasLimit is the in-process chain's block gas limit.
const DefaultSimGasLimit = 60_000_000

// SimChain is go-ethereum's simulated backend, mined automatically whenever
// transactions are pending: the embedded chain of the local network.
type SimChain struct {
	Backend *simulated.Backend
	// HTTPURL and WSURL are set when the chain is served (SimChainOptions.Serve).
	HTTPURL, WSURL string

	rpc    *rpc.Client
	log    *slog.Logger
	mu     sync.Mutex // serialises Commit with the auto-miner
	cancel context.CancelFunc
	done   chan struct{}
}

// ChainID of the simulated chain (go-ethereum fixes it at 1337).
var SimChainID = big.NewInt(1337)

// StartSimChain starts an in-process chain.
func StartSimChain(opts SimChainOptions) (*SimChain, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.GasLimit == 0 {
		opts.GasLimit = DefaultSimGasLimit
	}
	c := &SimChain{log: opts.Logger}
	var err error
	if opts.HTTPPort == 0 {
		if opts.HTTPPort, err = freePort(); err != nil {
			return nil, err
		}
	}
	c.HTTPURL = fmt.Sprintf("http://127.0.0.1:%d", opts.HTTPPort)
	if opts.Serve {
		if opts.WSPort == 0 {
			if opts.WSPort, err = freePort(); err != nil {
				return nil, err
			}
		}
		c.WSURL = fmt.Sprintf("ws://127.0.0.1:%d", opts.WSPort)
	}
	c.Backend = simulated.NewBackend(opts.Alloc, func(nc *node.Config, ec *ethconfig.Config) {
		ec.Genesis.GasLimit = opts.GasLimit
		ec.Miner.GasCeil = opts.GasLimit
		ec.RPCGasCap = 0
		ec.RPCTxFeeCap = 0
		nc.HTTPHost, nc.HTTPPort = "127.0.0.1", opts.HTTPPort
		nc.HTTPModules = []string{"eth", "net", "web3", "txpool"}
		nc.HTTPVirtualHosts = []string{"*"}
		if opts.Serve {
			nc.WSHost, nc.WSPort = "127.0.0.1", opts.WSPort
			nc.WSModules = []string{"eth", "net", "web3", "txpool"}
			nc.WSOrigins = []string{"*"}
		}
	})
	if c.rpc, err = rpc.Dial(c.HTTPURL); err != nil {
		_ = c.Backend.Close()
		return nil, fmt.Errorf("devnet: dial the in-process chain's RPC: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel, c.done = cancel, make(chan struct{})
	if opts.NoAutoMine {
		close(c.done)
	} else {
		go c.autoMine(ctx)
	}
	return c, nil
}

// Client returns an in-process client of the chain.
func (c *SimChain) Client() simulated.Client { return c.Backend.Client() }

// Commit mines a block now.
func (c *SimChain) Commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.Backend.Commit()
}

// Reorg replaces the chain above parent with blocks new blocks, as a chain
// reorganisation does: transactions of the dropped blocks go back to the
// pool (the auto-miner includes them again). For reorg drills.
func (c *SimChain) Reorg(parent common.Hash, blocks int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.Backend.Fork(parent); err != nil {
		return fmt.Errorf("devnet: fork at %s: %w", parent.Hex(), err)
	}
	for range blocks {
		c.Backend.Commit()
	}
	return nil
}

// autoMine commits a block whenever the pool holds executable transactions.
// A transaction that cannot be included (priced under the base fee) would make
// it mine empty blocks forever and race the chain clock ahead, so after a block
// that left the pool unchanged it waits for the pool to change, or a second.
func (c *SimChain) autoMine(ctx context.Context) {
	defer close(c.done)
	stuck := -1
	stuckSince := time.Time{}
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Millisecond):
		}
		pending, err := c.pendingCount(ctx)
		if err != nil || pending == 0 {
			stuck = -1
			continue
		}
		if pending == stuck && time.Since(stuckSince) < time.Second {
			continue
		}
		c.Commit()
		after, err := c.pendingCount(ctx)
		if err == nil && after >= pending {
			stuck, stuckSince = after, time.Now()
		} else {
			stuck = -1
		}
	}
}

func (c *SimChain) pendingCount(ctx context.Context) (int, error) {
	var status map[string]string
	if err := c.rpc.CallContext(ctx, &status, "txpool_status"); err != nil {
		return 0, err
	}
	var n big.Int
	if _, ok := n.SetString(status["pending"], 0); !ok {
		return 0, errors.New("devnet: bad txpool_status answer")
	}
	return int(n.Int64()), nil
}

// Close stops mining and shuts the chain down.
func (c *SimChain) Close() error {
	c.cancel()
	<-c.done
	c.rpc.Close()
	return c.Backend.Close()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("devnet: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
