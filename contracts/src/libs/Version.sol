// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Task version matching (protocol §2.4).
library Version {
    /// @notice Whether a node running `nodeVersion` may run a task that asks for `taskVersion`:
    /// same major, and a minor.patch that is not older than the task's.
    function matches(uint256[3] memory nodeVersion, uint256[3] memory taskVersion) internal pure returns (bool) {
        if (nodeVersion[0] != taskVersion[0]) {
            return false;
        }
        if (nodeVersion[1] != taskVersion[1]) {
            return nodeVersion[1] > taskVersion[1];
        }
        return nodeVersion[2] >= taskVersion[2];
    }
}
