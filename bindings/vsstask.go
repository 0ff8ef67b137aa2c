// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// VSSTaskTaskInfo is an auto generated low-level Go binding around an user-defined struct.
type VSSTaskTaskInfo struct {
	TaskType            uint8
	Creator             common.Address
	TaskIDCommitment    [32]byte
	SamplingSeed        [32]byte
	Nonce               [32]byte
	Sequence            *big.Int
	Status              uint8
	SelectedNode        common.Address
	Timeout             *big.Int
	Score               []byte
	TaskFee             *big.Int
	TaskSize            *big.Int
	ModelIDs            []string
	MinimumVRAM         *big.Int
	RequiredGPU         string
	RequiredGPUVRAM     *big.Int
	TaskVersion         [3]*big.Int
	AbortReason         uint8
	Error               uint8
	PaymentAddresses    []common.Address
	Payments            []*big.Int
	CreateTimestamp     *big.Int
	StartTimestamp      *big.Int
	ScoreReadyTimestamp *big.Int
}

// VSSTaskMetaData contains all meta data concerning the VSSTask contract.
var VSSTaskMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractNode\",\"name\":\"nodeInstance\",\"type\":\"address\"},{\"internalType\":\"contractQOS\",\"name\":\"qosInstance\",\"type\":\"address\"},{\"internalType\":\"contractTaskQueue\",\"name\":\"taskQueueInstance\",\"type\":\"address\"},{\"internalType\":\"contractNetworkStats\",\"name\":\"networkStatsInstance\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"modelID\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"enumVSSTask.TaskType\",\"name\":\"taskType\",\"type\":\"uint8\"}],\"name\":\"DownloadModel\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"abortIssuer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumVSSTask.TaskStatus\",\"name\":\"lastStatus\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"enumVSSTask.TaskAbortReason\",\"name\":\"abortReason\",\"type\":\"uint8\"}],\"name\":\"TaskEndAborted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"TaskEndGroupRefund\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"TaskEndGroupSuccess\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"TaskEndInvalidated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"TaskEndSuccess\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"selectedNode\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumVSSTask.TaskError\",\"name\":\"error\",\"type\":\"uint8\"}],\"name\":\"TaskErrorReported\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"selectedNode\",\"type\":\"address\"}],\"name\":\"TaskParametersUploaded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"TaskQueued\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"selectedNode\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"taskScore\",\"type\":\"bytes\"}],\"name\":\"TaskScoreReady\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"selectedNode\",\"type\":\"address\"}],\"name\":\"TaskStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"TaskValidated\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"enumVSSTask.TaskAbortReason\",\"name\":\"abortReason\",\"type\":\"uint8\"}],\"name\":\"abortTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"enumVSSTask.TaskType\",\"name\":\"taskType\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"string[]\",\"name\":\"modelIDs\",\"type\":\"string[]\"},{\"internalType\":\"uint256\",\"name\":\"minimumVRAM\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"requiredGPU\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"requiredGPUVRAM\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"taskVersion\",\"type\":\"uint256[3]\"},{\"internalType\":\"uint256\",\"name\":\"taskSize\",\"type\":\"uint256\"}],\"name\":\"createTask\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getNodeTask\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"getTask\",\"outputs\":[{\"components\":[{\"internalType\":\"enumVSSTask.TaskType\",\"name\":\"taskType\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"creator\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"samplingSeed\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"sequence\",\"type\":\"uint256\"},{\"internalType\":\"enumVSSTask.TaskStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"selectedNode\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timeout\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"score\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"taskFee\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"taskSize\",\"type\":\"uint256\"},{\"internalType\":\"string[]\",\"name\":\"modelIDs\",\"type\":\"string[]\"},{\"internalType\":\"uint256\",\"name\":\"minimumVRAM\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"requiredGPU\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"requiredGPUVRAM\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"taskVersion\",\"type\":\"uint256[3]\"},{\"internalType\":\"enumVSSTask.TaskAbortReason\",\"name\":\"abortReason\",\"type\":\"uint8\"},{\"internalType\":\"enumVSSTask.TaskError\",\"name\":\"error\",\"type\":\"uint8\"},{\"internalType\":\"address[]\",\"name\":\"paymentAddresses\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"payments\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"createTimestamp\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"startTimestamp\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"scoreReadyTimestamp\",\"type\":\"uint256\"}],\"internalType\":\"structVSSTask.TaskInfo\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"root\",\"type\":\"address\"}],\"name\":\"nodeAvailableCallback\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"enumVSSTask.TaskError\",\"name\":\"error\",\"type\":\"uint8\"}],\"name\":\"reportTaskError\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"reportTaskParametersUploaded\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"reportTaskResultUploaded\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"addr\",\"type\":\"address\"}],\"name\":\"setRelayAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"taskScore\",\"type\":\"bytes\"}],\"name\":\"submitTaskScore\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"threshold\",\"type\":\"uint256\"}],\"name\":\"updateDistanceThreshold\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"t\",\"type\":\"uint256\"}],\"name\":\"updateTimeout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"vrfProof\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"}],\"name\":\"validateSingleTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment1\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment2\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment3\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"taskGUID\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"vrfProof\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"}],\"name\":\"validateTaskGroup\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "VSSTask",
}

// VSSTask is an auto generated Go binding around an Ethereum contract.
type VSSTask struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *VSSTask) GetABI() abi.ABI {
	return c.abi
}

// NewVSSTask creates a new instance of VSSTask.
func NewVSSTask() *VSSTask {
	parsed, err := VSSTaskMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &VSSTask{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *VSSTask) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address nodeInstance, address qosInstance, address taskQueueInstance, address networkStatsInstance) returns()
func (vSSTask *VSSTask) PackConstructor(nodeInstance common.Address, qosInstance common.Address, taskQueueInstance common.Address, networkStatsInstance common.Address) []byte {
	enc, err := vSSTask.abi.Pack("", nodeInstance, qosInstance, taskQueueInstance, networkStatsInstance)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAbortTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb03d2b11.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function abortTask(bytes32 taskIDCommitment, uint8 abortReason) returns()
func (vSSTask *VSSTask) PackAbortTask(taskIDCommitment [32]byte, abortReason uint8) []byte {
	enc, err := vSSTask.abi.Pack("abortTask", taskIDCommitment, abortReason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAbortTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb03d2b11.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function abortTask(bytes32 taskIDCommitment, uint8 abortReason) returns()
func (vSSTask *VSSTask) TryPackAbortTask(taskIDCommitment [32]byte, abortReason uint8) ([]byte, error) {
	return vSSTask.abi.Pack("abortTask", taskIDCommitment, abortReason)
}

// PackCreateTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3697ca8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createTask(uint8 taskType, bytes32 taskIDCommitment, bytes32 nonce, string[] modelIDs, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, uint256 taskSize) payable returns()
func (vSSTask *VSSTask) PackCreateTask(taskType uint8, taskIDCommitment [32]byte, nonce [32]byte, modelIDs []string, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int, taskSize *big.Int) []byte {
	enc, err := vSSTask.abi.Pack("createTask", taskType, taskIDCommitment, nonce, modelIDs, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, taskSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3697ca8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createTask(uint8 taskType, bytes32 taskIDCommitment, bytes32 nonce, string[] modelIDs, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, uint256 taskSize) payable returns()
func (vSSTask *VSSTask) TryPackCreateTask(taskType uint8, taskIDCommitment [32]byte, nonce [32]byte, modelIDs []string, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int, taskSize *big.Int) ([]byte, error) {
	return vSSTask.abi.Pack("createTask", taskType, taskIDCommitment, nonce, modelIDs, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, taskSize)
}

// PackGetNodeTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9877ad45.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNodeTask(address nodeAddress) view returns(bytes32)
func (vSSTask *VSSTask) PackGetNodeTask(nodeAddress common.Address) []byte {
	enc, err := vSSTask.abi.Pack("getNodeTask", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNodeTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9877ad45.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNodeTask(address nodeAddress) view returns(bytes32)
func (vSSTask *VSSTask) TryPackGetNodeTask(nodeAddress common.Address) ([]byte, error) {
	return vSSTask.abi.Pack("getNodeTask", nodeAddress)
}

// UnpackGetNodeTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9877ad45.
//
// Solidity: function getNodeTask(address nodeAddress) view returns(bytes32)
func (vSSTask *VSSTask) UnpackGetNodeTask(data []byte) ([32]byte, error) {
	out, err := vSSTask.abi.Unpack("getNodeTask", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15a29035.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTask(bytes32 taskIDCommitment) view returns((uint8,address,bytes32,bytes32,bytes32,uint256,uint8,address,uint256,bytes,uint256,uint256,string[],uint256,string,uint256,uint256[3],uint8,uint8,address[],uint256[],uint256,uint256,uint256))
func (vSSTask *VSSTask) PackGetTask(taskIDCommitment [32]byte) []byte {
	enc, err := vSSTask.abi.Pack("getTask", taskIDCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15a29035.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTask(bytes32 taskIDCommitment) view returns((uint8,address,bytes32,bytes32,bytes32,uint256,uint8,address,uint256,bytes,uint256,uint256,string[],uint256,string,uint256,uint256[3],uint8,uint8,address[],uint256[],uint256,uint256,uint256))
func (vSSTask *VSSTask) TryPackGetTask(taskIDCommitment [32]byte) ([]byte, error) {
	return vSSTask.abi.Pack("getTask", taskIDCommitment)
}

// UnpackGetTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x15a29035.
//
// Solidity: function getTask(bytes32 taskIDCommitment) view returns((uint8,address,bytes32,bytes32,bytes32,uint256,uint8,address,uint256,bytes,uint256,uint256,string[],uint256,string,uint256,uint256[3],uint8,uint8,address[],uint256[],uint256,uint256,uint256))
func (vSSTask *VSSTask) UnpackGetTask(data []byte) (VSSTaskTaskInfo, error) {
	out, err := vSSTask.abi.Unpack("getTask", data)
	if err != nil {
		return *new(VSSTaskTaskInfo), err
	}
	out0 := *abi.ConvertType(out[0], new(VSSTaskTaskInfo)).(*VSSTaskTaskInfo)
	return out0, nil
}

// PackNodeAvailableCallback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd06ac297.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeAvailableCallback(address root) returns()
func (vSSTask *VSSTask) PackNodeAvailableCallback(root common.Address) []byte {
	enc, err := vSSTask.abi.Pack("nodeAvailableCallback", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeAvailableCallback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd06ac297.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeAvailableCallback(address root) returns()
func (vSSTask *VSSTask) TryPackNodeAvailableCallback(root common.Address) ([]byte, error) {
	return vSSTask.abi.Pack("nodeAvailableCallback", root)
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (vSSTask *VSSTask) PackOwner() []byte {
	enc, err := vSSTask.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (vSSTask *VSSTask) TryPackOwner() ([]byte, error) {
	return vSSTask.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (vSSTask *VSSTask) UnpackOwner(data []byte) (common.Address, error) {
	out, err := vSSTask.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (vSSTask *VSSTask) PackRenounceOwnership() []byte {
	enc, err := vSSTask.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (vSSTask *VSSTask) TryPackRenounceOwnership() ([]byte, error) {
	return vSSTask.abi.Pack("renounceOwnership")
}

// PackReportTaskError is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb9c9475.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reportTaskError(bytes32 taskIDCommitment, uint8 error) returns()
func (vSSTask *VSSTask) PackReportTaskError(taskIDCommitment [32]byte, error uint8) []byte {
	enc, err := vSSTask.abi.Pack("reportTaskError", taskIDCommitment, error)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReportTaskError is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb9c9475.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reportTaskError(bytes32 taskIDCommitment, uint8 error) returns()
func (vSSTask *VSSTask) TryPackReportTaskError(taskIDCommitment [32]byte, error uint8) ([]byte, error) {
	return vSSTask.abi.Pack("reportTaskError", taskIDCommitment, error)
}

// PackReportTaskParametersUploaded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf048ef29.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reportTaskParametersUploaded(bytes32 taskIDCommitment) returns()
func (vSSTask *VSSTask) PackReportTaskParametersUploaded(taskIDCommitment [32]byte) []byte {
	enc, err := vSSTask.abi.Pack("reportTaskParametersUploaded", taskIDCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReportTaskParametersUploaded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf048ef29.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reportTaskParametersUploaded(bytes32 taskIDCommitment) returns()
func (vSSTask *VSSTask) TryPackReportTaskParametersUploaded(taskIDCommitment [32]byte) ([]byte, error) {
	return vSSTask.abi.Pack("reportTaskParametersUploaded", taskIDCommitment)
}

// PackReportTaskResultUploaded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44f76671.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reportTaskResultUploaded(bytes32 taskIDCommitment) returns()
func (vSSTask *VSSTask) PackReportTaskResultUploaded(taskIDCommitment [32]byte) []byte {
	enc, err := vSSTask.abi.Pack("reportTaskResultUploaded", taskIDCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReportTaskResultUploaded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44f76671.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reportTaskResultUploaded(bytes32 taskIDCommitment) returns()
func (vSSTask *VSSTask) TryPackReportTaskResultUploaded(taskIDCommitment [32]byte) ([]byte, error) {
	return vSSTask.abi.Pack("reportTaskResultUploaded", taskIDCommitment)
}

// PackSetRelayAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaeba8f3c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRelayAddress(address addr) returns()
func (vSSTask *VSSTask) PackSetRelayAddress(addr common.Address) []byte {
	enc, err := vSSTask.abi.Pack("setRelayAddress", addr)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRelayAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaeba8f3c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRelayAddress(address addr) returns()
func (vSSTask *VSSTask) TryPackSetRelayAddress(addr common.Address) ([]byte, error) {
	return vSSTask.abi.Pack("setRelayAddress", addr)
}

// PackSubmitTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35b6175e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitTaskScore(bytes32 taskIDCommitment, bytes taskScore) returns()
func (vSSTask *VSSTask) PackSubmitTaskScore(taskIDCommitment [32]byte, taskScore []byte) []byte {
	enc, err := vSSTask.abi.Pack("submitTaskScore", taskIDCommitment, taskScore)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35b6175e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitTaskScore(bytes32 taskIDCommitment, bytes taskScore) returns()
func (vSSTask *VSSTask) TryPackSubmitTaskScore(taskIDCommitment [32]byte, taskScore []byte) ([]byte, error) {
	return vSSTask.abi.Pack("submitTaskScore", taskIDCommitment, taskScore)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (vSSTask *VSSTask) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := vSSTask.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (vSSTask *VSSTask) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return vSSTask.abi.Pack("transferOwnership", newOwner)
}

// PackUpdateDistanceThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9244e462.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateDistanceThreshold(uint256 threshold) returns()
func (vSSTask *VSSTask) PackUpdateDistanceThreshold(threshold *big.Int) []byte {
	enc, err := vSSTask.abi.Pack("updateDistanceThreshold", threshold)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateDistanceThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9244e462.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateDistanceThreshold(uint256 threshold) returns()
func (vSSTask *VSSTask) TryPackUpdateDistanceThreshold(threshold *big.Int) ([]byte, error) {
	return vSSTask.abi.Pack("updateDistanceThreshold", threshold)
}

// PackUpdateTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa330214e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateTimeout(uint256 t) returns()
func (vSSTask *VSSTask) PackUpdateTimeout(t *big.Int) []byte {
	enc, err := vSSTask.abi.Pack("updateTimeout", t)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa330214e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateTimeout(uint256 t) returns()
func (vSSTask *VSSTask) TryPackUpdateTimeout(t *big.Int) ([]byte, error) {
	return vSSTask.abi.Pack("updateTimeout", t)
}

// PackValidateSingleTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93c7c00b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validateSingleTask(bytes32 taskIDCommitment, bytes vrfProof, bytes publicKey) returns()
func (vSSTask *VSSTask) PackValidateSingleTask(taskIDCommitment [32]byte, vrfProof []byte, publicKey []byte) []byte {
	enc, err := vSSTask.abi.Pack("validateSingleTask", taskIDCommitment, vrfProof, publicKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidateSingleTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93c7c00b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validateSingleTask(bytes32 taskIDCommitment, bytes vrfProof, bytes publicKey) returns()
func (vSSTask *VSSTask) TryPackValidateSingleTask(taskIDCommitment [32]byte, vrfProof []byte, publicKey []byte) ([]byte, error) {
	return vSSTask.abi.Pack("validateSingleTask", taskIDCommitment, vrfProof, publicKey)
}

// PackValidateTaskGroup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x127be3ca.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validateTaskGroup(bytes32 taskIDCommitment1, bytes32 taskIDCommitment2, bytes32 taskIDCommitment3, bytes32 taskGUID, bytes vrfProof, bytes publicKey) returns()
func (vSSTask *VSSTask) PackValidateTaskGroup(taskIDCommitment1 [32]byte, taskIDCommitment2 [32]byte, taskIDCommitment3 [32]byte, taskGUID [32]byte, vrfProof []byte, publicKey []byte) []byte {
	enc, err := vSSTask.abi.Pack("validateTaskGroup", taskIDCommitment1, taskIDCommitment2, taskIDCommitment3, taskGUID, vrfProof, publicKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidateTaskGroup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x127be3ca.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validateTaskGroup(bytes32 taskIDCommitment1, bytes32 taskIDCommitment2, bytes32 taskIDCommitment3, bytes32 taskGUID, bytes vrfProof, bytes publicKey) returns()
func (vSSTask *VSSTask) TryPackValidateTaskGroup(taskIDCommitment1 [32]byte, taskIDCommitment2 [32]byte, taskIDCommitment3 [32]byte, taskGUID [32]byte, vrfProof []byte, publicKey []byte) ([]byte, error) {
	return vSSTask.abi.Pack("validateTaskGroup", taskIDCommitment1, taskIDCommitment2, taskIDCommitment3, taskGUID, vrfProof, publicKey)
}

// VSSTaskDownloadModel represents a DownloadModel event raised by the VSSTask contract.
type VSSTaskDownloadModel struct {
	NodeAddress common.Address
	ModelID     string
	TaskType    uint8
	Raw         *types.Log // Blockchain specific contextual infos
}

const VSSTaskDownloadModelEventName = "DownloadModel"

// ContractEventName returns the user-defined event name.
func (VSSTaskDownloadModel) ContractEventName() string {
	return VSSTaskDownloadModelEventName
}

// UnpackDownloadModelEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DownloadModel(address nodeAddress, string modelID, uint8 taskType)
func (vSSTask *VSSTask) UnpackDownloadModelEvent(log *types.Log) (*VSSTaskDownloadModel, error) {
	event := "DownloadModel"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskDownloadModel)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskOwnershipTransferred represents a OwnershipTransferred event raised by the VSSTask contract.
type VSSTaskOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const VSSTaskOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (VSSTaskOwnershipTransferred) ContractEventName() string {
	return VSSTaskOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (vSSTask *VSSTask) UnpackOwnershipTransferredEvent(log *types.Log) (*VSSTaskOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskEndAborted represents a TaskEndAborted event raised by the VSSTask contract.
type VSSTaskTaskEndAborted struct {
	TaskIDCommitment [32]byte
	AbortIssuer      common.Address
	LastStatus       uint8
	AbortReason      uint8
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskEndAbortedEventName = "TaskEndAborted"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskEndAborted) ContractEventName() string {
	return VSSTaskTaskEndAbortedEventName
}

// UnpackTaskEndAbortedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskEndAborted(bytes32 taskIDCommitment, address abortIssuer, uint8 lastStatus, uint8 abortReason)
func (vSSTask *VSSTask) UnpackTaskEndAbortedEvent(log *types.Log) (*VSSTaskTaskEndAborted, error) {
	event := "TaskEndAborted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskEndAborted)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskEndGroupRefund represents a TaskEndGroupRefund event raised by the VSSTask contract.
type VSSTaskTaskEndGroupRefund struct {
	TaskIDCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskEndGroupRefundEventName = "TaskEndGroupRefund"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskEndGroupRefund) ContractEventName() string {
	return VSSTaskTaskEndGroupRefundEventName
}

// UnpackTaskEndGroupRefundEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskEndGroupRefund(bytes32 taskIDCommitment)
func (vSSTask *VSSTask) UnpackTaskEndGroupRefundEvent(log *types.Log) (*VSSTaskTaskEndGroupRefund, error) {
	event := "TaskEndGroupRefund"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskEndGroupRefund)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskEndGroupSuccess represents a TaskEndGroupSuccess event raised by the VSSTask contract.
type VSSTaskTaskEndGroupSuccess struct {
	TaskIDCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskEndGroupSuccessEventName = "TaskEndGroupSuccess"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskEndGroupSuccess) ContractEventName() string {
	return VSSTaskTaskEndGroupSuccessEventName
}

// UnpackTaskEndGroupSuccessEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskEndGroupSuccess(bytes32 taskIDCommitment)
func (vSSTask *VSSTask) UnpackTaskEndGroupSuccessEvent(log *types.Log) (*VSSTaskTaskEndGroupSuccess, error) {
	event := "TaskEndGroupSuccess"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskEndGroupSuccess)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskEndInvalidated represents a TaskEndInvalidated event raised by the VSSTask contract.
type VSSTaskTaskEndInvalidated struct {
	TaskIDCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskEndInvalidatedEventName = "TaskEndInvalidated"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskEndInvalidated) ContractEventName() string {
	return VSSTaskTaskEndInvalidatedEventName
}

// UnpackTaskEndInvalidatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskEndInvalidated(bytes32 taskIDCommitment)
func (vSSTask *VSSTask) UnpackTaskEndInvalidatedEvent(log *types.Log) (*VSSTaskTaskEndInvalidated, error) {
	event := "TaskEndInvalidated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskEndInvalidated)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskEndSuccess represents a TaskEndSuccess event raised by the VSSTask contract.
type VSSTaskTaskEndSuccess struct {
	TaskIDCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskEndSuccessEventName = "TaskEndSuccess"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskEndSuccess) ContractEventName() string {
	return VSSTaskTaskEndSuccessEventName
}

// UnpackTaskEndSuccessEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskEndSuccess(bytes32 taskIDCommitment)
func (vSSTask *VSSTask) UnpackTaskEndSuccessEvent(log *types.Log) (*VSSTaskTaskEndSuccess, error) {
	event := "TaskEndSuccess"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskEndSuccess)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskErrorReported represents a TaskErrorReported event raised by the VSSTask contract.
type VSSTaskTaskErrorReported struct {
	TaskIDCommitment [32]byte
	SelectedNode     common.Address
	Error            uint8
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskErrorReportedEventName = "TaskErrorReported"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskErrorReported) ContractEventName() string {
	return VSSTaskTaskErrorReportedEventName
}

// UnpackTaskErrorReportedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskErrorReported(bytes32 taskIDCommitment, address selectedNode, uint8 error)
func (vSSTask *VSSTask) UnpackTaskErrorReportedEvent(log *types.Log) (*VSSTaskTaskErrorReported, error) {
	event := "TaskErrorReported"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskErrorReported)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskParametersUploaded represents a TaskParametersUploaded event raised by the VSSTask contract.
type VSSTaskTaskParametersUploaded struct {
	TaskIDCommitment [32]byte
	SelectedNode     common.Address
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskParametersUploadedEventName = "TaskParametersUploaded"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskParametersUploaded) ContractEventName() string {
	return VSSTaskTaskParametersUploadedEventName
}

// UnpackTaskParametersUploadedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskParametersUploaded(bytes32 taskIDCommitment, address selectedNode)
func (vSSTask *VSSTask) UnpackTaskParametersUploadedEvent(log *types.Log) (*VSSTaskTaskParametersUploaded, error) {
	event := "TaskParametersUploaded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskParametersUploaded)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskQueued represents a TaskQueued event raised by the VSSTask contract.
type VSSTaskTaskQueued struct {
	TaskIDCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskQueuedEventName = "TaskQueued"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskQueued) ContractEventName() string {
	return VSSTaskTaskQueuedEventName
}

// UnpackTaskQueuedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskQueued(bytes32 taskIDCommitment)
func (vSSTask *VSSTask) UnpackTaskQueuedEvent(log *types.Log) (*VSSTaskTaskQueued, error) {
	event := "TaskQueued"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskQueued)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskScoreReady represents a TaskScoreReady event raised by the VSSTask contract.
type VSSTaskTaskScoreReady struct {
	TaskIDCommitment [32]byte
	SelectedNode     common.Address
	TaskScore        []byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskScoreReadyEventName = "TaskScoreReady"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskScoreReady) ContractEventName() string {
	return VSSTaskTaskScoreReadyEventName
}

// UnpackTaskScoreReadyEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskScoreReady(bytes32 taskIDCommitment, address selectedNode, bytes taskScore)
func (vSSTask *VSSTask) UnpackTaskScoreReadyEvent(log *types.Log) (*VSSTaskTaskScoreReady, error) {
	event := "TaskScoreReady"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskScoreReady)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskStarted represents a TaskStarted event raised by the VSSTask contract.
type VSSTaskTaskStarted struct {
	TaskIDCommitment [32]byte
	SelectedNode     common.Address
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskStartedEventName = "TaskStarted"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskStarted) ContractEventName() string {
	return VSSTaskTaskStartedEventName
}

// UnpackTaskStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskStarted(bytes32 taskIDCommitment, address selectedNode)
func (vSSTask *VSSTask) UnpackTaskStartedEvent(log *types.Log) (*VSSTaskTaskStarted, error) {
	event := "TaskStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskStarted)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// VSSTaskTaskValidated represents a TaskValidated event raised by the VSSTask contract.
type VSSTaskTaskValidated struct {
	TaskIDCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const VSSTaskTaskValidatedEventName = "TaskValidated"

// ContractEventName returns the user-defined event name.
func (VSSTaskTaskValidated) ContractEventName() string {
	return VSSTaskTaskValidatedEventName
}

// UnpackTaskValidatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskValidated(bytes32 taskIDCommitment)
func (vSSTask *VSSTask) UnpackTaskValidatedEvent(log *types.Log) (*VSSTaskTaskValidated, error) {
	event := "TaskValidated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != vSSTask.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(VSSTaskTaskValidated)
	if len(log.Data) > 0 {
		if err := vSSTask.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range vSSTask.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (vSSTask *VSSTask) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], vSSTask.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return vSSTask.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], vSSTask.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return vSSTask.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// VSSTaskOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the VSSTask contract.
type VSSTaskOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func VSSTaskOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (vSSTask *VSSTask) UnpackOwnableInvalidOwnerError(raw []byte) (*VSSTaskOwnableInvalidOwner, error) {
	out := new(VSSTaskOwnableInvalidOwner)
	if err := vSSTask.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VSSTaskOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the VSSTask contract.
type VSSTaskOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func VSSTaskOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (vSSTask *VSSTask) UnpackOwnableUnauthorizedAccountError(raw []byte) (*VSSTaskOwnableUnauthorizedAccount, error) {
	out := new(VSSTaskOwnableUnauthorizedAccount)
	if err := vSSTask.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
