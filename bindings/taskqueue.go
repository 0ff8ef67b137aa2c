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
	Bin: "0x60808060405234605e575f8054336001600160a01b0319821681178355916001600160a01b03909116907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a36032600255610fe390816100638239f35b5f80fdfe60806040526004361015610011575f80fd5b5f3560e01c80632ec85375146107cc57806342145230146107795780635035b6221461074657806356b58d3414610670578063715018a61461061057806387abc5a4146105e45780638da5cb5b146105bd578063949d225d146105a0578063c826ae151461018d578063f00c674114610170578063f2fde38b146100de5763fcdc8b8e1461009d575f80fd5b346100da5760203660031901126100da575f546001600160a01b031633036100c757600435600255005b63118cdaa760e01b5f523360045260245ffd5b5f80fd5b346100da5760203660031901126100da576004356001600160a01b038116908190036100da575f546001600160a01b031633036100c757801561015d575f80546001600160a01b03198116831782556001600160a01b0316907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3005b631e4fbdf760e01b5f525f60045260245ffd5b346100da575f3660031901126100da576020600254604051908152f35b346100da576101403660031901126100da576004356044356064356001600160401b0381116100da576101c4903690600401610aed565b91909260a4356001600160401b0381116100da576101e6903690600401610ac0565b909136610144116100da5761020660018060a01b03600154163314610b1d565b60045460025481101561056657815f52600560205260405f205461052b57600160401b81101561042b5761025a610244826001859401600455610c2d565b819391549060031b91821b915f19901b19161790565b90555f52600560205260405f209260045484556003545f198114610517576001018060035560018501558015610503576024350460028401556084356003840155806104cd575b505060405160208101906102c8816102ba868886610b8a565b03601f198101835282610b69565b519020600582015560e45f5b600381106104b657505060090191600160401b821161042b57825482845580831061043f575b505f928352602083209290805b83831061031057005b61031a8183610c6f565b906001600160401b03821161042b576103338754610ca1565b601f81116103f0575b505f90601f83116001146103865792826001949360209386955f9261037b575b50505f19600383901b1c191690841b1788555b01950192019193610307565b013590508a8061035c565b601f19831691885f5260205f20925f5b8181106103d857509360209360019693879693838895106103bf575b505050811b01885561036f565b01355f19600384901b60f8161c191690558a80806103b2565b91936020600181928787013581550195019201610396565b61041b90885f5260205f20601f850160051c81019160208610610421575b601f0160051c0190610c59565b8761033c565b909150819061040e565b634e487b7160e01b5f52604160045260245ffd5b835f528260205f2091820191015b81811061045a57506102fa565b8061046760019254610ca1565b80610474575b500161044d565b601f8111831461048957505f81555b8661046d565b6104a590825f5283601f60205f20920160051c82019101610c59565b805f525f6020812081835555610483565b6001906020833593019260068286010155016102d4565b6104f4602080604051848195838301978837810160c4358382015203018084520182610b69565b519020600482015583806102a1565b634e487b7160e01b5f52601260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b60405162461bcd60e51b815260206004820152601360248201527215185cdac8185b1c9958591e481c5d595d5959606a1b6044820152606490fd5b60405162461bcd60e51b815260206004820152601260248201527115185cdac81c5d595d59481a5cc8199d5b1b60721b6044820152606490fd5b346100da575f3660031901126100da576020600454604051908152f35b346100da575f3660031901126100da575f546040516001600160a01b039091168152602090f35b346100da5760203660031901126100da576004355f526005602052602060405f20541515604051908152f35b346100da575f3660031901126100da575f546001600160a01b031633036100c7575f80546001600160a01b0319811682556001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b346100da575f3660031901126100da575f5f600454905b81811061069957602083604051908152f35b6106a281610c2d565b90549060031b1c8315801561071f575b80156106d0575b6106c7575b50600101610687565b925060016106be565b50805f526005602052600260405f200154845f526005602052600260405f2001541480156106b95750805f526005602052600160405f200154845f526005602052600160405f200154106106b9565b50805f526005602052600260405f200154845f526005602052600260405f200154116106b2565b346100da5760203660031901126100da5761076c60018060a01b03600154163314610b1d565b610777600435610ee2565b005b346100da5760203660031901126100da576004356001600160a01b038116908190036100da575f546001600160a01b031633036100c7576bffffffffffffffffffffffff60a01b60015416176001555f80f35b346100da5760e03660031901126100da576004356001600160401b0381116100da576107fc903690600401610ac0565b602435903660a41192836100da5760a4356001600160401b0381116100da57610829903690600401610aed565b91909260c4356001600160401b0381116100da57906102ba6108aa8895969488610895602061085d81983690600401610aed565b98909761087560018060a01b03600154163314610b1d565b604051948186928484019889378201908382015203018084520182610b69565b51902093604051928391602083019586610b8a565b519020905f945f965f91600454955b8684106108df57602089806108d1575b604051908152f35b6108da81610ee2565b6108c9565b90919293949596976108f085610c2d565b90549060031b1c90815f52600560205260405f209a8760048d01548015155f14610ab25714155b610aa457604051606081018181106001600160401b0382111761042b57604052808c6100da5760449d9c9d905b60a48210610a94575050604051905f60068e01835b60038310610a7e575050509061097991610974606083610b69565b610d5a565b156109d8578115159a8b80610a62575b610a545760058101548a03610a305760ff60025b169b80610a14575b6109c2575b50505060019098945b019291909896959493986108b9565b818c109081156109e5575b506109d857806109aa565b95909950600191506109b3565b8c83149150816109f7575b508d6109cd565b600191500154825f526005602052600160405f200154108d6109f0565b506002810154835f526005602052600260405f200154146109a5565b610a3e600982018787610d96565b15610a4c5760ff600161099d565b60ff5f61099d565b5095909950600191506109b3565b506002810154835f526005602052600260405f20015411610989565b8154815260019283019290910190602001610959565b8135815260209182019101610944565b9590999a50600191506109b3565b505060038c01548610610917565b9181601f840112156100da578235916001600160401b0383116100da57602083818601950101116100da57565b9181601f840112156100da578235916001600160401b0383116100da576020808501948460051b0101116100da57565b15610b2457565b60405162461bcd60e51b815260206004820152601f60248201527f4e6f742063616c6c656420627920746865207461736b20636f6e7472616374006044820152606490fd5b90601f801991011681019081106001600160401b0382111761042b57604052565b9180602084016020855252604083019060408160051b85010193835f91601e1982360301905b848410610bc1575050505050505090565b90919293949596603f198282030187528735838112156100da57840190602082359201916001600160401b0381116100da5780360383136100da576020828280600196849695859652848401375f828201840152601f01601f1916010199019701959401929190610bb0565b600454811015610c455760045f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b818110610c64575050565b5f8155600101610c59565b903590601e19813603018212156100da57018035906001600160401b0382116100da576020019181360383136100da57565b90600182811c92168015610ccf575b6020831014610cbb57565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610cb0565b8054905f815581610ce8575050565b5f5260205f20908101905b818110610cfe575050565b80610d0b60019254610ca1565b80610d18575b5001610cf3565b601f81118314610d2d57505f81555b5f610d11565b610d4990825f5283601f60205f20920160051c82019101610c59565b805f525f6020812081835555610d27565b8051825103610d9057602081018051906020840191825103610d86575050604080910151910151111590565b5190511092915050565b50505f90565b9190915f5b8254811015610eda578254811015610c4557825f528060205f20016040515f9181815493610dc885610ca1565b9283835260208301956001811690815f14610ebb5750600114610e79575b50610df392500382610b69565b519020925f5b85811015610e6e57610e108160051b850185610c6f565b6001600160401b03811161042b57604051610e35601f8301601f191660200182610b69565b818152602081019136818501116100da576020815f928b9686378301015251902014610e6357600101610df9565b505050505050600190565b509250600101610d9b565b9150505f528160205f20915f925b818410610e9f5750506020610df3928201015f610de6565b6020919250806001915483868801015201920191908391610e87565b60ff1916875250610df393151560051b830160200191505f9050610de6565b505050505f90565b805f52600560205260405f20548015610fd2576004545f19810190811161051757610f0c90610c2d565b90549060031b1c5f19820182811161051757610f2b6102448392610c2d565b90555f52600560205260405f20556004548015610fbe575f1901610f4e81610c2d565b8154905f199060031b1b19169055600455805f526005602052610f76600960405f2001610cd9565b5f526005602052610fbc6006610fb760405f205f81555f60018201555f60028201555f60038201555f60048201555f60058201556009810192839101610c59565b610cd9565b565b634e487b7160e01b5f52603160045260245ffd5b505056fea164736f6c634300081e000a",
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
