package ecvrf_test

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/wallet/ecvrf"
)

type vector struct {
	SK, PK, Alpha, Pi, Beta []byte
}

func (v *vector) UnmarshalJSON(b []byte) error {
	var raw struct{ SK, PK, Alpha, Pi, Beta string }
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	var err error
	dec := func(s string) []byte {
		if err != nil {
			return nil
		}
		var out []byte
		out, err = hex.DecodeString(s)
		return out
	}
	v.SK, v.PK, v.Alpha, v.Pi, v.Beta = dec(raw.SK), dec(raw.PK), dec(raw.Alpha), dec(raw.Pi), dec(raw.Beta)
	return err
}

// loadVectors reads the known-answer vectors of the reference prover
// (vechain/go-ecvrf, as used by every Crynux client).
func loadVectors(tb testing.TB) []vector {
	tb.Helper()
	b, err := os.ReadFile("testdata/secp256k1_sha256_tai.json")
	require.NoError(tb, err)
	var vs []vector
	require.NoError(tb, json.Unmarshal(b, &vs))
	require.Len(tb, vs, 46)
	return vs
}

func privateKey(tb testing.TB, sk []byte) *ecdsa.PrivateKey {
	tb.Helper()
	var padded [32]byte
	copy(padded[32-len(sk):], sk)
	key, err := crypto.ToECDSA(padded[:])
	require.NoError(tb, err)
	return key
}

func pub64(pk *ecdsa.PublicKey) []byte {
	return crypto.FromECDSAPub(pk)[1:]
}

func TestProveMatchesKnownAnswerVectors(t *testing.T) {
	for i, v := range loadVectors(t) {
		key := privateKey(t, v.SK)
		require.Equal(t, v.PK, crypto.CompressPubkey(&key.PublicKey), "vector %d: public key", i)

		pi, beta, err := ecvrf.Prove(key, v.Alpha)
		require.NoError(t, err, "vector %d", i)
		assert.Equal(t, hex.EncodeToString(v.Pi), hex.EncodeToString(pi), "vector %d: pi", i)
		assert.Equal(t, hex.EncodeToString(v.Beta), hex.EncodeToString(beta), "vector %d: beta", i)
	}
}

func TestVerifyAcceptsKnownAnswerVectors(t *testing.T) {
	for i, v := range loadVectors(t) {
		key := privateKey(t, v.SK)
		beta, err := ecvrf.Verify(&key.PublicKey, v.Alpha, v.Pi)
		require.NoError(t, err, "vector %d", i)
		assert.Equal(t, v.Beta, beta, "vector %d", i)

		beta, err = ecvrf.VerifyPublicKey64(pub64(&key.PublicKey), v.Alpha, v.Pi)
		require.NoError(t, err, "vector %d", i)
		assert.Equal(t, v.Beta, beta, "vector %d", i)

		beta, err = ecvrf.ProofToBeta(v.Pi)
		require.NoError(t, err, "vector %d", i)
		assert.Equal(t, v.Beta, beta, "vector %d", i)
	}
}

func TestVerifyRejectsEverySingleBitFlip(t *testing.T) {
	vs := loadVectors(t)
	for _, idx := range []int{0, 1, len(vs) - 1} {
		v := vs[idx]
		key := privateKey(t, v.SK)
		for bit := 0; bit < ecvrf.ProofSize*8; bit++ {
			pi := bytes.Clone(v.Pi)
			pi[bit/8] ^= 1 << (bit % 8)
			beta, err := ecvrf.Verify(&key.PublicKey, v.Alpha, pi)
			require.Error(t, err, "vector %d, bit %d accepted", idx, bit)
			require.Nil(t, beta)
			require.True(t, errorsIsOneOf(err, ecvrf.ErrMalformedProof, ecvrf.ErrInvalidProof),
				"vector %d, bit %d: unexpected error %v", idx, bit, err)
		}
	}
}

func TestVerifyRejectsWrongAlphaAndWrongKey(t *testing.T) {
	vs := loadVectors(t)
	v := vs[0]
	key := privateKey(t, v.SK)

	_, err := ecvrf.Verify(&key.PublicKey, append(bytes.Clone(v.Alpha), 0), v.Pi)
	require.ErrorIs(t, err, ecvrf.ErrInvalidProof)
	_, err = ecvrf.Verify(&key.PublicKey, nil, v.Pi)
	require.ErrorIs(t, err, ecvrf.ErrInvalidProof)
	_, err = ecvrf.Verify(&key.PublicKey, []byte("other"), v.Pi)
	require.ErrorIs(t, err, ecvrf.ErrInvalidProof)

	other := privateKey(t, vs[1].SK)
	_, err = ecvrf.Verify(&other.PublicKey, v.Alpha, v.Pi)
	require.ErrorIs(t, err, ecvrf.ErrInvalidProof)

	// A proof of another key for the same alpha does not verify for this key either.
	_, err = ecvrf.Verify(&key.PublicKey, v.Alpha, vs[1].Pi)
	require.ErrorIs(t, err, ecvrf.ErrInvalidProof)
}

func TestProveVerifyRoundTripRandomKeys(t *testing.T) {
	for i := 0; i < 20; i++ {
		key, err := crypto.GenerateKey()
		require.NoError(t, err)
		alpha := crypto.Keccak256(big.NewInt(int64(i)).Bytes())
		pi, beta, err := ecvrf.Prove(key, alpha)
		require.NoError(t, err)
		require.Len(t, pi, ecvrf.ProofSize)
		require.Len(t, beta, ecvrf.BetaSize)

		pi2, beta2, err := ecvrf.Prove(key, alpha)
		require.NoError(t, err)
		require.Equal(t, pi, pi2, "Prove is deterministic")
		require.Equal(t, beta, beta2)

		got, err := ecvrf.Verify(&key.PublicKey, alpha, pi)
		require.NoError(t, err)
		require.Equal(t, beta, got)
	}
}

func TestProveIgnoresStalePublicKeyFields(t *testing.T) {
	v := loadVectors(t)[2]
	key := privateKey(t, v.SK)
	stale := *key
	stale.PublicKey.X, stale.PublicKey.Y = nil, nil
	pi, _, err := ecvrf.Prove(&stale, v.Alpha)
	require.NoError(t, err)
	require.Equal(t, v.Pi, pi)
}

func TestProveRejectsBadPrivateKeys(t *testing.T) {
	n := crypto.S256().Params().N
	for name, key := range map[string]*ecdsa.PrivateKey{
		"nil":      nil,
		"nil D":    {},
		"zero":     {D: new(big.Int)},
		"negative": {D: big.NewInt(-1)},
		"n":        {D: new(big.Int).Set(n)},
		"2^256":    {D: new(big.Int).Lsh(big.NewInt(1), 256)},
	} {
		pi, beta, err := ecvrf.Prove(key, []byte("x"))
		require.ErrorIs(t, err, ecvrf.ErrInvalidPrivateKey, name)
		require.Nil(t, pi, name)
		require.Nil(t, beta, name)
	}
}

func TestVerifyRejectsMalformedInput(t *testing.T) {
	v := loadVectors(t)[0]
	key := privateKey(t, v.SK)
	pk := &key.PublicKey

	for name, pi := range map[string][]byte{
		"nil":       nil,
		"empty":     {},
		"short":     v.Pi[:80],
		"long":      append(bytes.Clone(v.Pi), 0),
		"huge":      make([]byte, 1<<20),
		"prefix 04": append([]byte{0x04}, v.Pi[1:]...),
		"prefix 00": append([]byte{0x00}, v.Pi[1:]...),
		"x not on curve": func() []byte {
			pi := bytes.Clone(v.Pi)
			// x = 5 has no square root of x^3+7 on secp256k1.
			copy(pi[1:33], make([]byte, 32))
			pi[32] = 5
			return pi
		}(),
		"x = p": func() []byte {
			pi := bytes.Clone(v.Pi)
			copy(pi[1:33], crypto.S256().Params().P.Bytes())
			return pi
		}(),
		"s = n": func() []byte {
			pi := bytes.Clone(v.Pi)
			copy(pi[49:], crypto.S256().Params().N.Bytes())
			return pi
		}(),
		"s = 2^256-1": func() []byte {
			pi := bytes.Clone(v.Pi)
			copy(pi[49:], bytes.Repeat([]byte{0xff}, 32))
			return pi
		}(),
	} {
		beta, err := ecvrf.Verify(pk, v.Alpha, pi)
		require.ErrorIs(t, err, ecvrf.ErrMalformedProof, name)
		require.Nil(t, beta, name)
	}

	// s + n encodes the same scalar mod n but is not canonical: only s < n is accepted.
	sPlusN := new(big.Int).Add(new(big.Int).SetBytes(v.Pi[49:]), crypto.S256().Params().N)
	if sPlusN.BitLen() <= 256 {
		pi := bytes.Clone(v.Pi)
		sPlusN.FillBytes(pi[49:])
		_, err := ecvrf.Verify(pk, v.Alpha, pi)
		require.ErrorIs(t, err, ecvrf.ErrMalformedProof)
	}

	// c = 0, s = 0: U = V = infinity.
	zero := bytes.Clone(v.Pi)
	clear(zero[33:])
	_, err := ecvrf.Verify(pk, v.Alpha, zero)
	require.ErrorIs(t, err, ecvrf.ErrInvalidProof)

	_, err = ecvrf.ProofToBeta(v.Pi[:10])
	require.ErrorIs(t, err, ecvrf.ErrMalformedProof)
}

func TestVerifyRejectsBadPublicKeys(t *testing.T) {
	v := loadVectors(t)[0]
	key := privateKey(t, v.SK)
	p := crypto.S256().Params().P

	for name, pk := range map[string]*ecdsa.PublicKey{
		"nil":          nil,
		"nil coords":   {},
		"nil Y":        {X: key.X},
		"off curve":    {X: key.X, Y: new(big.Int).Add(key.Y, big.NewInt(1))},
		"negative":     {X: new(big.Int).Neg(key.X), Y: key.Y},
		"x + p":        {X: new(big.Int).Add(key.X, p), Y: key.Y},
		"huge":         {X: new(big.Int).Lsh(big.NewInt(1), 300), Y: key.Y},
		"zero (infty)": {X: new(big.Int), Y: new(big.Int)},
	} {
		beta, err := ecvrf.Verify(pk, v.Alpha, v.Pi)
		require.ErrorIs(t, err, ecvrf.ErrInvalidPublicKey, name)
		require.Nil(t, beta, name)
	}

	good := pub64(&key.PublicKey)
	for name, pub := range map[string][]byte{
		"nil":        nil,
		"63 bytes":   good[:63],
		"65 bytes":   crypto.FromECDSAPub(&key.PublicKey),
		"compressed": crypto.CompressPubkey(&key.PublicKey),
		"off curve":  append(bytes.Clone(good[:63]), good[63]^1),
	} {
		_, err := ecvrf.VerifyPublicKey64(pub, v.Alpha, v.Pi)
		require.ErrorIs(t, err, ecvrf.ErrInvalidPublicKey, name)
	}
}

func TestSelectedForValidation(t *testing.T) {
	be := func(n *big.Int) []byte { return n.FillBytes(make([]byte, 32)) }
	for _, tc := range []struct {
		n    *big.Int
		want bool
	}{
		{big.NewInt(0), true},
		{big.NewInt(10), true},
		{big.NewInt(7), false},
		{big.NewInt(256), false},
		{big.NewInt(2560), true},
		{new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)), false}, // ends in ...935
		{new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(6)), true},  // ends in ...930
	} {
		assert.Equal(t, tc.want, ecvrf.SelectedForValidation(be(tc.n)), tc.n.String())
	}
	assert.False(t, ecvrf.SelectedForValidation(nil))
	assert.False(t, ecvrf.SelectedForValidation(make([]byte, 31)))

	// Same rule as big.Int arithmetic on every vector's beta.
	ten := big.NewInt(10)
	for _, v := range loadVectors(t) {
		want := new(big.Int).Mod(new(big.Int).SetBytes(v.Beta), ten).Sign() == 0
		assert.Equal(t, want, ecvrf.SelectedForValidation(v.Beta))
	}
}

// FuzzVerify feeds arbitrary proofs, inputs and keys to the verifier. It must
// never panic, and a proof may only verify when it is the genuine proof of one
// of the fuzz keys (forging another would need the secret key).
func FuzzVerify(f *testing.F) {
	vs := loadVectors(f)
	keys := make([]*ecdsa.PrivateKey, 0, 4)
	for _, i := range []int{0, 1, 2, len(vs) - 1} {
		keys = append(keys, privateKey(f, vs[i].SK))
	}
	for i, v := range vs[:3] {
		f.Add(uint8(i), v.Alpha, v.Pi, pub64(&keys[i].PublicKey))
		flipped := bytes.Clone(v.Pi)
		flipped[40] ^= 0x80
		f.Add(uint8(i), v.Alpha, flipped, pub64(&keys[i].PublicKey))
	}
	f.Add(uint8(0), []byte{}, []byte{}, []byte{})
	f.Add(uint8(1), []byte("sample"), make([]byte, 81), make([]byte, 64))
	f.Add(uint8(2), []byte("sample"), bytes.Repeat([]byte{0xff}, 81), bytes.Repeat([]byte{0xff}, 64))

	f.Fuzz(func(t *testing.T, keyIdx uint8, alpha, pi, pub []byte) {
		key := keys[int(keyIdx)%len(keys)]
		if beta, err := ecvrf.Verify(&key.PublicKey, alpha, pi); err == nil {
			genuine, wantBeta, perr := ecvrf.Prove(key, alpha)
			require.NoError(t, perr)
			require.Equal(t, genuine, pi, "a non-genuine proof verified")
			require.Equal(t, wantBeta, beta)
		} else {
			require.Nil(t, beta)
			require.True(t, errorsIsOneOf(err, ecvrf.ErrMalformedProof, ecvrf.ErrInvalidProof), "%v", err)
		}

		if beta, err := ecvrf.VerifyPublicKey64(pub, alpha, pi); err == nil {
			var owner *ecdsa.PrivateKey
			for _, k := range keys {
				if bytes.Equal(pub64(&k.PublicKey), pub) {
					owner = k
				}
			}
			require.NotNil(t, owner, "a proof verified for a key nobody holds")
			genuine, wantBeta, perr := ecvrf.Prove(owner, alpha)
			require.NoError(t, perr)
			require.Equal(t, genuine, pi)
			require.Equal(t, wantBeta, beta)
		} else {
			require.Nil(t, beta)
		}

		_, _ = ecvrf.ProofToBeta(pi)
		_ = ecvrf.SelectedForValidation(pi)
	})
}

func BenchmarkProve(b *testing.B) {
	v := loadVectors(b)[0]
	key := privateKey(b, v.SK)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ecvrf.Prove(key, v.Alpha); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	v := loadVectors(b)[0]
	key := privateKey(b, v.SK)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ecvrf.Verify(&key.PublicKey, v.Alpha, v.Pi); err != nil {
			b.Fatal(err)
		}
	}
}

func errorsIsOneOf(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
