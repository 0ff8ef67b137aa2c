package main

import (
	"bufio"
	"encoding/json"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/sdk"
)

func TestDevnetUpExits0OnSIGINT(t *testing.T) {
	dir := t.TempDir()
	p, err := startDevnet(dir, "--nodes", "0", "--json")
	require.NoError(t, err)
	// The config file and the JSON "up" line describe the same network.
	var up struct {
		Event  string `json:"event"`
		Config struct {
			ChainID  int64  `json:"chain_id"`
			RPCURL   string `json:"rpc_url"`
			RelayURL string `json:"relay_url"`
		} `json:"config"`
	}
	line, _, _ := strings.Cut(p.stdout.String(), "\n")
	if line == "" {
		// The line may trail the config file by a moment; the network is up either way.
		t.Log("no stdout yet when the config appeared")
	} else {
		require.NoError(t, json.Unmarshal([]byte(line), &up), line)
		assert.Equal(t, "up", up.Event)
		assert.Equal(t, p.config.RPCURL, up.Config.RPCURL)
		assert.Equal(t, p.config.RelayURL, up.Config.RelayURL)
	}
	assert.NotZero(t, p.config.ChainID)
	assert.NotEmpty(t, p.config.Accounts)
	assert.NotEqual(t, "0x0000000000000000000000000000000000000000", p.config.Contracts.VSSTask.Hex())
	fi, err := os.Stat(p.configPath)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the config holds test keys")
	// sdk.LoadNetwork reads what devnet up wrote.
	n, err := sdk.LoadNetwork(p.configPath)
	require.NoError(t, err)
	assert.Equal(t, p.config.RPCURL, n.RPCURL)

	// Without nodes a task stays queued: its creator can cancel it at once.
	home := t.TempDir()
	env := devnetEnv(p, 0)
	req := writeFile(t, home, "request.json", validRequest)
	r := runCLI(t, home, env, "finetune", "--config", req, "--json")
	require.Equal(t, 0, r.code, "stdout %s\nstderr %s", r.stdout, r.stderr)
	c, _ := r.last(t)["commitment"].(string)
	require.NotEmpty(t, c)
	r = runCLI(t, home, env, "task", "status", c, "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "Queued", r.last(t)["status"])
	r = runCLI(t, home, env, "task", "cancel", c, "--json")
	require.Equal(t, 0, r.code, "stdout %s\nstderr %s", r.stdout, r.stderr)
	out := r.last(t)
	assert.Equal(t, "EndAborted", out["status"])
	assert.Equal(t, "15000000000000000000", out["refund_wei"])
	assert.NotEmpty(t, out["tx"])

	code, err := p.interrupt()
	require.NoError(t, err)
	assert.Equal(t, 0, code, "stderr: %s", p.stderr.String())
	assert.Contains(t, p.stderr.String(), "devnet stopped")
}

// TestFinetuneWaitOnDevnet runs a whole job, then inspects it with jobs list,
// task status, task watch and task download.
func TestFinetuneWaitOnDevnet(t *testing.T) {
	p := shared.get(t)
	home := t.TempDir()
	env := devnetEnv(p, 0)
	req := writeFile(t, home, "request.json", validRequest)
	out := filepath.Join(home, "finetuned_model.zip")

	r := runCLI(t, home, env, "finetune", "--config", req, "--wait", "--out", out, "--json")
	require.Equal(t, 0, r.code, "stdout %s\nstderr %s", r.stdout, r.stderr)
	lines := r.jsonLines(t)
	require.GreaterOrEqual(t, len(lines), 3)
	kinds := map[string]bool{}
	for _, l := range lines[:len(lines)-1] {
		ev, ok := l["event"].(string)
		require.True(t, ok, "every line before the result is an event: %v", l)
		kinds[ev] = true
		assert.NotEmpty(t, l["job_id"])
	}
	for _, k := range []string{"created", "started", "validated", "succeeded", "downloaded", "done"} {
		assert.True(t, kinds[k], "event %q seen (got %v)", k, kinds)
	}
	res := lines[len(lines)-1]
	assert.Equal(t, "succeeded", res["state"])
	assert.Equal(t, out, res["out"])
	jobID, _ := res["job_id"].(string)
	require.NotEmpty(t, jobID)
	names := zipNames(t, out)
	assert.Contains(t, names, "pytorch_lora_weights.safetensors")
	assert.Contains(t, names, "FINISH")

	// jobs list --json: shape.
	r = runCLI(t, home, env, "jobs", "list", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	list := r.last(t)
	jobs, ok := list["jobs"].([]any)
	require.True(t, ok, "jobs is an array: %v", list)
	require.Len(t, jobs, 1)
	job := jobs[0].(map[string]any)
	assert.Equal(t, jobID, job["id"])
	assert.Equal(t, "succeeded", job["state"])
	assert.Equal(t, p.config.Accounts[0].Address.Hex(), job["creator"])
	for _, k := range []string{"created_at", "deadline", "rounds", "commitments", "tasks", "lora_zip", "gas_wei"} {
		assert.Contains(t, job, k)
	}
	commitments := job["commitments"].([]any)
	require.NotEmpty(t, commitments)
	task0 := job["tasks"].([]any)[0].(map[string]any)
	for _, k := range []string{"round", "commitment", "created", "status", "node", "fee_wei"} {
		assert.Contains(t, task0, k)
	}
	c := commitments[0].(string)

	// task status of that commitment.
	r = runCLI(t, home, env, "task", "status", c, "--json")
	require.Equal(t, 0, r.code, r.stderr)
	st := r.last(t)
	assert.Contains(t, []any{"EndSuccess", "EndGroupSuccess"}, st["status"])
	assert.Equal(t, true, st["final"])
	assert.Equal(t, p.config.Accounts[0].Address.Hex(), st["creator"])
	assert.Equal(t, "15000000000000000000", st["fee_wei"])
	assert.NotEmpty(t, st["node"])
	assert.NotEmpty(t, st["started_at"])
	r = runCLI(t, home, env, "task", "status", c)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "status")
	assert.Contains(t, r.stdout, "15 CNX")

	// task watch of a finished task reports its state and returns.
	r = runCLI(t, home, env, "task", "watch", c, "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, true, r.last(t)["final"])

	// task download with a keystore holding the creator's key.
	pass := writeFile(t, home, "pass.txt", "pw")
	key := writeFile(t, home, "key.hex", p.config.Accounts[0].PrivateKey)
	ks := filepath.Join(home, "ks")
	r = runCLI(t, home, nil, "wallet", "import", "--key-file", key, "--keystore-dir", ks, "--passphrase-file", pass, "--light-kdf")
	require.Equal(t, 0, r.code, r.stderr)
	dl := filepath.Join(home, "dl.zip")
	r = runCLI(t, home, []string{"CRYNUX_NETWORK=" + p.configPath, "CRYNUX_KEYSTORE=" + ks, "CRYNUX_PASSPHRASE_FILE=" + pass},
		"task", "download", st["commitment"].(string), "--out", dl, "--json")
	if st["status"] == "EndSuccess" || st["status"] == "EndGroupSuccess" {
		require.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, zipNames(t, dl), "pytorch_lora_weights.safetensors")
		assert.Equal(t, dl, r.last(t)["path"])
	}

	// task cancel of a finished task says so.
	r = runCLI(t, home, env, "task", "cancel", c)
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "already ended")

	// The balance went down by about one fee.
	r = runCLI(t, home, env, "wallet", "balance", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	bal, ok := new(big.Int).SetString(r.last(t)["balance_wei"].(string), 10)
	require.True(t, ok)
	assert.Positive(t, bal.Sign())
}

// TestFinetuneWithoutWaitThenResume creates a job, returns, and finishes it
// with jobs resume.
func TestFinetuneWithoutWaitThenResume(t *testing.T) {
	p := shared.get(t)
	home := t.TempDir()
	env := devnetEnv(p, 1)
	req := writeFile(t, home, "request.json", validRequest)

	r := runCLI(t, home, env, "finetune", "--config", req, "--json")
	require.Equal(t, 0, r.code, "stdout %s\nstderr %s", r.stdout, r.stderr)
	created := r.last(t)
	jobID, _ := created["job_id"].(string)
	require.NotEmpty(t, jobID)
	assert.Equal(t, "running", created["state"])
	assert.Contains(t, created["resume"], "crynux jobs resume "+jobID)
	assert.Contains(t, r.stderr, "jobs resume")

	r = runCLI(t, home, env, "jobs", "list", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	jobs := r.last(t)["jobs"].([]any)
	require.Len(t, jobs, 1)
	assert.Equal(t, "running", jobs[0].(map[string]any)["state"])

	// Watch the task live while the job is resumed: it prints the task's
	// events and exits by itself once the task is final.
	watch := exec.Command(binPath, "task", "watch", created["commitment"].(string), "--json")
	watch.Env = cliEnv(home, env...)
	watchOut, err := watch.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, watch.Start())
	sc := bufio.NewScanner(watchOut)
	require.True(t, sc.Scan(), "task watch prints the current state first")
	var first map[string]any
	require.NoError(t, json.Unmarshal(sc.Bytes(), &first))
	assert.Equal(t, "current", first["event"])
	assert.Equal(t, false, first["final"])

	out := filepath.Join(home, "lora.zip")
	r = runCLI(t, home, env, "jobs", "resume", jobID, "--out", out)
	require.Equal(t, 0, r.code, "stdout %s\nstderr %s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, "succeeded")
	assert.Contains(t, zipNames(t, out), "FINISH")

	var names []string
	final := false
	for sc.Scan() {
		var ev map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ev))
		names = append(names, ev["event"].(string))
		final = ev["final"] == true
	}
	require.NoError(t, watch.Wait(), "task watch exits 0 once the task is final")
	assert.True(t, final, "the last watched event is final: %v", names)
	assert.Contains(t, names, "TaskScoreReady")

	// Nothing left to resume; an unknown id is invalid input.
	r = runCLI(t, home, env, "jobs", "resume")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "no open jobs")
	r = runCLI(t, home, env, "jobs", "resume", "no-such-job")
	assert.Equal(t, exitUsage, r.code, r.stderr)
}

func TestFinetuneInsufficientFundsExits3(t *testing.T) {
	p := shared.get(t)
	home := t.TempDir()
	req := writeFile(t, home, "request.json", validRequest)
	// The well-known test key holds nothing on the devnet.
	r := runCLI(t, home, []string{"CRYNUX_NETWORK=" + p.configPath, "CRYNUX_PRIVATE_KEY=" + testKeyHex},
		"finetune", "--config", req, "--json")
	require.Equal(t, exitInsufficient, r.code, "stdout %s stderr %s", r.stdout, r.stderr)
	out := r.last(t)
	assert.Contains(t, out["error"], "insufficient balance")
	assert.Equal(t, testKeyAddr, out["address"])
	// Nothing was journaled: bad funding costs nothing.
	r = runCLI(t, home, []string{"CRYNUX_PRIVATE_KEY=" + testKeyHex}, "jobs", "list", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.last(t)["jobs"])
}

// startOwnDevnet starts a devnet for one test, stopped at its end.
func startOwnDevnet(t *testing.T, args ...string) *devnetProc {
	t.Helper()
	p, err := startDevnet(t.TempDir(), args...)
	require.NoError(t, err)
	t.Cleanup(func() {
		code, err := p.interrupt()
		assert.NoError(t, err)
		assert.Equal(t, 0, code, "devnet up exit code")
	})
	return p
}

func TestFinetuneAbortedExits4WithRefunds(t *testing.T) {
	p := startOwnDevnet(t, "--node-behaviour", "report-error,report-error,report-error")
	home := t.TempDir()
	req := writeFile(t, home, "request.json", validRequest)
	r := runCLI(t, home, devnetEnv(p, 0), "finetune", "--config", req, "--wait", "--json")
	require.Equal(t, exitAborted, r.code, "stdout %s\nstderr %s", r.stdout, r.stderr)
	out := r.last(t)
	assert.Equal(t, float64(exitAborted), out["code"])
	assert.NotEmpty(t, out["job_id"])
	assert.Equal(t, "EndAborted", out["task_status"])
	refunded, ok := new(big.Int).SetString(out["refunded_wei"].(string), 10)
	require.True(t, ok)
	assert.Positive(t, refunded.Sign(), "the refund is reported")

	// Plain output: one line naming the refund.
	r = runCLI(t, home, devnetEnv(p, 1), "finetune", "--config", req, "--wait")
	require.Equal(t, exitAborted, r.code)
	last := strings.TrimSpace(r.stderr)
	last = last[strings.LastIndex(last, "\n")+1:]
	assert.Contains(t, last, "refunded")
}

func TestFinetuneInterruptLeavesJobInJournal(t *testing.T) {
	p := startOwnDevnet(t, "--node-behaviour", "stall,stall,stall")
	home := t.TempDir()
	req := writeFile(t, home, "request.json", validRequest)
	cmd := exec.Command(binPath, "finetune", "--config", req, "--wait", "--json")
	cmd.Env = cliEnv(home, devnetEnv(p, 0)...)
	stderr := new(syncBuffer)
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	sc := bufio.NewScanner(stdout)
	var jobID string
	for sc.Scan() {
		var ev map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ev))
		if ev["event"] == "args_uploaded" {
			jobID = ev["job_id"].(string)
			break
		}
	}
	require.NotEmpty(t, jobID, "stderr %s", stderr.String())
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	rest, _ := io.ReadAll(stdout)
	err = cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, exitFailure, ee.ExitCode())
	assert.Contains(t, string(rest), "jobs resume "+jobID)

	r := runCLI(t, home, devnetEnv(p, 0), "jobs", "list", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	jobs := r.last(t)["jobs"].([]any)
	require.Len(t, jobs, 1)
	assert.Equal(t, jobID, jobs[0].(map[string]any)["id"])
	assert.Equal(t, "running", jobs[0].(map[string]any)["state"])
}
