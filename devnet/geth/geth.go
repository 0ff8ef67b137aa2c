// Package geth starts and stops a real `geth --dev` process for integration
// tests and for anyone who wants a local node to point other tools at.
//
// A launched node listens on free 127.0.0.1 ports only, mines a block as soon
// as a transaction is pending (--dev.period 0), starts from a genesis that
// prefunds the accounts asked for, and is killed when the process that
// started it dies (Linux parent-death signal).
package geth

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
)

// DevKeyHex is the developer key every fresh `geth --dev` datadir uses. It is
// public knowledge: never use it outside a local chain.
const DevKeyHex = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// ChainID of every geth --dev chain.
const ChainID = 1337

// ErrNotInstalled is returned by Find and Start when no geth binary is found.
var ErrNotInstalled = errors.New("geth: binary not found; run scripts/install-geth.sh (go install github.com/ethereum/go-ethereum/cmd/geth@v1.17.10) or set CRYNUX_GETH")

// Options configure Start.
type Options struct {
	// Binary is the geth executable. Empty: $CRYNUX_GETH, then geth on PATH, then $(go env GOPATH)/bin/geth.
	Binary string
	// DataDir keeps the chain. Empty: a temporary directory removed by Stop.
	// A non-empty DataDir that already holds a chain is reused as is.
	DataDir string
	// Prefund lists accounts funded in the genesis block (ignored when DataDir already holds a chain).
	Prefund map[common.Address]*big.Int
	// GasLimit of blocks (default 60M; one transaction is still capped at ~16.7M by Osaka).
	GasLimit uint64
	// HTTPPort and WSPort to listen on at 127.0.0.1; 0 picks free ports.
	HTTPPort, WSPort int
	// MinerTip, when set, is the smallest priority fee (wei per gas) the
	// miner includes, while the pool still accepts tips down to 1 wei: a
	// transaction under it waits in the pool, as on a busy network. For
	// stuck-transaction drills (geth --miner.gasprice --txpool.pricelimit 1).
	MinerTip *big.Int
	// Log receives geth's own output (default: discarded).
	Log io.Writer
	// Logger for the launcher's messages (default: discarded).
	Logger *slog.Logger
}

// Node is a running geth --dev process.
type Node struct {
	HTTPURL string
	WSURL   string
	DataDir string
	// DevKey is the funded developer account's key (DevKeyHex).
	DevKey *ecdsa.PrivateKey

	opts    Options
	binary  string
	tempDir bool
	cmd     *exec.Cmd
	done    chan struct{}
	waitErr error
	mu      sync.Mutex
}

// Find returns the path of the geth binary to use.
func Find(binary string) (string, error) {
	if binary != "" {
		if _, err := os.Stat(binary); err != nil {
			return "", fmt.Errorf("%w (looked for %s)", ErrNotInstalled, binary)
		}
		return binary, nil
	}
	if p := os.Getenv("CRYNUX_GETH"); p != "" {
		return Find(p)
	}
	if p, err := exec.LookPath("geth"); err == nil {
		return p, nil
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
			gopath = string(bytes.TrimSpace(out))
		}
	}
	if gopath != "" {
		p := filepath.Join(filepath.SplitList(gopath)[0], "bin", "geth")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", ErrNotInstalled
}

// Start launches geth --dev and waits until its HTTP endpoint answers eth_chainId.
func Start(ctx context.Context, opts Options) (*Node, error) {
	bin, err := Find(opts.Binary)
	if err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.GasLimit == 0 {
		opts.GasLimit = 60_000_000
	}
	n := &Node{opts: opts, binary: bin}
	n.DevKey, _ = crypto.HexToECDSA(DevKeyHex)
	if opts.DataDir == "" {
		dir, err := os.MkdirTemp("", "crynux-geth-*")
		if err != nil {
			return nil, fmt.Errorf("geth: create datadir: %w", err)
		}
		n.DataDir, n.tempDir = dir, true
	} else {
		n.DataDir = opts.DataDir
		if err := os.MkdirAll(n.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("geth: create datadir: %w", err)
		}
	}
	if !hasChain(n.DataDir) {
		if err := n.initGenesis(ctx); err != nil {
			n.cleanup()
			return nil, err
		}
	}
	if opts.HTTPPort == 0 {
		if n.opts.HTTPPort, err = freePort(); err != nil {
			n.cleanup()
			return nil, err
		}
	}
	if opts.WSPort == 0 {
		if n.opts.WSPort, err = freePort(); err != nil {
			n.cleanup()
			return nil, err
		}
	}
	if err := n.launch(ctx); err != nil {
		n.cleanup()
		return nil, err
	}
	return n, nil
}

func hasChain(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "geth", "chaindata"))
	return err == nil
}

// initGenesis writes geth's own dev genesis plus the prefunded accounts and runs geth init.
func (n *Node) initGenesis(ctx context.Context) error {
	out, err := exec.CommandContext(ctx, n.binary, "--dev", "dumpgenesis").Output()
	if err != nil {
		return fmt.Errorf("geth: dumpgenesis: %w", err)
	}
	var g map[string]any
	if err := json.Unmarshal(out, &g); err != nil {
		return fmt.Errorf("geth: parse dev genesis: %w", err)
	}
	alloc, _ := g["alloc"].(map[string]any)
	if alloc == nil {
		alloc = map[string]any{}
	}
	// A datadir initialised from a genesis file gets no automatic dev-account
	// funding, so fund the dev key here like a fresh --dev chain would.
	devFunds := new(big.Int).Exp(big.NewInt(10), big.NewInt(27), nil) // 1e9 CNX
	alloc[crypto.PubkeyToAddress(n.DevKey.PublicKey).Hex()] = map[string]any{"balance": hexutil.EncodeBig(devFunds)}
	for addr, bal := range n.opts.Prefund {
		alloc[addr.Hex()] = map[string]any{"balance": hexutil.EncodeBig(bal)}
	}
	g["alloc"] = alloc
	g["gasLimit"] = hexutil.EncodeUint64(n.opts.GasLimit)
	b, _ := json.Marshal(g)
	path := filepath.Join(n.DataDir, "genesis.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return fmt.Errorf("geth: write genesis: %w", err)
	}
	cmd := exec.CommandContext(ctx, n.binary, "--datadir", n.DataDir, "init", path)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("geth: init genesis: %w: %s", err, tail(msg))
	}
	return nil
}

func (n *Node) launch(ctx context.Context) error {
	authPort, err := freePort()
	if err != nil {
		return err
	}
	args := []string{
		"--dev", "--dev.period", "0",
		"--datadir", n.DataDir,
		"--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0",
		"--authrpc.addr", "127.0.0.1", "--authrpc.port", strconv.Itoa(authPort),
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(n.opts.HTTPPort),
		"--http.api", "eth,net,web3,txpool,debug,miner",
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", strconv.Itoa(n.opts.WSPort),
		"--ws.api", "eth,net,web3,txpool",
		"--miner.gaslimit", strconv.FormatUint(n.opts.GasLimit, 10),
		"--rpc.gascap", "0", "--rpc.txfeecap", "0",
		"--verbosity", "2",
	}
	if n.opts.MinerTip != nil {
		args = append(args, "--miner.gasprice", n.opts.MinerTip.String(), "--txpool.pricelimit", "1")
	}
	cmd := exec.Command(n.binary, args...)
	w := n.opts.Log
	if w == nil {
		w = io.Discard
	}
	cmd.Stdout, cmd.Stderr = w, w
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("geth: start %s: %w", n.binary, err)
	}
	n.cmd = cmd
	n.done = make(chan struct{})
	go func() {
		n.waitErr = cmd.Wait()
		close(n.done)
	}()
	n.HTTPURL = fmt.Sprintf("http://127.0.0.1:%d", n.opts.HTTPPort)
	n.WSURL = fmt.Sprintf("ws://127.0.0.1:%d", n.opts.WSPort)
	n.opts.Logger.Info("geth started", "pid", cmd.Process.Pid, "http", n.HTTPURL, "ws", n.WSURL, "datadir", n.DataDir)
	return n.waitReady(ctx)
}

func (n *Node) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-n.done:
			return fmt.Errorf("geth: exited before answering: %v", n.waitErr)
		case <-ctx.Done():
			n.kill()
			return ctx.Err()
		default:
		}
		if c, err := ethclient.DialContext(ctx, n.HTTPURL); err == nil {
			cctx, cancel := context.WithTimeout(ctx, time.Second)
			id, err := c.ChainID(cctx)
			cancel()
			c.Close()
			if err == nil && id.Int64() == ChainID {
				return nil
			}
		}
		if time.Now().After(deadline) {
			n.kill()
			return errors.New("geth: no answer on " + n.HTTPURL + " within 30s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Restart stops the process and starts it again on the same datadir and ports.
func (n *Node) Restart(ctx context.Context) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.kill()
	return n.launch(ctx)
}

// SetMinerTip changes Options.MinerTip for the next Restart (nil: geth's
// default), as when a network's fee level rises while transactions wait.
func (n *Node) SetMinerTip(tip *big.Int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if tip != nil {
		tip = new(big.Int).Set(tip)
	}
	n.opts.MinerTip = tip
}

// Kill stops the process abruptly (SIGKILL) without removing the datadir, for fault drills.
func (n *Node) Kill() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.kill()
}

func (n *Node) kill() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	select {
	case <-n.done:
	default:
		_ = n.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-n.done:
		case <-time.After(5 * time.Second):
			_ = syscall.Kill(-n.cmd.Process.Pid, syscall.SIGKILL)
			<-n.done
		}
	}
}

// Stop terminates geth and removes a temporary datadir. It is safe to call twice.
func (n *Node) Stop() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.kill()
	n.cleanup()
	return nil
}

func (n *Node) cleanup() {
	if n.tempDir && n.DataDir != "" {
		_ = os.RemoveAll(n.DataDir)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("geth: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(bytes.TrimSpace(b))
}
