package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
)

// binPath is the CLI built once by TestMain; every test runs it as a subprocess.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "crynux-cli-test-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "crynux")
	build := []string{"build", "-o", binPath}
	if raceEnabled {
		build = append(build, "-race")
	}
	if out, err := exec.Command("go", append(build, ".")...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build crynux: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	if err := shared.stop(); err != nil {
		fmt.Fprintf(os.Stderr, "stop shared devnet: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// cliResult is what one CLI run produced.
type cliResult struct {
	stdout, stderr string
	code           int
}

// lines returns the stdout lines decoded as JSON objects.
func (r cliResult) jsonLines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), "stdout line is not a JSON object: %q (stderr %s)", l, r.stderr)
		out = append(out, m)
	}
	return out
}

// last returns the last JSON object of stdout.
func (r cliResult) last(t *testing.T) map[string]any {
	t.Helper()
	ls := r.jsonLines(t)
	require.NotEmpty(t, ls, "no JSON output (stderr %s)", r.stderr)
	return ls[len(ls)-1]
}

// cliEnv is a clean environment: no CRYNUX_ variable of the caller, and a
// HOME of its own so that no real config file or keystore is read.
func cliEnv(home string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "CRYNUX_") || k == "HOME" || k == "XDG_CONFIG_HOME" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"CRYNUX_JOURNAL_DIR="+filepath.Join(home, "journal"))
	return append(env, extra...)
}

// runCLI runs the CLI with HOME=home and extra environment variables.
func runCLI(t *testing.T, home string, env []string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, args...)
	cmd.Env = cliEnv(home, env...)
	cmd.Dir = home
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := cliResult{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	default:
		t.Fatalf("run crynux %v: %v", args, err)
	}
	return res
}

// devnetProc is a `crynux devnet up` running in the background.
type devnetProc struct {
	cmd        *exec.Cmd
	stdout     *syncBuffer
	stderr     *syncBuffer
	configPath string
	config     devnet.Config
	exited     chan struct{}
	waitErr    error
}

// startDevnet runs `crynux devnet up --write-config` and waits for the config.
func startDevnet(dir string, args ...string) (*devnetProc, error) {
	p := &devnetProc{configPath: filepath.Join(dir, "devnet.json"), stdout: new(syncBuffer), stderr: new(syncBuffer),
		exited: make(chan struct{})}
	p.cmd = exec.Command(binPath, append([]string{"devnet", "up", "--write-config", p.configPath}, args...)...)
	p.cmd.Env = cliEnv(dir)
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stderr
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { p.waitErr = p.cmd.Wait(); close(p.exited) }()
	deadline := time.After(90 * time.Second)
	for {
		if b, err := os.ReadFile(p.configPath); err == nil {
			if err := json.Unmarshal(b, &p.config); err != nil {
				return p, fmt.Errorf("parse devnet config: %w", err)
			}
			return p, nil
		}
		select {
		case <-p.exited:
			return nil, fmt.Errorf("devnet up exited early (%v): %s", p.waitErr, p.stderr.String())
		case <-deadline:
			_ = p.cmd.Process.Kill()
			return nil, fmt.Errorf("devnet up wrote no config in time: %s", p.stderr.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// interrupt sends SIGINT and returns the exit code.
func (p *devnetProc) interrupt() (int, error) {
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		return -1, err
	}
	select {
	case <-p.exited:
	case <-time.After(60 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
		return -1, fmt.Errorf("devnet up did not stop within 60s of SIGINT: %s", p.stderr.String())
	}
	return p.cmd.ProcessState.ExitCode(), nil
}

// shared is the one devnet the network tests use.
var shared sharedDevnet

type sharedDevnet struct {
	once sync.Once
	dir  string
	p    *devnetProc
	err  error
}

func (s *sharedDevnet) get(t *testing.T) *devnetProc {
	t.Helper()
	s.once.Do(func() {
		if s.dir, s.err = os.MkdirTemp("", "crynux-cli-devnet-*"); s.err != nil {
			return
		}
		s.p, s.err = startDevnet(s.dir)
	})
	require.NoError(t, s.err)
	return s.p
}

func (s *sharedDevnet) stop() error {
	if s.p == nil {
		return nil
	}
	defer os.RemoveAll(s.dir)
	code, err := s.p.interrupt()
	if err != nil {
		return err
	}
	if code != 0 {
		return fmt.Errorf("devnet up exited %d after SIGINT: %s", code, s.p.stderr.String())
	}
	return nil
}

// devnetEnv is the environment that points the CLI at the shared devnet
// with funded account i.
func devnetEnv(p *devnetProc, i int) []string {
	return []string{"CRYNUX_NETWORK=" + p.configPath, "CRYNUX_PRIVATE_KEY=" + p.config.Accounts[i].PrivateKey}
}

// closedPort returns a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	return port
}

// writeFile writes content to name in dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

// zipNames lists the entries of a zip file.
func zipNames(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

// validRequest is a small fine-tune request that ends in one task on the devnet.
const validRequest = `{
  "model_name": "crynux-network/stable-diffusion-v1-5",
  "dataset_name": "lambdalabs/naruto-blip-captions",
  "validation_num_images": 2,
  "batch_size": 1,
  "num_train_steps": 100,
  "max_train_steps": 100,
  "timeout": 600
}`

// syncBuffer is a bytes.Buffer a running subprocess writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
