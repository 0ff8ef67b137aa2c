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
	Bin: "0x608080604052346059575f8054336001600160a01b0319821681178355916001600160a01b03909116907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3610c02908161005e8239f35b5f80fdfe60806040526004361015610011575f80fd5b5f3560e01c806303659a6614610a1657806307f19651146109f95780631e4a9b0c146109c9578063204401e7146109ac578063399fda5c1461098f5780633d8c94ce146109725780634214523014610926578063601d2a51146108f6578063715018a6146108965780637a2af56e146108665780637e13650a146108365780638da5cb5b1461080f5780639592d424146107f25780639b1ee54d146107bd578063a2de21971461053f578063a52be2bd14610320578063a5cc3442146102eb578063b1f7748f146102b6578063c6c8b6f71461026a578063c7efb34f1461024d578063d0e08cca14610218578063d22c81e5146101fb578063d513093c146101c65763f2fde38b14610121575f80fd5b346101c25760203660031901126101c25761013a610a46565b5f546001600160a01b031633036101af576001600160a01b0316801561019c575f80546001600160a01b03198116831782556001600160a01b0316907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3005b631e4fbdf760e01b5f525f60045260245ffd5b63118cdaa760e01b5f523360045260245ffd5b5f80fd5b346101c2575f3660031901126101c2576101eb60018060a01b03600254163314610ab6565b6101f6600954610bdd565b600955005b346101c2575f3660031901126101c2576020600754604051908152f35b346101c2575f3660031901126101c25761023d60018060a01b03600254163314610ab6565b610248600754610aa8565b600755005b346101c2575f3660031901126101c2576020600954604051908152f35b346101c25760203660031901126101c257610283610a46565b5f546001600160a01b031633036101af57600180546001600160a01b0319166001600160a01b0392909216919091179055005b346101c2575f3660031901126101c2576102db60018060a01b03600254163314610ab6565b6102e6600854610bdd565b600855005b346101c2575f3660031901126101c25761031060018060a01b03600154163314610a5c565b61031b600654610bdd565b600655005b346101c25760603660031901126101c257610339610a46565b6024359067ffffffffffffffff82116101c257366023830112156101c25781600401359067ffffffffffffffff82116101c25736602483850101116101c25761038d60018060a01b03600154163314610a5c565b6001600160a01b039081165f818152600b60205260409020805490939216156104c9575b5060018201906103c18254610ba5565b601f8111610484575b505f601f821160011461041c57819293945f9261040e575b50508160011b915f199060031b1c19161790555b6002604435910155610409600454610aa8565b600455005b6024925001013584806103e2565b601f19821694835f5260205f20915f5b87811061046957508360019596971061044d575b505050811b0190556103f6565b01602401355f19600384901b60f8161c19169055848080610440565b9092602060018192602487870101358155019401910161042c565b825f5260205f20601f830160051c810191602084106104bf575b601f0160051c01905b8181106104b457506103ca565b5f81556001016104a7565b909150819061049e565b82546001600160a01b03191681178355600a546801000000000000000081101561052b578060016104fd9201600a55610b65565b819291549060031b91821b9160018060a01b03901b1916179055610522600354610aa8565b600355836103b1565b634e487b7160e01b5f52604160045260245ffd5b346101c25760403660031901126101c257600a5460043590602435818310610783575050805b61056f8183610b02565b9161057983610b4d565b926105876040519485610b2b565b808452610596601f1991610b4d565b015f5b818110610759575050815b81811061064b57836040518091602082016020835281518091526040830190602060408260051b8601019301915f905b8282106105e357505050500390f35b9193600191939550602060808192603f198a82030186528260408a51878060a01b038151168452828101516060848601528051938491826060880152018686015e5f85848601015201516040830152601f8019910116010196019201920185949391926105d4565b61065481610b65565b60018060a01b0391549060031b1c165f52600b60205260405f206106788483610b02565b906040519061068682610b0f565b80546001600160a01b031682526040516001820180545f916106a782610ba5565b808552916001811690811561073457506001146106fd575b50506001959492826106d96106f696946002940382610b2b565b6020840152015460408201526106ef8289610b91565b5286610b91565b50016105a4565b5f908152602081209092505b81831061071e575050810160200182826106bf565b6001816020925483868801015201920191610709565b60ff191660208087019190915292151560051b850190920192508491508390506106bf565b60209060405161076881610b0f565b5f81526060838201525f604082015282828801015201610599565b61078d8383610b02565b81111561079c57505b90610565565b9050810180821115610796575b634e487b7160e01b5f52601160045260245ffd5b346101c2575f3660031901126101c2576107e260018060a01b03600154163314610a5c565b6107ed600554610bdd565b600555005b346101c2575f3660031901126101c2576020600354604051908152f35b346101c2575f3660031901126101c2575f546040516001600160a01b039091168152602090f35b346101c2575f3660031901126101c25761085b60018060a01b03600254163314610ab6565b6101f6600954610aa8565b346101c2575f3660031901126101c25761088b60018060a01b03600154163314610a5c565b610409600454610bdd565b346101c2575f3660031901126101c2575f546001600160a01b031633036101af575f80546001600160a01b0319811682556001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b346101c2575f3660031901126101c25761091b60018060a01b03600154163314610a5c565b6107ed600554610aa8565b346101c25760203660031901126101c25761093f610a46565b5f546001600160a01b031633036101af57600280546001600160a01b0319166001600160a01b0392909216919091179055005b346101c2575f3660031901126101c2576020600654604051908152f35b346101c2575f3660031901126101c2576020600854604051908152f35b346101c2575f3660031901126101c2576020600554604051908152f35b346101c2575f3660031901126101c2576109ee60018060a01b03600254163314610ab6565b6102e6600854610aa8565b346101c2575f3660031901126101c2576020600454604051908152f35b346101c2575f3660031901126101c257610a3b60018060a01b03600154163314610a5c565b61031b600654610aa8565b600435906001600160a01b03821682036101c257565b15610a6357565b60405162461bcd60e51b815260206004820152601f60248201527f4e6f742063616c6c656420627920746865206e6f646520636f6e7472616374006044820152606490fd5b5f1981146107a95760010190565b15610abd57565b60405162461bcd60e51b815260206004820152601f60248201527f4e6f742063616c6c656420627920746865207461736b20636f6e7472616374006044820152606490fd5b919082039182116107a957565b6060810190811067ffffffffffffffff82111761052b57604052565b90601f8019910116810190811067ffffffffffffffff82111761052b57604052565b67ffffffffffffffff811161052b5760051b60200190565b600a54811015610b7d57600a5f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b8051821015610b7d5760209160051b010190565b90600182811c92168015610bd3575b6020831014610bbf57565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610bb4565b80610be757505f90565b5f1981019081116107a9579056fea164736f6c634300081e000a",
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
