// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Secp256k1} from "./Secp256k1.sol";

/// @title ECVRF-SECP256K1-SHA256-TAI verification (draft-irtf-cfrg-vrf-04, suite 0xFE),
/// byte-compatible with github.com/vechain/go-ecvrf and wallet/ecvrf (protocol §2.6).
/// @notice proof = compressed Gamma (33) ‖ c (16) ‖ s (32);
/// beta = sha256(0xFE ‖ 0x03 ‖ compressed Gamma).
library ECVRF {
    uint256 internal constant PROOF_LENGTH = 81;
    uint256 internal constant PUBLIC_KEY_LENGTH = 64;

    /// @notice Verifies `proof` for the 64-byte X ‖ Y `publicKey` and `alpha`.
    /// Returns (false, 0) for malformed input instead of reverting.
    function verify(bytes calldata publicKey, bytes calldata proof, bytes calldata alpha)
        internal
        view
        returns (bool valid, bytes32 beta)
    {
        if (publicKey.length != PUBLIC_KEY_LENGTH || proof.length != PROOF_LENGTH) return (false, 0);

        uint256 yx = uint256(bytes32(publicKey[0:32]));
        uint256 yy = uint256(bytes32(publicKey[32:64]));
        if (!Secp256k1.isOnCurve(yx, yy)) return (false, 0);

        // Decode Gamma, c, s.
        uint256 gx;
        uint256 gy;
        {
            uint8 prefix = uint8(proof[0]);
            if (prefix != 0x02 && prefix != 0x03) return (false, 0);
            gx = uint256(bytes32(proof[1:33]));
            bool ok;
            (ok, gy) = Secp256k1.decompress(gx, prefix == 0x03);
            if (!ok) return (false, 0);
        }
        uint256 c = uint256(uint128(bytes16(proof[33:49])));
        uint256 s = uint256(bytes32(proof[49:81]));
        if (s >= Secp256k1.N) return (false, 0);

        // H = hash_to_curve_try_and_increment(Y, alpha)
        (bool found, uint256 hx, uint256 hy) = hashToCurve(yx, yy, alpha);
        if (!found) return (false, 0);

        // U = s·G − c·Y, V = s·H − c·Gamma
        (bool okU, uint256 ux, uint256 uy) =
            Secp256k1.mulAdd(s, Secp256k1.GX, Secp256k1.GY, c, yx, Secp256k1.P - yy);
        if (!okU) return (false, 0);
        (bool okV, uint256 vx, uint256 vy) = Secp256k1.mulAdd(s, hx, hy, c, gx, Secp256k1.P - gy);
        if (!okV) return (false, 0);

        bytes32 digest = sha256(
            abi.encodePacked(
                bytes2(0xFE02), // suite ‖ hash_points domain
                bytes1(0x02), // H has even y
                hx,
                proof[0:33],
                _prefix(uy),
                ux,
                _prefix(vy),
                vx
            )
        );
        if (bytes16(digest) != bytes16(proof[33:49])) return (false, 0);
        return (true, sha256(abi.encodePacked(bytes2(0xFE03), proof[0:33])));
    }

    /// @notice ECVRF_hash_to_curve_try_and_increment: the first ctr in 0..255 for which
    /// sha256(0xFE ‖ 0x01 ‖ compressed(Y) ‖ alpha ‖ ctr) is the abscissa of a curve
    /// point gives H, with even y. found = false if none does (probability ≈ 2^-256).
    function hashToCurve(uint256 yx, uint256 yy, bytes calldata alpha)
        internal
        view
        returns (bool found, uint256 hx, uint256 hy)
    {
        bytes memory buf = abi.encodePacked(bytes2(0xFE01), _prefix(yy), yx, alpha, bytes1(0));
        uint256 last = buf.length - 1;
        for (uint256 ctr = 0; ctr < 256; ++ctr) {
            buf[last] = bytes1(uint8(ctr));
            hx = uint256(sha256(buf));
            (found, hy) = Secp256k1.decompress(hx, false);
            if (found) return (true, hx, hy);
        }
        return (false, 0, 0);
    }

    /// @dev SEC1 compression prefix for a point with ordinate y.
    function _prefix(uint256 y) private pure returns (bytes1) {
        return y & 1 == 0 ? bytes1(0x02) : bytes1(0x03);
    }
}
