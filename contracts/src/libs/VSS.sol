// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Helpers of Verifiable Secret Sampling (protocol §2.4, §2.6).
library VSS {
    /// @notice The sampling seed of a task created in the current block.
    function samplingSeed(bytes32 taskIDCommitment) internal view returns (bytes32) {
        return keccak256(abi.encodePacked(blockhash(block.number - 1), taskIDCommitment));
    }

    /// @notice Whether `taskIDCommitment` commits to `taskGUID` with `nonce`.
    function validateGUID(bytes32 taskIDCommitment, bytes32 taskGUID, bytes32 nonce) internal pure returns (bool) {
        return taskIDCommitment == keccak256(abi.encodePacked(taskGUID, nonce));
    }

    /// @notice The address a 64-byte uncompressed public key (X ‖ Y) belongs to.
    function publicKeyAddress(bytes memory publicKey) internal pure returns (address) {
        return address(uint160(uint256(keccak256(publicKey))));
    }

    /// @notice Whether a score is well-formed for an image task: a non-empty
    /// concatenation of 8-byte perceptual hashes.
    function isImageScore(bytes memory score) internal pure returns (bool) {
        return score.length > 0 && score.length % 8 == 0;
    }

    /// @notice Whether two image scores agree: equal lengths, and every 8-byte block
    /// differs in fewer than `threshold` bits.
    function imageScoresAgree(bytes memory a, bytes memory b, uint256 threshold) internal pure returns (bool) {
        if (a.length != b.length || a.length % 8 != 0) {
            return false;
        }
        for (uint256 i = 0; i < a.length; i += 8) {
            uint64 x;
            uint64 y;
            assembly {
                x := shr(192, mload(add(add(a, 32), i)))
                y := shr(192, mload(add(add(b, 32), i)))
            }
            if (popcount(x ^ y) >= threshold) {
                return false;
            }
        }
        return true;
    }

    /// @notice Number of set bits in `v`.
    function popcount(uint64 v) internal pure returns (uint256 n) {
        unchecked {
            while (v != 0) {
                v &= v - 1;
                n++;
            }
        }
    }
}
