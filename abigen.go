// Package crynux is the root of the Crynux Go SDK module. It holds no code of
// its own, only the generation steps for the contract bindings:
//
//	go generate ./...
//
// compiles contracts/src with the solc pinned in contracts/package.json
// (scripts/compile-contracts.sh installs it on first use) and regenerates
// bindings/ with the pinned abigen. Running it on a clean checkout must leave
// no diff; scripts/test.sh checks that.
package crynux

//go:generate bash scripts/compile-contracts.sh
//go:generate go tool abigen --v2 --pkg bindings --type VSSTask --abi contracts/build/VSSTask.abi.json --bin contracts/build/VSSTask.bin --out bindings/vsstask.go
//go:generate go tool abigen --v2 --pkg bindings --type Node --abi contracts/build/Node.abi.json --bin contracts/build/Node.bin --out bindings/node.go
//go:generate go tool abigen --v2 --pkg bindings --type QOS --abi contracts/build/QOS.abi.json --bin contracts/build/QOS.bin --out bindings/qos.go
//go:generate go tool abigen --v2 --pkg bindings --type TaskQueue --abi contracts/build/TaskQueue.abi.json --bin contracts/build/TaskQueue.bin --out bindings/taskqueue.go
//go:generate go tool abigen --v2 --pkg bindings --type NetworkStats --abi contracts/build/NetworkStats.abi.json --bin contracts/build/NetworkStats.bin --out bindings/networkstats.go
//go:generate go tool abigen --v2 --pkg bindings --type VRFVerifier --abi contracts/build/VRFVerifier.abi.json --bin contracts/build/VRFVerifier.bin --out bindings/vrfverifier.go
