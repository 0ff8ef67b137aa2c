// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./libs/Ownable.sol";
import "./libs/Version.sol";

/// @title Tasks waiting for a node (protocol §2.4, §2.7).
/// @notice Bounded by a size limit (default 50). A node that becomes available gets the
/// matching task with the highest price (fee per unit of task size); ties go to a task whose
/// models the node ran last, then to one whose models it holds, then to the oldest.
contract TaskQueue is Ownable {
    struct Entry {
        uint256 index; // position in `commitments` plus one; 0 when absent
        uint256 order; // insertion counter, for age
        uint256 price;
        uint256 minimumVRAM;
        bytes32 gpuID; // zero when no GPU is required
        bytes32 modelsHash;
        uint256[3] taskVersion;
        string[] modelIDs;
    }

    address private taskContractAddress;
    uint256 private sizeLimit = 50;
    uint256 private orderCounter;
    bytes32[] private commitments;
    mapping(bytes32 => Entry) private entries;

    constructor() {}

    modifier onlyTaskContract() {
        require(msg.sender == taskContractAddress, "Not called by the task contract");
        _;
    }

    function updateTaskContractAddress(address taskContract) public onlyOwner {
        taskContractAddress = taskContract;
    }

    function updateSizeLimit(uint256 limit) public onlyOwner {
        sizeLimit = limit;
    }

    function getSizeLimit() public view returns (uint256) {
        return sizeLimit;
    }

    function size() public view returns (uint256) {
        return commitments.length;
    }

    function include(bytes32 taskIDCommitment) public view returns (bool) {
        return entries[taskIDCommitment].index != 0;
    }

    function pushTask(
        bytes32 taskIDCommitment,
        uint256 taskFee,
        uint256 taskSize,
        string[] calldata modelIDs,
        uint256 minimumVRAM,
        string calldata requiredGPU,
        uint256 requiredGPUVRAM,
        uint256[3] calldata taskVersion
    ) public onlyTaskContract {
        require(commitments.length < sizeLimit, "Task queue is full");
        require(entries[taskIDCommitment].index == 0, "Task already queued");
        commitments.push(taskIDCommitment);
        Entry storage e = entries[taskIDCommitment];
        e.index = commitments.length;
        e.order = ++orderCounter;
        // As upstream (libs/TaskArray.sol): a task size of 0 panics with a
        // division by zero when the task is queued; clients must send >= 1.
        e.price = taskFee / taskSize;
        e.minimumVRAM = minimumVRAM;
        if (bytes(requiredGPU).length > 0) {
            e.gpuID = keccak256(abi.encodePacked(requiredGPU, requiredGPUVRAM));
        }
        e.modelsHash = keccak256(abi.encode(modelIDs));
        e.taskVersion = taskVersion;
        e.modelIDs = modelIDs;
    }

    function removeTask(bytes32 taskIDCommitment) public onlyTaskContract {
        remove(taskIDCommitment);
    }

    /// @notice Removes and returns the best queued task a node with this GPU, version and
    /// models can run; zero when there is none.
    function popTask(
        string calldata gpuName,
        uint256 gpuVRAM,
        uint256[3] calldata version,
        string[] calldata localModelIDs,
        string[] calldata lastModelIDs
    ) public onlyTaskContract returns (bytes32) {
        bytes32 gpuID = keccak256(abi.encodePacked(gpuName, gpuVRAM));
        bytes32 lastHash = keccak256(abi.encode(lastModelIDs));
        bytes32 best;
        uint256 bestRank;
        for (uint256 i = 0; i < commitments.length; i++) {
            bytes32 c = commitments[i];
            Entry storage e = entries[c];
            if (e.gpuID != bytes32(0) ? e.gpuID != gpuID : gpuVRAM < e.minimumVRAM) {
                continue;
            }
            if (!Version.matches(version, e.taskVersion)) {
                continue;
            }
            if (best != bytes32(0) && e.price < entries[best].price) {
                continue;
            }
            uint256 rank = e.modelsHash == lastHash ? 2 : (holdsAny(localModelIDs, e.modelIDs) ? 1 : 0);
            if (best != bytes32(0) && e.price == entries[best].price) {
                if (rank < bestRank || (rank == bestRank && e.order > entries[best].order)) {
                    continue;
                }
            }
            best = c;
            bestRank = rank;
        }
        if (best != bytes32(0)) {
            remove(best);
        }
        return best;
    }

    /// @notice The queued task with the lowest price (the newest among equals); zero when empty.
    function getCheapestTask() public view returns (bytes32) {
        bytes32 cheapest;
        for (uint256 i = 0; i < commitments.length; i++) {
            bytes32 c = commitments[i];
            if (
                cheapest == bytes32(0) || entries[c].price < entries[cheapest].price
                    || (entries[c].price == entries[cheapest].price && entries[c].order > entries[cheapest].order)
            ) {
                cheapest = c;
            }
        }
        return cheapest;
    }

    function remove(bytes32 c) private {
        uint256 index = entries[c].index;
        if (index == 0) {
            return;
        }
        bytes32 last = commitments[commitments.length - 1];
        commitments[index - 1] = last;
        entries[last].index = index;
        commitments.pop();
        delete entries[c].modelIDs;
        delete entries[c];
    }

    function holdsAny(string[] calldata local, string[] storage wanted) private view returns (bool) {
        for (uint256 i = 0; i < wanted.length; i++) {
            bytes32 w = keccak256(bytes(wanted[i]));
            for (uint256 j = 0; j < local.length; j++) {
                if (keccak256(bytes(local[j])) == w) {
                    return true;
                }
            }
        }
        return false;
    }
}
