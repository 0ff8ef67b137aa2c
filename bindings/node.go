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

// NodeGPUInfo is an auto generated low-level Go binding around an user-defined struct.
type NodeGPUInfo struct {
	Name string
	Vram *big.Int
}

// NodeNodeInfo is an auto generated low-level Go binding around an user-defined struct.
type NodeNodeInfo struct {
	Status        uint8
	GpuID         [32]byte
	Gpu           NodeGPUInfo
	Score         *big.Int
	Version       [3]*big.Int
	PublicKey     []byte
	LastModelIDs  []string
	LocalModelIDs []string
}

// NodeMetaData contains all meta data concerning the Node contract.
var NodeMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractQOS\",\"name\":\"qosInstance\",\"type\":\"address\"},{\"internalType\":\"contractNetworkStats\",\"name\":\"netStatsInstance\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"NodeKickedOut\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"NodeSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"finishTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAvailableGPUs\",\"outputs\":[{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"vram\",\"type\":\"uint256\"}],\"internalType\":\"structNode.GPUInfo[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAvailableNodes\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getNodeInfo\",\"outputs\":[{\"components\":[{\"internalType\":\"enumNode.NodeStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"gpuID\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"vram\",\"type\":\"uint256\"}],\"internalType\":\"structNode.GPUInfo\",\"name\":\"gpu\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"score\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"version\",\"type\":\"uint256[3]\"},{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"internalType\":\"string[]\",\"name\":\"lastModelIDs\",\"type\":\"string[]\"},{\"internalType\":\"string[]\",\"name\":\"localModelIDs\",\"type\":\"string[]\"}],\"internalType\":\"structNode.NodeInfo\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getNodeStatus\",\"outputs\":[{\"internalType\":\"enumNode.NodeStatus\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getStakedAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"gpuName\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"gpuVram\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"version\",\"type\":\"uint256[3]\"},{\"internalType\":\"bytes\",\"name\":\"publicKey\",\"type\":\"bytes\"},{\"internalType\":\"string[]\",\"name\":\"modelIDs\",\"type\":\"string[]\"}],\"name\":\"join\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"modelID\",\"type\":\"string\"}],\"name\":\"modelAvailableNodesCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"modelID\",\"type\":\"string\"}],\"name\":\"nodeContainsModelID\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"seed\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"minimumVRAM\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"requiredGPU\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"requiredGPUVRAM\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"taskVersion\",\"type\":\"uint256[3]\"},{\"internalType\":\"string[]\",\"name\":\"modelIDs\",\"type\":\"string[]\"}],\"name\":\"randomSelectAvailableNode\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"seed\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"minimumVRAM\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"requiredGPU\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"requiredGPUVRAM\",\"type\":\"uint256\"},{\"internalType\":\"uint256[3]\",\"name\":\"taskVersion\",\"type\":\"uint256[3]\"},{\"internalType\":\"string\",\"name\":\"modelID\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"randomSelectNodesWithoutModelID\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"modelID\",\"type\":\"string\"}],\"name\":\"reportModelDownloaded\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"resume\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"startTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"taskContract\",\"type\":\"address\"}],\"name\":\"updateTaskContractAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[3]\",\"name\":\"version\",\"type\":\"uint256[3]\"}],\"name\":\"updateVersion\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Node",
}

// Node is an auto generated Go binding around an Ethereum contract.
type Node struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Node) GetABI() abi.ABI {
	return c.abi
}

// NewNode creates a new instance of Node.
func NewNode() *Node {
	parsed, err := NodeMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Node{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Node) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address qosInstance, address netStatsInstance) returns()
func (node *Node) PackConstructor(qosInstance common.Address, netStatsInstance common.Address) []byte {
	enc, err := node.abi.Pack("", qosInstance, netStatsInstance)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackFinishTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fc0f48b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finishTask(address nodeAddress) returns()
func (node *Node) PackFinishTask(nodeAddress common.Address) []byte {
	enc, err := node.abi.Pack("finishTask", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFinishTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fc0f48b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function finishTask(address nodeAddress) returns()
func (node *Node) TryPackFinishTask(nodeAddress common.Address) ([]byte, error) {
	return node.abi.Pack("finishTask", nodeAddress)
}

// PackGetAvailableGPUs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x169eacef.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAvailableGPUs() view returns((string,uint256)[])
func (node *Node) PackGetAvailableGPUs() []byte {
	enc, err := node.abi.Pack("getAvailableGPUs")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAvailableGPUs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x169eacef.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAvailableGPUs() view returns((string,uint256)[])
func (node *Node) TryPackGetAvailableGPUs() ([]byte, error) {
	return node.abi.Pack("getAvailableGPUs")
}

// UnpackGetAvailableGPUs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x169eacef.
//
// Solidity: function getAvailableGPUs() view returns((string,uint256)[])
func (node *Node) UnpackGetAvailableGPUs(data []byte) ([]NodeGPUInfo, error) {
	out, err := node.abi.Unpack("getAvailableGPUs", data)
	if err != nil {
		return *new([]NodeGPUInfo), err
	}
	out0 := *abi.ConvertType(out[0], new([]NodeGPUInfo)).(*[]NodeGPUInfo)
	return out0, nil
}

// PackGetAvailableNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x436a014a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAvailableNodes() view returns(address[])
func (node *Node) PackGetAvailableNodes() []byte {
	enc, err := node.abi.Pack("getAvailableNodes")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAvailableNodes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x436a014a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAvailableNodes() view returns(address[])
func (node *Node) TryPackGetAvailableNodes() ([]byte, error) {
	return node.abi.Pack("getAvailableNodes")
}

// UnpackGetAvailableNodes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x436a014a.
//
// Solidity: function getAvailableNodes() view returns(address[])
func (node *Node) UnpackGetAvailableNodes(data []byte) ([]common.Address, error) {
	out, err := node.abi.Unpack("getAvailableNodes", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackGetNodeInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x582115fb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNodeInfo(address nodeAddress) view returns((uint8,bytes32,(string,uint256),uint256,uint256[3],bytes,string[],string[]))
func (node *Node) PackGetNodeInfo(nodeAddress common.Address) []byte {
	enc, err := node.abi.Pack("getNodeInfo", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNodeInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x582115fb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNodeInfo(address nodeAddress) view returns((uint8,bytes32,(string,uint256),uint256,uint256[3],bytes,string[],string[]))
func (node *Node) TryPackGetNodeInfo(nodeAddress common.Address) ([]byte, error) {
	return node.abi.Pack("getNodeInfo", nodeAddress)
}

// UnpackGetNodeInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x582115fb.
//
// Solidity: function getNodeInfo(address nodeAddress) view returns((uint8,bytes32,(string,uint256),uint256,uint256[3],bytes,string[],string[]))
func (node *Node) UnpackGetNodeInfo(data []byte) (NodeNodeInfo, error) {
	out, err := node.abi.Unpack("getNodeInfo", data)
	if err != nil {
		return *new(NodeNodeInfo), err
	}
	out0 := *abi.ConvertType(out[0], new(NodeNodeInfo)).(*NodeNodeInfo)
	return out0, nil
}

// PackGetNodeStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb65f8177.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNodeStatus(address nodeAddress) view returns(uint8)
func (node *Node) PackGetNodeStatus(nodeAddress common.Address) []byte {
	enc, err := node.abi.Pack("getNodeStatus", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNodeStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb65f8177.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNodeStatus(address nodeAddress) view returns(uint8)
func (node *Node) TryPackGetNodeStatus(nodeAddress common.Address) ([]byte, error) {
	return node.abi.Pack("getNodeStatus", nodeAddress)
}

// UnpackGetNodeStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb65f8177.
//
// Solidity: function getNodeStatus(address nodeAddress) view returns(uint8)
func (node *Node) UnpackGetNodeStatus(data []byte) (uint8, error) {
	out, err := node.abi.Unpack("getNodeStatus", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackGetStakedAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4da6a556.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getStakedAmount(address nodeAddress) view returns(uint256)
func (node *Node) PackGetStakedAmount(nodeAddress common.Address) []byte {
	enc, err := node.abi.Pack("getStakedAmount", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetStakedAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4da6a556.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getStakedAmount(address nodeAddress) view returns(uint256)
func (node *Node) TryPackGetStakedAmount(nodeAddress common.Address) ([]byte, error) {
	return node.abi.Pack("getStakedAmount", nodeAddress)
}

// UnpackGetStakedAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4da6a556.
//
// Solidity: function getStakedAmount(address nodeAddress) view returns(uint256)
func (node *Node) UnpackGetStakedAmount(data []byte) (*big.Int, error) {
	out, err := node.abi.Unpack("getStakedAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackJoin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66d02792.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function join(string gpuName, uint256 gpuVram, uint256[3] version, bytes publicKey, string[] modelIDs) payable returns()
func (node *Node) PackJoin(gpuName string, gpuVram *big.Int, version [3]*big.Int, publicKey []byte, modelIDs []string) []byte {
	enc, err := node.abi.Pack("join", gpuName, gpuVram, version, publicKey, modelIDs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJoin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66d02792.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function join(string gpuName, uint256 gpuVram, uint256[3] version, bytes publicKey, string[] modelIDs) payable returns()
func (node *Node) TryPackJoin(gpuName string, gpuVram *big.Int, version [3]*big.Int, publicKey []byte, modelIDs []string) ([]byte, error) {
	return node.abi.Pack("join", gpuName, gpuVram, version, publicKey, modelIDs)
}

// PackModelAvailableNodesCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x189328f7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelAvailableNodesCount(string modelID) view returns(uint256)
func (node *Node) PackModelAvailableNodesCount(modelID string) []byte {
	enc, err := node.abi.Pack("modelAvailableNodesCount", modelID)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelAvailableNodesCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x189328f7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelAvailableNodesCount(string modelID) view returns(uint256)
func (node *Node) TryPackModelAvailableNodesCount(modelID string) ([]byte, error) {
	return node.abi.Pack("modelAvailableNodesCount", modelID)
}

// UnpackModelAvailableNodesCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x189328f7.
//
// Solidity: function modelAvailableNodesCount(string modelID) view returns(uint256)
func (node *Node) UnpackModelAvailableNodesCount(data []byte) (*big.Int, error) {
	out, err := node.abi.Unpack("modelAvailableNodesCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNodeContainsModelID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81def3a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nodeContainsModelID(address nodeAddress, string modelID) view returns(bool)
func (node *Node) PackNodeContainsModelID(nodeAddress common.Address, modelID string) []byte {
	enc, err := node.abi.Pack("nodeContainsModelID", nodeAddress, modelID)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNodeContainsModelID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81def3a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nodeContainsModelID(address nodeAddress, string modelID) view returns(bool)
func (node *Node) TryPackNodeContainsModelID(nodeAddress common.Address, modelID string) ([]byte, error) {
	return node.abi.Pack("nodeContainsModelID", nodeAddress, modelID)
}

// UnpackNodeContainsModelID is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x81def3a7.
//
// Solidity: function nodeContainsModelID(address nodeAddress, string modelID) view returns(bool)
func (node *Node) UnpackNodeContainsModelID(data []byte) (bool, error) {
	out, err := node.abi.Unpack("nodeContainsModelID", data)
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
func (node *Node) PackOwner() []byte {
	enc, err := node.abi.Pack("owner")
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
func (node *Node) TryPackOwner() ([]byte, error) {
	return node.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (node *Node) UnpackOwner(data []byte) (common.Address, error) {
	out, err := node.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (node *Node) PackPause() []byte {
	enc, err := node.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (node *Node) TryPackPause() ([]byte, error) {
	return node.abi.Pack("pause")
}

// PackQuit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc2b8cc3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quit() returns()
func (node *Node) PackQuit() []byte {
	enc, err := node.abi.Pack("quit")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc2b8cc3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quit() returns()
func (node *Node) TryPackQuit() ([]byte, error) {
	return node.abi.Pack("quit")
}

// PackRandomSelectAvailableNode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf937a7ec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function randomSelectAvailableNode(bytes32 seed, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, string[] modelIDs) returns(address)
func (node *Node) PackRandomSelectAvailableNode(seed [32]byte, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int, modelIDs []string) []byte {
	enc, err := node.abi.Pack("randomSelectAvailableNode", seed, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, modelIDs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRandomSelectAvailableNode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf937a7ec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function randomSelectAvailableNode(bytes32 seed, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, string[] modelIDs) returns(address)
func (node *Node) TryPackRandomSelectAvailableNode(seed [32]byte, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int, modelIDs []string) ([]byte, error) {
	return node.abi.Pack("randomSelectAvailableNode", seed, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, modelIDs)
}

// UnpackRandomSelectAvailableNode is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf937a7ec.
//
// Solidity: function randomSelectAvailableNode(bytes32 seed, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, string[] modelIDs) returns(address)
func (node *Node) UnpackRandomSelectAvailableNode(data []byte) (common.Address, error) {
	out, err := node.abi.Unpack("randomSelectAvailableNode", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRandomSelectNodesWithoutModelID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x038079b7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function randomSelectNodesWithoutModelID(bytes32 seed, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, string modelID, uint256 count) returns(address[])
func (node *Node) PackRandomSelectNodesWithoutModelID(seed [32]byte, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int, modelID string, count *big.Int) []byte {
	enc, err := node.abi.Pack("randomSelectNodesWithoutModelID", seed, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, modelID, count)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRandomSelectNodesWithoutModelID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x038079b7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function randomSelectNodesWithoutModelID(bytes32 seed, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, string modelID, uint256 count) returns(address[])
func (node *Node) TryPackRandomSelectNodesWithoutModelID(seed [32]byte, minimumVRAM *big.Int, requiredGPU string, requiredGPUVRAM *big.Int, taskVersion [3]*big.Int, modelID string, count *big.Int) ([]byte, error) {
	return node.abi.Pack("randomSelectNodesWithoutModelID", seed, minimumVRAM, requiredGPU, requiredGPUVRAM, taskVersion, modelID, count)
}

// UnpackRandomSelectNodesWithoutModelID is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x038079b7.
//
// Solidity: function randomSelectNodesWithoutModelID(bytes32 seed, uint256 minimumVRAM, string requiredGPU, uint256 requiredGPUVRAM, uint256[3] taskVersion, string modelID, uint256 count) returns(address[])
func (node *Node) UnpackRandomSelectNodesWithoutModelID(data []byte) ([]common.Address, error) {
	out, err := node.abi.Unpack("randomSelectNodesWithoutModelID", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (node *Node) PackRenounceOwnership() []byte {
	enc, err := node.abi.Pack("renounceOwnership")
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
func (node *Node) TryPackRenounceOwnership() ([]byte, error) {
	return node.abi.Pack("renounceOwnership")
}

// PackReportModelDownloaded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57157d2c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reportModelDownloaded(string modelID) returns()
func (node *Node) PackReportModelDownloaded(modelID string) []byte {
	enc, err := node.abi.Pack("reportModelDownloaded", modelID)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReportModelDownloaded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57157d2c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reportModelDownloaded(string modelID) returns()
func (node *Node) TryPackReportModelDownloaded(modelID string) ([]byte, error) {
	return node.abi.Pack("reportModelDownloaded", modelID)
}

// PackResume is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x046f7da2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resume() returns()
func (node *Node) PackResume() []byte {
	enc, err := node.abi.Pack("resume")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResume is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x046f7da2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resume() returns()
func (node *Node) TryPackResume() ([]byte, error) {
	return node.abi.Pack("resume")
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc96be4cb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash(address nodeAddress) returns()
func (node *Node) PackSlash(nodeAddress common.Address) []byte {
	enc, err := node.abi.Pack("slash", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc96be4cb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slash(address nodeAddress) returns()
func (node *Node) TryPackSlash(nodeAddress common.Address) ([]byte, error) {
	return node.abi.Pack("slash", nodeAddress)
}

// PackStartTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f51c765.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function startTask(address nodeAddress) returns()
func (node *Node) PackStartTask(nodeAddress common.Address) []byte {
	enc, err := node.abi.Pack("startTask", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStartTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f51c765.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function startTask(address nodeAddress) returns()
func (node *Node) TryPackStartTask(nodeAddress common.Address) ([]byte, error) {
	return node.abi.Pack("startTask", nodeAddress)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (node *Node) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := node.abi.Pack("transferOwnership", newOwner)
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
func (node *Node) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return node.abi.Pack("transferOwnership", newOwner)
}

// PackUpdateTaskContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42145230.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateTaskContractAddress(address taskContract) returns()
func (node *Node) PackUpdateTaskContractAddress(taskContract common.Address) []byte {
	enc, err := node.abi.Pack("updateTaskContractAddress", taskContract)
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
func (node *Node) TryPackUpdateTaskContractAddress(taskContract common.Address) ([]byte, error) {
	return node.abi.Pack("updateTaskContractAddress", taskContract)
}

// PackUpdateVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4559ab12.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateVersion(uint256[3] version) returns()
func (node *Node) PackUpdateVersion(version [3]*big.Int) []byte {
	enc, err := node.abi.Pack("updateVersion", version)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4559ab12.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateVersion(uint256[3] version) returns()
func (node *Node) TryPackUpdateVersion(version [3]*big.Int) ([]byte, error) {
	return node.abi.Pack("updateVersion", version)
}

// NodeNodeKickedOut represents a NodeKickedOut event raised by the Node contract.
type NodeNodeKickedOut struct {
	NodeAddress common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const NodeNodeKickedOutEventName = "NodeKickedOut"

// ContractEventName returns the user-defined event name.
func (NodeNodeKickedOut) ContractEventName() string {
	return NodeNodeKickedOutEventName
}

// UnpackNodeKickedOutEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NodeKickedOut(address nodeAddress)
func (node *Node) UnpackNodeKickedOutEvent(log *types.Log) (*NodeNodeKickedOut, error) {
	event := "NodeKickedOut"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != node.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(NodeNodeKickedOut)
	if len(log.Data) > 0 {
		if err := node.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range node.abi.Events[event].Inputs {
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

// NodeNodeSlashed represents a NodeSlashed event raised by the Node contract.
type NodeNodeSlashed struct {
	NodeAddress common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const NodeNodeSlashedEventName = "NodeSlashed"

// ContractEventName returns the user-defined event name.
func (NodeNodeSlashed) ContractEventName() string {
	return NodeNodeSlashedEventName
}

// UnpackNodeSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NodeSlashed(address nodeAddress)
func (node *Node) UnpackNodeSlashedEvent(log *types.Log) (*NodeNodeSlashed, error) {
	event := "NodeSlashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != node.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(NodeNodeSlashed)
	if len(log.Data) > 0 {
		if err := node.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range node.abi.Events[event].Inputs {
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

// NodeOwnershipTransferred represents a OwnershipTransferred event raised by the Node contract.
type NodeOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const NodeOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (NodeOwnershipTransferred) ContractEventName() string {
	return NodeOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (node *Node) UnpackOwnershipTransferredEvent(log *types.Log) (*NodeOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != node.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(NodeOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := node.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range node.abi.Events[event].Inputs {
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
func (node *Node) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], node.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return node.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], node.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return node.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// NodeOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the Node contract.
type NodeOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func NodeOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (node *Node) UnpackOwnableInvalidOwnerError(raw []byte) (*NodeOwnableInvalidOwner, error) {
	out := new(NodeOwnableInvalidOwner)
	if err := node.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// NodeOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the Node contract.
type NodeOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func NodeOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (node *Node) UnpackOwnableUnauthorizedAccountError(raw []byte) (*NodeOwnableUnauthorizedAccount, error) {
	out := new(NodeOwnableUnauthorizedAccount)
	if err := node.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
