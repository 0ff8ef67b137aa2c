package wallet

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeySignerSignDigestRecoversAddress(t *testing.T) {
	ctx := context.Background()
	s, err := FromHex(testKeyHex)
	require.NoError(t, err)
	for i := 0; i < 16; i++ { // several digests so both V values show up
		digest := crypto.Keccak256([]byte{byte(i)}, []byte("crynux relay payload"))
		sig, err := s.SignDigest(ctx, digest)
		require.NoError(t, err)
		require.Len(t, sig, 65)
		assert.Contains(t, []byte{0, 1}, sig[64], "V must be 0 or 1 (protocol §3.2)")
		pub, err := crypto.SigToPub(digest, sig)
		require.NoError(t, err)
		assert.Equal(t, s.Address(), crypto.PubkeyToAddress(*pub))
	}
	_, err = s.SignDigest(ctx, []byte("short"))
	require.ErrorContains(t, err, "digest must be 32 bytes")
}

func TestKeySignerPublicKeyHashesToAddress(t *testing.T) {
	s, err := FromHex(testKeyHex)
	require.NoError(t, err)
	pk, err := s.PublicKey(context.Background())
	require.NoError(t, err)
	require.Len(t, pk, 64)
	assert.Equal(t, s.Address(), common.BytesToAddress(crypto.Keccak256(pk)[12:]))
}

func TestKeySignerSignTxRecoversAddress(t *testing.T) {
	s, err := FromHex(testKeyHex)
	require.NoError(t, err)
	chainID := big.NewInt(31337)
	to := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: chainID, Nonce: 3, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2e9), Gas: 21000, To: &to, Value: big.NewInt(5)})
	signed, err := s.SignTx(context.Background(), tx, chainID)
	require.NoError(t, err)
	from, err := types.Sender(types.LatestSignerForChainID(chainID), signed)
	require.NoError(t, err)
	assert.Equal(t, s.Address(), from)
}
