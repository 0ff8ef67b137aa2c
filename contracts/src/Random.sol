// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Pseudo-random numbers for node selection.
/// @notice Deployed by the Node contract, which is its only caller. The numbers are not
/// secure randomness: they mix a caller seed with a counter and block data.
contract Random {
    address private immutable caller;
    uint256 private counter;

    constructor() {
        caller = msg.sender;
    }

    /// @notice A fresh pseudo-random number derived from `seed`.
    function next(bytes32 seed) external returns (uint256) {
        require(msg.sender == caller, "Not called by the node contract");
        counter++;
        return uint256(keccak256(abi.encodePacked(seed, counter, block.prevrandao, block.timestamp)));
    }
}
