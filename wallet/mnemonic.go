package wallet

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/tyler-smith/go-bip39"
)

// ErrInvalidMnemonic is wrapped by every error about a mnemonic phrase that
// is not valid BIP-39 (English word list). The error text never contains
// the phrase or any of its words.
var ErrInvalidMnemonic = errors.New("invalid mnemonic")

// ErrInvalidPath is wrapped by every error about a malformed BIP-32
// derivation path.
var ErrInvalidPath = errors.New("invalid derivation path")

// HardenedOffset is added to a BIP-32 child index to make it hardened
// (written 44' or 44h in a path).
const HardenedOffset uint32 = 1 << 31

// DefaultPath returns the BIP-44 Ethereum path of account index i,
// "m/44'/60'/0'/0/i": the path MetaMask, Hardhat, geth and most wallets use.
func DefaultPath(i int) string {
	return fmt.Sprintf("m/44'/60'/0'/0/%d", i)
}

// NewMnemonic returns a fresh random English BIP-39 mnemonic with bits of
// entropy: 128 (12 words), 160, 192, 224 or 256 (24 words).
func NewMnemonic(bits int) (string, error) {
	if bits < 128 || bits > 256 || bits%32 != 0 {
		return "", fmt.Errorf("wallet: new mnemonic: entropy must be 128, 160, 192, 224 or 256 bits (12 to 24 words), got %d", bits)
	}
	entropy, err := bip39.NewEntropy(bits)
	if err != nil {
		return "", fmt.Errorf("wallet: new mnemonic: %w", err)
	}
	defer clear(entropy)
	m, err := bip39.NewMnemonic(entropy)
	if err != nil {
		return "", fmt.Errorf("wallet: new mnemonic: %w", err)
	}
	return m, nil
}

// FromMnemonic returns a signer for the key derived from an English BIP-39
// mnemonic, an optional BIP-39 passphrase ("" for none; a different
// passphrase gives different, valid keys) and a BIP-32 path such as
// DefaultPath(0) or "m/44h/60h/0h/0/7". Words are matched case-insensitively
// and any run of whitespace separates them.
func FromMnemonic(mnemonic, passphrase string, path string) (*KeySigner, error) {
	idx, err := ParseDerivationPath(path)
	if err != nil {
		return nil, fmt.Errorf("wallet: mnemonic key: %w", err)
	}
	phrase, err := normalizeMnemonic(mnemonic)
	if err != nil {
		return nil, fmt.Errorf("wallet: mnemonic key: %w", err)
	}
	seed := bip39.NewSeed(phrase, passphrase)
	defer clear(seed)
	key, err := deriveKey(seed, idx, hmacSHA512)
	if err != nil {
		return nil, fmt.Errorf("wallet: mnemonic key at %s: %w", path, err)
	}
	return NewKeySigner(key), nil
}

// normalizeMnemonic checks the phrase against the BIP-39 English list and
// its checksum, and returns it as single-space separated lower-case words.
func normalizeMnemonic(mnemonic string) (string, error) {
	words := strings.Fields(strings.ToLower(mnemonic))
	switch n := len(words); {
	case n == 0:
		return "", fmt.Errorf("%w: the phrase is empty", ErrInvalidMnemonic)
	case n%3 != 0 || n < 12 || n > 24:
		return "", fmt.Errorf("%w: it has %d words, a BIP-39 phrase has 12, 15, 18, 21 or 24; check that the whole phrase was copied", ErrInvalidMnemonic, n)
	}
	for i, w := range words {
		if _, ok := bip39.GetWordIndex(w); !ok {
			return "", fmt.Errorf("%w: word %d is not in the BIP-39 English word list; check its spelling", ErrInvalidMnemonic, i+1)
		}
	}
	phrase := strings.Join(words, " ")
	if _, err := bip39.EntropyFromMnemonic(phrase); err != nil {
		// go-bip39's errors are fixed strings; keep ours descriptive instead.
		return "", fmt.Errorf("%w: the checksum does not match, so a word is wrong or the words are out of order", ErrInvalidMnemonic)
	}
	return phrase, nil
}

// ParseDerivationPath parses a BIP-32 path such as "m/44'/60'/0'/0/0" into
// child indexes. Hardened components end in ' or h (or H) and get
// HardenedOffset added; each index must be below 2^31. "m" alone is the
// master key.
func ParseDerivationPath(path string) ([]uint32, error) {
	p := strings.TrimSpace(path)
	if p != "m" && p != "M" && !strings.HasPrefix(p, "m/") && !strings.HasPrefix(p, "M/") {
		return nil, fmt.Errorf("%w %s: it must start with \"m/\", e.g. %s", ErrInvalidPath, quotePath(path), DefaultPath(0))
	}
	if len(p) == 1 {
		return []uint32{}, nil
	}
	parts := strings.Split(p[2:], "/")
	out := make([]uint32, 0, len(parts))
	for i, c := range parts {
		var offset uint32
		c = strings.TrimSpace(c)
		if n := len(c); n > 0 && (c[n-1] == '\'' || c[n-1] == 'h' || c[n-1] == 'H') {
			offset = HardenedOffset
			c = c[:n-1]
		}
		if c == "" || c[0] == '+' || c[0] == '-' {
			return nil, fmt.Errorf("%w %s: component %d is not a child index; use a decimal number, with ' or h for hardened", ErrInvalidPath, quotePath(path), i+1)
		}
		v, err := strconv.ParseUint(c, 10, 32)
		if err != nil || uint32(v) >= HardenedOffset {
			return nil, fmt.Errorf("%w %s: component %d must be a decimal index below 2147483648, with ' or h for hardened", ErrInvalidPath, quotePath(path), i+1)
		}
		out = append(out, uint32(v)+offset)
	}
	return out, nil
}

// quotePath returns path quoted for an error message, unless it holds
// characters no path has: then it may be a mnemonic or key passed in the
// wrong argument, and it is not shown.
func quotePath(path string) string {
	if len(path) > 48 {
		return "(not shown)"
	}
	for _, r := range path {
		if !strings.ContainsRune("0123456789mMhH'/ ", r) {
			return "(not shown)"
		}
	}
	return strconv.Quote(path)
}

// hmacFunc is HMAC-SHA512 in production; tests substitute outputs to reach
// the BIP-32 invalid-key branches, which real data hits with probability
// below 2^-127.
type hmacFunc func(key, data []byte) []byte

func hmacSHA512(key, data []byte) []byte {
	m := hmac.New(sha512.New, key)
	m.Write(data)
	return m.Sum(nil)
}

// errInvalidChild marks a child index whose key is invalid (I_L ≥ n or a
// zero key); BIP-32 says to move on to the next index.
var errInvalidChild = errors.New("invalid child key")

// deriveKey implements BIP-32 private derivation: the master key from seed,
// then one CKDpriv step per index.
func deriveKey(seed []byte, path []uint32, mac hmacFunc) (*ecdsa.PrivateKey, error) {
	i := mac([]byte("Bitcoin seed"), seed)
	defer clear(i)
	var k secp256k1.ModNScalar
	defer k.Zero()
	if overflow := k.SetByteSlice(i[:32]); overflow || k.IsZero() {
		return nil, errors.New("the seed gives an invalid BIP-32 master key (probability below 2^-127); use another mnemonic or passphrase")
	}
	chain := make([]byte, 32)
	defer clear(chain)
	copy(chain, i[32:])

	for depth, index := range path {
		for {
			err := deriveChild(&k, chain, index, mac)
			if err == nil {
				break
			}
			if !errors.Is(err, errInvalidChild) {
				return nil, err
			}
			// BIP-32: "proceed with the next value for i".
			if index == ^uint32(0) {
				return nil, fmt.Errorf("no valid child key at depth %d up to index 2^32-1; use another path", depth+1)
			}
			index++
		}
	}
	b := k.Bytes()
	defer clear(b[:])
	return crypto.ToECDSA(b[:])
}

// deriveChild replaces (k, chain) by child index of it. On errInvalidChild
// k and chain are unchanged.
func deriveChild(k *secp256k1.ModNScalar, chain []byte, index uint32, mac hmacFunc) error {
	data := make([]byte, 0, 37)
	if index >= HardenedOffset {
		kb := k.Bytes()
		data = append(data, 0)
		data = append(data, kb[:]...)
		clear(kb[:])
	} else {
		data = append(data, secp256k1.NewPrivateKey(k).PubKey().SerializeCompressed()...)
	}
	data = binary.BigEndian.AppendUint32(data, index)
	i := mac(chain, data)
	clear(data)
	defer clear(i)

	var il secp256k1.ModNScalar
	defer il.Zero()
	if overflow := il.SetByteSlice(i[:32]); overflow {
		return errInvalidChild
	}
	var child secp256k1.ModNScalar
	child.Add2(&il, k)
	if child.IsZero() {
		return errInvalidChild
	}
	k.Set(&child)
	child.Zero()
	copy(chain, i[32:])
	return nil
}
