// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Single-owner access control.
/// @notice The client-facing ABI (owner, transferOwnership, renounceOwnership, the
/// OwnershipTransferred event and the two custom errors) matches the one the deployed
/// Crynux contracts inherited, so bindings generated from either are identical.
abstract contract Ownable {
    address private _owner;

    /// @notice The caller is not the owner.
    error OwnableUnauthorizedAccount(address account);
    /// @notice The new owner is not a valid account (the zero address).
    error OwnableInvalidOwner(address owner);

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() {
        _transferOwnership(msg.sender);
    }

    modifier onlyOwner() {
        if (msg.sender != _owner) {
            revert OwnableUnauthorizedAccount(msg.sender);
        }
        _;
    }

    /// @notice The current owner.
    function owner() public view virtual returns (address) {
        return _owner;
    }

    /// @notice Leaves the contract without an owner; owner-only functions become unusable.
    function renounceOwnership() public virtual onlyOwner {
        _transferOwnership(address(0));
    }

    /// @notice Hands ownership to `newOwner`, which must not be the zero address.
    function transferOwnership(address newOwner) public virtual onlyOwner {
        if (newOwner == address(0)) {
            revert OwnableInvalidOwner(address(0));
        }
        _transferOwnership(newOwner);
    }

    function _transferOwnership(address newOwner) internal virtual {
        address oldOwner = _owner;
        _owner = newOwner;
        emit OwnershipTransferred(oldOwner, newOwner);
    }
}
