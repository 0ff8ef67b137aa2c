// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title ECVRF-SECP256K1-SHA256-TAI verifier (protocol §2.6).
/// @notice Deployed by VSSTask's constructor so that its code does not count
/// against VSSTask's own 24 KiB limit.
contract VRFVerifier {
    /// @notice Verifies proof `proof` (81 bytes: compressed Gamma ‖ c(16) ‖ s(32)) for
    /// public key `publicKey` (64 bytes X ‖ Y) and input `alpha`.
    /// @return valid whether the proof verifies; beta the VRF output when valid.
    function verify(bytes calldata publicKey, bytes calldata proof, bytes calldata alpha)
        external
        view
        returns (bool valid, bytes32 beta)
    {
        publicKey; proof; alpha;
        revert("VRFVerifier: not implemented");
    }
}
