package sdk_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
)

// Environment of the crash child: the test binary re-executed in a mode that
// runs one job against the parent's devnet and SIGKILLs itself after an event.
const (
	envCrashChild = "SDK_TEST_CRASH_CHILD" // JSON crashChildConfig
)

type crashChildConfig struct {
	Network sdk.Network         `json:"network"`
	Key     string              `json:"key"` // the devnet test account's key (local network only)
	Journal string              `json:"journal"`
	Request sdk.FinetuneRequest `json:"request"`
	KillAt  sdk.EventKind       `json:"kill_at"`
	Group   *bool               `json:"group,omitempty"` // steer the VRF (nil: leave it to chance)
}

func TestMain(m *testing.M) {
	if cfg := os.Getenv(envCrashChild); cfg != "" {
		os.Exit(crashChild(cfg))
	}
	os.Exit(m.Run())
}

// crashChild runs the job and kills the process, without any cleanup, right
// after the chosen event has been delivered. It returns (an exit code) only
// when the event never came.
func crashChild(raw string) int {
	var cfg crashChildConfig
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		fmt.Fprintln(os.Stderr, "crash child: bad config:", err)
		return 2
	}
	key, err := crypto.HexToECDSA(cfg.Key)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child: bad key")
		return 2
	}
	signer := wallet.NewKeySigner(key)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := sdk.Dial(ctx, cfg.Network, signer, sdk.WithPollInterval(testPoll), sdk.WithJournalDir(cfg.Journal))
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child: dial:", err)
		return 2
	}
	if cfg.Group != nil {
		ec, err := ethclient.DialContext(ctx, cfg.Network.RPCURL)
		if err != nil {
			fmt.Fprintln(os.Stderr, "crash child: dial:", err)
			return 2
		}
		sdk.SetPickNonce(c, sdk.SteerVRF(ec, signer, *cfg.Group))
	}
	job, err := c.Finetune(ctx, cfg.Request)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child: finetune:", err)
		return 2
	}
	for ev := range job.Events() {
		fmt.Fprintln(os.Stderr, "crash child:", ev)
		if ev.Kind == cfg.KillAt {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // SIGKILL is not deliverable late, but never return regardless
		}
	}
	_, err = job.Wait(ctx)
	fmt.Fprintf(os.Stderr, "crash child: job ended (%v) before %s\n", err, cfg.KillAt)
	return 3
}

// TestCrashThenResume kills a process running a job right after each kind of
// event, then resumes the job from the same journal in this process: it must
// succeed, and no fee may be lost.
func TestCrashThenResume(t *testing.T) {
	dn := startDevnet(t, devnet.Options{Accounts: 1})
	net := networkOf(dn)
	single, group := false, true
	cases := []struct {
		killAt sdk.EventKind
		group  *bool
	}{
		{sdk.EventCreated, &single},
		{sdk.EventStarted, &single},
		{sdk.EventArgsUploaded, &single},
		{sdk.EventScoreReady, &single},
		{sdk.EventValidated, &single},
		{sdk.EventSucceeded, &single},
		{sdk.EventDownloaded, &single},
		{sdk.EventCheckpointChained, &single},
		{sdk.EventGroupFormed, &group},
		{sdk.EventValidated, &group},
	}
	req := seedRequest(t) // two rounds, so that the chaining step can be interrupted
	for _, tc := range cases {
		name := string(tc.killAt)
		if *tc.group {
			name = "group_" + name
		}
		t.Run(name, func(t *testing.T) {
			var (
				journal string
				before  snapshot
			)
			for attempt := 1; ; attempt++ {
				journal = t.TempDir()
				before = balanceNow(t, reader(t, dn), dn.Signer(0).Address())
				cfg, err := json.Marshal(crashChildConfig{Network: net, Journal: journal, Request: req, KillAt: tc.killAt,
					Group: tc.group, Key: fmt.Sprintf("%x", crypto.FromECDSA(dn.AccountKey(0)))})
				require.NoError(t, err)
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), envCrashChild+"="+string(cfg))
				out, err := cmd.CombinedOutput()
				t.Logf("child output:\n%s", out)
				var ee *exec.ExitError
				require.True(t, errors.As(err, &ee), "the child must die: %v", err)
				if *tc.group && ee.ExitCode() == 3 && attempt < 3 {
					// The job ended without the event: the VRF prediction
					// missed and no group was formed. Try again.
					t.Logf("attempt %d: no group formed; again", attempt)
					continue
				}
				ws, ok := ee.Sys().(syscall.WaitStatus)
				require.True(t, ok)
				require.True(t, ws.Signaled() && ws.Signal() == syscall.SIGKILL, "the child must be SIGKILLed, got %v", err)
				break
			}

			c := dial(t, net, dn, 0, journal)
			if tc.group != nil {
				sdk.SetPickNonce(c, sdk.SteerVRF(dn.Backend, dn.Signer(0), *tc.group))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			jobs, err := c.Resume(ctx)
			require.NoError(t, err)
			require.Len(t, jobs, 1, "the journal holds the job")
			evs, res, err := collect(t, ctx, jobs[0])
			require.NoError(t, err, "the resumed job succeeds")
			require.NotEmpty(t, evs)
			require.Equal(t, 2, res.Rounds)
			requireLoRAZip(t, res.LoRAZip, *req.MaxTrainSteps)
			requireNoLostFee(t, c, res)
			requireAccounting(t, reader(t, dn), c.Address(), before, res)
			infos, err := c.Jobs()
			require.NoError(t, err)
			require.Len(t, infos, 1)
			require.Equal(t, sdk.JobSucceeded, infos[0].State)
		})
	}
}
