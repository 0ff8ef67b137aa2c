// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title secp256k1 arithmetic for the ECVRF verifier.
/// @notice Jacobian coordinates (X, Y, Z) stand for the affine point (X/Z², Y/Z³);
/// Z = 0 is the point at infinity. Inverses and square roots use the modexp
/// precompile (0x05); p ≡ 3 (mod 4), so sqrt(a) = a^((p+1)/4).
/// Every function is total: invalid input gives ok = false, never a revert.
library Secp256k1 {
    /// @dev Field prime p.
    uint256 internal constant P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;
    /// @dev Group order n.
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    /// @dev Generator G.
    uint256 internal constant GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798;
    uint256 internal constant GY = 0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8;

    /// @dev (p + 1) / 4, the square-root exponent.
    uint256 private constant SQRT_EXP = 0x3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFBFFFFF0C;
    /// @dev p - 2, the inverse exponent (Fermat).
    uint256 private constant INV_EXP = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2D;

    /// @notice Whether (x, y) is an affine point on y² = x³ + 7 with both coordinates below p.
    function isOnCurve(uint256 x, uint256 y) internal pure returns (bool) {
        if (x >= P || y >= P) return false;
        return mulmod(y, y, P) == addmod(mulmod(mulmod(x, x, P), x, P), 7, P);
    }

    /// @notice The y coordinate with the given parity (odd = true for prefix 0x03) of the
    /// point with abscissa x; ok = false when x ≥ p or x is not on the curve.
    function decompress(uint256 x, bool odd) internal view returns (bool ok, uint256 y) {
        if (x >= P) return (false, 0);
        uint256 rhs = addmod(mulmod(mulmod(x, x, P), x, P), 7, P);
        (ok, y) = _expmod(rhs, SQRT_EXP);
        if (!ok || mulmod(y, y, P) != rhs) return (false, 0);
        if ((y & 1 == 1) != odd) y = P - y; // y ≠ 0: secp256k1 has no point of order 2
    }

    /// @notice a·(px, py) + b·(qx, qy) for affine points on the curve, by Shamir's trick,
    /// as an affine point. ok = false when the result is the point at infinity
    /// (or, only when gas runs out, a precompile call failed).
    function mulAdd(uint256 a, uint256 px, uint256 py, uint256 b, uint256 qx, uint256 qy)
        internal
        view
        returns (bool ok, uint256 x, uint256 y)
    {
        // R = P + Q, needed in affine form for the mixed additions below.
        bool rInf;
        uint256 rx;
        uint256 ry;
        {
            (uint256 jx, uint256 jy, uint256 jz) = _addMixed(px, py, 1, qx, qy);
            if (jz == 0) {
                rInf = true;
            } else {
                (ok, rx, ry) = _toAffine(jx, jy, jz);
                if (!ok) return (false, 0, 0);
            }
        }

        uint256 X;
        uint256 Y;
        uint256 Z; // starts at infinity
        for (uint256 i = 256; i > 0;) {
            unchecked {
                --i;
            }
            (X, Y, Z) = _double(X, Y, Z);
            uint256 bits = (((a >> i) & 1) << 1) | ((b >> i) & 1);
            if (bits == 3) {
                if (!rInf) (X, Y, Z) = _addMixed(X, Y, Z, rx, ry);
            } else if (bits == 2) {
                (X, Y, Z) = _addMixed(X, Y, Z, px, py);
            } else if (bits == 1) {
                (X, Y, Z) = _addMixed(X, Y, Z, qx, qy);
            }
        }
        if (Z == 0) return (false, 0, 0);
        return _toAffine(X, Y, Z);
    }

    /// @dev 2·(X, Y, Z) on y² = x³ + 7 (a = 0).
    function _double(uint256 X, uint256 Y, uint256 Z) private pure returns (uint256, uint256, uint256) {
        if (Z == 0 || Y == 0) return (0, 0, 0);
        uint256 yy = mulmod(Y, Y, P);
        uint256 s = mulmod(mulmod(4, X, P), yy, P); // 4·X·Y²
        uint256 m = mulmod(3, mulmod(X, X, P), P); // 3·X²
        uint256 x3 = addmod(mulmod(m, m, P), P - addmod(s, s, P), P);
        uint256 y3 = addmod(mulmod(m, addmod(s, P - x3, P), P), P - mulmod(8, mulmod(yy, yy, P), P), P);
        uint256 z3 = mulmod(addmod(Y, Y, P), Z, P);
        return (x3, y3, z3);
    }

    /// @dev (X1, Y1, Z1) + (x2, y2, 1), covering the infinity, equal and opposite cases.
    function _addMixed(uint256 X1, uint256 Y1, uint256 Z1, uint256 x2, uint256 y2)
        private
        pure
        returns (uint256, uint256, uint256)
    {
        if (Z1 == 0) return (x2, y2, 1);
        uint256 z1z1 = mulmod(Z1, Z1, P);
        uint256 h = addmod(mulmod(x2, z1z1, P), P - X1, P); // U2 - X1
        uint256 r = addmod(mulmod(y2, mulmod(Z1, z1z1, P), P), P - Y1, P); // S2 - Y1
        if (h == 0) {
            if (r == 0) return _double(X1, Y1, Z1);
            return (0, 0, 0);
        }
        uint256 hh = mulmod(h, h, P);
        uint256 hhh = mulmod(h, hh, P);
        uint256 v = mulmod(X1, hh, P);
        uint256 x3 = addmod(addmod(mulmod(r, r, P), P - hhh, P), P - addmod(v, v, P), P);
        uint256 y3 = addmod(mulmod(r, addmod(v, P - x3, P), P), P - mulmod(Y1, hhh, P), P);
        uint256 z3 = mulmod(Z1, h, P);
        return (x3, y3, z3);
    }

    /// @dev Jacobian to affine (Z ≠ 0).
    function _toAffine(uint256 X, uint256 Y, uint256 Z) private view returns (bool ok, uint256 x, uint256 y) {
        uint256 zi;
        (ok, zi) = _expmod(Z, INV_EXP);
        if (!ok) return (false, 0, 0);
        uint256 zi2 = mulmod(zi, zi, P);
        x = mulmod(X, zi2, P);
        y = mulmod(Y, mulmod(zi2, zi, P), P);
    }

    /// @dev base^e mod p through the modexp precompile.
    function _expmod(uint256 base, uint256 e) private view returns (bool ok, uint256 r) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 0x20)
            mstore(add(m, 0x20), 0x20)
            mstore(add(m, 0x40), 0x20)
            mstore(add(m, 0x60), base)
            mstore(add(m, 0x80), e)
            mstore(add(m, 0xa0), P)
            ok := staticcall(gas(), 0x05, m, 0xc0, m, 0x20)
            r := mload(m)
        }
    }
}
