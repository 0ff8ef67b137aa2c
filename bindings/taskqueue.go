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

// TaskQueueMetaData contains all meta data concerning the TaskQueue contract.
var TaskQueueMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"getCheapestTask\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getSizeLimit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"include\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"gpuName\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"gpuVRAM\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"version\",\"type\":\"uint256[3]\"},{\"internalType\":\"string[]\",\"name\":\"localModelIDs\",\"type\":\"string[]\"},{\"internalType\":\"string[]\",\"name\":\"lastModelIDs\",\"type\":\"string[]\"}],\"name\":\"popTask\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"taskFee\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"taskSize\",\"type\":\"uint256\"},{\"internalType\":\"string[]\",\"name\":\"modelIDs\",\"type\":\"string[]\"},{\"internalType\":\"uint256\",\"name\":\"minimumVRAM\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"requiredGPU\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"requiredGPUVRAM\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"taskVersion\",\"type\":\"uint256[3]\"}],\"name\":\"pushTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"taskIDCommitment\",\"type\":\"bytes32\"}],\"name\":\"removeTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"size\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"updateSizeLimit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"taskContract\",\"type\":\"address\"}],\"name\":\"updateTaskContractAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "TaskQueue",
}

// TaskQueue is an auto generated Go binding around an Ethereum contract.
type TaskQueue struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *TaskQueue) GetABI() abi.ABI {
	return c.abi
}

// NewTaskQueue creates a new instance of TaskQueue.
func NewTaskQueue() *TaskQueue {
	parsed, err := TaskQueueMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &TaskQueue{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *TaskQueue) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackGetCheapestTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56b58d34.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getCheapestTask() view returns(bytes32)
func (taskQueue *TaskQueue) PackGetCheapestTask() []byte {
	enc, err := taskQueue.abi.Pack("getCheapestTask")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetCheapestTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56b58d34.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getCheapestTask() view returns(bytes32)
func (taskQueue *TaskQueue) TryPackGetCheapestTask() ([]byte, error) {
	return taskQueue.abi.Pack("getCheapestTask")
}

// UnpackGetCheapestTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x56b58d34.
//
// Solidity: function getCheapestTask() view returns(bytes32)
func (taskQueue *TaskQueue) UnpackGetCheapestTask(data []byte) ([32]byte, error) {
	out, err := taskQueue.abi.Unpack("getCheapestTask", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetSizeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf00c6741.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSizeLimit() view returns(uint256)
func (taskQueue *TaskQueue) PackGetSizeLimit() []byte {
	enc, err := taskQueue.abi.Pack("getSizeLimit")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSizeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf00c6741.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSizeLimit() view returns(uint256)
func (taskQueue *TaskQueue) TryPackGetSizeLimit() ([]byte, error) {
	return taskQueue.abi.Pack("getSizeLimit")
}

// UnpackGetSizeLimit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf00c6741.
//
// Solidity: function getSizeLimit() view returns(uint256)
func (taskQueue *TaskQueue) UnpackGetSizeLimit(data []byte) (*big.Int, error) {
	out, err := taskQueue.abi.Unpack("getSizeLimit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackInclude is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x87abc5a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function include(bytes32 taskIDCommitment) view returns(bool)
func (taskQueue *TaskQueue) PackInclude(taskIDCommitment [32]byte) []byte {
	enc, err := taskQueue.abi.Pack("include", taskIDCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInclude is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x87abc5a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function include(bytes32 taskIDCommitment) view returns(bool)
func (taskQueue *TaskQueue) TryPackInclude(taskIDCommitment [32]byte) ([]byte, error) {
	return taskQueue.abi.Pack("include", taskIDCommitment)
}

// UnpackInclude is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x87abc5a4.
//
// Solidity: function include(bytes32 taskIDCommitment) view returns(bool)
func (taskQueue *TaskQueue) UnpackInclude(data []byte) (bool, error) {
	out, err := taskQueue.abi.Unpack("include", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (taskQueue *TaskQueue) PackOwner() []byte {
	enc, err := taskQueue.abi.Pack("owner")
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
func (taskQueue *TaskQueue) TryPackOwner() ([]byte, error) {
	return taskQueue.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (taskQueue *TaskQueue) UnpackOwner(data []byte) (common.Address, error) {
	out, err := taskQueue.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPopTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ec85375.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function popTask(string gpuName, uint256 gpuVRAM, uint256[3] version, string[] localModelIDs, string[] lastModelIDs) returns(bytes32)
func (taskQueue *TaskQueue) PackPopTask(gpuName string, gpuVRAM *big.Int, version [3]*big.Int, localModelIDs []string, lastModelIDs []string) []byte {
	enc, err := taskQueue.abi.Pack("popTask", gpuName, gpuVRAM, version, localModelIDs, lastModelIDs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPopTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ec85375.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function popTask(string gpuName, uint256 gpuVRAM, uint256[3] version, string[] localModelIDs, string[] lastModelIDs) returns(bytes32)
func (taskQueue *TaskQueue) TryPackPopTask(gpuName string, gpuVRAM *big.Int, version [3]*big.Int, localModelIDs []string, lastModelIDs []string) ([]byte, error) {
	return taskQueue.abi.Pack("popTask", gpuName, gpuVRAM, version, localModelIDs, lastModelIDs)
}

// UnpackPopTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2ec85375.
//
// Solidity: function popTask(string gpuName, uint256 gpuVRAM, uint256[3] version, string[] localModelIDs, string[] lastModelIDs) returns(bytes32)
func (taskQueue *TaskQueue) UnpackPopTask(data []byte) ([32]byte, error) {
	out, err := taskQueue.abi.Unpack("popTask", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPushTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc826ae15.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pushTask(bytes32 taskIDCommitment, uint256 taskFee, uint256 taskSize, string[] modelIDs, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion) returns()
func (taskQueue *TaskQueue) PackPushTask(taskIDCommitment [32]byte, taskFee *big.Int, taskSize *big.Int, modelIDs []string, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int) []byte {
	enc, err := taskQueue.abi.Pack("pushTask", taskIDCommitment, taskFee, taskSize, modelIDs, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPushTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc826ae15.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pushTask(bytes32 taskIDCommitment, uint256 taskFee, uint256 taskSize, string[] modelIDs, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion) returns()
func (taskQueue *TaskQueue) TryPackPushTask(taskIDCommitment [32]byte, taskFee *big.Int, taskSize *big.Int, modelIDs []string, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int) ([]byte, error) {
	return taskQueue.abi.Pack("pushTask", taskIDCommitment, taskFee, taskSize, modelIDs, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion)
}

// PackRemoveTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5035b622.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function removeTask(bytes32 taskIDCommitment) returns()
func (taskQueue *TaskQueue) PackRemoveTask(taskIDCommitment [32]byte) []byte {
	enc, err := taskQueue.abi.Pack("removeTask", taskIDCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemoveTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5035b622.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function removeTask(bytes32 taskIDCommitment) returns()
func (taskQueue *TaskQueue) TryPackRemoveTask(taskIDCommitment [32]byte) ([]byte, error) {
	return taskQueue.abi.Pack("removeTask", taskIDCommitment)
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (taskQueue *TaskQueue) PackRenounceOwnership() []byte {
	enc, err := taskQueue.abi.Pack("renounceOwnership")
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
func (taskQueue *TaskQueue) TryPackRenounceOwnership() ([]byte, error) {
	return taskQueue.abi.Pack("renounceOwnership")
}

// PackSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x949d225d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function size() view returns(uint256)
func (taskQueue *TaskQueue) PackSize() []byte {
	enc, err := taskQueue.abi.Pack("size")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x949d225d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function size() view returns(uint256)
func (taskQueue *TaskQueue) TryPackSize() ([]byte, error) {
	return taskQueue.abi.Pack("size")
}

// UnpackSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x949d225d.
//
// Solidity: function size() view returns(uint256)
func (taskQueue *TaskQueue) UnpackSize(data []byte) (*big.Int, error) {
	out, err := taskQueue.abi.Unpack("size", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (taskQueue *TaskQueue) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := taskQueue.abi.Pack("transferOwnership", newOwner)
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
func (taskQueue *TaskQueue) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return taskQueue.abi.Pack("transferOwnership", newOwner)
}

// PackUpdateSizeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfcdc8b8e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateSizeLimit(uint256 limit) returns()
func (taskQueue *TaskQueue) PackUpdateSizeLimit(limit *big.Int) []byte {
	enc, err := taskQueue.abi.Pack("updateSizeLimit", limit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateSizeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfcdc8b8e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateSizeLimit(uint256 limit) returns()
func (taskQueue *TaskQueue) TryPackUpdateSizeLimit(limit *big.Int) ([]byte, error) {
	return taskQueue.abi.Pack("updateSizeLimit", limit)
}

// PackUpdateTaskContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42145230.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateTaskContractAddress(address taskContract) returns()
func (taskQueue *TaskQueue) PackUpdateTaskContractAddress(taskContract common.Address) []byte {
	enc, err := taskQueue.abi.Pack("updateTaskContractAddress", taskContract)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateTaskContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42145230.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateTaskContractAddress(address taskContract) returns()
func (taskQueue *TaskQueue) TryPackUpdateTaskContractAddress(taskContract common.Address) ([]byte, error) {
	return taskQueue.abi.Pack("updateTaskContractAddress", taskContract)
}

// TaskQueueOwnershipTransferred represents a OwnershipTransferred event raised by the TaskQueue contract.
type TaskQueueOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const TaskQueueOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (TaskQueueOwnershipTransferred) ContractEventName() string {
	return TaskQueueOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (taskQueue *TaskQueue) UnpackOwnershipTransferredEvent(log *types.Log) (*TaskQueueOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != taskQueue.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TaskQueueOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := taskQueue.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range taskQueue.abi.Events[event].Inputs {
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
func (taskQueue *TaskQueue) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], taskQueue.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return taskQueue.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], taskQueue.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return taskQueue.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// TaskQueueOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the TaskQueue contract.
type TaskQueueOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func TaskQueueOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (taskQueue *TaskQueue) UnpackOwnableInvalidOwnerError(raw []byte) (*TaskQueueOwnableInvalidOwner, error) {
	out := new(TaskQueueOwnableInvalidOwner)
	if err := taskQueue.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TaskQueueOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the TaskQueue contract.
type TaskQueueOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func TaskQueueOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (taskQueue *TaskQueue) UnpackOwnableUnauthorizedAccountError(raw []byte) (*TaskQueueOwnableUnauthorizedAccount, error) {
	out := new(TaskQueueOwnableUnauthorizedAccount)
	if err := taskQueue.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
