package wallet

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
)

// ErrInvalidKey is wrapped by every error about malformed private key
// material (bad hex, wrong length, a value that is not a secp256k1 scalar).
// The error text never contains the key or any part of it.
var ErrInvalidKey = errors.New("invalid private key")

// FromHex returns a signer for a raw secp256k1 private key given as 64 hex
// characters, with or without a 0x prefix. Surrounding whitespace (a trailing
// newline from a file or a shell) is ignored.
func FromHex(s string) (*KeySigner, error) {
	key, err := parseHexKey(s)
	if err != nil {
		return nil, fmt.Errorf("wallet: raw hex key: %w", err)
	}
	return NewKeySigner(key), nil
}

// FromEnv returns a signer for the hex private key held in the environment
// variable name (see FromHex for the accepted format).
func FromEnv(name string) (*KeySigner, error) {
	v, ok := os.LookupEnv(name)
	if !ok || strings.TrimSpace(v) == "" {
		return nil, fmt.Errorf("wallet: environment variable %s is not set or empty: export it with the account's hex private key, or use a keystore file instead", name)
	}
	key, err := parseHexKey(v)
	if err != nil {
		return nil, fmt.Errorf("wallet: private key in environment variable %s: %w", name, err)
	}
	return NewKeySigner(key), nil
}

// FromKeyFile returns a signer for the hex private key stored in the file at
// path (the format go-ethereum's crypto.SaveECDSA and ExportKeyFile write:
// 64 hex characters, optional 0x, optional trailing newline).
func FromKeyFile(path string) (*KeySigner, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("wallet: read key file: %w; check the path and that it is readable", err)
	}
	defer clear(data)
	if t := strings.TrimSpace(string(data)); strings.HasPrefix(t, "{") {
		return nil, fmt.Errorf("wallet: key file %s: %w: it looks like a JSON keystore, not a hex key; unlock it with FromKeystore and its passphrase", path, ErrInvalidKey)
	}
	key, err := parseHexKey(string(data))
	if err != nil {
		return nil, fmt.Errorf("wallet: key file %s: %w", path, err)
	}
	return NewKeySigner(key), nil
}

// parseHexKey decodes a hex private key. Its errors describe the problem
// (length, position of a bad character) but never echo any input.
func parseHexKey(s string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		s = s[2:]
	}
	if len(s) != 64 {
		return nil, fmt.Errorf("%w: want 64 hex characters (32 bytes, optional 0x prefix), got %d characters; check that the whole key was copied", ErrInvalidKey, len(s))
	}
	raw := make([]byte, 32)
	defer clear(raw)
	for i := 0; i < 32; i++ {
		hi, ok1 := fromHexChar(s[2*i])
		lo, ok2 := fromHexChar(s[2*i+1])
		if !ok1 || !ok2 {
			pos := 2*i + 1
			if ok1 {
				pos++
			}
			return nil, fmt.Errorf("%w: character %d is not a hex digit; the key must be 64 characters 0-9a-f", ErrInvalidKey, pos)
		}
		raw[i] = hi<<4 | lo
	}
	key, err := crypto.ToECDSA(raw)
	if err != nil {
		// go-ethereum's messages here name the range problem only, never the bytes.
		return nil, fmt.Errorf("%w: not a valid secp256k1 private key (%v); generate a new key", ErrInvalidKey, err)
	}
	return key, nil
}

func fromHexChar(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
