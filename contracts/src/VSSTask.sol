// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./libs/Ownable.sol";
import "./libs/VSS.sol";
import "./Node.sol";
import "./QOS.sol";
import "./TaskQueue.sol";
import "./NetworkStats.sol";
import "./VRFVerifier.sol";

/// @title Tasks of the Crynux VSS network: creation, node assignment, validation by
/// Verifiable Secret Sampling, payment and abort (protocol §2.4–§2.10).
contract VSSTask is Ownable {
    enum TaskType {
        SD,
        LLM,
        SD_FT
    }

    enum TaskStatus {
        Queued,
        Started,
        ParametersUploaded,
        ErrorReported,
        ScoreReady,
        Validated,
        GroupValidated,
        EndInvalidated,
        EndSuccess,
        EndAborted,
        EndGroupRefund,
        EndGroupSuccess
    }

    enum TaskAbortReason {
        None,
        Timeout,
        ModelDownloadFailed,
        IncorrectResult,
        TaskFeeTooLow
    }

    enum TaskError {
        None,
        ParametersValidationFailed
    }

    struct TaskInfo {
        TaskType taskType;
        address creator;
        bytes32 taskIDCommitment;
        bytes32 samplingSeed;
        bytes32 nonce;
        uint256 sequence;
        TaskStatus status;
        address selectedNode;
        uint256 timeout;
        bytes score;
        uint256 taskFee;
        uint256 taskSize;
        string[] modelIDs;
        uint256 minimumVRAM;
        string requiredGPU;
        uint256 requiredGPUVRAM;
        uint256[3] taskVersion;
        TaskAbortReason abortReason;
        TaskError error;
        address[] paymentAddresses;
        uint256[] payments;
        uint256 createTimestamp;
        uint256 startTimestamp;
        uint256 scoreReadyTimestamp;
    }

    // A nonce may be used again only this many blocks after its last use.
    uint256 private constant NONCE_REUSE_BLOCKS = 100000;
    // QoS points for a task the node completed (validated, or ended through no fault of its own).
    uint256 private constant TASK_SCORE = 10;

    Node private immutable node;
    QOS private immutable qos;
    TaskQueue private immutable taskQueue;
    NetworkStats private immutable netStats;
    VRFVerifier private immutable vrf;

    uint256 private timeout = 3 minutes;
    uint256 private distanceThreshold = 24;
    address private relayAddress;
    uint256 private lastSequence;
    uint256 private locked;

    mapping(bytes32 => TaskInfo) private tasks;
    mapping(address => bytes32) private nodeTasks;
    mapping(bytes32 => uint256) private nonceBlocks;

    event TaskQueued(bytes32 taskIDCommitment);
    event TaskStarted(bytes32 taskIDCommitment, address selectedNode);
    event DownloadModel(address nodeAddress, string modelID, TaskType taskType);
    event TaskParametersUploaded(bytes32 taskIDCommitment, address selectedNode);
    event TaskErrorReported(bytes32 taskIDCommitment, address selectedNode, TaskError error);
    event TaskScoreReady(bytes32 taskIDCommitment, address selectedNode, bytes taskScore);
    event TaskValidated(bytes32 taskIDCommitment);
    event TaskEndInvalidated(bytes32 taskIDCommitment);
    event TaskEndSuccess(bytes32 taskIDCommitment);
    event TaskEndAborted(
        bytes32 taskIDCommitment, address abortIssuer, TaskStatus lastStatus, TaskAbortReason abortReason
    );
    event TaskEndGroupRefund(bytes32 taskIDCommitment);
    event TaskEndGroupSuccess(bytes32 taskIDCommitment);

    // Refunds and payments call out to arbitrary accounts; no task call may re-enter another.
    modifier nonReentrant() {
        require(locked == 0, "Reentrant call");
        locked = 1;
        _;
        locked = 0;
    }

    constructor(
        Node nodeInstance,
        QOS qosInstance,
        TaskQueue taskQueueInstance,
        NetworkStats networkStatsInstance
    ) {
        node = nodeInstance;
        qos = qosInstance;
        taskQueue = taskQueueInstance;
        netStats = networkStatsInstance;
        vrf = new VRFVerifier();
    }

    function setRelayAddress(address addr) public onlyOwner {
        relayAddress = addr;
    }

    /// @notice Sets the timeout (seconds) copied into tasks created from now on.
    function updateTimeout(uint256 t) public onlyOwner {
        timeout = t;
    }

    function updateDistanceThreshold(uint256 threshold) public onlyOwner {
        distanceThreshold = threshold;
    }

    function getTask(bytes32 taskIDCommitment) public view returns (TaskInfo memory) {
        return tasks[taskIDCommitment];
    }

    function getNodeTask(address nodeAddress) public view returns (bytes32) {
        return nodeTasks[nodeAddress];
    }

    /// @notice Creates a task paid with msg.value and starts it on a matching node, or queues it.
    function createTask(
        TaskType taskType,
        bytes32 taskIDCommitment,
        bytes32 nonce,
        string[] calldata modelIDs,
        uint256 minimumVRAM,
        string calldata requiredGPU,
        uint256 requiredGPUVRAM,
        uint256[3] calldata taskVersion,
        uint256 taskSize
    ) public payable nonReentrant {
        require(taskType == TaskType.SD || bytes(requiredGPU).length > 0, "GPU name is empty");
        require(msg.value > 0, "Task fee cannot be 0");
        uint256 usedAt = nonceBlocks[nonce];
        require(usedAt == 0 || block.number > usedAt + NONCE_REUSE_BLOCKS, "Nonce is used");
        require(taskIDCommitment != bytes32(0), "Invalid task ID commitment");
        TaskInfo storage t = tasks[taskIDCommitment];
        if (t.taskIDCommitment != bytes32(0)) {
            require(isFinal(t.status), "Nonce is used");
            delete tasks[taskIDCommitment];
        }
        nonceBlocks[nonce] = block.number;

        t.taskType = taskType;
        t.creator = msg.sender;
        t.taskIDCommitment = taskIDCommitment;
        t.samplingSeed = VSS.samplingSeed(taskIDCommitment);
        t.nonce = nonce;
        t.sequence = ++lastSequence;
        t.timeout = timeout;
        t.taskFee = msg.value;
        t.taskSize = taskSize;
        for (uint256 i = 0; i < modelIDs.length; i++) {
            t.modelIDs.push(modelIDs[i]);
        }
        t.minimumVRAM = minimumVRAM;
        t.requiredGPU = requiredGPU;
        t.requiredGPUVRAM = requiredGPUVRAM;
        t.taskVersion = taskVersion;
        t.createTimestamp = block.timestamp;
        netStats.taskCreated();

        address selected = node.randomSelectAvailableNode(
            t.samplingSeed, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, modelIDs
        );
        if (selected != address(0)) {
            startTask(t, selected);
            return;
        }

        if (taskQueue.size() >= taskQueue.getSizeLimit()) {
            // Full queue: the new task takes the place of the cheapest one if it pays more.
            bytes32 cheapest = taskQueue.getCheapestTask();
            require(cheapest != bytes32(0) && price(t) > price(tasks[cheapest]), "Task queue is full");
            taskQueue.removeTask(cheapest);
            netStats.taskDequeue();
            endAborted(tasks[cheapest], address(this), TaskAbortReason.TaskFeeTooLow);
        }
        taskQueue.pushTask(
            taskIDCommitment, msg.value, taskSize, modelIDs, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion
        );
        netStats.taskEnqueue();
        emit TaskQueued(taskIDCommitment);
    }

    /// @notice Called by the Node contract when `root` becomes available: starts the best
    /// queued task it can run, if any.
    function nodeAvailableCallback(address root) public {
        require(msg.sender == address(node), "Invalid caller");
        Node.NodeInfo memory info = node.getNodeInfo(root);
        bytes32 c = taskQueue.popTask(info.gpu.name, info.gpu.vram, info.version, info.localModelIDs, info.lastModelIDs);
        if (c != bytes32(0)) {
            netStats.taskDequeue();
            startTask(tasks[c], root);
        }
    }

    function reportTaskParametersUploaded(bytes32 taskIDCommitment) public nonReentrant {
        TaskInfo storage t = load(taskIDCommitment);
        require(msg.sender == relayAddress, "Invalid caller");
        require(t.status == TaskStatus.Started, "Illegal previous task state");
        t.status = TaskStatus.ParametersUploaded;
        emit TaskParametersUploaded(taskIDCommitment, t.selectedNode);
    }

    function submitTaskScore(bytes32 taskIDCommitment, bytes calldata taskScore) public nonReentrant {
        TaskInfo storage t = load(taskIDCommitment);
        require(msg.sender == t.selectedNode, "Invalid caller");
        require(t.status == TaskStatus.ParametersUploaded, "Illegal previous task state");
        require(
            taskScore.length > 0 && (t.taskType == TaskType.LLM || taskScore.length % 8 == 0), "Invalid task score"
        );
        t.score = taskScore;
        t.status = TaskStatus.ScoreReady;
        t.scoreReadyTimestamp = block.timestamp;
        emit TaskScoreReady(taskIDCommitment, msg.sender, taskScore);
    }

    function reportTaskError(bytes32 taskIDCommitment, TaskError error) public nonReentrant {
        TaskInfo storage t = load(taskIDCommitment);
        require(msg.sender == t.selectedNode, "Invalid caller");
        require(t.status == TaskStatus.ParametersUploaded, "Illegal previous task state");
        t.error = error;
        t.status = TaskStatus.ErrorReported;
        t.scoreReadyTimestamp = block.timestamp;
        emit TaskErrorReported(taskIDCommitment, msg.sender, error);
    }

    /// @notice Validates a task the VRF did not select for group validation.
    function validateSingleTask(bytes32 taskIDCommitment, bytes calldata vrfProof, bytes calldata publicKey)
        public
        nonReentrant
    {
        TaskInfo storage t = load(taskIDCommitment);
        require(msg.sender == t.creator, "Invalid caller");
        TaskStatus status = t.status;
        require(status == TaskStatus.ScoreReady || status == TaskStatus.ErrorReported, "Illegal previous task state");
        require(uint256(verifyVRF(t, vrfProof, publicKey)) % 10 != 0, "Task is selected for validation");
        if (status == TaskStatus.ScoreReady) {
            t.status = TaskStatus.Validated;
            qos.addTaskScore(t.selectedNode, TASK_SCORE);
            emit TaskValidated(taskIDCommitment);
        } else {
            endAborted(t, msg.sender, TaskAbortReason.IncorrectResult);
        }
    }

    /// @notice Validates three tasks with the same GUID that the VRF of the first one
    /// selected for group validation.
    function validateTaskGroup(
        bytes32 taskIDCommitment1,
        bytes32 taskIDCommitment2,
        bytes32 taskIDCommitment3,
        bytes32 taskGUID,
        bytes calldata vrfProof,
        bytes calldata publicKey
    ) public nonReentrant {
        bytes32[3] memory cs = [taskIDCommitment1, taskIDCommitment2, taskIDCommitment3];
        for (uint256 i = 0; i < 3; i++) {
            TaskInfo storage t = load(cs[i]);
            require(msg.sender == t.creator, "Invalid caller");
            TaskStatus s = t.status;
            require(
                s == TaskStatus.ScoreReady || s == TaskStatus.ErrorReported || s == TaskStatus.EndAborted,
                "Illegal previous task state"
            );
        }
        TaskInfo storage t0 = tasks[taskIDCommitment1];
        TaskInfo storage t1 = tasks[taskIDCommitment2];
        TaskInfo storage t2 = tasks[taskIDCommitment3];
        require(
            t0.sequence < t1.sequence && t0.sequence < t2.sequence && t1.sequence != t2.sequence,
            "Invalid task sequence"
        );
        for (uint256 i = 0; i < 3; i++) {
            require(VSS.validateGUID(cs[i], taskGUID, tasks[cs[i]].nonce), "Incorrect Task GUID");
        }
        require(t0.taskType == t1.taskType && t0.taskType == t2.taskType, "different task type");
        require(uint256(verifyVRF(t0, vrfProof, publicKey)) % 10 == 0, "Task is not selected for validation");

        bool[3] memory agreed;
        for (uint256 i = 0; i < 3; i++) {
            for (uint256 j = i + 1; j < 3; j++) {
                if (scoresAgree(tasks[cs[i]], tasks[cs[j]])) {
                    agreed[i] = true;
                    agreed[j] = true;
                }
            }
        }
        if (agreed[0] || agreed[1] || agreed[2]) {
            settleGroup(cs, agreed);
        } else {
            // Nobody agrees: nothing is validated, nobody is slashed, everything is refunded.
            for (uint256 i = 0; i < 3; i++) {
                TaskInfo storage t = tasks[cs[i]];
                if (t.status == TaskStatus.ScoreReady) {
                    qos.addTaskScore(t.selectedNode, TASK_SCORE);
                    endGroupRefund(t);
                } else if (t.status == TaskStatus.ErrorReported) {
                    endAborted(t, msg.sender, TaskAbortReason.IncorrectResult);
                }
            }
        }
    }

    /// @notice Reported by the relay once the validated task's results are uploaded; pays the node(s).
    function reportTaskResultUploaded(bytes32 taskIDCommitment) public nonReentrant {
        TaskInfo storage t = load(taskIDCommitment);
        require(msg.sender == relayAddress, "Invalid caller");
        if (t.status == TaskStatus.Validated) {
            t.status = TaskStatus.EndSuccess;
            t.paymentAddresses.push(t.selectedNode);
            t.payments.push(t.taskFee);
            emit TaskEndSuccess(taskIDCommitment);
        } else if (t.status == TaskStatus.GroupValidated) {
            t.status = TaskStatus.EndGroupSuccess;
            emit TaskEndGroupSuccess(taskIDCommitment);
        } else {
            revert("Illegal previous task state");
        }
        releaseNode(t);
        for (uint256 i = 0; i < t.paymentAddresses.length; i++) {
            pay(t.paymentAddresses[i], t.payments[i]);
        }
    }

    /// @notice Aborts a task and refunds its fee. The creator may abort a queued task at any
    /// time; a started task can be aborted by its creator or node once its timeout has passed.
    function abortTask(bytes32 taskIDCommitment, TaskAbortReason abortReason) public nonReentrant {
        TaskInfo storage t = load(taskIDCommitment);
        require(msg.sender == t.creator || msg.sender == t.selectedNode, "Invalid caller");
        require(!isFinal(t.status), "Illegal previous task state");
        if (t.startTimestamp > 0) {
            require(block.timestamp > t.startTimestamp + t.timeout, "Timeout not reached");
        }
        if (t.status == TaskStatus.Queued) {
            taskQueue.removeTask(taskIDCommitment);
            netStats.taskDequeue();
        }
        endAborted(t, msg.sender, abortReason);
    }

    // ----- internals -----

    function load(bytes32 taskIDCommitment) private view returns (TaskInfo storage t) {
        t = tasks[taskIDCommitment];
        require(t.taskIDCommitment != bytes32(0), "Task not found");
        if (!isFinal(t.status) && t.selectedNode != address(0)) {
            require(nodeTasks[t.selectedNode] == taskIDCommitment, "Wrong task");
        }
    }

    function isFinal(TaskStatus s) private pure returns (bool) {
        return s >= TaskStatus.EndInvalidated;
    }

    function price(TaskInfo storage t) private view returns (uint256) {
        return t.taskSize == 0 ? t.taskFee : t.taskFee / t.taskSize;
    }

    function startTask(TaskInfo storage t, address selected) private {
        bytes32 c = t.taskIDCommitment;
        t.selectedNode = selected;
        t.status = TaskStatus.Started;
        t.startTimestamp = block.timestamp;
        nodeTasks[selected] = c;
        node.startTask(selected);
        netStats.taskStarted();
        emit TaskStarted(c, selected);
        for (uint256 i = 0; i < t.modelIDs.length; i++) {
            string memory modelID = t.modelIDs[i];
            if (!node.nodeContainsModelID(selected, modelID)) {
                emit DownloadModel(selected, modelID, t.taskType);
            }
        }
    }

    function verifyVRF(TaskInfo storage t, bytes calldata vrfProof, bytes calldata publicKey)
        private
        view
        returns (bytes32)
    {
        require(publicKey.length == 64, "Invalid public key length");
        require(VSS.publicKeyAddress(publicKey) == t.creator, "Not task creator");
        require(vrfProof.length == 81, "Malformed VRF proof");
        (bool valid, bytes32 beta) = vrf.verify(publicKey, vrfProof, abi.encodePacked(t.samplingSeed));
        require(valid, "Invalid VRF proof");
        return beta;
    }

    function scoresAgree(TaskInfo storage a, TaskInfo storage b) private view returns (bool) {
        if (a.status != TaskStatus.ScoreReady || b.status != TaskStatus.ScoreReady) {
            return false;
        }
        if (a.taskType == TaskType.LLM) {
            return keccak256(a.score) == keccak256(b.score);
        }
        return VSS.imageScoresAgree(a.score, b.score, distanceThreshold);
    }

    // Settles a group in which at least two members agree.
    function settleGroup(bytes32[3] memory cs, bool[3] memory agreed) private {
        // Members are ordered by sequence except that 1 and 2 may be swapped.
        uint256 winner = agreed[0] ? 0 : (tasks[cs[1]].sequence < tasks[cs[2]].sequence ? 1 : 2);
        TaskInfo storage w = tasks[cs[winner]];
        uint256 total = 0;
        for (uint256 i = 0; i < 3; i++) {
            if (agreed[i]) {
                address member = tasks[cs[i]].selectedNode;
                qos.addTaskScore(member, TASK_SCORE);
                w.paymentAddresses.push(member);
                uint256 s = qos.getCurrentTaskScore(member);
                w.payments.push(s);
                total += s;
            }
        }
        // Split the winner's fee in proportion to the nodes' scores; the rest goes to the last.
        uint256 n = w.payments.length;
        uint256 paid = 0;
        for (uint256 i = 0; i < n; i++) {
            uint256 amount = i + 1 == n ? w.taskFee - paid : (total == 0 ? 0 : w.taskFee * w.payments[i] / total);
            w.payments[i] = amount;
            paid += amount;
        }
        w.status = TaskStatus.GroupValidated;
        emit TaskValidated(w.taskIDCommitment);

        for (uint256 i = 0; i < 3; i++) {
            TaskInfo storage t = tasks[cs[i]];
            if (i == winner || t.status == TaskStatus.EndAborted) {
                continue;
            }
            if (agreed[i]) {
                endGroupRefund(t);
            } else {
                t.status = TaskStatus.EndInvalidated;
                emit TaskEndInvalidated(t.taskIDCommitment);
                address cheater = t.selectedNode;
                if (nodeTasks[cheater] == t.taskIDCommitment) {
                    delete nodeTasks[cheater];
                }
                netStats.taskFinished();
                node.slash(cheater);
                pay(t.creator, t.taskFee);
            }
        }
    }

    function endGroupRefund(TaskInfo storage t) private {
        t.status = TaskStatus.EndGroupRefund;
        emit TaskEndGroupRefund(t.taskIDCommitment);
        releaseNode(t);
        pay(t.creator, t.taskFee);
    }

    function endAborted(TaskInfo storage t, address issuer, TaskAbortReason reason) private {
        TaskStatus lastStatus = t.status;
        t.status = TaskStatus.EndAborted;
        t.abortReason = reason;
        emit TaskEndAborted(t.taskIDCommitment, issuer, lastStatus, reason);
        if (t.selectedNode != address(0)) {
            // A node that never submitted a score after receiving the parameters earns nothing.
            if (lastStatus != TaskStatus.ParametersUploaded) {
                qos.addTaskScore(t.selectedNode, TASK_SCORE);
            }
            releaseNode(t);
        }
        pay(t.creator, t.taskFee);
    }

    // Frees the task's node; the Node contract may hand it a queued task right away.
    function releaseNode(TaskInfo storage t) private {
        address n = t.selectedNode;
        if (nodeTasks[n] == t.taskIDCommitment) {
            delete nodeTasks[n];
        }
        netStats.taskFinished();
        node.finishTask(n);
    }

    function pay(address to, uint256 amount) private {
        if (amount > 0) {
            (bool ok,) = to.call{value: amount}("");
            require(ok, "Token transfer failed");
        }
    }
}
