package relay_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/sha3"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
)

// goldenKey is a well-known test key (web3.js docs), never a real account.
const goldenKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"

const goldenCommitment = "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// TestSignGolden pins the signed bytes of protocol §3.2 for a create-task
// payload: JSON with sorted keys and Go's <>& escaping, then the decimal
// timestamp; keccak-256 with no prefix; 65-byte R‖S‖V with V ∈ {0,1}.
func TestSignGolden(t *testing.T) {
	key, err := crypto.HexToECDSA(goldenKey)
	require.NoError(t, err)
	signer := wallet.NewKeySigner(key)
	payload := map[string]any{
		"task_id_commitment": goldenCommitment,
		"task_args":          `{"a":"<"}`,
	}
	const ts = 1700000000

	// Written out by hand from §3.2: task_args before task_id_commitment,
	// the inner quotes escaped, '<' as \u003c, no spaces, timestamp appended.
	const wantMsg = `{"task_args":"{\"a\":\"\u003c\"}","task_id_commitment":"0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}1700000000`
	msg, err := relay.SignedMessage(payload, ts)
	require.NoError(t, err)
	require.Equal(t, wantMsg, string(msg))

	sig, err := relay.Sign(context.Background(), signer, payload, ts)
	require.NoError(t, err)

	// Independent recomputation: keccak-256 (legacy padding) of the
	// hand-written bytes, signed directly with the key.
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(wantMsg))
	direct, err := crypto.Sign(h.Sum(nil), key)
	require.NoError(t, err)
	assert.Equal(t, hexutil.Encode(direct), sig)

	raw, err := hexutil.Decode(sig)
	require.NoError(t, err)
	require.Len(t, raw, 65)
	assert.LessOrEqual(t, raw[64], byte(1), "V must be 0 or 1, not 27/28")

	// RFC 6979 signatures are deterministic: pin the bytes.
	assert.Equal(t, goldenSignature, sig)

	got, err := relay.Recover(payload, ts, sig)
	require.NoError(t, err)
	assert.Equal(t, signer.Address(), got)
}

const goldenSignature = "0xba8c607e9b2ff9e600be68d13fde80d210d1408384913ec5ea2c476882b637b128642c9e195b5f179fbee90eb1d8957f02fa9c39175afc59c2b879462cddea2100"

// TestSignRecoverRoundTrip covers the characters Go escapes (<, >, &) and
// non-ASCII text inside task args, and the string-typed result index.
func TestSignRecoverRoundTrip(t *testing.T) {
	p := newParty(t)
	ctx := context.Background()
	payloads := []map[string]any{
		{"task_args": `{"prompt":"a <b> & c > d","x":"é中文🙂"}`, "task_id_commitment": goldenCommitment},
		{"index": "12", "task_id_commitment": goldenCommitment},
		{"task_id_commitment": goldenCommitment},
	}
	for _, pl := range payloads {
		sig, err := relay.Sign(ctx, p.signer, pl, 1700000123)
		require.NoError(t, err)
		got, err := relay.Recover(pl, 1700000123, sig)
		require.NoError(t, err)
		assert.Equal(t, p.addr, got)

		// A different timestamp recovers someone else (the Relay then says
		// "Signer not allowed").
		other, err := relay.Recover(pl, 1700000124, sig)
		require.NoError(t, err)
		assert.NotEqual(t, p.addr, other)
	}
	msg, err := relay.SignedMessage(payloads[0], 1)
	require.NoError(t, err)
	assert.Contains(t, string(msg), `a \u003cb\u003e \u0026 c \u003e d`)
	assert.Contains(t, string(msg), "é中文🙂", "non-ASCII stays raw UTF-8, as Go's encoder writes it")
}

// eip155Signer returns V as 27/28, as some external signers do.
type eip155Signer struct{ *wallet.KeySigner }

func (s eip155Signer) SignDigest(ctx context.Context, d []byte) ([]byte, error) {
	sig, err := s.KeySigner.SignDigest(ctx, d)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

func TestSignNormalisesV(t *testing.T) {
	p := newParty(t)
	payload := map[string]any{"task_id_commitment": goldenCommitment}
	sig, err := relay.Sign(context.Background(), eip155Signer{p.signer}, payload, 5)
	require.NoError(t, err)
	want, err := relay.Sign(context.Background(), p.signer, payload, 5)
	require.NoError(t, err)
	assert.Equal(t, want, sig)
}
