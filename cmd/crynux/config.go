package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/term"

	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// Environment variables the CLI reads.
const (
	EnvNetwork        = "CRYNUX_NETWORK"
	EnvRPCURL         = "CRYNUX_RPC_URL"
	EnvWSURL          = "CRYNUX_WS_URL"
	EnvRelayURL       = "CRYNUX_RELAY_URL"
	EnvVSSTask        = "CRYNUX_VSS_TASK"
	EnvNodeContract   = "CRYNUX_NODE_CONTRACT"
	EnvKeystore       = "CRYNUX_KEYSTORE"
	EnvPassphraseFile = "CRYNUX_PASSPHRASE_FILE"
	EnvPrivateKey     = "CRYNUX_PRIVATE_KEY"
	EnvMnemonicFile   = "CRYNUX_MNEMONIC_FILE"
	EnvMnemonicPath   = "CRYNUX_MNEMONIC_PATH"
	EnvJournalDir     = sdk.EnvJournalDir
)

// fileConfig is the config file: keys mirror the environment variables.
type fileConfig struct {
	Network        string `json:"network"`
	RPCURL         string `json:"rpc_url"`
	WSURL          string `json:"ws_url"`
	RelayURL       string `json:"relay_url"`
	VSSTask        string `json:"vss_task"`
	NodeContract   string `json:"node_contract"`
	Keystore       string `json:"keystore"`
	PassphraseFile string `json:"passphrase_file"`
	PrivateKey     string `json:"private_key"`
	MnemonicFile   string `json:"mnemonic_file"`
	MnemonicPath   string `json:"mnemonic_path"`
	JournalDir     string `json:"journal_dir"`

	path string
}

// crynuxConfigDir is <user config dir>/crynux (~/.config/crynux on Linux).
func crynuxConfigDir() string {
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "crynux")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".config", "crynux")
	}
	return ".crynux"
}

// defaultKeystoreDir is where `wallet new` writes when no directory is given.
func defaultKeystoreDir() string { return filepath.Join(crynuxConfigDir(), "keystore") }

// loadFileConfig reads the config file; the default one may be missing.
func loadFileConfig(path string) (*fileConfig, error) {
	explicit := path != ""
	if !explicit {
		path = filepath.Join(crynuxConfigDir(), "config.json")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return &fileConfig{}, nil
		}
		return nil, usageErrorf("read config file: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var fc fileConfig
	if err := dec.Decode(&fc); err != nil {
		return nil, usageErrorf("config file %s: %v (keys are the CRYNUX_ variable names without the prefix, in snake_case, e.g. \"rpc_url\")", path, err)
	}
	fc.path = path
	// Relative paths in the file are relative to the file.
	base := filepath.Dir(path)
	for _, p := range []*string{&fc.Keystore, &fc.PassphraseFile, &fc.MnemonicFile, &fc.JournalDir} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	if fc.Network != "" && fc.Network != sdk.VSSTestnet.Name && !filepath.IsAbs(fc.Network) {
		fc.Network = filepath.Join(base, fc.Network)
	}
	return &fc, nil
}

// Precedence levels of a setting's source.
const (
	levelNone = iota
	levelFile
	levelEnv
	levelFlag
)

// setting is one resolved configuration value and where it came from.
type setting struct {
	value  string
	level  int
	source string
}

func (s setting) set() bool { return s.level != levelNone }

// resolve picks flag > environment > config file. flagName may be empty
// (no flag for this setting).
func (a *app) resolve(flagName string, flagValue *string, env, fileValue string, fileKey string) setting {
	if flagName != "" && a.root != nil {
		if f := a.root.PersistentFlags().Lookup(flagName); f != nil && f.Changed {
			return setting{value: *flagValue, level: levelFlag, source: "--" + flagName}
		}
	}
	if env != "" {
		if v, ok := os.LookupEnv(env); ok && strings.TrimSpace(v) != "" {
			return setting{value: strings.TrimSpace(v), level: levelEnv, source: env}
		}
	}
	if fileValue != "" {
		src := "config file"
		if a.file != nil && a.file.path != "" {
			src = a.file.path
		}
		return setting{value: fileValue, level: levelFile, source: src + " " + fileKey}
	}
	return setting{}
}

func (a *app) fc() *fileConfig {
	if a.file == nil {
		return &fileConfig{}
	}
	return a.file
}

func noFlag() *string { return new(string) }

// journalDir is the journal root.
func (a *app) journalDir() string {
	if s := a.resolve("journal", &a.journalFlag, EnvJournalDir, a.fc().JournalDir, "journal_dir"); s.set() {
		return s.value
	}
	return sdk.DefaultJournalDir()
}

// network resolves the network: a network file (or preset) and single
// settings on top of it, each applied when it comes from the same or a
// higher precedence level than the file.
func (a *app) network() (sdk.Network, error) {
	n, err := a.networkSettings()
	if err != nil {
		return n, err
	}
	if err := n.Validate(); err != nil {
		return n, usageErrorf("network config: %v", err)
	}
	return n, nil
}

// networkSettings resolves the network without requiring the Relay and
// contract addresses (enough for reading balances).
func (a *app) networkSettings() (sdk.Network, error) {
	fc := a.fc()
	netS := a.resolve("network", &a.networkFlag, EnvNetwork, fc.Network, "network")
	var n sdk.Network
	switch {
	case netS.value == sdk.VSSTestnet.Name:
		n = sdk.VSSTestnet
	case netS.set():
		b, err := os.ReadFile(netS.value)
		if err != nil {
			return n, usageErrorf("network config (from %s): %v", netS.source, err)
		}
		if err := json.Unmarshal(b, &n); err != nil {
			return n, usageErrorf("network config %s (from %s) is not valid JSON: %v", netS.value, netS.source, err)
		}
	}
	apply := func(s setting, set func(string) error) error {
		if !s.set() || s.level < netS.level {
			return nil
		}
		if err := set(s.value); err != nil {
			return usageErrorf("%s: %v", s.source, err)
		}
		return nil
	}
	addr := func(dst *common.Address) func(string) error {
		return func(v string) error {
			if !common.IsHexAddress(v) {
				return fmt.Errorf("%q is not a 0x-prefixed 20-byte hex address", v)
			}
			*dst = common.HexToAddress(v)
			return nil
		}
	}
	str := func(dst *string) func(string) error { return func(v string) error { *dst = v; return nil } }
	rpcS := a.resolve("rpc", &a.rpcFlag, EnvRPCURL, fc.RPCURL, "rpc_url")
	if err := apply(rpcS, str(&n.RPCURL)); err != nil {
		return n, err
	}
	if rpcS.set() && rpcS.level >= netS.level && netS.set() {
		// Another endpoint than the file's: its chain id need not be the file's.
		if rpcS.value != "" {
			n.ChainID = 0
		}
	}
	if err := apply(a.resolve("", noFlag(), EnvWSURL, fc.WSURL, "ws_url"), str(&n.WSURL)); err != nil {
		return n, err
	}
	if err := apply(a.resolve("relay", &a.relayFlag, EnvRelayURL, fc.RelayURL, "relay_url"), str(&n.RelayURL)); err != nil {
		return n, err
	}
	if err := apply(a.resolve("", noFlag(), EnvVSSTask, fc.VSSTask, "vss_task"), addr(&n.Contracts.VSSTask)); err != nil {
		return n, err
	}
	if err := apply(a.resolve("", noFlag(), EnvNodeContract, fc.NodeContract, "node_contract"), addr(&n.Contracts.Node)); err != nil {
		return n, err
	}
	if !netS.set() && n.RPCURL == "" {
		return n, usageErrorf("no network configured: pass --network FILE (e.g. the file `crynux devnet up --write-config FILE` writes) or set %s", EnvNetwork)
	}
	if n.RPCURL == "" {
		return n, usageErrorf("network config: rpc_url is empty (set the chain's JSON-RPC URL with --rpc or %s)", EnvRPCURL)
	}
	return n, nil
}

// pollInterval is how often jobs read task state: fast on a devnet.
func pollInterval(n sdk.Network, flagValue time.Duration) time.Duration {
	if flagValue > 0 {
		return flagValue
	}
	if n.Name == "devnet" {
		return 200 * time.Millisecond
	}
	return time.Second
}

// walletSource says where the wallet's key comes from.
type walletSource struct {
	kind string // "key", "keystore", "mnemonic"
	s    setting
}

// walletSource picks the wallet: the highest-precedence of private key,
// keystore and mnemonic file (ties in that order), else the only keystore
// file of the default keystore directory.
func (a *app) walletSource() (walletSource, error) {
	fc := a.fc()
	cands := []walletSource{
		{"key", a.resolve("", noFlag(), EnvPrivateKey, fc.PrivateKey, "private_key")},
		{"keystore", a.resolve("keystore", &a.keystoreFlag, EnvKeystore, fc.Keystore, "keystore")},
		{"mnemonic", a.resolve("", noFlag(), EnvMnemonicFile, fc.MnemonicFile, "mnemonic_file")},
	}
	best := walletSource{}
	for _, c := range cands {
		if c.s.level > best.s.level {
			best = c
		}
	}
	if best.s.set() {
		return best, nil
	}
	dir := defaultKeystoreDir()
	if files, _ := keystoreFiles(dir); len(files) == 1 {
		return walletSource{"keystore", setting{value: files[0], level: levelFile, source: "default keystore " + dir}}, nil
	}
	return best, usageErrorf("no wallet configured: create one with `crynux wallet new`, or pass --keystore FILE, or set %s (hex key) or %s", EnvPrivateKey, EnvMnemonicFile)
}

// keystoreFiles lists the keystore files of dir (geth-named or *.json).
func keystoreFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if strings.HasPrefix(e.Name(), "UTC--") || strings.HasSuffix(e.Name(), ".json") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// keystorePath turns a keystore setting into one file.
func keystorePath(s setting) (string, error) {
	fi, err := os.Stat(s.value)
	if err != nil {
		return "", usageErrorf("keystore (from %s): %v", s.source, err)
	}
	if !fi.IsDir() {
		return s.value, nil
	}
	files, err := keystoreFiles(s.value)
	if err != nil {
		return "", usageErrorf("keystore directory %s: %v", s.value, err)
	}
	switch len(files) {
	case 0:
		return "", usageErrorf("keystore directory %s (from %s) holds no keystore file: create one with `crynux wallet new --keystore-dir %s`", s.value, s.source, s.value)
	case 1:
		return files[0], nil
	}
	var addrs []string
	for _, f := range files {
		if ad, err := keystoreAddress(f); err == nil {
			addrs = append(addrs, ad.Hex())
		}
	}
	return "", usageErrorf("keystore directory %s holds %d keystore files (%s): pass the file with --keystore", s.value, len(files), strings.Join(addrs, ", "))
}

// keystoreAddress reads the address field of a keystore file (no decryption).
func keystoreAddress(path string) (common.Address, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return common.Address{}, err
	}
	var h struct {
		Address string `json:"address"`
	}
	if !json.Valid(b) {
		return common.Address{}, fmt.Errorf("keystore file %s is not JSON", path)
	}
	if err := json.Unmarshal(b, &h); err != nil || !common.IsHexAddress(h.Address) {
		return common.Address{}, fmt.Errorf("keystore file %s has no address field; unlock it to learn its address", path)
	}
	return common.HexToAddress(h.Address), nil
}

// mnemonicPath is the BIP-44 path used with a mnemonic file.
func (a *app) mnemonicPath() string {
	if s := a.resolve("", noFlag(), EnvMnemonicPath, a.fc().MnemonicPath, "mnemonic_path"); s.set() {
		return s.value
	}
	return wallet.DefaultPath(0)
}

func readMnemonicFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", usageErrorf("read mnemonic file: %v", err)
	}
	defer clear(b)
	return strings.TrimSpace(string(b)), nil
}

// address returns the wallet's address without asking for a passphrase.
func (a *app) address() (common.Address, error) {
	src, err := a.walletSource()
	if err != nil {
		return common.Address{}, err
	}
	switch src.kind {
	case "key":
		s, err := wallet.FromHex(src.s.value)
		if err != nil {
			return common.Address{}, usageErrorf("%s: %v", src.s.source, err)
		}
		return s.Address(), nil
	case "keystore":
		p, err := keystorePath(src.s)
		if err != nil {
			return common.Address{}, err
		}
		ad, err := keystoreAddress(p)
		if err != nil {
			return common.Address{}, usageErrorf("%v", err)
		}
		return ad, nil
	default:
		m, err := readMnemonicFile(src.s.value)
		if err != nil {
			return common.Address{}, err
		}
		s, err := wallet.FromMnemonic(m, "", a.mnemonicPath())
		if err != nil {
			return common.Address{}, usageErrorf("%s: %v", src.s.source, err)
		}
		return s.Address(), nil
	}
}

// signer unlocks the wallet (asking for the keystore passphrase if needed).
func (a *app) signer() (*wallet.KeySigner, error) {
	src, err := a.walletSource()
	if err != nil {
		return nil, err
	}
	switch src.kind {
	case "key":
		s, err := wallet.FromHex(src.s.value)
		if err != nil {
			return nil, usageErrorf("%s: %v", src.s.source, err)
		}
		return s, nil
	case "keystore":
		p, err := keystorePath(src.s)
		if err != nil {
			return nil, err
		}
		pass, err := a.passphrase(false, "Passphrase for "+filepath.Base(p)+": ")
		if err != nil {
			return nil, err
		}
		s, err := wallet.FromKeystore(p, pass)
		if err != nil {
			if errors.Is(err, wallet.ErrWrongPassphrase) {
				return nil, &usageError{err: err}
			}
			return nil, err
		}
		return s, nil
	default:
		m, err := readMnemonicFile(src.s.value)
		if err != nil {
			return nil, err
		}
		s, err := wallet.FromMnemonic(m, "", a.mnemonicPath())
		if err != nil {
			return nil, usageErrorf("%s: %v", src.s.source, err)
		}
		return s, nil
	}
}

// passphrase reads the keystore passphrase from --passphrase-file (or its
// environment / config file equivalents), else prompts on the terminal
// (twice when confirm is set). It is never taken from a flag value.
func (a *app) passphrase(confirm bool, prompt string) (string, error) {
	s := a.resolve("passphrase-file", &a.passphraseFile, EnvPassphraseFile, a.fc().PassphraseFile, "passphrase_file")
	if s.set() {
		b, err := os.ReadFile(s.value)
		if err != nil {
			return "", usageErrorf("read passphrase file (from %s): %v", s.source, err)
		}
		defer clear(b)
		p := strings.TrimRight(string(b), "\r\n")
		if p == "" {
			return "", usageErrorf("passphrase file %s is empty", s.value)
		}
		return p, nil
	}
	if !a.stdinIsTerminal() {
		return "", usageErrorf("no passphrase: pass --passphrase-file FILE or set %s (stdin is not a terminal to prompt on; the passphrase is never taken from a flag value)", EnvPassphraseFile)
	}
	fd := int(a.stdin.Fd())
	fmt.Fprint(a.stderr, prompt)
	p1, err := term.ReadPassword(fd)
	fmt.Fprintln(a.stderr)
	if err != nil {
		return "", fmt.Errorf("read passphrase: %w", err)
	}
	defer clear(p1)
	if len(p1) == 0 {
		return "", usageErrorf("empty passphrase")
	}
	if confirm {
		fmt.Fprint(a.stderr, "Repeat passphrase: ")
		p2, err := term.ReadPassword(fd)
		fmt.Fprintln(a.stderr)
		if err != nil {
			return "", fmt.Errorf("read passphrase: %w", err)
		}
		defer clear(p2)
		if !bytes.Equal(p1, p2) {
			return "", usageErrorf("the passphrases do not match")
		}
	}
	return string(p1), nil
}

// dialTimeout bounds connecting to the chain.
const dialTimeout = 20 * time.Second

// dial connects an SDK client with signer on n.
// walletClient resolves the network, unlocks the wallet and dials: what
// every command that sends transactions or signs Relay requests needs.
func (a *app) walletClient(ctx context.Context, opts ...sdk.Option) (*sdk.Client, error) {
	n, err := a.network()
	if err != nil {
		return nil, err
	}
	signer, err := a.signer()
	if err != nil {
		return nil, err
	}
	return a.dial(ctx, n, signer, opts...)
}

func (a *app) dial(ctx context.Context, n sdk.Network, signer wallet.Signer, opts ...sdk.Option) (*sdk.Client, error) {
	dctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	opts = append([]sdk.Option{sdk.WithLogger(a.log), sdk.WithJournalDir(a.journalDir())}, opts...)
	c, err := sdk.Dial(dctx, n, signer, opts...)
	if err != nil {
		if isNetworkError(err) || (dctx.Err() != nil && ctx.Err() == nil) {
			return nil, &unreachableError{what: "chain RPC", url: n.RPCURL, err: err}
		}
		return nil, err
	}
	return c, nil
}

// dialReadOnly connects with a throwaway key, for commands that only read
// the chain (its journal lives in a temporary directory removed by the
// returned cleanup).
func (a *app) dialReadOnly(ctx context.Context, n sdk.Network) (*sdk.Client, func(), error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "crynux-readonly-*")
	if err != nil {
		return nil, nil, err
	}
	c, err := a.dial(ctx, n, wallet.NewKeySigner(key), sdk.WithJournalDir(dir))
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return c, func() { c.Close(); os.RemoveAll(dir) }, nil
}

// parseCommitment reads a 0x-prefixed 32-byte task commitment.
func parseCommitment(s string) (common.Hash, error) {
	t := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X")
	if len(t) != 64 {
		return common.Hash{}, usageErrorf("task commitment %q: want 0x and 64 hex digits", s)
	}
	for _, c := range t {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return common.Hash{}, usageErrorf("task commitment %q: not hex", s)
		}
	}
	return common.HexToHash(t), nil
}
