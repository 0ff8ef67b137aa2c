package devnet

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/crynux-go/crynux/devnet/geth"
	"github.com/crynux-go/crynux/devnet/node"
	"github.com/crynux-go/crynux/devnet/relayserver"
	"github.com/crynux-go/crynux/relay/taskargs"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// Options configure Start. The zero value starts the embedded network: an
// in-process chain, the Relay and three honest nodes with the same GPU.
type Options struct {
	// Geth runs a real `geth --dev` process instead of the in-process chain.
	Geth bool
	// GethMinerTip is geth's geth.Options.MinerTip: the smallest tip its
	// miner includes (nil: geth's default).
	GethMinerTip *big.Int
	// GethBinary overrides where geth is found (see geth.Find).
	GethBinary string
	// DataDir keeps the network's state (chain, Relay files, keys, config) so
	// that a restart with the same DataDir continues it. It needs Geth: the
	// in-process chain lives in memory only. Empty: a temporary directory.
	DataDir string
	// Nodes is the number of simulated nodes (default 3, so that group
	// validation can happen). Use NoNodes for none.
	Nodes   int
	NoNodes bool
	// Behaviours sets each node's behaviour by index; missing entries are Honest.
	Behaviours []node.Behaviour
	// TrainTime is how long Slow nodes train.
	TrainTime time.Duration
	// GPUName and GPUVRAM of every node (default node.DefaultGPUName, 24 GB).
	GPUName string
	GPUVRAM uint64
	// Accounts is the number of funded creator accounts (default 2), each
	// with AccountFunds wei (default 10,000 CNX).
	Accounts     int
	AccountFunds *big.Int
	// TaskTimeout is VSSTask's task timeout (default 10 minutes).
	TaskTimeout time.Duration
	// QueueSizeLimit is the task queue's size limit (default 50, as deployed).
	QueueSizeLimit uint64
	// RelayTaskTimeout is the Relay worker's per-task deadline (default 30 minutes).
	RelayTaskTimeout time.Duration
	// Schema is the task-args schema the Relay validates (default vss).
	Schema taskargs.Schema
	// PollInterval of the Relay workers and nodes (default 100ms).
	PollInterval time.Duration
	// HTTPPort and WSPort pin the chain's RPC ports; RelayPort the Relay's (0: free ports).
	HTTPPort, WSPort, RelayPort int
	Logger                      *slog.Logger
}

// Account is a funded test account. Its key is for the local network only.
type Account struct {
	Address    common.Address `json:"address"`
	PrivateKey string         `json:"private_key"`
}

// Config is everything a client needs to use the network. Its JSON form is
// what `crynux devnet up --write-config` writes and sdk.LoadNetwork reads.
type Config struct {
	Name        string           `json:"name"`
	ChainID     int64            `json:"chain_id"`
	RPCURL      string           `json:"rpc_url"`
	WSURL       string           `json:"ws_url"`
	RelayURL    string           `json:"relay_url"`
	Contracts   Contracts        `json:"contracts"`
	Schema      taskargs.Schema  `json:"schema"`
	GPUName     string           `json:"gpu_name"`
	GPUVRAM     uint64           `json:"gpu_vram"`
	TaskVersion string           `json:"task_version"`
	TaskTimeout int64            `json:"task_timeout_seconds"`
	Accounts    []Account        `json:"accounts"`
	Nodes       []common.Address `json:"nodes"`
}

// state is what DataDir keeps besides the chain and the Relay's files.
type state struct {
	Config
	DeployerKey string   `json:"deployer_key"`
	RelayKey    string   `json:"relay_key"`
	NodeKeys    []string `json:"node_keys"`
}

// ChainClient is what the network's parts need from a chain client;
// *ethclient.Client and the simulated backend's client satisfy it.
type ChainClient interface {
	Backend
	txmgr.Backend
}

// Network is a running local Crynux network.
type Network struct {
	Config Config
	// Chain is the in-process chain (nil with Geth).
	Chain *SimChain
	// Geth is the geth process (nil without Geth).
	Geth *geth.Node
	// Backend is a client of the chain that the network's own parts use.
	Backend ChainClient
	Relay   *relayserver.Server
	Nodes   []*node.Node

	keys    []*ecdsa.PrivateKey
	tempDir string
	cancel  context.CancelFunc
	done    chan struct{}
	closers []func() error
}

// AccountKey returns the private key of funded account i.
func (n *Network) AccountKey(i int) *ecdsa.PrivateKey { return n.keys[i] }

// Signer returns a signer for funded account i.
func (n *Network) Signer(i int) wallet.Signer { return wallet.NewKeySigner(n.keys[i]) }

// WriteConfig writes the network's Config as JSON (0600: it holds test keys).
func (n *Network) WriteConfig(path string) error {
	b, err := json.MarshalIndent(n.Config, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o600)
}

func cnx(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func keyHex(k *ecdsa.PrivateKey) string { return hexutil.Encode(crypto.FromECDSA(k)) }

func parseKey(s string) (*ecdsa.PrivateKey, error) {
	return crypto.ToECDSA(common.FromHex(s))
}

// Start starts a local Crynux network and returns once every part answers
// and the nodes have joined.
func Start(ctx context.Context, opts Options) (_ *Network, err error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.DataDir != "" && !opts.Geth {
		return nil, errors.New("devnet: DataDir keeps state across restarts only with Geth (the in-process chain lives in memory); add --geth or drop --data")
	}
	if opts.Nodes == 0 && !opts.NoNodes {
		opts.Nodes = 3
	}
	if opts.NoNodes {
		opts.Nodes = 0
	}
	if opts.GPUName == "" {
		opts.GPUName = node.DefaultGPUName
	}
	if opts.GPUVRAM == 0 {
		opts.GPUVRAM = node.DefaultGPUVRAM
	}
	if opts.Accounts == 0 {
		opts.Accounts = 2
	}
	if opts.AccountFunds == nil {
		opts.AccountFunds = cnx(10_000)
	}
	if opts.TaskTimeout == 0 {
		opts.TaskTimeout = 10 * time.Minute
	}
	if opts.RelayTaskTimeout == 0 {
		opts.RelayTaskTimeout = 30 * time.Minute
	}
	if opts.Schema == "" {
		opts.Schema = taskargs.SchemaVSS
	}
	if opts.PollInterval == 0 {
		opts.PollInterval = 100 * time.Millisecond
	}
	n := &Network{done: make(chan struct{})}
	defer func() {
		if err != nil {
			_ = n.Close()
		}
	}()
	dataDir := opts.DataDir
	if dataDir == "" {
		if dataDir, err = os.MkdirTemp("", "crynux-devnet-*"); err != nil {
			return nil, fmt.Errorf("devnet: %w", err)
		}
		n.tempDir = dataDir
	} else if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	statePath := filepath.Join(dataDir, "devnet.json")
	st, resumed, err := loadOrNewState(statePath, opts)
	if err != nil {
		return nil, err
	}
	deployer, _ := parseKey(st.DeployerKey)
	relayKey, _ := parseKey(st.RelayKey)
	var nodeKeys []*ecdsa.PrivateKey
	for _, k := range st.NodeKeys {
		pk, err := parseKey(k)
		if err != nil {
			return nil, fmt.Errorf("devnet: bad node key in %s: %w", statePath, err)
		}
		nodeKeys = append(nodeKeys, pk)
	}
	for _, a := range st.Accounts {
		pk, err := parseKey(a.PrivateKey)
		if err != nil {
			return nil, fmt.Errorf("devnet: bad account key in %s: %w", statePath, err)
		}
		n.keys = append(n.keys, pk)
	}
	alloc := map[common.Address]*big.Int{
		crypto.PubkeyToAddress(deployer.PublicKey): cnx(1_000_000),
		crypto.PubkeyToAddress(relayKey.PublicKey): cnx(10_000),
	}
	for _, k := range nodeKeys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = cnx(10_000)
	}
	for _, k := range n.keys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = opts.AccountFunds
	}

	// Chain.
	if opts.Geth {
		g, err := geth.Start(ctx, geth.Options{Binary: opts.GethBinary, DataDir: filepath.Join(dataDir, "geth"),
			Prefund: alloc, HTTPPort: opts.HTTPPort, WSPort: opts.WSPort, MinerTip: opts.GethMinerTip, Logger: opts.Logger})
		if err != nil {
			return nil, fmt.Errorf("devnet: %w", err)
		}
		n.Geth = g
		n.closers = append(n.closers, g.Stop)
		ws, err := ethclient.DialContext(ctx, g.WSURL)
		if err != nil {
			return nil, fmt.Errorf("devnet: dial geth: %w", err)
		}
		n.closers = append(n.closers, func() error { ws.Close(); return nil })
		n.Backend = ws
		st.RPCURL, st.WSURL, st.ChainID = g.HTTPURL, g.WSURL, geth.ChainID
	} else {
		ga := types.GenesisAlloc{}
		for a, b := range alloc {
			ga[a] = types.Account{Balance: b}
		}
		c, err := StartSimChain(SimChainOptions{Alloc: ga, Serve: true, HTTPPort: opts.HTTPPort, WSPort: opts.WSPort, Logger: opts.Logger})
		if err != nil {
			return nil, err
		}
		n.Chain = c
		n.closers = append(n.closers, c.Close)
		n.Backend = c.Client()
		st.RPCURL, st.WSURL, st.ChainID = c.HTTPURL, c.WSURL, SimChainID.Int64()
	}

	// Contracts.
	if !resumed {
		contracts, err := Deploy(ctx, n.Backend, wallet.NewKeySigner(deployer), DeployOptions{
			Relay: crypto.PubkeyToAddress(relayKey.PublicKey), TaskTimeout: opts.TaskTimeout,
			QueueSizeLimit: opts.QueueSizeLimit, Logger: opts.Logger})
		if err != nil {
			return nil, err
		}
		st.Contracts = *contracts
	}

	// Relay.
	relayTx, err := txmgr.New(n.Backend, wallet.NewKeySigner(relayKey), txmgr.WithLogger(opts.Logger))
	if err != nil {
		return nil, fmt.Errorf("devnet: relay account: %w", err)
	}
	n.closers = append(n.closers, relayTx.Close)
	srv, err := relayserver.New(relayserver.Config{
		Chain:        relayserver.NewContractChain(n.Backend, st.Contracts.VSSTask, txSender{relayTx}),
		DataDir:      filepath.Join(dataDir, "relay"),
		ArgsSchema:   opts.Schema,
		PollInterval: opts.PollInterval,
		TaskTimeout:  opts.RelayTaskTimeout,
		Logger:       opts.Logger.With("part", "relay"),
	})
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	addr := "127.0.0.1:0"
	if opts.RelayPort != 0 {
		addr = fmt.Sprintf("127.0.0.1:%d", opts.RelayPort)
	}
	// The Relay outlives ctx, which bounds only the start-up (like the nodes
	// and the chain); Close stops it.
	if err := srv.Start(context.WithoutCancel(ctx), addr); err != nil {
		return nil, fmt.Errorf("devnet: start relay: %w", err)
	}
	n.Relay = srv
	n.closers = append(n.closers, srv.Close)
	st.RelayURL = srv.URL()

	// Nodes.
	runCtx, cancel := context.WithCancel(context.Background())
	n.cancel = cancel
	for i, k := range nodeKeys {
		b := node.Honest
		if i < len(opts.Behaviours) {
			b = opts.Behaviours[i]
		}
		nd, err := node.New(node.Config{
			Backend:      n.Backend,
			Signer:       wallet.NewKeySigner(k),
			Contracts:    node.Contracts{VSSTask: st.Contracts.VSSTask, Node: st.Contracts.Node},
			RelayURL:     st.RelayURL,
			GPUName:      opts.GPUName,
			GPUVRAM:      opts.GPUVRAM,
			Behaviour:    b,
			TrainTime:    opts.TrainTime,
			PollInterval: opts.PollInterval,
			WorkDir:      filepath.Join(dataDir, "nodes", crypto.PubkeyToAddress(k.PublicKey).Hex()),
			Logger:       opts.Logger.With("part", "node", "behaviour", b.String()),
		})
		if err != nil {
			return nil, fmt.Errorf("devnet: node %d: %w", i, err)
		}
		n.closers = append(n.closers, nd.Close)
		if err := nd.Join(ctx); err != nil {
			return nil, fmt.Errorf("devnet: node %d join: %w", i, err)
		}
		n.Nodes = append(n.Nodes, nd)
		st.Nodes = append(st.Nodes, nd.Address())
	}
	var running int
	nodeDone := make(chan struct{}, len(n.Nodes))
	for _, nd := range n.Nodes {
		running++
		go func(nd *node.Node) {
			if err := nd.Run(runCtx); err != nil && runCtx.Err() == nil {
				opts.Logger.Error("node stopped", "node", nd.Address(), "err", err)
			}
			nodeDone <- struct{}{}
		}(nd)
	}
	go func() {
		for i := 0; i < running; i++ {
			<-nodeDone
		}
		close(n.done)
	}()

	st.Nodes = dedupe(st.Nodes)
	n.Config = st.Config
	if err := writeState(statePath, st); err != nil {
		return nil, err
	}
	return n, nil
}

func dedupe(a []common.Address) []common.Address {
	seen := map[common.Address]bool{}
	var out []common.Address
	for _, x := range a {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func loadOrNewState(path string, opts Options) (*state, bool, error) {
	if b, err := os.ReadFile(path); err == nil {
		var st state
		if err := json.Unmarshal(b, &st); err != nil {
			return nil, false, fmt.Errorf("devnet: parse %s: %w", path, err)
		}
		st.Nodes = nil
		return &st, true, nil
	}
	st := &state{Config: Config{
		Name: "devnet", Schema: opts.Schema, GPUName: opts.GPUName, GPUVRAM: opts.GPUVRAM,
		TaskVersion: "2.5.0", TaskTimeout: int64(opts.TaskTimeout / time.Second),
	}}
	gen := func() (*ecdsa.PrivateKey, error) { return crypto.GenerateKey() }
	k, err := gen()
	if err != nil {
		return nil, false, err
	}
	st.DeployerKey = keyHex(k)
	if k, err = gen(); err != nil {
		return nil, false, err
	}
	st.RelayKey = keyHex(k)
	for i := 0; i < opts.Nodes; i++ {
		if k, err = gen(); err != nil {
			return nil, false, err
		}
		st.NodeKeys = append(st.NodeKeys, keyHex(k))
	}
	for i := 0; i < opts.Accounts; i++ {
		if k, err = gen(); err != nil {
			return nil, false, err
		}
		st.Accounts = append(st.Accounts, Account{Address: crypto.PubkeyToAddress(k.PublicKey), PrivateKey: keyHex(k)})
	}
	return st, false, nil
}

func writeState(path string, st *state) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("devnet: write %s: %w", path, err)
	}
	return os.Rename(tmp, path)
}

// txSender lets the Relay send its reports through a transaction manager.
type txSender struct{ m *txmgr.Manager }

func (s txSender) Send(ctx context.Context, to common.Address, data []byte) error {
	_, err := s.m.Send(ctx, txmgr.Request{To: &to, Data: data})
	return err
}

// Close stops the nodes, the Relay and the chain, and removes a temporary DataDir.
func (n *Network) Close() error {
	if n.cancel != nil {
		n.cancel()
		<-n.done
	}
	var errs []error
	for i := len(n.closers) - 1; i >= 0; i-- {
		if err := n.closers[i](); err != nil {
			errs = append(errs, err)
		}
	}
	n.closers = nil
	if n.tempDir != "" {
		_ = os.RemoveAll(n.tempDir)
	}
	return errors.Join(errs...)
}
