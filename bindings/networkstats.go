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

// NetworkStatsNodeInfo is an auto generated low-level Go binding around an user-defined struct.
type NetworkStatsNodeInfo struct {
	NodeAddress common.Address
	GPUModel    string
	VRAM        *big.Int
}

// NetworkStatsMetaData contains all meta data concerning the NetworkStats contract.
var NetworkStatsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"activeNodes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"availableNodes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"busyNodes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"getAllNodeInfo\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"GPUModel\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"VRAM\",\"type\":\"uint256\"}],\"internalType\":\"structNetworkStats.NodeInfo[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nodeAvailable\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"gpuModel\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"vRAM\",\"type\":\"uint256\"}],\"name\":\"nodeJoined\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nodeQuit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nodeTaskFinished\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nodeTaskStarted\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nodeUnavailable\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"queuedTasks\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"runningTasks\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskCreated\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskDequeue\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskEnqueue\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskFinished\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"taskStarted\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalNodes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalTasks\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeContract\",\"type\":\"address\"}],\"name\":\"updateNodeContractAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"taskContract\",\"type\":\"address\"}],\"name\":\"updateTaskContractAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "NetworkStats",
}

// NetworkStats is an auto generated Go binding around an Ethereum contract.
type NetworkStats struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *NetworkStats) GetABI() abi.ABI {
	return c.abi
}

// NewNetworkStats creates a new instance of NetworkStats.
func NewNetworkStats() *NetworkStats {
	parsed, err := NetworkStatsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &NetworkStats{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *NetworkStats) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackActiveNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07f19651.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function activeNodes() view returns(uint256)
func (networkStats *NetworkStats) PackActiveNodes() []byte {
	enc, err := networkStats.abi.Pack("activeNodes")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackActiveNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07f19651.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function activeNodes() view returns(uint256)
func (networkStats *NetworkStats) TryPackActiveNodes() ([]byte, error) {
	return networkStats.abi.Pack("activeNodes")
}

// UnpackActiveNodes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07f19651.
//
// Solidity: function activeNodes() view returns(uint256)
func (networkStats *NetworkStats) UnpackActiveNodes(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("activeNodes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAvailableNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x204401e7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function availableNodes() view returns(uint256)
func (networkStats *NetworkStats) PackAvailableNodes() []byte {
	enc, err := networkStats.abi.Pack("availableNodes")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAvailableNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x204401e7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function availableNodes() view returns(uint256)
func (networkStats *NetworkStats) TryPackAvailableNodes() ([]byte, error) {
	return networkStats.abi.Pack("availableNodes")
}

// UnpackAvailableNodes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x204401e7.
//
// Solidity: function availableNodes() view returns(uint256)
func (networkStats *NetworkStats) UnpackAvailableNodes(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("availableNodes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBusyNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3d8c94ce.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function busyNodes() view returns(uint256)
func (networkStats *NetworkStats) PackBusyNodes() []byte {
	enc, err := networkStats.abi.Pack("busyNodes")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBusyNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3d8c94ce.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function busyNodes() view returns(uint256)
func (networkStats *NetworkStats) TryPackBusyNodes() ([]byte, error) {
	return networkStats.abi.Pack("busyNodes")
}

// UnpackBusyNodes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3d8c94ce.
//
// Solidity: function busyNodes() view returns(uint256)
func (networkStats *NetworkStats) UnpackBusyNodes(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("busyNodes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetAllNodeInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2de2197.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAllNodeInfo(uint256 offset, uint256 length) view returns((address,string,uint256)[])
func (networkStats *NetworkStats) PackGetAllNodeInfo(offset *big.Int, length *big.Int) []byte {
	enc, err := networkStats.abi.Pack("getAllNodeInfo", offset, length)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAllNodeInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2de2197.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAllNodeInfo(uint256 offset, uint256 length) view returns((address,string,uint256)[])
func (networkStats *NetworkStats) TryPackGetAllNodeInfo(offset *big.Int, length *big.Int) ([]byte, error) {
	return networkStats.abi.Pack("getAllNodeInfo", offset, length)
}

// UnpackGetAllNodeInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2de2197.
//
// Solidity: function getAllNodeInfo(uint256 offset, uint256 length) view returns((address,string,uint256)[])
func (networkStats *NetworkStats) UnpackGetAllNodeInfo(data []byte) ([]NetworkStatsNodeInfo, error) {
	out, err := networkStats.abi.Unpack("getAllNodeInfo", data)
	if err != nil {
		return *new([]NetworkStatsNodeInfo), err
	}
	out0 := *abi.ConvertType(out[0], new([]NetworkStatsNodeInfo)).(*[]NetworkStatsNodeInfo)
	return out0, nil
}

// PackNodeAvailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x601d2a51.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeAvailable() returns()
func (networkStats *NetworkStats) PackNodeAvailable() []byte {
	enc, err := networkStats.abi.Pack("nodeAvailable")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeAvailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x601d2a51.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeAvailable() returns()
func (networkStats *NetworkStats) TryPackNodeAvailable() ([]byte, error) {
	return networkStats.abi.Pack("nodeAvailable")
}

// PackNodeJoined is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa52be2bd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeJoined(address nodeAddress, string gpuModel, uint256 vRAM) returns()
func (networkStats *NetworkStats) PackNodeJoined(nodeAddress common.Address, gpuModel string, vRAM *big.Int) []byte {
	enc, err := networkStats.abi.Pack("nodeJoined", nodeAddress, gpuModel, vRAM)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeJoined is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa52be2bd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeJoined(address nodeAddress, string gpuModel, uint256 vRAM) returns()
func (networkStats *NetworkStats) TryPackNodeJoined(nodeAddress common.Address, gpuModel string, vRAM *big.Int) ([]byte, error) {
	return networkStats.abi.Pack("nodeJoined", nodeAddress, gpuModel, vRAM)
}

// PackNodeQuit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a2af56e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeQuit() returns()
func (networkStats *NetworkStats) PackNodeQuit() []byte {
	enc, err := networkStats.abi.Pack("nodeQuit")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeQuit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a2af56e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeQuit() returns()
func (networkStats *NetworkStats) TryPackNodeQuit() ([]byte, error) {
	return networkStats.abi.Pack("nodeQuit")
}

// PackNodeTaskFinished is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5cc3442.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeTaskFinished() returns()
func (networkStats *NetworkStats) PackNodeTaskFinished() []byte {
	enc, err := networkStats.abi.Pack("nodeTaskFinished")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeTaskFinished is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5cc3442.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeTaskFinished() returns()
func (networkStats *NetworkStats) TryPackNodeTaskFinished() ([]byte, error) {
	return networkStats.abi.Pack("nodeTaskFinished")
}

// PackNodeTaskStarted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x03659a66.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeTaskStarted() returns()
func (networkStats *NetworkStats) PackNodeTaskStarted() []byte {
	enc, err := networkStats.abi.Pack("nodeTaskStarted")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeTaskStarted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x03659a66.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeTaskStarted() returns()
func (networkStats *NetworkStats) TryPackNodeTaskStarted() ([]byte, error) {
	return networkStats.abi.Pack("nodeTaskStarted")
}

// PackNodeUnavailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b1ee54d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeUnavailable() returns()
func (networkStats *NetworkStats) PackNodeUnavailable() []byte {
	enc, err := networkStats.abi.Pack("nodeUnavailable")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeUnavailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b1ee54d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeUnavailable() returns()
func (networkStats *NetworkStats) TryPackNodeUnavailable() ([]byte, error) {
	return networkStats.abi.Pack("nodeUnavailable")
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (networkStats *NetworkStats) PackOwner() []byte {
	enc, err := networkStats.abi.Pack("owner")
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
func (networkStats *NetworkStats) TryPackOwner() ([]byte, error) {
	return networkStats.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (networkStats *NetworkStats) UnpackOwner(data []byte) (common.Address, error) {
	out, err := networkStats.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackQueuedTasks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7efb34f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function queuedTasks() view returns(uint256)
func (networkStats *NetworkStats) PackQueuedTasks() []byte {
	enc, err := networkStats.abi.Pack("queuedTasks")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQueuedTasks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7efb34f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function queuedTasks() view returns(uint256)
func (networkStats *NetworkStats) TryPackQueuedTasks() ([]byte, error) {
	return networkStats.abi.Pack("queuedTasks")
}

// UnpackQueuedTasks is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc7efb34f.
//
// Solidity: function queuedTasks() view returns(uint256)
func (networkStats *NetworkStats) UnpackQueuedTasks(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("queuedTasks", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (networkStats *NetworkStats) PackRenounceOwnership() []byte {
	enc, err := networkStats.abi.Pack("renounceOwnership")
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
func (networkStats *NetworkStats) TryPackRenounceOwnership() ([]byte, error) {
	return networkStats.abi.Pack("renounceOwnership")
}

// PackRunningTasks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x399fda5c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function runningTasks() view returns(uint256)
func (networkStats *NetworkStats) PackRunningTasks() []byte {
	enc, err := networkStats.abi.Pack("runningTasks")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRunningTasks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x399fda5c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function runningTasks() view returns(uint256)
func (networkStats *NetworkStats) TryPackRunningTasks() ([]byte, error) {
	return networkStats.abi.Pack("runningTasks")
}

// UnpackRunningTasks is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x399fda5c.
//
// Solidity: function runningTasks() view returns(uint256)
func (networkStats *NetworkStats) UnpackRunningTasks(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("runningTasks", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTaskCreated is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0e08cca.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function taskCreated() returns()
func (networkStats *NetworkStats) PackTaskCreated() []byte {
	enc, err := networkStats.abi.Pack("taskCreated")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTaskCreated is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0e08cca.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function taskCreated() returns()
func (networkStats *NetworkStats) TryPackTaskCreated() ([]byte, error) {
	return networkStats.abi.Pack("taskCreated")
}

// PackTaskDequeue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd513093c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function taskDequeue() returns()
func (networkStats *NetworkStats) PackTaskDequeue() []byte {
	enc, err := networkStats.abi.Pack("taskDequeue")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTaskDequeue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd513093c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function taskDequeue() returns()
func (networkStats *NetworkStats) TryPackTaskDequeue() ([]byte, error) {
	return networkStats.abi.Pack("taskDequeue")
}

// PackTaskEnqueue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e13650a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function taskEnqueue() returns()
func (networkStats *NetworkStats) PackTaskEnqueue() []byte {
	enc, err := networkStats.abi.Pack("taskEnqueue")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTaskEnqueue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e13650a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function taskEnqueue() returns()
func (networkStats *NetworkStats) TryPackTaskEnqueue() ([]byte, error) {
	return networkStats.abi.Pack("taskEnqueue")
}

// PackTaskFinished is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1f7748f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function taskFinished() returns()
func (networkStats *NetworkStats) PackTaskFinished() []byte {
	enc, err := networkStats.abi.Pack("taskFinished")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTaskFinished is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1f7748f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function taskFinished() returns()
func (networkStats *NetworkStats) TryPackTaskFinished() ([]byte, error) {
	return networkStats.abi.Pack("taskFinished")
}

// PackTaskStarted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e4a9b0c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function taskStarted() returns()
func (networkStats *NetworkStats) PackTaskStarted() []byte {
	enc, err := networkStats.abi.Pack("taskStarted")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTaskStarted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e4a9b0c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function taskStarted() returns()
func (networkStats *NetworkStats) TryPackTaskStarted() ([]byte, error) {
	return networkStats.abi.Pack("taskStarted")
}

// PackTotalNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9592d424.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalNodes() view returns(uint256)
func (networkStats *NetworkStats) PackTotalNodes() []byte {
	enc, err := networkStats.abi.Pack("totalNodes")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9592d424.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalNodes() view returns(uint256)
func (networkStats *NetworkStats) TryPackTotalNodes() ([]byte, error) {
	return networkStats.abi.Pack("totalNodes")
}

// UnpackTotalNodes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9592d424.
//
// Solidity: function totalNodes() view returns(uint256)
func (networkStats *NetworkStats) UnpackTotalNodes(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("totalNodes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTotalTasks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd22c81e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalTasks() view returns(uint256)
func (networkStats *NetworkStats) PackTotalTasks() []byte {
	enc, err := networkStats.abi.Pack("totalTasks")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalTasks is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd22c81e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalTasks() view returns(uint256)
func (networkStats *NetworkStats) TryPackTotalTasks() ([]byte, error) {
	return networkStats.abi.Pack("totalTasks")
}

// UnpackTotalTasks is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd22c81e5.
//
// Solidity: function totalTasks() view returns(uint256)
func (networkStats *NetworkStats) UnpackTotalTasks(data []byte) (*big.Int, error) {
	out, err := networkStats.abi.Unpack("totalTasks", data)
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
func (networkStats *NetworkStats) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := networkStats.abi.Pack("transferOwnership", newOwner)
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
func (networkStats *NetworkStats) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return networkStats.abi.Pack("transferOwnership", newOwner)
}

// PackUpdateNodeContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6c8b6f7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateNodeContractAddress(address nodeContract) returns()
func (networkStats *NetworkStats) PackUpdateNodeContractAddress(nodeContract common.Address) []byte {
	enc, err := networkStats.abi.Pack("updateNodeContractAddress", nodeContract)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateNodeContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6c8b6f7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateNodeContractAddress(address nodeContract) returns()
func (networkStats *NetworkStats) TryPackUpdateNodeContractAddress(nodeContract common.Address) ([]byte, error) {
	return networkStats.abi.Pack("updateNodeContractAddress", nodeContract)
}

// PackUpdateTaskContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42145230.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateTaskContractAddress(address taskContract) returns()
func (networkStats *NetworkStats) PackUpdateTaskContractAddress(taskContract common.Address) []byte {
	enc, err := networkStats.abi.Pack("updateTaskContractAddress", taskContract)
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
func (networkStats *NetworkStats) TryPackUpdateTaskContractAddress(taskContract common.Address) ([]byte, error) {
	return networkStats.abi.Pack("updateTaskContractAddress", taskContract)
}

// NetworkStatsOwnershipTransferred represents a OwnershipTransferred event raised by the NetworkStats contract.
type NetworkStatsOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const NetworkStatsOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (NetworkStatsOwnershipTransferred) ContractEventName() string {
	return NetworkStatsOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (networkStats *NetworkStats) UnpackOwnershipTransferredEvent(log *types.Log) (*NetworkStatsOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != networkStats.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(NetworkStatsOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := networkStats.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range networkStats.abi.Events[event].Inputs {
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
func (networkStats *NetworkStats) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], networkStats.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return networkStats.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], networkStats.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return networkStats.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// NetworkStatsOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the NetworkStats contract.
type NetworkStatsOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func NetworkStatsOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (networkStats *NetworkStats) UnpackOwnableInvalidOwnerError(raw []byte) (*NetworkStatsOwnableInvalidOwner, error) {
	out := new(NetworkStatsOwnableInvalidOwner)
	if err := networkStats.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// NetworkStatsOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the NetworkStats contract.
type NetworkStatsOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func NetworkStatsOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (networkStats *NetworkStats) UnpackOwnableUnauthorizedAccountError(raw []byte) (*NetworkStatsOwnableUnauthorizedAccount, error) {
	out := new(NetworkStatsOwnableUnauthorizedAccount)
	if err := networkStats.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
