package sdk

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/common"

	"github.com/crynux-go/crynux/relay/taskargs"
)

// DefaultFinetuneTaskFee is the fee per task, in CNX, of a request that sets
// no task_fee: the Crynux Bridge's default fine-tune fee.
const DefaultFinetuneTaskFee = "15"

// Contracts are the addresses of the VSS task contracts of a network.
// The JSON keys match the devnet's config file.
type Contracts struct {
	VSSTask      common.Address `json:"vss_task"`
	Node         common.Address `json:"node"`
	QOS          common.Address `json:"qos"`
	TaskQueue    common.Address `json:"task_queue"`
	NetworkStats common.Address `json:"network_stats"`
}

// Network says where a Crynux VSS network lives. Load one written by
// `crynux devnet up --write-config` with LoadNetwork, use the VSSTestnet
// preset, or fill it in for any deployment.
type Network struct {
	Name string `json:"name,omitempty"`
	// ChainID, when set, is checked against the RPC's eth_chainId at Dial.
	ChainID int64 `json:"chain_id,omitempty"`
	// RPCURL is the chain's JSON-RPC endpoint (http(s) or ws(s)).
	RPCURL string `json:"rpc_url"`
	// WSURL, when set, is used for log subscriptions; without it events are polled over RPCURL.
	WSURL string `json:"ws_url,omitempty"`
	// RelayURL is the Relay's root URL.
	RelayURL  string    `json:"relay_url"`
	Contracts Contracts `json:"contracts"`
	// Schema is the task-args schema the Relay validates against: "vss"
	// (on-chain era, dataset.name required) or "latest" (adds dataset.url).
	// Empty means "vss".
	Schema taskargs.Schema `json:"schema,omitempty"`
	// GPUName and GPUVRAM are the GPU a request gets when it names none
	// (the devnet's nodes' GPU, for instance).
	GPUName string `json:"gpu_name,omitempty"`
	GPUVRAM int    `json:"gpu_vram,omitempty"`
	// PossiblyOffline marks presets of networks that may no longer answer.
	PossiblyOffline bool `json:"possibly_offline,omitempty"`
}

// VSSTestnet is the last public testnet on which tasks were created on chain
// (protocol spec §1.2, addresses as of 2025-03-01). It is very likely offline:
// the network moved to relay-side task creation on 2025-03-21. Legacy gas
// pricing applies there.
var VSSTestnet = Network{
	Name:     "vss-testnet",
	RPCURL:   "https://json-rpc.testnet.crynux.ai",
	RelayURL: "https://vss.relay.crynux.ai",
	Contracts: Contracts{
		VSSTask:      common.HexToAddress("0xd3e246555302CDcCd06D420681aAB4aBA715c05A"),
		Node:         common.HexToAddress("0xFc317b2e4649D5208c5CE6f2968338ef66841642"),
		QOS:          common.HexToAddress("0xC3E755AB19183faFD1C55478bCa23d565Ec83eeB"),
		TaskQueue:    common.HexToAddress("0x09219007aA3096029027A07ab04c5A711B8537b0"),
		NetworkStats: common.HexToAddress("0xCF83DFC25E93687670AB87d31A24B6A892B9C08c"),
	},
	Schema:          taskargs.SchemaVSS,
	PossiblyOffline: true,
}

// LoadNetwork reads a network config JSON file, such as the one the devnet
// writes. Unknown keys (the devnet's funded test keys, for instance) are ignored.
func LoadNetwork(path string) (Network, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Network{}, fmt.Errorf("sdk: read network config: %w", err)
	}
	var n Network
	if err := json.Unmarshal(b, &n); err != nil {
		return Network{}, fmt.Errorf("sdk: parse network config %s: %w", path, err)
	}
	if err := n.Validate(); err != nil {
		return Network{}, fmt.Errorf("sdk: network config %s: %w", path, err)
	}
	return n, nil
}

// Validate checks that the network names an RPC, a Relay and the task contract.
func (n Network) Validate() error {
	var errs []error
	if n.RPCURL == "" {
		errs = append(errs, errors.New("rpc_url is empty (set the chain's JSON-RPC URL)"))
	}
	if n.RelayURL == "" {
		errs = append(errs, errors.New("relay_url is empty (set the Relay's URL)"))
	}
	if n.Contracts.VSSTask == (common.Address{}) {
		errs = append(errs, errors.New("contracts.vss_task is empty (set the VSSTask address)"))
	}
	if n.Contracts.Node == (common.Address{}) {
		errs = append(errs, errors.New("contracts.node is empty (set the Node contract address)"))
	}
	if n.Schema != "" && !n.Schema.Valid() {
		errs = append(errs, fmt.Errorf("schema %q is unknown (use %q or %q)", n.Schema, taskargs.SchemaVSS, taskargs.SchemaLatest))
	}
	return errors.Join(errs...)
}

func (n Network) schema() taskargs.Schema {
	if n.Schema == "" {
		return taskargs.SchemaVSS
	}
	return n.Schema
}
