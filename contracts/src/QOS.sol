// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./libs/Ownable.sol";

/// @title Quality of service of the nodes (protocol §2.11).
/// @notice Every task a node runs earns it a score of at most getTaskScoreLimit() (10): the
/// task contract adds to the node's current task score while the task runs, and finishTask
/// moves the current score into the node's history. A node whose last RECENT_TASKS scores sum
/// to at most the kickout threshold is kicked out by the Node contract.
contract QOS is Ownable {
    uint256 private constant RECENT_TASKS = 3;

    address private nodeContractAddress;
    address private taskContractAddress;
    uint256 private kickoutThreshold = 10;
    // A storage value (not a constant) so that getTaskScoreLimit keeps the spec ABI's view mutability.
    uint256 private taskScoreLimit = 10;

    struct Record {
        uint256 current;
        uint256 taskCount;
        uint256 totalScore;
        uint256[3] recent;
    }

    mapping(address => Record) private records;

    constructor() {}

    modifier onlyStackContracts() {
        require(
            msg.sender == nodeContractAddress || msg.sender == taskContractAddress,
            "Not called by the node or task contract"
        );
        _;
    }

    function updateNodeContractAddress(address nodeContract) public onlyOwner {
        nodeContractAddress = nodeContract;
    }

    function updateTaskContractAddress(address taskContract) public onlyOwner {
        taskContractAddress = taskContract;
    }

    function updateKickoutThreshold(uint256 threshold) public onlyOwner {
        kickoutThreshold = threshold;
    }

    /// @notice Resets the current task score of a node that starts a task.
    function startTask(address nodeAddress) public onlyStackContracts {
        records[nodeAddress].current = 0;
    }

    /// @notice Adds `i` points to the node's current task score, capped at the limit.
    function addTaskScore(address nodeAddress, uint256 i) public onlyStackContracts {
        Record storage r = records[nodeAddress];
        uint256 s = r.current + i;
        uint256 limit = taskScoreLimit;
        r.current = s > limit ? limit : s;
    }

    /// @notice Drops the node's current task score (it will count as 0).
    function punish(address nodeAddress) public onlyStackContracts {
        records[nodeAddress].current = 0;
    }

    /// @notice Records the node's current task score as its latest finished task.
    function finishTask(address nodeAddress) public onlyStackContracts {
        Record storage r = records[nodeAddress];
        uint256 s = r.current;
        r.recent[r.taskCount % RECENT_TASKS] = s;
        r.taskCount += 1;
        r.totalScore += s;
        r.current = 0;
    }

    /// @notice Forgets the recent history of a node that leaves the network, so that it
    /// starts clean if it joins again.
    function kickout(address nodeAddress) public onlyStackContracts {
        Record storage r = records[nodeAddress];
        r.current = 0;
        r.recent = [uint256(0), 0, 0];
        r.taskCount = 0;
        r.totalScore = 0;
    }

    function getTaskScoreLimit() public view returns (uint256) {
        return taskScoreLimit;
    }

    function getCurrentTaskScore(address nodeAddress) public view returns (uint256) {
        return records[nodeAddress].current;
    }

    /// @notice Number of finished tasks since the node joined.
    function getTaskCount(address nodeAddress) public view returns (uint256) {
        return records[nodeAddress].taskCount;
    }

    /// @notice Number of tasks in the recent window (at most 3).
    function getRecentTaskCount(address nodeAddress) public view returns (uint256) {
        uint256 n = records[nodeAddress].taskCount;
        return n < RECENT_TASKS ? n : RECENT_TASKS;
    }

    /// @notice Sum of the scores in the recent window.
    function getRecentTaskScore(address nodeAddress) public view returns (uint256) {
        uint256[3] storage recent = records[nodeAddress].recent;
        return recent[0] + recent[1] + recent[2];
    }

    /// @notice The node's QoS score used as its selection weight, in [0, 3 * limit]: the
    /// recent scores, with the tasks a new node has not run yet counted at the limit.
    function getTaskScore(address nodeAddress) public view returns (uint256) {
        uint256 n = getRecentTaskCount(nodeAddress);
        return getRecentTaskScore(nodeAddress) + (RECENT_TASKS - n) * taskScoreLimit;
    }

    /// @notice Whether the node's recent window is full and scores at most the threshold.
    function shouldKickOut(address nodeAddress) public view returns (bool) {
        return getRecentTaskCount(nodeAddress) == RECENT_TASKS && getRecentTaskScore(nodeAddress) <= kickoutThreshold;
    }
}
