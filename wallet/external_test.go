package wallet

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClef stands in for clef's external API: it answers account_version and
// signs account_signTransaction requests with a test key, as clef does after
// its user approves.
type fakeClef struct {
	key      *ecdsa.PrivateKey
	signWith *ecdsa.PrivateKey                           // nil: key
	tamper   func(*types.Transaction) *types.Transaction // nil: sign as requested

	mu       sync.Mutex
	requests []apitypes.SendTxArgs
}

func (c *fakeClef) Version() string { return "7.0.1" }

func (c *fakeClef) SignTransaction(_ context.Context, args apitypes.SendTxArgs, _ *string) (*signTxResult, error) {
	c.mu.Lock()
	c.requests = append(c.requests, args)
	c.mu.Unlock()
	if args.From.Address() != crypto.PubkeyToAddress(c.key.PublicKey) {
		return nil, errors.New("request denied: unknown account")
	}
	tx, err := args.ToTransaction()
	if err != nil {
		return nil, err
	}
	if c.tamper != nil {
		tx = c.tamper(tx)
	}
	key := c.key
	if c.signWith != nil {
		key = c.signWith
	}
	signed, err := types.SignTx(tx, types.LatestSignerForChainID((*big.Int)(args.ChainID)), key)
	if err != nil {
		return nil, err
	}
	raw, err := signed.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return &signTxResult{Raw: raw, Tx: signed}, nil
}

// startClef serves c over HTTP JSON-RPC on 127.0.0.1.
func startClef(t *testing.T, c *fakeClef) string {
	t.Helper()
	srv := rpc.NewServer()
	require.NoError(t, srv.RegisterName("account", c))
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); srv.Stop() })
	return hs.URL
}

func newClefSigner(t *testing.T, c *fakeClef, addr common.Address) *ExternalSigner {
	t.Helper()
	s, err := NewExternalSigner(context.Background(), startClef(t, c), addr)
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

func TestExternalSignerSignsThroughClef(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	clef := &fakeClef{key: key}
	s := newClefSigner(t, clef, addr)
	assert.Equal(t, addr, s.Address())

	chainID := big.NewInt(18896214)
	to := common.HexToAddress("0x00000000000000000000000000000000000000cc")
	al := types.AccessList{{Address: to, StorageKeys: []common.Hash{{1}}}}
	txs := map[string]*types.Transaction{
		"legacy":      types.NewTx(&types.LegacyTx{Nonce: 1, GasPrice: big.NewInt(1e9), Gas: 21000, To: &to, Value: big.NewInt(7)}),
		"access list": types.NewTx(&types.AccessListTx{ChainID: chainID, Nonce: 2, GasPrice: big.NewInt(1e9), Gas: 30000, To: &to, AccessList: al, Data: []byte{1, 2}}),
		"dynamic fee": types.NewTx(&types.DynamicFeeTx{ChainID: chainID, Nonce: 3, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(3e9), Gas: 50000, To: &to, Value: big.NewInt(1e18), Data: []byte("createTask")}),
		"create":      types.NewTx(&types.DynamicFeeTx{ChainID: chainID, Nonce: 4, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(3e9), Gas: 500000, Data: []byte{0x60, 0x80}}),
	}
	signer := types.LatestSignerForChainID(chainID)
	for name, tx := range txs {
		t.Run(name, func(t *testing.T) {
			signed, err := s.SignTx(context.Background(), tx, chainID)
			require.NoError(t, err)
			from, err := types.Sender(signer, signed)
			require.NoError(t, err)
			assert.Equal(t, addr, from)
			assert.Equal(t, tx.Type(), signed.Type())
			assert.Equal(t, signer.Hash(tx), signer.Hash(signed))
			if tx.Type() == types.LegacyTxType {
				assert.True(t, signed.Protected(), "legacy transactions are EIP-155 protected")
			}
		})
	}
	clef.mu.Lock()
	defer clef.mu.Unlock()
	require.Len(t, clef.requests, len(txs))
	for _, r := range clef.requests {
		assert.Equal(t, chainID, r.ChainID.ToInt())
	}
}

func TestExternalSignerRejectsEditedOrForeignSignatures(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	chainID := big.NewInt(1337)
	to := common.HexToAddress("0x00000000000000000000000000000000000000cc")
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: chainID, Nonce: 9, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2), Gas: 21000, To: &to})

	edited := newClefSigner(t, &fakeClef{key: key, tamper: func(tx *types.Transaction) *types.Transaction {
		d := &types.DynamicFeeTx{ChainID: tx.ChainId(), Nonce: tx.Nonce(), GasTipCap: tx.GasTipCap(), GasFeeCap: tx.GasFeeCap(), Gas: tx.Gas() * 2, To: tx.To(), Value: tx.Value(), Data: tx.Data()}
		return types.NewTx(d)
	}}, addr)
	_, err = edited.SignTx(context.Background(), tx, chainID)
	require.ErrorContains(t, err, "changed the transaction")

	// clef signs with its own key for an address it does not hold.
	other, err := crypto.GenerateKey()
	require.NoError(t, err)
	foreign := newClefSigner(t, &fakeClef{key: key}, crypto.PubkeyToAddress(other.PublicKey))
	_, err = foreign.SignTx(context.Background(), tx, chainID)
	require.ErrorContains(t, err, "request denied")
	assert.Contains(t, err.Error(), "external signer (clef)")

	wrongKey := newClefSigner(t, &fakeClef{key: key, signWith: other}, addr)
	_, err = wrongKey.SignTx(context.Background(), tx, chainID)
	require.ErrorContains(t, err, "signed with "+crypto.PubkeyToAddress(other.PublicKey).Hex()+", not "+addr.Hex())

	s := newClefSigner(t, &fakeClef{key: key}, addr)
	_, err = s.SignTx(context.Background(), tx, big.NewInt(1))
	require.ErrorContains(t, err, "transaction is for chain 1337 but signing for chain 1")
	_, err = s.SignTx(context.Background(), tx, nil)
	require.ErrorContains(t, err, "positive chain ID")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = s.SignTx(ctx, tx, chainID)
	require.ErrorIs(t, err, context.Canceled)
}

func TestExternalSignerUnsupportedOperations(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	s := newClefSigner(t, &fakeClef{key: key}, crypto.PubkeyToAddress(key.PublicKey))
	ctx := context.Background()

	_, err1 := s.SignDigest(ctx, make([]byte, 32))
	_, err2 := s.PublicKey(ctx)
	_, _, err3 := s.ProveVRF(ctx, make([]byte, 32))
	for op, err := range map[string]error{"SignDigest": err1, "PublicKey": err2, "ProveVRF": err3} {
		var ue *UnsupportedError
		require.ErrorAs(t, err, &ue, op)
		assert.Equal(t, op, ue.Op)
		assert.Equal(t, "external signer (clef)", ue.Backend)
		assert.Contains(t, err.Error(), "use a keystore, mnemonic or raw key signer for Relay auth and VRF")
	}
}

func TestNewExternalSignerUnreachable(t *testing.T) {
	hs := httptest.NewServer(nil)
	url := hs.URL
	hs.Close()
	_, err := NewExternalSigner(context.Background(), url, common.Address{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "external signer (clef)")
	assert.Contains(t, err.Error(), "clef runs with --http")

	_, err = NewExternalSigner(context.Background(), "http://user:s3cret@"+url[len("http://"):], common.Address{})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cret")
}
