package contracts_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/wallet/ecvrf"
)

// vrfVector is one known-answer vector of the reference ECVRF prover.
type vrfVector struct {
	SK, Alpha, Pi, Beta []byte
}

func loadVRFVectors(tb testing.TB) []vrfVector {
	tb.Helper()
	b, err := os.ReadFile("../wallet/ecvrf/testdata/secp256k1_sha256_tai.json")
	require.NoError(tb, err)
	var raw []struct{ SK, Alpha, Pi, Beta string }
	require.NoError(tb, json.Unmarshal(b, &raw))
	require.Len(tb, raw, 46)
	out := make([]vrfVector, len(raw))
	for i, r := range raw {
		for _, f := range []struct {
			dst *[]byte
			src string
		}{{&out[i].SK, r.SK}, {&out[i].Alpha, r.Alpha}, {&out[i].Pi, r.Pi}, {&out[i].Beta, r.Beta}} {
			*f.dst, err = hex.DecodeString(f.src)
			require.NoError(tb, err)
		}
	}
	return out
}

func vrfKey(tb testing.TB, sk []byte) *ecdsa.PrivateKey {
	tb.Helper()
	key, err := crypto.ToECDSA(common.LeftPadBytes(sk, 32))
	require.NoError(tb, err)
	return key
}

func pubKey64(key *ecdsa.PrivateKey) []byte {
	return crypto.FromECDSAPub(&key.PublicKey)[1:]
}

// vrfChain is a simulated chain with a deployed VRFVerifier.
type vrfChain struct {
	sim      *simulated.Backend
	addr     common.Address
	contract *bindings.VRFVerifier
	bound    *bind.BoundContract
}

func deployVRFVerifier(tb testing.TB) *vrfChain {
	tb.Helper()
	deployer, err := crypto.GenerateKey()
	require.NoError(tb, err)
	from := crypto.PubkeyToAddress(deployer.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{
		from: {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))},
	})
	tb.Cleanup(func() { _ = sim.Close() })

	chainID, err := sim.Client().ChainID(context.Background())
	require.NoError(tb, err)
	opts := bind.NewKeyedTransactor(deployer, chainID)
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.VRFVerifierMetaData.Bin), sim.Client(), nil)
	require.NoError(tb, err)
	sim.Commit()
	receipt, err := sim.Client().TransactionReceipt(context.Background(), tx.Hash())
	require.NoError(tb, err)
	require.Equal(tb, types.ReceiptStatusSuccessful, receipt.Status)

	code, err := sim.Client().CodeAt(context.Background(), addr, nil)
	require.NoError(tb, err)
	require.NotEmpty(tb, code)
	require.Less(tb, len(code), 24576, "runtime code over the EIP-170 limit")

	c := bindings.NewVRFVerifier()
	return &vrfChain{sim: sim, addr: addr, contract: c, bound: c.Instance(sim.Client(), addr)}
}

func (c *vrfChain) verify(tb testing.TB, pub, proof, alpha []byte) bindings.VerifyOutput {
	tb.Helper()
	out, err := bind.Call(c.bound, nil, c.contract.PackVerify(pub, proof, alpha), c.contract.UnpackVerify)
	require.NoError(tb, err, "verify must not revert")
	return out
}

func (c *vrfChain) requireRejected(tb testing.TB, name string, pub, proof, alpha []byte) {
	tb.Helper()
	out := c.verify(tb, pub, proof, alpha)
	require.False(tb, out.Valid, name)
	require.Equal(tb, [32]byte{}, out.Beta, name)
}

func (c *vrfChain) estimateGas(tb testing.TB, pub, proof, alpha []byte) uint64 {
	tb.Helper()
	gas, err := c.sim.Client().EstimateGas(context.Background(), ethereum.CallMsg{
		To:   &c.addr,
		Data: c.contract.PackVerify(pub, proof, alpha),
	})
	require.NoError(tb, err)
	return gas
}

func TestVRFVerifierAcceptsKnownAnswerVectors(t *testing.T) {
	chain := deployVRFVerifier(t)
	for i, v := range loadVRFVectors(t) {
		out := chain.verify(t, pubKey64(vrfKey(t, v.SK)), v.Pi, v.Alpha)
		require.True(t, out.Valid, "vector %d", i)
		require.Equal(t, v.Beta, out.Beta[:], "vector %d", i)
	}
}

func TestVRFVerifierRejectsTamperedProofs(t *testing.T) {
	chain := deployVRFVerifier(t)
	vs := loadVRFVectors(t)
	v := vs[0]
	key := vrfKey(t, v.SK)
	pub := pubKey64(key)

	// Bit flips in every field: Gamma prefix, Gamma x, c, s.
	for _, bit := range []int{0, 1, 7, 8, 100, 263, 264, 300, 391, 392, 500, 647} {
		pi := bytes.Clone(v.Pi)
		pi[bit/8] ^= 1 << (bit % 8)
		chain.requireRejected(t, "bit flip", pub, pi, v.Alpha)
	}

	chain.requireRejected(t, "wrong alpha", pub, v.Pi, []byte("other"))
	chain.requireRejected(t, "empty alpha", pub, v.Pi, nil)
	chain.requireRejected(t, "alpha with trailing byte", pub, v.Pi, append(bytes.Clone(v.Alpha), 0))
	chain.requireRejected(t, "wrong key", pubKey64(vrfKey(t, vs[1].SK)), v.Pi, v.Alpha)
	chain.requireRejected(t, "other key's proof", pub, vs[1].Pi, v.Alpha)

	n := crypto.S256().Params().N
	p := crypto.S256().Params().P
	sPlusN := new(big.Int).Add(new(big.Int).SetBytes(v.Pi[49:]), n)
	withS := func(s *big.Int) []byte {
		pi := bytes.Clone(v.Pi)
		s.FillBytes(pi[49:])
		return pi
	}
	gammaX := func(x *big.Int) []byte {
		pi := bytes.Clone(v.Pi)
		x.FillBytes(pi[1:33])
		return pi
	}
	// s + n is the same scalar mod n in a non-canonical encoding (when it fits in 256 bits).
	sPlusNProof := withS(n)
	if sPlusN.BitLen() <= 256 {
		sPlusNProof = withS(sPlusN)
	}
	offCurve := bytes.Clone(pub)
	offCurve[63] ^= 1

	for name, tc := range map[string]struct{ pub, pi, alpha []byte }{
		"empty proof":       {pub, nil, v.Alpha},
		"proof 80 bytes":    {pub, v.Pi[:80], v.Alpha},
		"proof 82 bytes":    {pub, append(bytes.Clone(v.Pi), 0), v.Alpha},
		"empty key":         {nil, v.Pi, v.Alpha},
		"key 63 bytes":      {pub[:63], v.Pi, v.Alpha},
		"key 65 bytes":      {crypto.FromECDSAPub(&key.PublicKey), v.Pi, v.Alpha},
		"key 33 bytes":      {crypto.CompressPubkey(&key.PublicKey), v.Pi, v.Alpha},
		"key off curve":     {offCurve, v.Pi, v.Alpha},
		"key zero":          {make([]byte, 64), v.Pi, v.Alpha},
		"key all ones":      {bytes.Repeat([]byte{0xff}, 64), v.Pi, v.Alpha},
		"gamma prefix 04":   {pub, append([]byte{0x04}, v.Pi[1:]...), v.Alpha},
		"gamma x = p":       {pub, gammaX(p), v.Alpha},
		"gamma x off curve": {pub, gammaX(big.NewInt(5)), v.Alpha},
		"s = n":             {pub, withS(n), v.Alpha},
		"s + n":             {pub, sPlusNProof, v.Alpha},
		"c = s = 0":         {pub, append(bytes.Clone(v.Pi[:33]), make([]byte, 48)...), v.Alpha},
	} {
		chain.requireRejected(t, name, tc.pub, tc.pi, tc.alpha)
	}
}

func TestVRFVerifierAcceptsGoProverProofs(t *testing.T) {
	chain := deployVRFVerifier(t)
	for i := 0; i < 12; i++ {
		key, err := crypto.GenerateKey()
		require.NoError(t, err)
		alpha := make([]byte, []int{0, 1, 32, 32, 32, 55, 56, 64, 100, 200, 1000, 32}[i])
		copy(alpha, crypto.Keccak256([]byte{byte(i)}))
		for j := 32; j < len(alpha); j++ {
			alpha[j] = byte(j * i)
		}
		pi, beta, err := ecvrf.Prove(key, alpha)
		require.NoError(t, err)

		out := chain.verify(t, pubKey64(key), pi, alpha)
		require.True(t, out.Valid, "proof %d (alpha %d bytes)", i, len(alpha))
		require.Equal(t, beta, out.Beta[:], "proof %d", i)
	}
}

func TestVRFVerifierGas(t *testing.T) {
	chain := deployVRFVerifier(t)
	vs := loadVRFVectors(t)
	var maxGas uint64
	for _, v := range []vrfVector{vs[0], vs[1], vs[len(vs)-1]} {
		gas := chain.estimateGas(t, pubKey64(vrfKey(t, v.SK)), v.Pi, v.Alpha)
		t.Logf("VRFVerifier.verify gas (eth_estimateGas, incl. 21000 intrinsic): %d", gas)
		maxGas = max(maxGas, gas)
	}
	require.Less(t, maxGas, uint64(3_000_000))
}

func BenchmarkVRFVerifierVerify(b *testing.B) {
	chain := deployVRFVerifier(b)
	v := loadVRFVectors(b)[0]
	pub := pubKey64(vrfKey(b, v.SK))
	b.ReportMetric(float64(chain.estimateGas(b, pub, v.Pi, v.Alpha)), "gas/op")
	for b.Loop() {
		if !chain.verify(b, pub, v.Pi, v.Alpha).Valid {
			b.Fatal("vector rejected")
		}
	}
}
