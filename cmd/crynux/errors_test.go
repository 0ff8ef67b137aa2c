package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offlineNetwork writes a network config whose RPC and Relay nobody serves.
func offlineNetwork(t *testing.T, home string) string {
	t.Helper()
	return writeFile(t, home, "network.json", fmt.Sprintf(`{
  "name": "offline",
  "rpc_url": "http://127.0.0.1:%d",
  "relay_url": "http://127.0.0.1:%d",
  "contracts": {"vss_task": "0x71Adb50F494f8e42Bc341C809C976C0cC598CD5C", "node": "0x92F833FaEbF2d3ea7AB1622a2f7A7cb21edC1229"},
  "gpu_name": "NVIDIA GeForce RTX 4090",
  "gpu_vram": 24
}`, closedPort(t), closedPort(t)))
}

func TestFinetuneInvalidRequestExits2(t *testing.T) {
	home := t.TempDir()
	env := []string{"CRYNUX_NETWORK=" + offlineNetwork(t, home), "CRYNUX_PRIVATE_KEY=" + testKeyHex}
	bad := writeFile(t, home, "bad.json", strings.Replace(validRequest, `"batch_size": 1`, `"batch_size": 0`, 1))

	// Invalid input is reported before anything touches the (here unreachable) network.
	r := runCLI(t, home, env, "finetune", "--config", bad)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "batch_size")
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(r.stderr), "\n")+1, "one error line: %q", r.stderr)

	r = runCLI(t, home, env, "finetune", "--config", bad, "--json")
	require.Equal(t, exitUsage, r.code)
	out := r.last(t)
	assert.Equal(t, float64(exitUsage), out["code"])
	assert.Equal(t, "batch_size", out["field"])
	assert.Contains(t, out["error"], "batch_size")

	// Unknown fields and broken JSON are invalid input too.
	r = runCLI(t, home, env, "finetune", "--config", writeFile(t, home, "typo.json", `{"model_name": "x", "batch_sise": 1}`))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "batch_sise")
	r = runCLI(t, home, env, "finetune", "--config", writeFile(t, home, "broken.json", `{`))
	assert.Equal(t, exitUsage, r.code)
	r = runCLI(t, home, env, "finetune", "--config", "missing.json")
	assert.Equal(t, exitUsage, r.code)
}

func TestUnreachableNetworkExits5(t *testing.T) {
	home := t.TempDir()
	netFile := offlineNetwork(t, home)
	env := []string{"CRYNUX_NETWORK=" + netFile, "CRYNUX_PRIVATE_KEY=" + testKeyHex}
	req := writeFile(t, home, "req.json", validRequest)

	r := runCLI(t, home, env, "finetune", "--config", req, "--json")
	assert.Equal(t, exitUnreachable, r.code, "stdout %s stderr %s", r.stdout, r.stderr)
	if out := r.jsonLines(t); assert.NotEmpty(t, out) {
		assert.Equal(t, float64(exitUnreachable), out[len(out)-1]["code"])
	}

	r = runCLI(t, home, env, "wallet", "balance")
	assert.Equal(t, exitUnreachable, r.code, r.stderr)
	assert.Contains(t, r.stderr, "unreachable")

	r = runCLI(t, home, env, "task", "status", "0x"+strings.Repeat("ab", 32))
	assert.Equal(t, exitUnreachable, r.code, r.stderr)

	// The same through single settings instead of a network file (a balance needs only the RPC).
	r = runCLI(t, home, []string{fmt.Sprintf("CRYNUX_RPC_URL=http://127.0.0.1:%d", closedPort(t)),
		"CRYNUX_PRIVATE_KEY=" + testKeyHex}, "wallet", "balance", "--json")
	assert.Equal(t, exitUnreachable, r.code, r.stderr)
	r = runCLI(t, home, []string{fmt.Sprintf("CRYNUX_RPC_URL=http://127.0.0.1:%d", closedPort(t)),
		"CRYNUX_RELAY_URL=http://127.0.0.1:1", "CRYNUX_VSS_TASK=0x71Adb50F494f8e42Bc341C809C976C0cC598CD5C",
		"CRYNUX_NODE_CONTRACT=0x92F833FaEbF2d3ea7AB1622a2f7A7cb21edC1229", "CRYNUX_PRIVATE_KEY=" + testKeyHex},
		"task", "status", "0x"+strings.Repeat("cd", 32))
	assert.Equal(t, exitUnreachable, r.code, r.stderr)
	// An RPC URL alone is not enough to read a task.
	r = runCLI(t, home, []string{fmt.Sprintf("CRYNUX_RPC_URL=http://127.0.0.1:%d", closedPort(t))},
		"task", "status", "0x"+strings.Repeat("cd", 32))
	assert.Equal(t, exitUsage, r.code, r.stderr)
	assert.Contains(t, r.stderr, "vss_task")
}

func TestUsageErrorsExit2(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"no-such-command"},
		{"task", "status"},                           // missing argument
		{"task", "status", "0x1234"},                 // malformed commitment
		{"devnet", "up", "--nodes", "two"},           // bad flag value
		{"devnet", "up", "--node-behaviour", "evil"}, // unknown behaviour
		{"wallet", "balance"},                        // no wallet, no network
		{"jobs", "resume", "a", "b"},
	} {
		r := runCLI(t, home, nil, args...)
		assert.Equal(t, exitUsage, r.code, "crynux %v: stderr %s", args, r.stderr)
		assert.NotEmpty(t, r.stderr, "crynux %v explains the error", args)
	}

	// No network configured.
	r := runCLI(t, home, []string{"CRYNUX_PRIVATE_KEY=" + testKeyHex}, "wallet", "balance", "--json")
	require.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.last(t)["error"], "CRYNUX_NETWORK")
}
