// Command wallet shows the SDK's key sources: a new keystore file, unlocking
// it, and deriving accounts from a BIP-39 mnemonic (BIP-44 path
// m/44'/60'/0'/0/i). Run it in a scratch directory:
//
//	go run ./examples/wallet
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/crynux-go/crynux/wallet"
)

func main() {
	dir, err := os.MkdirTemp("", "crynux-wallet-example-*")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// A keystore file (Web3 Secret Storage, readable by geth). Real programs
	// read the passphrase from a prompt or a file, never from a flag.
	path, created, err := wallet.NewKeystoreFile(dir, "correct horse battery staple", wallet.LightScrypt())
	if err != nil {
		log.Fatal(err)
	}
	unlocked, err := wallet.FromKeystore(path, "correct horse battery staple")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("keystore account:", created.Address().Hex(), "unlocked:", unlocked.Address() == created.Address())
	if _, err := wallet.FromKeystore(path, "wrong"); err != nil {
		fmt.Println("wrong passphrase:", err)
	}

	// A mnemonic: the public Hardhat/Anvil test phrase, never for real funds.
	const words = "test test test test test test test test test test test junk"
	for i := 0; i < 3; i++ {
		s, err := wallet.FromMnemonic(words, "", wallet.DefaultPath(i))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s  %s\n", wallet.DefaultPath(i), s.Address().Hex())
	}

	// CNX amounts are wei at the API boundary.
	fee, _ := wallet.ParseCNX("15.0042")
	fmt.Println("15.0042 CNX =", fee, "wei =", wallet.FormatCNX(fee), "CNX")
}
