package wallet

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// Scrypt parameters of Web3 Secret Storage v3 files.
const (
	// StandardScryptN and StandardScryptP are the default, the ones geth and
	// clef use (about 256 MB of memory and a second of CPU per unlock).
	StandardScryptN = keystore.StandardScryptN
	StandardScryptP = keystore.StandardScryptP
	// LightScryptN and LightScryptP are cheap parameters for tests and
	// throwaway devnet accounts. Do not use them for keys that hold value.
	LightScryptN = keystore.LightScryptN
	LightScryptP = keystore.LightScryptP
)

const (
	keyFileMode = 0o600
	keyDirMode  = 0o700
)

// ErrWrongPassphrase is returned (wrapped) when a keystore file does not
// decrypt with the given passphrase. The error also matches
// go-ethereum's keystore.ErrDecrypt. Its text never contains the passphrase.
var ErrWrongPassphrase = errors.New("wrong keystore passphrase")

// ErrAccountExists is returned (wrapped) by ImportKey when the directory
// already holds a keystore file for the same address.
var ErrAccountExists = errors.New("a keystore file for this account already exists")

// ErrFileExists is returned (wrapped) when an export would overwrite an
// existing file.
var ErrFileExists = errors.New("file already exists")

// KeystoreOption changes how a keystore file is written.
type KeystoreOption func(*keystoreConfig)

type keystoreConfig struct {
	scryptN, scryptP int
	now              func() time.Time
}

func newKeystoreConfig(opts []KeystoreOption) keystoreConfig {
	c := keystoreConfig{scryptN: StandardScryptN, scryptP: StandardScryptP, now: time.Now}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// LightScrypt encrypts with LightScryptN/LightScryptP: fast, for tests and
// devnet accounts only.
func LightScrypt() KeystoreOption {
	return func(c *keystoreConfig) { c.scryptN, c.scryptP = LightScryptN, LightScryptP }
}

// WithScrypt sets the scrypt cost parameters explicitly. n must be a power of
// two greater than 1.
func WithScrypt(n, p int) KeystoreOption {
	return func(c *keystoreConfig) { c.scryptN, c.scryptP = n, p }
}

// KeystoreFileName is the file name geth gives a keystore file created at t
// for addr: UTC--<ISO 8601 time with '-' for ':'>--<address hex, lower case, no 0x>.
func KeystoreFileName(addr common.Address, t time.Time) string {
	t = t.UTC()
	return fmt.Sprintf("UTC--%04d-%02d-%02dT%02d-%02d-%02d.%09dZ--%s",
		t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
		hex.EncodeToString(addr[:]))
}

// NewKeystoreFile generates a new private key, encrypts it with passphrase
// (standard scrypt unless LightScrypt is given) and writes it into dir as a
// Web3 Secret Storage v3 file named like geth's. dir is created with mode
// 0700 if missing (an existing dir keeps its mode); the file has mode 0600
// and is written atomically (temporary file, fsync, rename).
// It returns the file's path and a signer for the new key.
func NewKeystoreFile(dir, passphrase string, opts ...KeystoreOption) (path string, signer *KeySigner, err error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return "", nil, fmt.Errorf("wallet: generate key: %w", err)
	}
	path, err = ImportKey(dir, key, passphrase, opts...)
	if err != nil {
		return "", nil, err
	}
	return path, NewKeySigner(key), nil
}

// ImportKey encrypts an existing private key with passphrase and writes it
// into dir as a keystore file (same naming, modes and atomicity as
// NewKeystoreFile). It refuses, with ErrAccountExists, when dir already
// holds a keystore file for the key's address.
func ImportKey(dir string, key *ecdsa.PrivateKey, passphrase string, opts ...KeystoreOption) (string, error) {
	if key == nil {
		return "", fmt.Errorf("wallet: import key into keystore: %w: no key given", ErrInvalidKey)
	}
	cfg := newKeystoreConfig(opts)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	if existing, ok := findKeystoreFile(dir, addr); ok {
		return "", fmt.Errorf("wallet: import %s into keystore %s: %w (%s); unlock that file instead", addr, dir, ErrAccountExists, existing)
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return "", fmt.Errorf("wallet: keystore id: %w", err)
	}
	blob, err := keystore.EncryptKey(&keystore.Key{Id: id, Address: addr, PrivateKey: key}, passphrase, cfg.scryptN, cfg.scryptP)
	if err != nil {
		return "", fmt.Errorf("wallet: encrypt key for %s (scrypt N=%d P=%d): %w", addr, cfg.scryptN, cfg.scryptP, err)
	}
	path := filepath.Join(dir, KeystoreFileName(addr, cfg.now()))
	if err := writeFileAtomic(path, blob, true); err != nil {
		return "", fmt.Errorf("wallet: write keystore file for %s: %w", addr, err)
	}
	return path, nil
}

// findKeystoreFile looks for a geth-named keystore file for addr in dir.
func findKeystoreFile(dir string, addr common.Address) (string, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	suffix := "--" + hex.EncodeToString(addr[:])
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), "UTC--") && strings.HasSuffix(strings.ToLower(e.Name()), suffix) {
			return filepath.Join(dir, e.Name()), true
		}
	}
	return "", false
}

// FromKeystore decrypts the Web3 Secret Storage file at path with passphrase
// and returns a signer for its key. A wrong passphrase gives an error that
// matches ErrWrongPassphrase.
func FromKeystore(path, passphrase string) (*KeySigner, error) {
	blob, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("wallet: read keystore file: %w; check the path", err)
	}
	// Do not hand non-JSON to the JSON decoder: its syntax errors quote the
	// offending character, and a hex key file passed here by mistake would
	// leak a digit of the key.
	if !json.Valid(blob) {
		return nil, fmt.Errorf("wallet: keystore file %s is not JSON (Web3 Secret Storage v3); if it holds a hex private key use FromKeyFile", path)
	}
	var header struct {
		Address string `json:"address"`
	}
	_ = json.Unmarshal(blob, &header)

	k, err := keystore.DecryptKey(blob, passphrase)
	if err != nil {
		if errors.Is(err, keystore.ErrDecrypt) {
			return nil, fmt.Errorf("wallet: unlock keystore %s: %w (%w); check the passphrase, it is case- and whitespace-sensitive", path, ErrWrongPassphrase, keystore.ErrDecrypt)
		}
		return nil, fmt.Errorf("wallet: keystore file %s is not a usable Web3 Secret Storage file: %w", path, err)
	}
	if header.Address != "" {
		want := common.HexToAddress(header.Address)
		if !common.IsHexAddress(header.Address) || want != k.Address {
			return nil, fmt.Errorf("wallet: keystore file %s: its address field %q does not match the decrypted key's address %s; the file was edited or is corrupt", path, header.Address, k.Address)
		}
	}
	return NewKeySigner(k.PrivateKey), nil
}

// ExportKeyFile writes s's private key as hex (no 0x, trailing newline, the
// format of go-ethereum's crypto.SaveECDSA and FromKeyFile) to path, mode
// 0600, atomically. Missing parent directories are created with mode 0700.
// It never overwrites an existing file (ErrFileExists).
func ExportKeyFile(s *KeySigner, path string) error {
	if s == nil || s.key == nil {
		return fmt.Errorf("wallet: export key file: %w: no key given", ErrInvalidKey)
	}
	raw := crypto.FromECDSA(s.key)
	defer clear(raw)
	buf := make([]byte, hex.EncodedLen(len(raw))+1)
	defer clear(buf)
	hex.Encode(buf, raw)
	buf[len(buf)-1] = '\n'
	if err := writeFileAtomic(path, buf, true); err != nil {
		return fmt.Errorf("wallet: export key of %s: %w", s.addr, err)
	}
	return nil
}

// ExportKeystore decrypts the keystore file at keystorePath and writes its
// key as a hex key file at keyFilePath (see ExportKeyFile).
func ExportKeystore(keystorePath, passphrase, keyFilePath string) error {
	s, err := FromKeystore(keystorePath, passphrase)
	if err != nil {
		return err
	}
	return ExportKeyFile(s, keyFilePath)
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory (mode 0600, fsynced) renamed into place, then fsyncs the
// directory, so a crash leaves either no file or the whole file. With
// noClobber it fails with ErrFileExists instead of replacing path.
func writeFileAtomic(path string, data []byte, noClobber bool) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, keyDirMode); err != nil {
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	if noClobber {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: %w; choose another path or remove it first", path, ErrFileExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("check %s: %w", path, err)
		}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("create temporary file in %s: %w", dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(keyFileMode); err != nil {
		return fmt.Errorf("set mode of %s: %w", tmp, err)
	}
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp, err)
	}
	if noClobber {
		// Link fails if path appeared meanwhile, which a rename would not.
		if err = os.Link(tmp, path); err == nil {
			os.Remove(tmp)
		} else if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w; choose another path or remove it first", path, ErrFileExists)
		} else if err = os.Rename(tmp, path); err != nil {
			return fmt.Errorf("move %s into place: %w", path, err)
		}
	} else if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("move %s into place: %w", path, err)
	}
	// Persist the directory entry. Not every platform can fsync a directory;
	// the file itself is already durable, so failures here are ignored.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
