package wallet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertNoSecret fails if err's text contains secret or any 8-character
// window of it (case-insensitive), so partial leaks are caught too.
func assertNoSecret(t *testing.T, err error, secret string) {
	t.Helper()
	require.Error(t, err)
	msg := strings.ToLower(err.Error())
	s := strings.ToLower(secret)
	const window = 8
	if len(s) < window {
		assert.NotContains(t, msg, s)
		return
	}
	for i := 0; i+window <= len(s); i++ {
		if strings.Contains(msg, s[i:i+window]) {
			t.Errorf("error %q leaks part of the secret (%q)", err.Error(), s[i:i+window])
			return
		}
	}
}

// assertNoWords fails if err's text contains any word of the mnemonic.
func assertNoWords(t *testing.T, err error, mnemonic string) {
	t.Helper()
	require.Error(t, err)
	tokens := map[string]bool{}
	for _, tok := range strings.FieldsFunc(strings.ToLower(err.Error()), func(r rune) bool { return !unicode.IsLetter(r) }) {
		tokens[tok] = true
	}
	for _, w := range strings.Fields(mnemonic) {
		assert.False(t, tokens[strings.ToLower(w)], "error %q leaks mnemonic word %q", err.Error(), w)
	}
}

func TestKeySourceErrorsNeverContainSecrets(t *testing.T) {
	// A secret key that is not a public test key, and inputs built from it
	// that every key source must reject.
	const secret = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	badKeys := map[string]string{
		"one char too many": secret + "7",
		"truncated":         secret[:63],
		"non-hex inside":    "0x" + secret[:40] + "z" + secret[41:],
		"non-hex at end":    secret[:63] + "g",
		"spaces inside":     secret[:32] + " " + secret[32:],
		"above curve order": "ffffffffffffffffffffffffffffffff" + secret[32:],
		"json-ish":          `{"key":"` + secret + `"}`,
	}
	dir := t.TempDir()
	for name, in := range badKeys {
		t.Run(name, func(t *testing.T) {
			_, err := FromHex(in)
			assertNoSecret(t, err, secret)

			t.Setenv("CRYNUX_SECRET_TEST_KEY", in)
			_, err = FromEnv("CRYNUX_SECRET_TEST_KEY")
			assertNoSecret(t, err, secret)

			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
			require.NoError(t, os.WriteFile(path, []byte(in), 0o600))
			_, err = FromKeyFile(path)
			assertNoSecret(t, err, secret)

			// A hex key file handed to the keystore loader by mistake.
			_, err = FromKeystore(path, "pw")
			assertNoSecret(t, err, secret)

			// A key passed where a mnemonic or a path belongs.
			_, err = FromMnemonic(in, "", DefaultPath(0))
			assertNoSecret(t, err, secret)
			_, err = FromMnemonic(hardhatMnemonic, "", in)
			assertNoSecret(t, err, secret)
			_, err = ParseDerivationPath("m/" + in)
			assertNoSecret(t, err, secret)
		})
	}

	t.Run("valid key file given to the keystore loader", func(t *testing.T) {
		path := filepath.Join(dir, "valid.hex")
		require.NoError(t, os.WriteFile(path, []byte(secret+"\n"), 0o600))
		_, err := FromKeystore(path, "pw")
		assertNoSecret(t, err, secret)
	})

	t.Run("keystore passphrases", func(t *testing.T) {
		const pass = "Tr0ub4dor&3-correct-horse"
		const wrong = "Tr0ub4dor&3-correct-horsf"
		ksDir := filepath.Join(dir, "ks")
		key, err := FromHex(secret)
		require.NoError(t, err)
		path, err := ImportKey(ksDir, key.PrivateKey(), pass, LightScrypt())
		require.NoError(t, err)

		_, err = FromKeystore(path, wrong)
		assertNoSecret(t, err, wrong)
		assertNoSecret(t, err, pass)
		assertNoSecret(t, err, secret)

		err = ExportKeystore(path, wrong, filepath.Join(dir, "out.hex"))
		assertNoSecret(t, err, wrong)

		_, err = ImportKey(ksDir, key.PrivateKey(), wrong, LightScrypt())
		assertNoSecret(t, err, wrong)
		assertNoSecret(t, err, secret)

		// Corrupt ciphertext: decryption fails with the right passphrase.
		blob, err := os.ReadFile(path)
		require.NoError(t, err)
		corrupt := filepath.Join(dir, "corrupt.json")
		require.NoError(t, os.WriteFile(corrupt, []byte(strings.Replace(string(blob), `"ciphertext":"`, `"ciphertext":"00`, 1)), 0o600))
		_, err = FromKeystore(corrupt, pass)
		assertNoSecret(t, err, pass)
		assertNoSecret(t, err, secret)

		// The signer's exported file must not be overwritten, and the error says so without the key.
		out := filepath.Join(dir, "exported.hex")
		require.NoError(t, ExportKeyFile(key, out))
		err = ExportKeyFile(key, out)
		assertNoSecret(t, err, secret)
	})

	t.Run("mnemonics", func(t *testing.T) {
		const valid = "foil fossil casino diary winter happy mesh gauge benefit coyote spirit recipe"
		words := strings.Fields(valid)
		for name, m := range map[string]string{
			"bad checksum":  strings.Join(append(append([]string{}, words[:11]...), "winter"), " "),
			"misspelled":    strings.Replace(valid, "diary", "diarry", 1),
			"too short":     strings.Join(words[:11], " "),
			"too long":      valid + " gauge",
			"extra garbage": valid + " 0x" + secret,
		} {
			_, err := FromMnemonic(m, "passphrase-"+secret, DefaultPath(0))
			assertNoWords(t, err, valid+" diarry")
			assertNoSecret(t, err, secret)
			assert.NotContains(t, err.Error(), "passphrase-", name)
		}
		// Mnemonic passed as the path (arguments swapped).
		_, err := FromMnemonic(DefaultPath(0), "", valid)
		assertNoWords(t, err, valid)
		_, err = ParseDerivationPath(valid)
		assertNoWords(t, err, valid)
	})
}
