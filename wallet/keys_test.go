package wallet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hardhat/Anvil account #0: a public test key, never used for value.
const (
	testKeyHex  = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
	testKeyAddr = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
)

func TestFromHexAcceptsCommonSpellings(t *testing.T) {
	for _, in := range []string{
		testKeyHex,
		"0x" + testKeyHex,
		"0X" + strings.ToUpper(testKeyHex),
		"  0x" + testKeyHex + "\n",
		"\t" + testKeyHex + "\r\n",
	} {
		s, err := FromHex(in)
		require.NoError(t, err)
		assert.Equal(t, common.HexToAddress(testKeyAddr), s.Address())
	}
}

func TestFromHexRejectsMalformedKeys(t *testing.T) {
	cases := map[string]struct {
		in, want string
	}{
		"empty":         {"", "got 0 characters"},
		"short":         {testKeyHex[:62], "got 62 characters"},
		"long":          {testKeyHex + "00", "got 66 characters"},
		"non-hex":       {"0x" + testKeyHex[:10] + "g" + testKeyHex[11:], "character 11 is not a hex digit"},
		"inner space":   {testKeyHex[:30] + " " + testKeyHex[31:], "character 31 is not a hex digit"},
		"zero":          {strings.Repeat("0", 64), "not a valid secp256k1 private key"},
		"curve order":   {"fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "not a valid secp256k1 private key"},
		"above order":   {strings.Repeat("f", 64), "not a valid secp256k1 private key"},
		"double prefix": {"0x0x" + testKeyHex[2:], "character 2 is not a hex digit"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := FromHex(tc.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidKey)
			assert.Contains(t, err.Error(), "raw hex key")
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("CRYNUX_TEST_KEY", "0x"+testKeyHex+"\n")
	s, err := FromEnv("CRYNUX_TEST_KEY")
	require.NoError(t, err)
	assert.Equal(t, common.HexToAddress(testKeyAddr), s.Address())

	_, err = FromEnv("CRYNUX_TEST_KEY_UNSET_7f3a")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "CRYNUX_TEST_KEY_UNSET_7f3a is not set")

	t.Setenv("CRYNUX_TEST_KEY", "  ")
	_, err = FromEnv("CRYNUX_TEST_KEY")
	require.ErrorContains(t, err, "not set or empty")

	t.Setenv("CRYNUX_TEST_KEY", testKeyHex[:40])
	_, err = FromEnv("CRYNUX_TEST_KEY")
	require.ErrorIs(t, err, ErrInvalidKey)
	assert.Contains(t, err.Error(), "environment variable CRYNUX_TEST_KEY")
}

func TestFromKeyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key.hex")
	require.NoError(t, os.WriteFile(path, []byte("0x"+testKeyHex+"\n"), 0o600))
	s, err := FromKeyFile(path)
	require.NoError(t, err)
	assert.Equal(t, common.HexToAddress(testKeyAddr), s.Address())

	_, err = FromKeyFile(filepath.Join(dir, "missing"))
	require.ErrorContains(t, err, "read key file")
	assert.ErrorIs(t, err, os.ErrNotExist)

	js := filepath.Join(dir, "keystore.json")
	require.NoError(t, os.WriteFile(js, []byte(`{"address":"f39fd6e51aad88f6f4ce6ab8827279cfffb92266","crypto":{}}`), 0o600))
	_, err = FromKeyFile(js)
	require.ErrorIs(t, err, ErrInvalidKey)
	assert.Contains(t, err.Error(), "FromKeystore")

	bad := filepath.Join(dir, "bad.hex")
	require.NoError(t, os.WriteFile(bad, []byte(testKeyHex[:63]+"\n"), 0o600))
	_, err = FromKeyFile(bad)
	require.ErrorIs(t, err, ErrInvalidKey)
	assert.Contains(t, err.Error(), "key file "+bad)
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	ts, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return ts
}
