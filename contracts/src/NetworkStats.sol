// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./libs/Ownable.sol";

/// @title Counters of the network's nodes and tasks, kept by the Node and task contracts.
contract NetworkStats is Ownable {
    struct NodeInfo {
        address nodeAddress;
        string GPUModel;
        uint256 VRAM;
    }

    address private nodeContractAddress;
    address private taskContractAddress;

    uint256 public totalNodes;
    uint256 public activeNodes;
    uint256 public availableNodes;
    uint256 public busyNodes;
    uint256 public totalTasks;
    uint256 public runningTasks;
    uint256 public queuedTasks;

    address[] private nodeAddresses;
    mapping(address => NodeInfo) private nodeInfos;

    constructor() {}

    modifier onlyNodeContract() {
        require(msg.sender == nodeContractAddress, "Not called by the node contract");
        _;
    }

    modifier onlyTaskContract() {
        require(msg.sender == taskContractAddress, "Not called by the task contract");
        _;
    }

    function updateNodeContractAddress(address nodeContract) public onlyOwner {
        nodeContractAddress = nodeContract;
    }

    function updateTaskContractAddress(address taskContract) public onlyOwner {
        taskContractAddress = taskContract;
    }

    /// @notice Nodes that ever joined, in join order, `length` of them from `offset`.
    function getAllNodeInfo(uint256 offset, uint256 length) public view returns (NodeInfo[] memory) {
        uint256 total = nodeAddresses.length;
        uint256 end = offset >= total ? offset : (length > total - offset ? total : offset + length);
        NodeInfo[] memory out = new NodeInfo[](end - offset);
        for (uint256 i = offset; i < end; i++) {
            out[i - offset] = nodeInfos[nodeAddresses[i]];
        }
        return out;
    }

    function nodeJoined(address nodeAddress, string calldata gpuModel, uint256 vRAM) public onlyNodeContract {
        NodeInfo storage info = nodeInfos[nodeAddress];
        if (info.nodeAddress == address(0)) {
            info.nodeAddress = nodeAddress;
            nodeAddresses.push(nodeAddress);
            totalNodes++;
        }
        info.GPUModel = gpuModel;
        info.VRAM = vRAM;
        activeNodes++;
    }

    function nodeQuit() public onlyNodeContract {
        activeNodes = dec(activeNodes);
    }

    function nodeAvailable() public onlyNodeContract {
        availableNodes++;
    }

    function nodeUnavailable() public onlyNodeContract {
        availableNodes = dec(availableNodes);
    }

    function nodeTaskStarted() public onlyNodeContract {
        busyNodes++;
    }

    function nodeTaskFinished() public onlyNodeContract {
        busyNodes = dec(busyNodes);
    }

    function taskCreated() public onlyTaskContract {
        totalTasks++;
    }

    function taskStarted() public onlyTaskContract {
        runningTasks++;
    }

    function taskFinished() public onlyTaskContract {
        runningTasks = dec(runningTasks);
    }

    function taskEnqueue() public onlyTaskContract {
        queuedTasks++;
    }

    function taskDequeue() public onlyTaskContract {
        queuedTasks = dec(queuedTasks);
    }

    // Counters are statistics only: a miscount must never block a node or a task.
    function dec(uint256 v) private pure returns (uint256) {
        return v == 0 ? 0 : v - 1;
    }
}
