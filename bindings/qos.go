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

// QOSMetaData contains all meta data concerning the QOS contract.
var QOSMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"addTaskScore\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"finishTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getCurrentTaskScore\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getRecentTaskCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getRecentTaskScore\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getTaskCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"getTaskScore\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getTaskScoreLimit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"kickout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"punish\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"shouldKickOut\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"}],\"name\":\"startTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"threshold\",\"type\":\"uint256\"}],\"name\":\"updateKickoutThreshold\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"nodeContract\",\"type\":\"address\"}],\"name\":\"updateNodeContractAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"taskContract\",\"type\":\"address\"}],\"name\":\"updateTaskContractAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "QOS",
	Bin: "0x608080604052346063575f8054336001600160a01b0319821681178355916001600160a01b03909116907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3600a600355600a6004556107ca90816100688239f35b5f80fdfe60806040526004361015610011575f80fd5b5f3560e01c80631b0883a31461066d5780633fc0f48b146105b9578063421452301461056d57806346af6c7b146105505780635f51c76514610184578063715018a6146104f0578063739ecbc4146104a257806381d6d1a314610421578063886673a3146103fe5780638da5cb5b146103d7578063a5a4e94a146103ad578063a903e68914610339578063b055757d14610301578063c05a04691461022e578063c64ecb8f146101f3578063c6c8b6f7146101a7578063ea7221a1146101845763f2fde38b146100df575f80fd5b34610180576020366003190112610180576100f8610690565b5f546001600160a01b0316330361016d576001600160a01b0316801561015a575f80546001600160a01b03198116831782556001600160a01b0316907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3005b631e4fbdf760e01b5f525f60045260245ffd5b63118cdaa760e01b5f523360045260245ffd5b5f80fd5b34610180576020366003190112610180576101a56101a0610690565b61073b565b005b34610180576020366003190112610180576101c0610690565b5f546001600160a01b0316330361016d57600180546001600160a01b0319166001600160a01b0392909216919091179055005b34610180576020366003190112610180576001600160a01b03610214610690565b165f5260056020526020600160405f200154604051908152f35b3461018057602036600319011261018057610247610690565b6001546001600160a01b0316331480156102ed575b610265906106d2565b6001600160a01b03165f90815260056020526040808220918255516060810167ffffffffffffffff8111828210176102d9576040525f81525f60208201525f60408201525f5b600381106102c2575f600184018190556002840155005b6001906020835193019260038286010155016102ab565b634e487b7160e01b5f52604160045260245ffd5b506002546001600160a01b0316331461025c565b34610180576020366003190112610180576001600160a01b03610322610690565b165f526005602052602060405f2054604051908152f35b3461018057602036600319011261018057610352610690565b61036461035e826106a6565b91610786565b8160030391600383116103995760045480840293840414906003141715610399576020916103919161072e565b604051908152f35b634e487b7160e01b5f52601160045260245ffd5b34610180576020366003190112610180575f546001600160a01b0316330361016d57600435600355005b34610180575f366003190112610180575f546040516001600160a01b039091168152602090f35b3461018057602036600319011261018057602061039161041c610690565b610786565b346101805760403660031901126101805761043a610690565b6001546001600160a01b03163314801561048e575b610458906106d2565b60018060a01b03165f52600560205260405f20610478602435825461072e565b600454908181111561048957509055005b909155005b506002546001600160a01b0316331461044f565b346101805760203660031901126101805760206104bd610690565b60036104c8826106a6565b1490816104db575b506040519015158152f35b6104e59150610786565b6003541015826104d0565b34610180575f366003190112610180575f546001600160a01b0316330361016d575f80546001600160a01b0319811682556001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b34610180575f366003190112610180576020600454604051908152f35b3461018057602036600319011261018057610586610690565b5f546001600160a01b0316330361016d57600280546001600160a01b0319166001600160a01b0392909216919091179055005b34610180576020366003190112610180576105d2610690565b6001546001600160a01b031633148015610659575b6105f0906106d2565b60018060a01b03165f52600560205260405f20805490600181019160038354066003811015610645576003829184010155825460018101809111610399575f93556106406002830191825461072e565b905555005b634e487b7160e01b5f52603260045260245ffd5b506002546001600160a01b031633146105e7565b3461018057602036600319011261018057602061039161068b610690565b6106a6565b600435906001600160a01b038216820361018057565b6001600160a01b03165f9081526005602052604090206001015460038110156106cc5790565b50600390565b156106d957565b60405162461bcd60e51b815260206004820152602760248201527f4e6f742063616c6c656420627920746865206e6f6465206f72207461736b20636044820152661bdb9d1c9858dd60ca1b6064820152608490fd5b9190820180921161039957565b6001546001600160a01b031633148015610772575b610759906106d2565b6001600160a01b03165f90815260056020526040812055565b506002546001600160a01b03163314610750565b60018060a01b03165f5260056020526107ba60405f2060056107b1600383015460048401549061072e565b9101549061072e565b9056fea164736f6c634300081e000a",
}

// QOS is an auto generated Go binding around an Ethereum contract.
type QOS struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *QOS) GetABI() abi.ABI {
	return c.abi
}

// NewQOS creates a new instance of QOS.
func NewQOS() *QOS {
	parsed, err := QOSMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &QOS{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *QOS) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAddTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81d6d1a3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addTaskScore(address nodeAddress, uint256 i) returns()
func (qOS *QOS) PackAddTaskScore(nodeAddress common.Address, i *big.Int) []byte {
	enc, err := qOS.abi.Pack("addTaskScore", nodeAddress, i)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81d6d1a3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addTaskScore(address nodeAddress, uint256 i) returns()
func (qOS *QOS) TryPackAddTaskScore(nodeAddress common.Address, i *big.Int) ([]byte, error) {
	return qOS.abi.Pack("addTaskScore", nodeAddress, i)
}

// PackFinishTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fc0f48b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finishTask(address nodeAddress) returns()
func (qOS *QOS) PackFinishTask(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("finishTask", nodeAddress)
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
func (qOS *QOS) TryPackFinishTask(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("finishTask", nodeAddress)
}

// PackGetCurrentTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb055757d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getCurrentTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) PackGetCurrentTaskScore(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("getCurrentTaskScore", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetCurrentTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb055757d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getCurrentTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) TryPackGetCurrentTaskScore(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("getCurrentTaskScore", nodeAddress)
}

// UnpackGetCurrentTaskScore is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb055757d.
//
// Solidity: function getCurrentTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) UnpackGetCurrentTaskScore(data []byte) (*big.Int, error) {
	out, err := qOS.abi.Unpack("getCurrentTaskScore", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetRecentTaskCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b0883a3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRecentTaskCount(address nodeAddress) view returns(uint256)
func (qOS *QOS) PackGetRecentTaskCount(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("getRecentTaskCount", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRecentTaskCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b0883a3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRecentTaskCount(address nodeAddress) view returns(uint256)
func (qOS *QOS) TryPackGetRecentTaskCount(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("getRecentTaskCount", nodeAddress)
}

// UnpackGetRecentTaskCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1b0883a3.
//
// Solidity: function getRecentTaskCount(address nodeAddress) view returns(uint256)
func (qOS *QOS) UnpackGetRecentTaskCount(data []byte) (*big.Int, error) {
	out, err := qOS.abi.Unpack("getRecentTaskCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetRecentTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x886673a3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRecentTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) PackGetRecentTaskScore(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("getRecentTaskScore", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRecentTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x886673a3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRecentTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) TryPackGetRecentTaskScore(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("getRecentTaskScore", nodeAddress)
}

// UnpackGetRecentTaskScore is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x886673a3.
//
// Solidity: function getRecentTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) UnpackGetRecentTaskScore(data []byte) (*big.Int, error) {
	out, err := qOS.abi.Unpack("getRecentTaskScore", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetTaskCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc64ecb8f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTaskCount(address nodeAddress) view returns(uint256)
func (qOS *QOS) PackGetTaskCount(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("getTaskCount", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTaskCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc64ecb8f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTaskCount(address nodeAddress) view returns(uint256)
func (qOS *QOS) TryPackGetTaskCount(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("getTaskCount", nodeAddress)
}

// UnpackGetTaskCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc64ecb8f.
//
// Solidity: function getTaskCount(address nodeAddress) view returns(uint256)
func (qOS *QOS) UnpackGetTaskCount(data []byte) (*big.Int, error) {
	out, err := qOS.abi.Unpack("getTaskCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa903e689.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) PackGetTaskScore(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("getTaskScore", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTaskScore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa903e689.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) TryPackGetTaskScore(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("getTaskScore", nodeAddress)
}

// UnpackGetTaskScore is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa903e689.
//
// Solidity: function getTaskScore(address nodeAddress) view returns(uint256)
func (qOS *QOS) UnpackGetTaskScore(data []byte) (*big.Int, error) {
	out, err := qOS.abi.Unpack("getTaskScore", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetTaskScoreLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46af6c7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTaskScoreLimit() view returns(uint256)
func (qOS *QOS) PackGetTaskScoreLimit() []byte {
	enc, err := qOS.abi.Pack("getTaskScoreLimit")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTaskScoreLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46af6c7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTaskScoreLimit() view returns(uint256)
func (qOS *QOS) TryPackGetTaskScoreLimit() ([]byte, error) {
	return qOS.abi.Pack("getTaskScoreLimit")
}

// UnpackGetTaskScoreLimit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x46af6c7b.
//
// Solidity: function getTaskScoreLimit() view returns(uint256)
func (qOS *QOS) UnpackGetTaskScoreLimit(data []byte) (*big.Int, error) {
	out, err := qOS.abi.Unpack("getTaskScoreLimit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackKickout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc05a0469.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function kickout(address nodeAddress) returns()
func (qOS *QOS) PackKickout(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("kickout", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKickout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc05a0469.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function kickout(address nodeAddress) returns()
func (qOS *QOS) TryPackKickout(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("kickout", nodeAddress)
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (qOS *QOS) PackOwner() []byte {
	enc, err := qOS.abi.Pack("owner")
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
func (qOS *QOS) TryPackOwner() ([]byte, error) {
	return qOS.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (qOS *QOS) UnpackOwner(data []byte) (common.Address, error) {
	out, err := qOS.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPunish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea7221a1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function punish(address nodeAddress) returns()
func (qOS *QOS) PackPunish(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("punish", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPunish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea7221a1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function punish(address nodeAddress) returns()
func (qOS *QOS) TryPackPunish(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("punish", nodeAddress)
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (qOS *QOS) PackRenounceOwnership() []byte {
	enc, err := qOS.abi.Pack("renounceOwnership")
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
func (qOS *QOS) TryPackRenounceOwnership() ([]byte, error) {
	return qOS.abi.Pack("renounceOwnership")
}

// PackShouldKickOut is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x739ecbc4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function shouldKickOut(address nodeAddress) view returns(bool)
func (qOS *QOS) PackShouldKickOut(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("shouldKickOut", nodeAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackShouldKickOut is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x739ecbc4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function shouldKickOut(address nodeAddress) view returns(bool)
func (qOS *QOS) TryPackShouldKickOut(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("shouldKickOut", nodeAddress)
}

// UnpackShouldKickOut is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x739ecbc4.
//
// Solidity: function shouldKickOut(address nodeAddress) view returns(bool)
func (qOS *QOS) UnpackShouldKickOut(data []byte) (bool, error) {
	out, err := qOS.abi.Unpack("shouldKickOut", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackStartTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f51c765.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function startTask(address nodeAddress) returns()
func (qOS *QOS) PackStartTask(nodeAddress common.Address) []byte {
	enc, err := qOS.abi.Pack("startTask", nodeAddress)
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
func (qOS *QOS) TryPackStartTask(nodeAddress common.Address) ([]byte, error) {
	return qOS.abi.Pack("startTask", nodeAddress)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (qOS *QOS) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := qOS.abi.Pack("transferOwnership", newOwner)
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
func (qOS *QOS) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return qOS.abi.Pack("transferOwnership", newOwner)
}

// PackUpdateKickoutThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5a4e94a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateKickoutThreshold(uint256 threshold) returns()
func (qOS *QOS) PackUpdateKickoutThreshold(threshold *big.Int) []byte {
	enc, err := qOS.abi.Pack("updateKickoutThreshold", threshold)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateKickoutThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5a4e94a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateKickoutThreshold(uint256 threshold) returns()
func (qOS *QOS) TryPackUpdateKickoutThreshold(threshold *big.Int) ([]byte, error) {
	return qOS.abi.Pack("updateKickoutThreshold", threshold)
}

// PackUpdateNodeContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6c8b6f7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateNodeContractAddress(address nodeContract) returns()
func (qOS *QOS) PackUpdateNodeContractAddress(nodeContract common.Address) []byte {
	enc, err := qOS.abi.Pack("updateNodeContractAddress", nodeContract)
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
func (qOS *QOS) TryPackUpdateNodeContractAddress(nodeContract common.Address) ([]byte, error) {
	return qOS.abi.Pack("updateNodeContractAddress", nodeContract)
}

// PackUpdateTaskContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42145230.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateTaskContractAddress(address taskContract) returns()
func (qOS *QOS) PackUpdateTaskContractAddress(taskContract common.Address) []byte {
	enc, err := qOS.abi.Pack("updateTaskContractAddress", taskContract)
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
func (qOS *QOS) TryPackUpdateTaskContractAddress(taskContract common.Address) ([]byte, error) {
	return qOS.abi.Pack("updateTaskContractAddress", taskContract)
}

// QOSOwnershipTransferred represents a OwnershipTransferred event raised by the QOS contract.
type QOSOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const QOSOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (QOSOwnershipTransferred) ContractEventName() string {
	return QOSOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (qOS *QOS) UnpackOwnershipTransferredEvent(log *types.Log) (*QOSOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qOS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QOSOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := qOS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range qOS.abi.Events[event].Inputs {
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
func (qOS *QOS) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], qOS.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return qOS.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], qOS.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return qOS.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// QOSOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the QOS contract.
type QOSOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func QOSOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (qOS *QOS) UnpackOwnableInvalidOwnerError(raw []byte) (*QOSOwnableInvalidOwner, error) {
	out := new(QOSOwnableInvalidOwner)
	if err := qOS.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QOSOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the QOS contract.
type QOSOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func QOSOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (qOS *QOS) UnpackOwnableUnauthorizedAccountError(raw []byte) (*QOSOwnableUnauthorizedAccount, error) {
	out := new(QOSOwnableUnauthorizedAccount)
	if err := qOS.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
