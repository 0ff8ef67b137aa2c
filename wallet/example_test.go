package wallet_test

import (
	"fmt"

	"github.com/crynux-go/crynux/wallet"
)

func ExampleFromMnemonic() {
	// Hardhat's and Anvil's public development mnemonic; never fund it on a real network.
	s, err := wallet.FromMnemonic("test test test test test test test test test test test junk", "", wallet.DefaultPath(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Address())
	// Output: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8
}

func ExampleParseCNX() {
	fee, err := wallet.ParseCNX("15.0042")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fee, "wei")
	fmt.Println(wallet.FormatCNX(fee), "CNX")
	// Output:
	// 15004200000000000000 wei
	// 15.0042 CNX
}
