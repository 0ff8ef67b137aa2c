package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/node"
)

func (a *app) devnetCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Run a local Crynux network (chain, contracts, Relay, simulated nodes)",
	}
	cmd.AddCommand(a.devnetUpCommand())
	return cmd
}

func (a *app) devnetUpCommand() *cobra.Command {
	var (
		opts        devnet.Options
		behaviours  []string
		writeConfig string
		writeKey    string
		accounts    int
		nodes       int
	)
	cmd := &cobra.Command{
		Use:   "up",
		Short: "Start a local Crynux network and run it until Ctrl-C",
		Long: `Start a local Crynux network: a chain (in-process by default, a real geth --dev
with --geth), the VSS task contracts, a Relay and simulated nodes. It prints
the network config (chain id, RPC URLs, Relay URL, contract addresses and the
funded test accounts' keys, which are for this devnet only), writes it to
--write-config for other commands (CRYNUX_NETWORK=FILE), and runs until
SIGINT or SIGTERM, then shuts down cleanly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if nodes < 0 {
				return usageErrorf("--nodes must be ≥ 0")
			}
			if nodes == 0 {
				opts.NoNodes = true
			}
			opts.Nodes = nodes
			opts.Accounts = accounts
			for _, list := range behaviours {
				for _, s := range strings.Split(list, ",") {
					if strings.TrimSpace(s) == "" {
						continue
					}
					b, err := node.ParseBehaviour(s)
					if err != nil {
						return &usageError{err: err}
					}
					opts.Behaviours = append(opts.Behaviours, b)
				}
			}
			if len(opts.Behaviours) > nodes {
				return usageErrorf("--node-behaviour names %d nodes but --nodes is %d", len(opts.Behaviours), nodes)
			}
			if opts.DataDir != "" && !opts.Geth {
				return usageErrorf("--data keeps the network across restarts only with --geth (the in-process chain lives in memory)")
			}
			opts.Logger = a.log.With("part", "devnet")
			ctx := cmd.Context()
			a.notef("starting the devnet (%s, %d nodes)...\n", chainKind(opts.Geth), nodes)
			n, err := devnet.Start(ctx, opts)
			if err != nil {
				if ctx.Err() != nil {
					a.notef("interrupted while starting; stopped\n")
					return nil
				}
				return fmt.Errorf("start devnet: %w", err)
			}
			// The key first: a script waiting for the config file then finds both.
			if writeKey != "" && len(n.Config.Accounts) > 0 {
				key := strings.TrimPrefix(n.Config.Accounts[0].PrivateKey, "0x") + "\n"
				if err := os.WriteFile(writeKey, []byte(key), 0o600); err != nil {
					n.Close()
					return fmt.Errorf("write devnet key: %w", err)
				}
			}
			if writeConfig != "" {
				if err := writeConfigFile(writeConfig, n.Config); err != nil {
					n.Close()
					return err
				}
			}
			a.printDevnet(n, opts, writeConfig)
			<-ctx.Done()
			// A second Ctrl-C during shutdown kills the process.
			a.stopSignals()
			a.notef("stopping the devnet...\n")
			if err := n.Close(); err != nil {
				return fmt.Errorf("stop devnet: %w", err)
			}
			a.notef("devnet stopped\n")
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Geth, "geth", false, "run a real geth --dev process instead of the in-process chain")
	f.StringVar(&opts.GethBinary, "geth-binary", "", "geth binary (default: found on PATH)")
	f.IntVar(&nodes, "nodes", 3, "number of simulated nodes (3 allow group validation)")
	f.StringSliceVar(&behaviours, "node-behaviour", nil, "behaviour of each node by index: honest, report-error, stall, cheat, slow (comma-separated)")
	f.StringVar(&opts.DataDir, "data", "", "keep the network's state in DIR (needs --geth); default: a temporary directory")
	f.StringVar(&writeConfig, "write-config", "", "write the network config JSON to FILE (mode 0600: it holds test keys)")
	f.StringVar(&writeKey, "write-key", "", "write the first funded test account's private key (hex) to FILE, mode 0600, for wallet import --key-file")
	f.IntVar(&opts.HTTPPort, "rpc-port", 0, "chain JSON-RPC HTTP port (default: a free port)")
	f.IntVar(&opts.WSPort, "ws-port", 0, "chain JSON-RPC websocket port (default: a free port)")
	f.IntVar(&opts.RelayPort, "relay-port", 0, "Relay port (default: a free port)")
	f.IntVar(&accounts, "accounts", 2, "number of funded test accounts")
	f.DurationVar(&opts.TaskTimeout, "task-timeout", 0, "VSSTask task timeout (default 10m)")
	f.DurationVar(&opts.TrainTime, "train-time", 0, "how long slow nodes train")
	return cmd
}

func chainKind(geth bool) string {
	if geth {
		return "geth --dev"
	}
	return "in-process chain"
}

// writeConfigFile writes the config atomically so that a reader polling for
// the file never sees half of it.
func writeConfigFile(path string, cfg devnet.Config) error {
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write devnet config: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write devnet config: %w", err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write devnet config: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write devnet config: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write devnet config: %w", err)
	}
	return nil
}

func (a *app) printDevnet(n *devnet.Network, opts devnet.Options, configPath string) {
	c := n.Config
	if a.jsonOut {
		out := map[string]any{"event": "up", "config": c}
		if configPath != "" {
			out["config_file"] = absPath(configPath)
		}
		a.emit(out)
		return
	}
	a.printf("Crynux devnet is up (%s)\n", chainKind(opts.Geth))
	a.printf("  chain id       %d\n", c.ChainID)
	a.printf("  RPC http       %s\n", c.RPCURL)
	a.printf("  RPC ws         %s\n", c.WSURL)
	a.printf("  Relay          %s\n", c.RelayURL)
	a.printf("  VSSTask        %s\n", c.Contracts.VSSTask.Hex())
	a.printf("  Node           %s\n", c.Contracts.Node.Hex())
	a.printf("  QOS            %s\n", c.Contracts.QOS.Hex())
	a.printf("  TaskQueue      %s\n", c.Contracts.TaskQueue.Hex())
	a.printf("  NetworkStats   %s\n", c.Contracts.NetworkStats.Hex())
	a.printf("  GPU            %s (%d GB), task version %s, task timeout %s\n", c.GPUName, c.GPUVRAM, c.TaskVersion,
		time.Duration(c.TaskTimeout)*time.Second)
	for i, nd := range n.Nodes {
		a.printf("  node %-9d %s (%s)\n", i, nd.Address().Hex(), nd.Behaviour())
	}
	a.printf("Funded test accounts (devnet only: never send real funds to these keys):\n")
	for _, acc := range c.Accounts {
		a.printf("  %s  %s\n", acc.Address.Hex(), acc.PrivateKey)
	}
	if configPath != "" {
		a.printf("Config written to %s. Use it with:\n", absPath(configPath))
		key := ""
		if len(c.Accounts) > 0 {
			key = c.Accounts[0].PrivateKey
		}
		a.printf("  export %s=%s %s=%s\n", EnvNetwork, absPath(configPath), EnvPrivateKey, key)
	}
	a.printf("Press Ctrl-C to stop.\n")
}
