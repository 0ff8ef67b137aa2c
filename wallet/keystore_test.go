package wallet

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var gethKeyFileName = regexp.MustCompile(`^UTC--\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{9}Z--[0-9a-f]{40}$`)

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, want, fi.Mode().Perm(), "mode of %s", path)
}

func TestNewKeystoreFileUnlocksWithGeth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keystore", "nested")
	path, s, err := NewKeystoreFile(dir, "pass phrase", LightScrypt())
	require.NoError(t, err)

	assert.Equal(t, dir, filepath.Dir(path))
	name := filepath.Base(path)
	assert.Regexp(t, gethKeyFileName, name)
	assert.Equal(t, hex.EncodeToString(s.Address().Bytes()), name[len(name)-40:])
	assertMode(t, path, 0o600)
	assertMode(t, dir, 0o700)
	assertMode(t, filepath.Dir(dir), 0o700)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file may be left behind")

	blob, err := os.ReadFile(path)
	require.NoError(t, err)
	k, err := keystore.DecryptKey(blob, "pass phrase")
	require.NoError(t, err)
	assert.Equal(t, s.Address(), k.Address)
	assert.Equal(t, crypto.FromECDSA(s.PrivateKey()), crypto.FromECDSA(k.PrivateKey))

	var doc struct {
		Version int `json:"version"`
		Crypto  struct {
			KDF       string         `json:"kdf"`
			KDFParams map[string]any `json:"kdfparams"`
		} `json:"crypto"`
	}
	require.NoError(t, json.Unmarshal(blob, &doc))
	assert.Equal(t, 3, doc.Version)
	assert.Equal(t, "scrypt", doc.Crypto.KDF)
	assert.EqualValues(t, LightScryptN, doc.Crypto.KDFParams["n"])

	again, err := FromKeystore(path, "pass phrase")
	require.NoError(t, err)
	assert.Equal(t, s.Address(), again.Address())
}

func TestGethKeystoreUnlocksHere(t *testing.T) {
	dir := t.TempDir()
	acct, err := keystore.StoreKey(dir, "geth pass", keystore.LightScryptN, keystore.LightScryptP)
	require.NoError(t, err)
	s, err := FromKeystore(acct.URL.Path, "geth pass")
	require.NoError(t, err)
	assert.Equal(t, acct.Address, s.Address())

	ks := keystore.NewKeyStore(t.TempDir(), keystore.LightScryptN, keystore.LightScryptP)
	acct2, err := ks.NewAccount("other pass")
	require.NoError(t, err)
	s2, err := FromKeystore(acct2.URL.Path, "other pass")
	require.NoError(t, err)
	assert.Equal(t, acct2.Address, s2.Address())
}

func TestKeystoreDefaultsToStandardScrypt(t *testing.T) {
	cfg := newKeystoreConfig(nil)
	assert.Equal(t, 262144, cfg.scryptN)
	assert.Equal(t, 1, cfg.scryptP)
	if testing.Short() {
		t.Skip("standard scrypt takes ~256 MB and a second; skipped in -short")
	}
	path, _, err := NewKeystoreFile(t.TempDir(), "pw")
	require.NoError(t, err)
	blob, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc struct {
		Crypto struct {
			KDFParams map[string]any `json:"kdfparams"`
		} `json:"crypto"`
	}
	require.NoError(t, json.Unmarshal(blob, &doc))
	assert.EqualValues(t, 262144, doc.Crypto.KDFParams["n"])
	assert.EqualValues(t, 1, doc.Crypto.KDFParams["p"])
}

func TestFromKeystoreWrongPassphrase(t *testing.T) {
	path, _, err := NewKeystoreFile(t.TempDir(), "right horse battery", LightScrypt())
	require.NoError(t, err)
	_, err = FromKeystore(path, "wrong horse battery")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrWrongPassphrase)
	assert.ErrorIs(t, err, keystore.ErrDecrypt)
	assert.Contains(t, err.Error(), path)
	assert.NotContains(t, err.Error(), "horse")
}

func TestFromKeystoreRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	_, err := FromKeystore(filepath.Join(dir, "nope"), "pw")
	require.ErrorIs(t, err, os.ErrNotExist)

	hexFile := filepath.Join(dir, "key.hex")
	require.NoError(t, os.WriteFile(hexFile, []byte(testKeyHex), 0o600))
	_, err = FromKeystore(hexFile, "pw")
	require.ErrorContains(t, err, "FromKeyFile")

	// A keystore whose address field was edited.
	path, _, err := NewKeystoreFile(dir, "pw", LightScrypt())
	require.NoError(t, err)
	blob, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(blob, &m))
	m["address"] = "1111111111111111111111111111111111111111"
	edited, err := json.Marshal(m)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, edited, 0o600))
	_, err = FromKeystore(path, "pw")
	require.ErrorContains(t, err, "does not match the decrypted key")
}

func TestImportKeyAndExport(t *testing.T) {
	dir := t.TempDir()
	src, err := FromHex(testKeyHex)
	require.NoError(t, err)

	path, err := ImportKey(dir, src.PrivateKey(), "import pw", LightScrypt())
	require.NoError(t, err)
	assert.Regexp(t, gethKeyFileName, filepath.Base(path))
	assertMode(t, path, 0o600)

	s, err := FromKeystore(path, "import pw")
	require.NoError(t, err)
	assert.Equal(t, common.HexToAddress(testKeyAddr), s.Address())

	_, err = ImportKey(dir, src.PrivateKey(), "other", LightScrypt())
	require.ErrorIs(t, err, ErrAccountExists)
	assert.Contains(t, err.Error(), path)

	out := filepath.Join(dir, "export", "key.hex")
	require.NoError(t, ExportKeystore(path, "import pw", out))
	assertMode(t, out, 0o600)
	assertMode(t, filepath.Dir(out), 0o700)
	back, err := FromKeyFile(out)
	require.NoError(t, err)
	assert.Equal(t, s.Address(), back.Address())
	// Same format as go-ethereum's SaveECDSA/LoadECDSA.
	gk, err := crypto.LoadECDSA(out)
	require.NoError(t, err)
	assert.Equal(t, s.Address(), crypto.PubkeyToAddress(gk.PublicKey))

	err = ExportKeyFile(s, out)
	require.ErrorIs(t, err, ErrFileExists)
	entries, err := os.ReadDir(filepath.Dir(out))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "a refused export leaves no temporary file")

	require.ErrorIs(t, ExportKeystore(path, "bad pw", filepath.Join(dir, "other.hex")), ErrWrongPassphrase)
	_, err = os.Stat(filepath.Join(dir, "other.hex"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestKeystoreFileName(t *testing.T) {
	ts := mustTime(t, "2026-12-04T15:04:05.000000123Z")
	addr := common.HexToAddress(testKeyAddr)
	assert.Equal(t, "UTC--2026-12-04T15-04-05.000000123Z--f39fd6e51aad88f6f4ce6ab8827279cfffb92266", KeystoreFileName(addr, ts))
}
