// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./libs/Ownable.sol";
import "./libs/Version.sol";
import "./QOS.sol";
import "./NetworkStats.sol";
import "./Random.sol";
import "./VSSTask.sol";

/// @title The nodes of the network: staking, status, GPUs, models and selection (protocol §2.11).
contract Node is Ownable {
    enum NodeStatus {
        Quit,
        Available,
        Busy,
        PendingPause,
        PendingQuit,
        Paused
    }

    struct GPUInfo {
        string name;
        uint256 vram;
    }

    struct NodeInfo {
        NodeStatus status;
        bytes32 gpuID;
        GPUInfo gpu;
        uint256 score;
        uint256[3] version;
        bytes publicKey;
        string[] lastModelIDs;
        string[] localModelIDs;
    }

    uint256 private constant REQUIRED_STAKE_AMOUNT = 400 ether;
    uint256 private constant MAX_NODES_ALLOWED = 100000;

    QOS private immutable qos;
    NetworkStats private immutable netStats;
    Random private immutable random;
    address private taskContractAddress;

    uint256 private joinedCount;
    mapping(address => NodeInfo) private nodes;
    mapping(address => uint256) private stakedAmount;
    mapping(address => bytes32) private lastModelsHash;
    mapping(address => mapping(bytes32 => bool)) private hasModel;

    // Available nodes, overall and grouped by GPU.
    address[] private availableNodes;
    mapping(address => uint256) private availableIndex; // position plus one
    bytes32[] private availableGPUIDs;
    mapping(bytes32 => uint256) private gpuIndex; // position plus one
    mapping(bytes32 => GPUInfo) private gpuInfos;
    mapping(bytes32 => address[]) private gpuNodes;
    mapping(address => uint256) private gpuNodeIndex; // position plus one
    mapping(bytes32 => uint256) private modelAvailableCount;

    event NodeSlashed(address nodeAddress);
    event NodeKickedOut(address nodeAddress);

    modifier onlyTaskContract() {
        require(msg.sender == taskContractAddress, "Not called by the task contract");
        _;
    }

    constructor(QOS qosInstance, NetworkStats netStatsInstance) {
        qos = qosInstance;
        netStats = netStatsInstance;
        random = new Random();
    }

    function updateTaskContractAddress(address taskContract) public onlyOwner {
        taskContractAddress = taskContract;
    }

    /// @notice Stakes msg.value (at least 400 CNX) and makes the caller an available node.
    function join(
        string calldata gpuName,
        uint256 gpuVram,
        uint256[3] calldata version,
        bytes calldata publicKey,
        string[] calldata modelIDs
    ) public payable {
        require(joinedCount < MAX_NODES_ALLOWED, "Network is full");
        NodeInfo storage info = nodes[msg.sender];
        require(info.status == NodeStatus.Quit, "Node already joined");
        require(
            publicKey.length == 64 && address(uint160(uint256(keccak256(publicKey)))) == msg.sender,
            "Public key mismatch"
        );
        require(msg.value >= REQUIRED_STAKE_AMOUNT, "Staked amount is not enough");

        stakedAmount[msg.sender] = msg.value;
        joinedCount++;

        bytes32 gpuID = keccak256(abi.encodePacked(gpuName, gpuVram));
        info.status = NodeStatus.Available;
        info.gpuID = gpuID;
        info.gpu = GPUInfo(gpuName, gpuVram);
        info.version = version;
        info.publicKey = publicKey;
        delete info.lastModelIDs;
        delete lastModelsHash[msg.sender];
        for (uint256 i = 0; i < info.localModelIDs.length; i++) {
            delete hasModel[msg.sender][keccak256(bytes(info.localModelIDs[i]))];
        }
        delete info.localModelIDs;
        for (uint256 i = 0; i < modelIDs.length; i++) {
            addLocalModel(info, msg.sender, modelIDs[i]);
        }
        if (bytes(gpuInfos[gpuID].name).length == 0) {
            gpuInfos[gpuID] = GPUInfo(gpuName, gpuVram);
        }

        netStats.nodeJoined(msg.sender, gpuName, gpuVram);
        markAvailable(msg.sender);
    }

    /// @notice Leaves the network and takes the stake back; a busy node leaves when its task ends.
    function quit() public {
        NodeStatus status = nodes[msg.sender].status;
        require(status != NodeStatus.Quit, "Node has quitted");
        if (status == NodeStatus.Available) {
            removeAvailable(msg.sender);
            leave(msg.sender);
        } else if (status == NodeStatus.Paused) {
            leave(msg.sender);
        } else if (status == NodeStatus.Busy || status == NodeStatus.PendingPause) {
            nodes[msg.sender].status = NodeStatus.PendingQuit;
        } else {
            revert("Illegal node status");
        }
    }

    /// @notice Stops receiving tasks; a busy node pauses when its task ends.
    function pause() public {
        NodeStatus status = nodes[msg.sender].status;
        require(status != NodeStatus.Quit, "Node has quitted");
        if (status == NodeStatus.Available) {
            removeAvailable(msg.sender);
            nodes[msg.sender].status = NodeStatus.Paused;
        } else if (status == NodeStatus.Busy) {
            nodes[msg.sender].status = NodeStatus.PendingPause;
        } else {
            revert("Illegal node status");
        }
    }

    /// @notice Receives tasks again after pause.
    function resume() public {
        NodeStatus status = nodes[msg.sender].status;
        require(status != NodeStatus.Quit, "Node has quitted");
        if (status == NodeStatus.Paused) {
            markAvailable(msg.sender);
        } else if (status == NodeStatus.PendingPause) {
            nodes[msg.sender].status = NodeStatus.Busy;
        } else {
            revert("Illegal node status");
        }
    }

    /// @notice Changes the software version the node announces.
    function updateVersion(uint256[3] calldata version) public {
        NodeInfo storage info = nodes[msg.sender];
        require(info.status != NodeStatus.Quit, "Node has quitted");
        info.version = version;
        if (info.status == NodeStatus.Available) {
            notifyAvailable(msg.sender);
        }
    }

    /// @notice Records that the node now holds `modelID` (the reply to a DownloadModel event).
    function reportModelDownloaded(string calldata modelID) public {
        NodeInfo storage info = nodes[msg.sender];
        require(info.status != NodeStatus.Quit, "Node has quitted");
        if (addLocalModel(info, msg.sender, modelID) && info.status == NodeStatus.Available) {
            modelAvailableCount[keccak256(bytes(modelID))]++;
        }
    }

    /// @notice Marks an available node busy with the task the task contract assigned to it.
    function startTask(address nodeAddress) public onlyTaskContract {
        NodeInfo storage info = nodes[nodeAddress];
        require(info.status == NodeStatus.Available, "Node is not available");
        removeAvailable(nodeAddress);
        info.status = NodeStatus.Busy;
        VSSTask task = VSSTask(taskContractAddress);
        string[] memory modelIDs = task.getTask(task.getNodeTask(nodeAddress)).modelIDs;
        info.lastModelIDs = modelIDs;
        lastModelsHash[nodeAddress] = keccak256(abi.encode(modelIDs));
        qos.startTask(nodeAddress);
        netStats.nodeTaskStarted();
    }

    /// @notice Ends the node's current task: records its QoS score, kicks the node out when
    /// its recent scores are too low, and otherwise applies a pending pause or quit or makes
    /// it available again.
    function finishTask(address nodeAddress) public onlyTaskContract {
        NodeInfo storage info = nodes[nodeAddress];
        NodeStatus status = info.status;
        require(
            status == NodeStatus.Busy || status == NodeStatus.PendingPause || status == NodeStatus.PendingQuit,
            "Illegal node status"
        );
        qos.finishTask(nodeAddress);
        netStats.nodeTaskFinished();
        if (qos.shouldKickOut(nodeAddress)) {
            qos.kickout(nodeAddress);
            leave(nodeAddress);
            emit NodeKickedOut(nodeAddress);
        } else if (status == NodeStatus.Busy) {
            markAvailable(nodeAddress);
        } else if (status == NodeStatus.PendingPause) {
            info.status = NodeStatus.Paused;
        } else {
            leave(nodeAddress);
        }
    }

    /// @notice Removes a cheating node; its stake goes to the owner of this contract.
    function slash(address nodeAddress) public onlyTaskContract {
        NodeInfo storage info = nodes[nodeAddress];
        NodeStatus status = info.status;
        require(status != NodeStatus.Quit, "Node has quitted");
        if (status == NodeStatus.Available) {
            removeAvailable(nodeAddress);
        } else if (status != NodeStatus.Paused) {
            netStats.nodeTaskFinished();
        }
        info.status = NodeStatus.Quit;
        joinedCount--;
        uint256 amount = stakedAmount[nodeAddress];
        stakedAmount[nodeAddress] = 0;
        qos.kickout(nodeAddress);
        netStats.nodeQuit();
        emit NodeSlashed(nodeAddress);
        pay(owner(), amount);
    }

    /// @notice Draws an available node that can run the task, weighted by QoS score (doubled
    /// when the node ran the same models last), preferring nodes that hold one of the models.
    /// Returns the zero address when no node matches.
    function randomSelectAvailableNode(
        bytes32 seed,
        uint256 minimumVRAM,
        string calldata requiredGPU,
        uint256 requiredGPUVRAM,
        uint256[3] calldata taskVersion,
        string[] calldata modelIDs
    ) public onlyTaskContract returns (address) {
        (address[] memory cands, uint256 n) = candidates(minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion);
        if (n == 0) {
            return address(0);
        }
        uint256 m = 0;
        for (uint256 i = 0; i < n; i++) {
            if (holdsAny(cands[i], modelIDs)) {
                cands[m++] = cands[i];
            }
        }
        if (m > 0) {
            n = m;
        }
        bytes32 modelsHash = keccak256(abi.encode(modelIDs));
        uint256[] memory weights = new uint256[](n);
        uint256 total = 0;
        for (uint256 i = 0; i < n; i++) {
            uint256 w = qos.getTaskScore(cands[i]);
            if (w == 0) {
                w = 1;
            }
            if (lastModelsHash[cands[i]] == modelsHash) {
                w *= 2;
            }
            weights[i] = w;
            total += w;
        }
        uint256 r = random.next(seed) % total;
        for (uint256 i = 0; i < n; i++) {
            if (r < weights[i]) {
                return cands[i];
            }
            r -= weights[i];
        }
        return cands[n - 1];
    }

    /// @notice Draws up to `count` distinct available nodes that can run the task and do
    /// not hold `modelID` (candidates for downloading it ahead of time).
    function randomSelectNodesWithoutModelID(
        bytes32 seed,
        uint256 minimumVRAM,
        string calldata requiredGPU,
        uint256 requiredGPUVRAM,
        uint256[3] calldata taskVersion,
        string calldata modelID,
        uint256 count
    ) public onlyTaskContract returns (address[] memory) {
        (address[] memory cands, uint256 n) = candidates(minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion);
        bytes32 modelHash = keccak256(bytes(modelID));
        uint256 m = 0;
        for (uint256 i = 0; i < n; i++) {
            if (!hasModel[cands[i]][modelHash]) {
                cands[m++] = cands[i];
            }
        }
        if (count > m) {
            count = m;
        }
        address[] memory out = new address[](count);
        for (uint256 i = 0; i < count; i++) {
            uint256 j = i + random.next(seed) % (m - i);
            (cands[i], cands[j]) = (cands[j], cands[i]);
            out[i] = cands[i];
        }
        return out;
    }

    function getNodeInfo(address nodeAddress) public view returns (NodeInfo memory) {
        NodeInfo memory info = nodes[nodeAddress];
        info.score = qos.getTaskScore(nodeAddress);
        return info;
    }

    function getNodeStatus(address nodeAddress) public view returns (NodeStatus) {
        return nodes[nodeAddress].status;
    }

    function getStakedAmount(address nodeAddress) public view returns (uint256) {
        return stakedAmount[nodeAddress];
    }

    function getAvailableNodes() public view returns (address[] memory) {
        return availableNodes;
    }

    /// @notice The GPUs of the available nodes, one entry per distinct (name, vram).
    function getAvailableGPUs() public view returns (GPUInfo[] memory) {
        GPUInfo[] memory out = new GPUInfo[](availableGPUIDs.length);
        for (uint256 i = 0; i < availableGPUIDs.length; i++) {
            out[i] = gpuInfos[availableGPUIDs[i]];
        }
        return out;
    }

    function nodeContainsModelID(address nodeAddress, string calldata modelID) public view returns (bool) {
        return hasModel[nodeAddress][keccak256(bytes(modelID))];
    }

    /// @notice Number of available nodes that hold `modelID`.
    function modelAvailableNodesCount(string calldata modelID) public view returns (uint256) {
        return modelAvailableCount[keccak256(bytes(modelID))];
    }

    function candidates(
        uint256 minimumVRAM,
        string calldata requiredGPU,
        uint256 requiredGPUVRAM,
        uint256[3] calldata taskVersion
    ) private view returns (address[] memory cands, uint256 n) {
        cands = new address[](availableNodes.length);
        if (bytes(requiredGPU).length > 0) {
            n = collect(keccak256(abi.encodePacked(requiredGPU, requiredGPUVRAM)), taskVersion, cands, n);
        } else {
            for (uint256 i = 0; i < availableGPUIDs.length; i++) {
                if (gpuInfos[availableGPUIDs[i]].vram >= minimumVRAM) {
                    n = collect(availableGPUIDs[i], taskVersion, cands, n);
                }
            }
        }
    }

    function collect(bytes32 gpuID, uint256[3] calldata taskVersion, address[] memory cands, uint256 n)
        private
        view
        returns (uint256)
    {
        address[] storage group = gpuNodes[gpuID];
        for (uint256 i = 0; i < group.length; i++) {
            if (Version.matches(nodes[group[i]].version, taskVersion)) {
                cands[n++] = group[i];
            }
        }
        return n;
    }

    function holdsAny(address nodeAddress, string[] calldata modelIDs) private view returns (bool) {
        for (uint256 i = 0; i < modelIDs.length; i++) {
            if (hasModel[nodeAddress][keccak256(bytes(modelIDs[i]))]) {
                return true;
            }
        }
        return false;
    }

    function addLocalModel(NodeInfo storage info, address nodeAddress, string calldata modelID)
        private
        returns (bool)
    {
        bytes32 h = keccak256(bytes(modelID));
        if (hasModel[nodeAddress][h]) {
            return false;
        }
        hasModel[nodeAddress][h] = true;
        info.localModelIDs.push(modelID);
        return true;
    }

    // Makes the node Available, indexes it, and offers it a queued task.
    function markAvailable(address nodeAddress) private {
        NodeInfo storage info = nodes[nodeAddress];
        info.status = NodeStatus.Available;
        availableNodes.push(nodeAddress);
        availableIndex[nodeAddress] = availableNodes.length;
        bytes32 gpuID = info.gpuID;
        address[] storage group = gpuNodes[gpuID];
        group.push(nodeAddress);
        gpuNodeIndex[nodeAddress] = group.length;
        if (gpuIndex[gpuID] == 0) {
            availableGPUIDs.push(gpuID);
            gpuIndex[gpuID] = availableGPUIDs.length;
        }
        for (uint256 i = 0; i < info.localModelIDs.length; i++) {
            modelAvailableCount[keccak256(bytes(info.localModelIDs[i]))]++;
        }
        netStats.nodeAvailable();
        notifyAvailable(nodeAddress);
    }

    function notifyAvailable(address nodeAddress) private {
        if (taskContractAddress != address(0)) {
            VSSTask(taskContractAddress).nodeAvailableCallback(nodeAddress);
        }
    }

    function removeAvailable(address nodeAddress) private {
        uint256 index = availableIndex[nodeAddress];
        if (index == 0) {
            return;
        }
        address last = availableNodes[availableNodes.length - 1];
        availableNodes[index - 1] = last;
        availableIndex[last] = index;
        availableNodes.pop();
        availableIndex[nodeAddress] = 0;

        NodeInfo storage info = nodes[nodeAddress];
        bytes32 gpuID = info.gpuID;
        address[] storage group = gpuNodes[gpuID];
        uint256 gi = gpuNodeIndex[nodeAddress];
        address lastInGroup = group[group.length - 1];
        group[gi - 1] = lastInGroup;
        gpuNodeIndex[lastInGroup] = gi;
        group.pop();
        gpuNodeIndex[nodeAddress] = 0;
        if (group.length == 0) {
            uint256 pos = gpuIndex[gpuID];
            bytes32 lastGPU = availableGPUIDs[availableGPUIDs.length - 1];
            availableGPUIDs[pos - 1] = lastGPU;
            gpuIndex[lastGPU] = pos;
            availableGPUIDs.pop();
            gpuIndex[gpuID] = 0;
        }
        for (uint256 i = 0; i < info.localModelIDs.length; i++) {
            bytes32 h = keccak256(bytes(info.localModelIDs[i]));
            if (modelAvailableCount[h] > 0) {
                modelAvailableCount[h]--;
            }
        }
        netStats.nodeUnavailable();
    }

    // Marks the node Quit and returns its stake; the node must not be indexed as available.
    function leave(address nodeAddress) private {
        nodes[nodeAddress].status = NodeStatus.Quit;
        joinedCount--;
        netStats.nodeQuit();
        uint256 amount = stakedAmount[nodeAddress];
        stakedAmount[nodeAddress] = 0;
        pay(nodeAddress, amount);
    }

    function pay(address to, uint256 amount) private {
        if (amount > 0) {
            (bool ok,) = to.call{value: amount}("");
            require(ok, "Token transfer failed");
        }
    }
}
