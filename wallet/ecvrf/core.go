package ecvrf

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// suite is the suite_string of ECVRF-SECP256K1-SHA256-TAI in vechain/go-ecvrf.
const suite = 0xFE

// Domain-separation bytes of the three hashes (draft-irtf-cfrg-vrf-04).
const (
	domainHashToCurve = 0x01
	domainHashPoints  = 0x02
	domainProofToHash = 0x03
)

// challengeSize is the length of c in bytes (n = 128 bits in the draft).
const challengeSize = 16

// prove computes pi and beta for the secret scalar skb (32 bytes big-endian,
// already checked to be non-zero).
func prove(skb *[32]byte, alpha []byte) (pi, beta []byte, err error) {
	var x secp256k1.ModNScalar
	if overflow := x.SetBytes(skb); overflow != 0 || x.IsZero() {
		return nil, nil, fmt.Errorf("%w: scalar is not in [1, n-1]", ErrInvalidPrivateKey)
	}

	// Y = x·G
	var y secp256k1.JacobianPoint
	secp256k1.ScalarBaseMultNonConst(&x, &y)
	y.ToAffine()

	h, hComp, err := hashToCurve(compress(&y), alpha)
	if err != nil {
		return nil, nil, err
	}

	// Gamma = x·H
	var gamma secp256k1.JacobianPoint
	secp256k1.ScalarMultNonConst(&x, &h, &gamma)
	gamma.ToAffine()

	// k = RFC 6979 nonce over (x, sha256(compressed H)).
	digest := sha256.Sum256(hComp)
	xb := x.Bytes()
	k := secp256k1.NonceRFC6979(xb[:], digest[:], nil, nil, 0)
	clear(xb[:])
	defer k.Zero()
	defer x.Zero()

	var u, v secp256k1.JacobianPoint
	secp256k1.ScalarBaseMultNonConst(k, &u)
	secp256k1.ScalarMultNonConst(k, &h, &v)
	u.ToAffine()
	v.ToAffine()

	gammaComp := compress(&gamma)
	c := hashPoints(hComp, gammaComp, compress(&u), compress(&v))

	// s = k + c·x mod n
	var cs secp256k1.ModNScalar
	cs.SetByteSlice(c)
	var s secp256k1.ModNScalar
	s.Mul2(&cs, &x).Add(k)
	sb := s.Bytes()

	pi = make([]byte, 0, ProofSize)
	pi = append(pi, gammaComp...)
	pi = append(pi, c...)
	pi = append(pi, sb[:]...)
	return pi, gammaToBeta(&gamma), nil
}

// verify checks pi for public key y (affine, on the curve) and alpha.
func verify(y *secp256k1.JacobianPoint, alpha, pi []byte) ([]byte, error) {
	gamma, c, s, err := decodeProof(pi)
	if err != nil {
		return nil, err
	}
	h, hComp, err := hashToCurve(compress(y), alpha)
	if err != nil {
		return nil, err
	}

	var negC secp256k1.ModNScalar
	negC.NegateVal(c)

	// U = s·G − c·Y
	var sG, cY, u secp256k1.JacobianPoint
	secp256k1.ScalarBaseMultNonConst(s, &sG)
	secp256k1.ScalarMultNonConst(&negC, y, &cY)
	secp256k1.AddNonConst(&sG, &cY, &u)

	// V = s·H − c·Gamma
	var sH, cGamma, v secp256k1.JacobianPoint
	secp256k1.ScalarMultNonConst(s, &h, &sH)
	secp256k1.ScalarMultNonConst(&negC, gamma, &cGamma)
	secp256k1.AddNonConst(&sH, &cGamma, &v)

	// An honest proof never has U or V at infinity (k is in [1, n-1]).
	if isInfinity(&u) || isInfinity(&v) {
		return nil, fmt.Errorf("%w: U or V is the point at infinity", ErrInvalidProof)
	}
	u.ToAffine()
	v.ToAffine()

	want := hashPoints(hComp, pi[:33], compress(&u), compress(&v))
	if subtle.ConstantTimeCompare(want, pi[33:33+challengeSize]) != 1 {
		return nil, fmt.Errorf("%w: challenge mismatch", ErrInvalidProof)
	}
	return gammaToBeta(gamma), nil
}

// decodeProof splits pi into Gamma, c and s, rejecting anything that is not a
// canonical encoding: a wrong length, a Gamma that is not a compressed curve
// point, or s ≥ n.
func decodeProof(pi []byte) (gamma *secp256k1.JacobianPoint, c, s *secp256k1.ModNScalar, err error) {
	if len(pi) != ProofSize {
		return nil, nil, nil, fmt.Errorf("%w: proof is %d bytes, want %d", ErrMalformedProof, len(pi), ProofSize)
	}
	gamma, err = parsePoint(pi[:33])
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%w: Gamma: %v", ErrMalformedProof, err)
	}
	c = new(secp256k1.ModNScalar)
	c.SetByteSlice(pi[33 : 33+challengeSize]) // 128 bits never overflow n
	s = new(secp256k1.ModNScalar)
	if overflow := s.SetByteSlice(pi[33+challengeSize:]); overflow {
		return nil, nil, nil, fmt.Errorf("%w: s is not below the group order", ErrMalformedProof)
	}
	return gamma, c, s, nil
}

// hashToCurve is ECVRF_hash_to_curve_try_and_increment: the first counter
// whose digest is the x coordinate of a curve point gives H (even y).
func hashToCurve(pkComp, alpha []byte) (secp256k1.JacobianPoint, []byte, error) {
	buf := make([]byte, 0, 2+len(pkComp)+len(alpha)+1)
	buf = append(buf, suite, domainHashToCurve)
	buf = append(buf, pkComp...)
	buf = append(buf, alpha...)
	buf = append(buf, 0)
	cand := make([]byte, 33)
	cand[0] = 0x02
	for ctr := 0; ctr < 256; ctr++ {
		buf[len(buf)-1] = byte(ctr)
		d := sha256.Sum256(buf)
		copy(cand[1:], d[:])
		p, err := parsePoint(cand)
		if err == nil {
			return *p, cand, nil
		}
	}
	return secp256k1.JacobianPoint{}, nil, ErrHashToCurve
}

// hashPoints is ECVRF_hash_points truncated to 16 bytes.
func hashPoints(points ...[]byte) []byte {
	h := sha256.New()
	h.Write([]byte{suite, domainHashPoints})
	for _, p := range points {
		h.Write(p)
	}
	return h.Sum(nil)[:challengeSize]
}

// gammaToBeta is ECVRF_proof_to_hash (the cofactor of secp256k1 is 1).
func gammaToBeta(gamma *secp256k1.JacobianPoint) []byte {
	d := sha256.Sum256(append([]byte{suite, domainProofToHash}, compress(gamma)...))
	return d[:]
}

// parsePoint decodes a 33-byte compressed point (prefix 0x02 or 0x03,
// x < p, on the curve) into affine Jacobian form (Z = 1).
func parsePoint(b []byte) (*secp256k1.JacobianPoint, error) {
	if len(b) != 33 || (b[0] != 0x02 && b[0] != 0x03) {
		return nil, fmt.Errorf("not a compressed point")
	}
	pk, err := secp256k1.ParsePubKey(b)
	if err != nil {
		return nil, err
	}
	var p secp256k1.JacobianPoint
	pk.AsJacobian(&p)
	return &p, nil
}

// parsePublicKey64 decodes X ‖ Y (64 bytes) and checks the point is on the curve.
func parsePublicKey64(pub64 []byte) (*secp256k1.JacobianPoint, error) {
	if len(pub64) != PublicKey64Size {
		return nil, fmt.Errorf("%w: key is %d bytes, want %d (X ‖ Y)", ErrInvalidPublicKey, len(pub64), PublicKey64Size)
	}
	var enc [65]byte
	enc[0] = 0x04
	copy(enc[1:], pub64)
	pk, err := secp256k1.ParsePubKey(enc[:])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidPublicKey, err)
	}
	var p secp256k1.JacobianPoint
	pk.AsJacobian(&p)
	return &p, nil
}

// compress returns the 33-byte SEC1 compressed encoding of an affine point.
func compress(p *secp256k1.JacobianPoint) []byte {
	x, y := p.X, p.Y
	x.Normalize()
	y.Normalize()
	out := make([]byte, 33)
	out[0] = 0x02
	if y.IsOdd() {
		out[0] = 0x03
	}
	x.PutBytesUnchecked(out[1:])
	return out
}

func isInfinity(p *secp256k1.JacobianPoint) bool {
	z := p.Z
	return z.Normalize().IsZero()
}
