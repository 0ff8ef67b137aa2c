package wallet

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tyler-smith/go-bip39"
)

const hardhatMnemonic = "test test test test test test test test test test test junk"

func TestFromMnemonicHardhatAccounts(t *testing.T) {
	for i, want := range []string{
		"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
		"0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
		"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
	} {
		s, err := FromMnemonic(hardhatMnemonic, "", DefaultPath(i))
		require.NoError(t, err)
		assert.Equal(t, common.HexToAddress(want), s.Address(), "account %d", i)
	}
}

func TestFromMnemonicPathSpellingsAndNormalisation(t *testing.T) {
	want, err := FromMnemonic(hardhatMnemonic, "", "m/44'/60'/0'/0/1")
	require.NoError(t, err)
	for _, p := range []string{"m/44h/60h/0h/0/1", "m/44H/60H/0H/0/1", " m/44'/60'/0'/0/1 "} {
		s, err := FromMnemonic("  TEST test\ttest test test test test test test test test\n junk ", "", p)
		require.NoError(t, err, p)
		assert.Equal(t, want.Address(), s.Address(), p)
	}
	// A BIP-39 passphrase selects a different wallet.
	other, err := FromMnemonic(hardhatMnemonic, "extra", DefaultPath(1))
	require.NoError(t, err)
	assert.NotEqual(t, want.Address(), other.Address())
}

func TestFromMnemonicAbandonVector(t *testing.T) {
	m := strings.Repeat("abandon ", 11) + "about"
	s, err := FromMnemonic(m, "", DefaultPath(0))
	require.NoError(t, err)
	assert.Equal(t, common.HexToAddress("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), s.Address())
}

// BIP-32 test vector 1 (seed 000102…0f), private keys along m/0H/1/2H/2/1000000000.
func TestDeriveKeyBIP32Vector1(t *testing.T) {
	seed, _ := hex.DecodeString("000102030405060708090a0b0c0d0e0f")
	for path, want := range map[string]string{
		"m":                      "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35",
		"m/0H":                   "edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea",
		"m/0H/1":                 "3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368",
		"m/0H/1/2H":              "cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca",
		"m/0H/1/2H/2":            "0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4",
		"m/0H/1/2H/2/1000000000": "471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8",
	} {
		idx, err := ParseDerivationPath(path)
		require.NoError(t, err, path)
		k, err := deriveKey(seed, idx, hmacSHA512)
		require.NoError(t, err, path)
		assert.Equal(t, want, hex.EncodeToString(crypto.FromECDSA(k)), path)
	}
}

func TestParseDerivationPath(t *testing.T) {
	got, err := ParseDerivationPath("m/44'/60'/0'/0/7")
	require.NoError(t, err)
	assert.Equal(t, []uint32{44 + HardenedOffset, 60 + HardenedOffset, HardenedOffset, 0, 7}, got)

	got, err = ParseDerivationPath("m")
	require.NoError(t, err)
	assert.Empty(t, got)

	got, err = ParseDerivationPath("m/2147483647h")
	require.NoError(t, err)
	assert.Equal(t, []uint32{^uint32(0)}, got)

	for _, bad := range []string{"", "44'/60'", "m/", "m//0", "m/-1", "m/+1", "m/2147483648", "m/1x", "m/0''", "m/0/", "n/0"} {
		_, err := ParseDerivationPath(bad)
		require.ErrorIs(t, err, ErrInvalidPath, "%q", bad)
	}
	_, err = ParseDerivationPath("m/44'/60'/0'/0/abc")
	require.ErrorContains(t, err, "component 5")
}

func TestFromMnemonicRejectsInvalidInput(t *testing.T) {
	valid := "foil fossil casino diary winter happy mesh gauge benefit coyote spirit recipe"
	_, err := FromMnemonic(valid, "", DefaultPath(0))
	require.NoError(t, err)

	cases := map[string]struct{ m, want string }{
		"empty":        {"  ", "empty"},
		"11 words":     {strings.Join(strings.Fields(valid)[:11], " "), "has 11 words"},
		"unknown":      {strings.Replace(valid, "casino", "casinox", 1), "word 3 is not in the BIP-39 English word list"},
		"checksum":     {strings.Replace(valid, "recipe", "spirit", 1), "checksum does not match"},
		"out of order": {"fossil foil casino diary winter happy mesh gauge benefit coyote spirit recipe", "checksum"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := FromMnemonic(tc.m, "", DefaultPath(0))
			require.ErrorIs(t, err, ErrInvalidMnemonic)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err = FromMnemonic(valid, "", "m/44'/60'/x")
	require.ErrorIs(t, err, ErrInvalidPath)
}

func TestNewMnemonic(t *testing.T) {
	for bits, words := range map[int]int{128: 12, 160: 15, 192: 18, 224: 21, 256: 24} {
		m, err := NewMnemonic(bits)
		require.NoError(t, err)
		assert.Len(t, strings.Fields(m), words)
		assert.True(t, bip39.IsMnemonicValid(m))
		_, err = FromMnemonic(m, "", DefaultPath(0))
		require.NoError(t, err)
	}
	a, _ := NewMnemonic(128)
	b, _ := NewMnemonic(128)
	assert.NotEqual(t, a, b)
	for _, bits := range []int{0, 96, 127, 129, 288} {
		_, err := NewMnemonic(bits)
		require.ErrorContains(t, err, "128, 160, 192, 224 or 256", bits)
	}
}

// secp256k1 group order n.
var curveN, _ = hex.DecodeString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")

// invalidAt returns an HMAC that behaves like HMAC-SHA512 except for the
// child at index, where it returns I_L = il (so the child key is invalid).
func invalidAt(index uint32, il func(data []byte) []byte) hmacFunc {
	return func(key, data []byte) []byte {
		out := hmacSHA512(key, data)
		if len(data) == 37 && binary.BigEndian.Uint32(data[33:]) == index {
			copy(out[:32], il(data))
		}
		return out
	}
}

func TestDeriveKeySkipsInvalidChild(t *testing.T) {
	seed := bip39.NewSeed(hardhatMnemonic, "")
	derive := func(path []uint32, mac hmacFunc) []byte {
		k, err := deriveKey(seed, path, mac)
		require.NoError(t, err)
		return crypto.FromECDSA(k)
	}
	prefix := []uint32{44 + HardenedOffset, 60 + HardenedOffset, HardenedOffset, 0}
	path := func(last uint32) []uint32 { return append(append([]uint32{}, prefix...), last) }

	// I_L ≥ n at index 5 (non-hardened): BIP-32 moves on to index 6.
	ilIsN := invalidAt(5, func([]byte) []byte { return curveN })
	assert.Equal(t, derive(path(6), hmacSHA512), derive(path(5), ilIsN))
	assert.NotEqual(t, derive(path(5), hmacSHA512), derive(path(5), ilIsN))

	// Same for a hardened index.
	h := 7 + HardenedOffset
	ilMax := invalidAt(h, func([]byte) []byte { return bytes.Repeat([]byte{0xff}, 32) })
	assert.Equal(t, derive(path(h+1), hmacSHA512), derive(path(h), ilMax))

	// I_L + k_par ≡ 0 (mod n): the child key would be zero, so skip too.
	parent, err := deriveKey(seed, prefix, hmacSHA512)
	require.NoError(t, err)
	negK := new(big.Int).Sub(new(big.Int).SetBytes(curveN), parent.D).FillBytes(make([]byte, 32))
	zeroChild := invalidAt(9, func([]byte) []byte { return negK })
	assert.Equal(t, derive(path(10), hmacSHA512), derive(path(9), zeroChild))
}

func TestDeriveKeyInvalidMasterKey(t *testing.T) {
	zero := func(key, data []byte) []byte { return make([]byte, 64) }
	_, err := deriveKey([]byte("0123456789abcdef"), nil, zero)
	require.ErrorContains(t, err, "invalid BIP-32 master key")
}
