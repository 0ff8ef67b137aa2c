package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A well-known test key (Hardhat/Anvil account 0): it holds nothing anywhere that matters.
const (
	testKeyHex  = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
	testKeyAddr = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
)

func TestWalletNewKeystoreAndAddress(t *testing.T) {
	home := t.TempDir()
	pass := writeFile(t, home, "pass.txt", "correct horse battery staple\n")
	ks := filepath.Join(home, "ks")

	r := runCLI(t, home, nil, "wallet", "new", "--keystore-dir", ks, "--passphrase-file", pass, "--light-kdf", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	out := r.last(t)
	addr, _ := out["address"].(string)
	file, _ := out["keystore"].(string)
	require.True(t, strings.HasPrefix(addr, "0x") && len(addr) == 42, "address %q", addr)
	require.Equal(t, ks, filepath.Dir(file))
	fi, err := os.Stat(file)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "keystore file mode")
	assert.NotContains(t, r.stdout+r.stderr, "correct horse", "the passphrase must not be printed")

	// The address is read without the passphrase: by file, by directory, by env.
	r = runCLI(t, home, nil, "wallet", "address", "--keystore", file)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, addr, strings.TrimSpace(r.stdout))
	r = runCLI(t, home, []string{"CRYNUX_KEYSTORE=" + ks}, "wallet", "address", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, map[string]any{"address": addr}, r.last(t))
}

func TestWalletNewMnemonicThenImport(t *testing.T) {
	home := t.TempDir()
	pass := writeFile(t, home, "pass.txt", "pw")
	r := runCLI(t, home, nil, "wallet", "new", "--mnemonic", "--keystore-dir", filepath.Join(home, "a"),
		"--passphrase-file", pass, "--light-kdf", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	out := r.last(t)
	mnemonic, _ := out["mnemonic"].(string)
	require.Len(t, strings.Fields(mnemonic), 12)
	assert.Equal(t, "m/44'/60'/0'/0/0", out["path"])
	addr := out["address"].(string)

	// The same mnemonic imported elsewhere gives the same account.
	mfile := writeFile(t, home, "mnemonic.txt", mnemonic+"\n")
	r = runCLI(t, home, nil, "wallet", "import", "--mnemonic-file", mfile, "--keystore-dir", filepath.Join(home, "b"),
		"--passphrase-file", pass, "--light-kdf", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, addr, r.last(t)["address"])

	// And used directly as the wallet.
	r = runCLI(t, home, []string{"CRYNUX_MNEMONIC_FILE=" + mfile}, "wallet", "address")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, addr, strings.TrimSpace(r.stdout))

	// Another path, another account.
	r = runCLI(t, home, nil, "wallet", "import", "--mnemonic-file", mfile, "--path", "m/44'/60'/0'/0/1",
		"--keystore-dir", filepath.Join(home, "c"), "--passphrase-file", pass, "--light-kdf", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.NotEqual(t, addr, r.last(t)["address"])
}

func TestWalletImportKeyFile(t *testing.T) {
	home := t.TempDir()
	pass := writeFile(t, home, "pass.txt", "pw")
	key := writeFile(t, home, "key.hex", testKeyHex+"\n")
	ks := filepath.Join(home, "ks")
	r := runCLI(t, home, nil, "wallet", "import", "--key-file", key, "--keystore-dir", ks, "--passphrase-file", pass, "--light-kdf", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, testKeyAddr, r.last(t)["address"])
	assert.NotContains(t, r.stdout+r.stderr, testKeyHex[:16], "key material must not be printed")

	// A second import of the same account is refused.
	r = runCLI(t, home, nil, "wallet", "import", "--key-file", key, "--keystore-dir", ks, "--passphrase-file", pass, "--light-kdf")
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "already exists")

	// Both sources at once is a usage error.
	r = runCLI(t, home, nil, "wallet", "import", "--key-file", key, "--mnemonic-file", key)
	assert.Equal(t, exitUsage, r.code)
}

func TestWalletPassphraseErrors(t *testing.T) {
	home := t.TempDir()

	// A passphrase file that does not exist: usage error, JSON shape.
	r := runCLI(t, home, nil, "wallet", "new", "--keystore-dir", filepath.Join(home, "ks"),
		"--passphrase-file", filepath.Join(home, "missing.txt"), "--json")
	require.Equal(t, exitUsage, r.code, r.stderr)
	out := r.last(t)
	assert.Equal(t, float64(exitUsage), out["code"])
	assert.Contains(t, out["error"], "passphrase file")
	assert.Len(t, out, 2, "error object: %v", out)

	// No passphrase file and no terminal to prompt on.
	r = runCLI(t, home, nil, "wallet", "new", "--keystore-dir", filepath.Join(home, "ks"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--passphrase-file")
	entries, _ := os.ReadDir(filepath.Join(home, "ks"))
	assert.Empty(t, entries, "no keystore file is written without a passphrase")
}

func TestConfigPrecedence(t *testing.T) {
	home := t.TempDir()
	const (
		keyB  = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" // Hardhat account 1
		addrB = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
	)
	cfg := writeFile(t, home, "config.json", `{"private_key": "`+testKeyHex+`"}`)

	// The config file alone.
	r := runCLI(t, home, nil, "--config-file", cfg, "wallet", "address")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, testKeyAddr, strings.TrimSpace(r.stdout))

	// The default config file is read too.
	require.NoError(t, os.MkdirAll(filepath.Join(home, ".config", "crynux"), 0o700))
	writeFile(t, filepath.Join(home, ".config", "crynux"), "config.json", `{"private_key": "`+testKeyHex+`"}`)
	r = runCLI(t, home, nil, "wallet", "address")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, testKeyAddr, strings.TrimSpace(r.stdout))

	// The environment beats the config file.
	r = runCLI(t, home, []string{"CRYNUX_PRIVATE_KEY=0x" + keyB}, "--config-file", cfg, "wallet", "address")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, addrB, strings.TrimSpace(r.stdout))

	// A flag beats the environment.
	pass := writeFile(t, home, "pass.txt", "pw")
	key := writeFile(t, home, "key.hex", testKeyHex)
	r = runCLI(t, home, nil, "wallet", "import", "--key-file", key, "--keystore-dir", filepath.Join(home, "ks"),
		"--passphrase-file", pass, "--light-kdf", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	r = runCLI(t, home, []string{"CRYNUX_PRIVATE_KEY=0x" + keyB}, "--keystore", filepath.Join(home, "ks"), "wallet", "address")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, testKeyAddr, strings.TrimSpace(r.stdout))

	// A typo in the config file is reported, not ignored.
	bad := writeFile(t, home, "bad.json", `{"rpc": "http://127.0.0.1:1"}`)
	r = runCLI(t, home, nil, "--config-file", bad, "wallet", "address")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "rpc")
}
