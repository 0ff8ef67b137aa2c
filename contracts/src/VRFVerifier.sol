// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ECVRF} from "./libs/ecvrf/ECVRF.sol";

/// @title ECVRF-SECP256K1-SHA256-TAI verifier (protocol §2.6).
/// @notice Deployed by VSSTask's constructor so that its code does not count
/// against VSSTask's own 24 KiB limit.
contract VRFVerifier {
    /// @notice Verifies proof `proof` (81 bytes: compressed Gamma ‖ c(16) ‖ s(32)) for
    /// public key `publicKey` (64 bytes X ‖ Y) and input `alpha`.
    /// @dev Never reverts on malformed input: a key or proof of the wrong length, a
    /// point off the curve or s ≥ n all give (false, 0).
    /// @return valid whether the proof verifies; beta the VRF output when valid, else 0.
    function verify(bytes calldata publicKey, bytes calldata proof, bytes calldata alpha)
        external
        view
        returns (bool valid, bytes32 beta)
    {
        return ECVRF.verify(publicKey, proof, alpha);
    }
}
