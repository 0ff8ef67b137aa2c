//go:build race

package main

// raceEnabled makes TestMain build the CLI with -race too.
const raceEnabled = true
