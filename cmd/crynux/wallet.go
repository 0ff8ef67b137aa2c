package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/crynux-go/crynux/wallet"
)

func (a *app) walletCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wallet",
		Short: "Create, import and inspect the wallet that pays for tasks",
	}
	cmd.AddCommand(a.walletNewCommand(), a.walletImportCommand(), a.walletAddressCommand(), a.walletBalanceCommand())
	return cmd
}

// keystoreDirFor picks the directory new keystore files go to: the flag,
// else --keystore / CRYNUX_KEYSTORE when it names a directory, else the default.
func (a *app) keystoreDirFor(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if s := a.resolve("keystore", &a.keystoreFlag, EnvKeystore, a.fc().Keystore, "keystore"); s.set() {
		if fi, err := os.Stat(s.value); err == nil && fi.IsDir() {
			return s.value
		}
	}
	return defaultKeystoreDir()
}

func kdfOptions(light bool) []wallet.KeystoreOption {
	if light {
		return []wallet.KeystoreOption{wallet.LightScrypt()}
	}
	return nil
}

func (a *app) walletNewCommand() *cobra.Command {
	var (
		dir      string
		mnemonic bool
		words    int
		path     string
		light    bool
	)
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a new wallet in an encrypted keystore file",
		Long: `Create a new key and store it encrypted (Web3 Secret Storage, like geth) in the
keystore directory. The passphrase is asked twice on the terminal, or read from
--passphrase-file; it is never taken from a flag value.

With --mnemonic the key is derived from a new BIP-39 mnemonic (printed once:
write it down, it restores the wallet with ` + "`crynux wallet import --mnemonic-file`" + `).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir = a.keystoreDirFor(dir)
			var phrase string
			var key *wallet.KeySigner
			if mnemonic {
				bits := map[int]int{12: 128, 15: 160, 18: 192, 21: 224, 24: 256}[words]
				if bits == 0 {
					return usageErrorf("--words must be 12, 15, 18, 21 or 24")
				}
				var err error
				if phrase, err = wallet.NewMnemonic(bits); err != nil {
					return err
				}
				if key, err = wallet.FromMnemonic(phrase, "", path); err != nil {
					return usageErrorf("%v", err)
				}
			}
			pass, err := a.passphrase(true, "Passphrase for the new keystore file: ")
			if err != nil {
				return err
			}
			var file string
			if key != nil {
				file, err = wallet.ImportKey(dir, key.PrivateKey(), pass, kdfOptions(light)...)
			} else {
				file, key, err = wallet.NewKeystoreFile(dir, pass, kdfOptions(light)...)
			}
			if err != nil {
				return err
			}
			if a.jsonOut {
				out := map[string]any{"address": key.Address().Hex(), "keystore": file}
				if mnemonic {
					out["mnemonic"], out["path"] = phrase, path
				}
				a.emit(out)
				return nil
			}
			a.printf("address   %s\nkeystore  %s\n", key.Address().Hex(), file)
			if mnemonic {
				a.printf("path      %s\nmnemonic  %s\n", path, phrase)
				a.notef("Write the mnemonic down and keep it offline: anyone who has it controls the wallet.\n")
			}
			a.notef("Use it with --keystore %s (or export %s=%s).\n", file, EnvKeystore, file)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "keystore-dir", "", "directory for the keystore file (default ~/.config/crynux/keystore)")
	f.BoolVar(&mnemonic, "mnemonic", false, "derive the key from a new BIP-39 mnemonic and print it")
	f.IntVar(&words, "words", 12, "number of mnemonic words (12 to 24)")
	f.StringVar(&path, "path", wallet.DefaultPath(0), "BIP-44 derivation path for --mnemonic")
	f.BoolVar(&light, "light-kdf", false, "cheap scrypt parameters: only for throwaway devnet and test wallets")
	return cmd
}

func (a *app) walletImportCommand() *cobra.Command {
	var (
		dir, keyFile, mnemonicFile, path string
		light                            bool
	)
	cmd := &cobra.Command{
		Use:   "import (--key-file FILE | --mnemonic-file FILE [--path m/44'/60'/0'/0/0])",
		Short: "Import a hex private key or a BIP-39 mnemonic into a keystore file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (keyFile == "") == (mnemonicFile == "") {
				return usageErrorf("give exactly one of --key-file and --mnemonic-file")
			}
			if cmd.Flags().Changed("path") && mnemonicFile == "" {
				return usageErrorf("--path applies to --mnemonic-file only")
			}
			var key *wallet.KeySigner
			var err error
			if keyFile != "" {
				if key, err = wallet.FromKeyFile(keyFile); err != nil {
					return &usageError{err: err}
				}
			} else {
				m, err := readMnemonicFile(mnemonicFile)
				if err != nil {
					return err
				}
				if key, err = wallet.FromMnemonic(m, "", path); err != nil {
					return &usageError{err: err}
				}
			}
			dir = a.keystoreDirFor(dir)
			pass, err := a.passphrase(true, "Passphrase for the keystore file: ")
			if err != nil {
				return err
			}
			file, err := wallet.ImportKey(dir, key.PrivateKey(), pass, kdfOptions(light)...)
			if err != nil {
				return err
			}
			if a.jsonOut {
				a.emit(map[string]any{"address": key.Address().Hex(), "keystore": file})
				return nil
			}
			a.printf("address   %s\nkeystore  %s\n", key.Address().Hex(), file)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&keyFile, "key-file", "", "file holding a hex private key")
	f.StringVar(&mnemonicFile, "mnemonic-file", "", "file holding a BIP-39 mnemonic")
	f.StringVar(&path, "path", wallet.DefaultPath(0), "BIP-44 derivation path for --mnemonic-file")
	f.StringVar(&dir, "keystore-dir", "", "directory for the keystore file (default ~/.config/crynux/keystore)")
	f.BoolVar(&light, "light-kdf", false, "cheap scrypt parameters: only for throwaway devnet and test wallets")
	return cmd
}

func (a *app) walletAddressCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "address",
		Short: "Print the configured wallet's address (no passphrase needed)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			addr, err := a.address()
			if err != nil {
				return err
			}
			if a.jsonOut {
				a.emit(map[string]any{"address": addr.Hex()})
				return nil
			}
			a.printf("%s\n", addr.Hex())
			return nil
		},
	}
}

func (a *app) walletBalanceCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "balance",
		Short: "Print the configured wallet's CNX balance on the network",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			addr, err := a.address()
			if err != nil {
				return err
			}
			n, err := a.networkSettings()
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), dialTimeout)
			defer cancel()
			ec, err := ethclient.DialContext(ctx, n.RPCURL)
			if err != nil {
				return &unreachableError{what: "chain RPC", url: n.RPCURL, err: err}
			}
			defer ec.Close()
			bal, err := ec.BalanceAt(ctx, addr, nil)
			if err != nil {
				if isNetworkError(err) || errors.Is(err, context.DeadlineExceeded) {
					return &unreachableError{what: "chain RPC", url: n.RPCURL, err: err}
				}
				return fmt.Errorf("balance of %s: %w", addr.Hex(), err)
			}
			if a.jsonOut {
				a.emit(map[string]any{"address": addr.Hex(), "balance_wei": bal.String(), "balance_cnx": wallet.FormatCNX(bal)})
				return nil
			}
			a.printf("%s CNX\n", wallet.FormatCNX(bal))
			return nil
		},
	}
}

// shortHex abbreviates a long hex string for status lines.
func shortHex(s string) string {
	if len(s) <= 14 {
		return s
	}
	return s[:8] + "…" + s[len(s)-4:]
}

// absPath makes p absolute for messages.
func absPath(p string) string {
	if q, err := filepath.Abs(p); err == nil {
		return q
	}
	return p
}
