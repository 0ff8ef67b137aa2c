// Package readme_test runs every command line that README.md shows in a
// ```sh block, exactly as written, in a fresh copy of the repository, and
// checks what each block must produce.
package readme_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// selfLine is the README's test command: this test runs inside it, so the
// block runs it as a no-op instead of recursing.
const selfLine = "scripts/test.sh"

type block struct {
	line  int
	lines []string
}

func repoRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	require.NoError(t, err, "the README test runs inside the git checkout")
	return strings.TrimSpace(string(out))
}

func shellBlocks(t *testing.T, readme string) []block {
	t.Helper()
	f, err := os.Open(readme)
	require.NoError(t, err)
	defer f.Close()
	var (
		blocks []block
		cur    *block
		n      int
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		l := sc.Text()
		switch {
		case cur == nil && strings.TrimSpace(l) == "```sh":
			cur = &block{line: n}
		case cur != nil && strings.TrimSpace(l) == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, l)
		}
	}
	require.NoError(t, sc.Err())
	require.Nil(t, cur, "unterminated ```sh block")
	return blocks
}

// copyTree copies the files git tracks into dir: a fresh checkout's content.
func copyTree(t *testing.T, root, dir string) {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	require.NoError(t, err)
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, name)
		info, err := os.Lstat(src)
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		require.NoError(t, err)
		if !info.Mode().IsRegular() {
			continue
		}
		b, err := os.ReadFile(src)
		require.NoError(t, err)
		dst := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		require.NoError(t, os.WriteFile(dst, b, info.Mode().Perm()))
	}
}

// checkLoRAZip asserts that path is a zip holding the LoRA weights and FINISH.
func checkLoRAZip(t *testing.T, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err, "%s is a valid zip", path)
	defer zr.Close()
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	require.True(t, names["pytorch_lora_weights.safetensors"], "zip holds the LoRA weights: %v", names)
	require.True(t, names["FINISH"], "zip holds FINISH: %v", names)
}

func TestREADMECommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the README's commands end to end")
	}
	root := repoRoot(t)
	blocks := shellBlocks(t, filepath.Join(root, "README.md"))
	require.NotEmpty(t, blocks)
	sawSelf := false
	// One fresh copy for all blocks, as a reader would run them one after
	// another in one checkout; each block starts from no outputs.
	dir := t.TempDir()
	copyTree(t, root, dir)
	home := t.TempDir()
	for _, b := range blocks {
		t.Run(fmt.Sprintf("line%d", b.line), func(t *testing.T) {
			for _, f := range []string{"finetuned_model.zip", "devnet.json", "devnet.key", "passphrase.txt"} {
				_ = os.Remove(filepath.Join(dir, f))
			}
			var script bytes.Buffer
			script.WriteString("set -euo pipefail\n")
			for _, l := range b.lines {
				if strings.TrimSpace(l) == selfLine {
					sawSelf = true
					script.WriteString(": " + selfLine + " is the command running this test\n")
					continue
				}
				script.WriteString(l + "\n")
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "bash", "-c", script.String())
			cmd.Dir = dir
			// A fresh HOME keeps the user's config and journal out, but the Go
			// caches stay where they are (a cold go-ethereum build takes minutes).
			cmd.Env = append(os.Environ(), goEnv(t)...)
			cmd.Env = append(cmd.Env, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
			// Own process group, killed whole on timeout or failure, so no
			// background process (a devnet) outlives the test.
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
			out, err := cmd.CombinedOutput()
			if cmd.Process != nil {
				_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			}
			require.NoError(t, err, "README block at line %d failed:\n%s", b.line, tail(out))
			// Every block of the README ends with a LoRA zip in the working directory.
			checkLoRAZip(t, filepath.Join(dir, "finetuned_model.zip"))
		})
	}
	require.True(t, sawSelf, "README shows the test command %q", selfLine)
}

// goEnv pins GOPATH, GOCACHE and GOMODCACHE to their current values.
func goEnv(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOPATH", "GOCACHE", "GOMODCACHE").Output()
	require.NoError(t, err)
	v := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, v, 3)
	return []string{"GOPATH=" + v[0], "GOCACHE=" + v[1], "GOMODCACHE=" + v[2]}
}

func tail(b []byte) string {
	if len(b) > 6000 {
		b = b[len(b)-6000:]
	}
	return string(b)
}
