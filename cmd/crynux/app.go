package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// app holds the CLI's streams, global flags and resolved configuration. One
// value per run; nothing is global.
type app struct {
	stdin          *os.File
	stdout, stderr io.Writer
	// stopSignals restores the default signal handling (a second Ctrl-C kills).
	stopSignals func()

	// Global flags.
	configFile     string
	networkFlag    string
	rpcFlag        string
	relayFlag      string
	keystoreFlag   string
	passphraseFile string
	journalFlag    string
	jsonOut        bool
	verbose        int

	root *cobra.Command
	// ran is set once a command's own code started: errors before that are
	// cobra's (unknown command or flag, wrong argument count), i.e. usage errors.
	ran  bool
	file *fileConfig
	log  *slog.Logger
}

func newApp(stdin *os.File, stdout, stderr io.Writer, stopSignals func()) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, stopSignals: stopSignals,
		log: slog.New(slog.DiscardHandler)}
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "crynux",
		Short: "Fine-tune Stable Diffusion LoRAs on the Crynux network, on chain",
		Long: `crynux creates LoRA fine-tune tasks on the Crynux VSS task contract, pays for
them in CNX, follows them on chain and downloads the trained LoRA from the Relay.

Configuration, highest precedence first: flags, environment variables
(CRYNUX_NETWORK, CRYNUX_RPC_URL, CRYNUX_WS_URL, CRYNUX_RELAY_URL, CRYNUX_VSS_TASK,
CRYNUX_NODE_CONTRACT, CRYNUX_KEYSTORE, CRYNUX_PASSPHRASE_FILE, CRYNUX_PRIVATE_KEY,
CRYNUX_MNEMONIC_FILE, CRYNUX_MNEMONIC_PATH, CRYNUX_JOURNAL_DIR), then the config file
(--config-file, default ~/.config/crynux/config.json) whose JSON keys are the
variable names without CRYNUX_ in snake_case ("network", "rpc_url", "keystore", ...).

Exit codes: 0 ok, 1 failure, 2 usage or invalid input, 3 insufficient funds,
4 task aborted or deadline passed (refunds reported), 5 network unreachable.
With --json every output line on stdout is one JSON object; an error is
{"error": "...", "code": N} (plus "field"/"fields", "job_id", "refunded_wei" where known).`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			a.ran = true
			return a.setup()
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErrorf("%v", err) })
	pf := root.PersistentFlags()
	pf.StringVar(&a.configFile, "config-file", "", "CLI config file (JSON; default ~/.config/crynux/config.json)")
	pf.StringVar(&a.networkFlag, "network", "", "network config JSON file (as written by crynux devnet up --write-config), or \"vss-testnet\" [$CRYNUX_NETWORK]")
	pf.StringVar(&a.rpcFlag, "rpc", "", "chain JSON-RPC URL, overrides the network file's [$CRYNUX_RPC_URL]")
	pf.StringVar(&a.relayFlag, "relay", "", "Relay URL, overrides the network file's [$CRYNUX_RELAY_URL]")
	pf.StringVar(&a.keystoreFlag, "keystore", "", "keystore file, or a directory holding exactly one [$CRYNUX_KEYSTORE]")
	pf.StringVar(&a.passphraseFile, "passphrase-file", "", "file holding the keystore passphrase (else a terminal prompt) [$CRYNUX_PASSPHRASE_FILE]")
	pf.StringVar(&a.journalFlag, "journal", "", "journal directory of fine-tune jobs [$CRYNUX_JOURNAL_DIR]")
	pf.BoolVar(&a.jsonOut, "json", false, "machine-readable output: one JSON object per line")
	pf.CountVarP(&a.verbose, "verbose", "v", "log to stderr (-v info, -vv debug)")

	root.AddCommand(a.devnetCommand(), a.walletCommand(), a.finetuneCommand(), a.taskCommand(), a.jobsCommand())
	a.root = root
	return root
}

// setup loads the config file and the logger; it runs before every command.
func (a *app) setup() error {
	if a.verbose > 0 {
		level := slog.LevelInfo
		if a.verbose > 1 {
			level = slog.LevelDebug
		}
		a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
	}
	fc, err := loadFileConfig(a.configFile)
	if err != nil {
		return err
	}
	a.file = fc
	return nil
}

// stdinIsTerminal reports whether a passphrase can be prompted for.
func (a *app) stdinIsTerminal() bool {
	return a.stdin != nil && term.IsTerminal(int(a.stdin.Fd()))
}

// stdoutIsTerminal reports whether live status lines and progress bars make sense.
func (a *app) stdoutIsTerminal() bool {
	f, ok := a.stdout.(*os.File)
	return ok && !a.jsonOut && term.IsTerminal(int(f.Fd()))
}

func (a *app) stderrIsTerminal() bool {
	f, ok := a.stderr.(*os.File)
	return ok && !a.jsonOut && term.IsTerminal(int(f.Fd()))
}

// emit writes v as one JSON line on stdout.
func (a *app) emit(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintf(a.stderr, "crynux: encode JSON output: %v\n", err)
		return
	}
	fmt.Fprintf(a.stdout, "%s\n", b)
}

// printf writes human output on stdout (never in --json mode).
func (a *app) printf(format string, args ...any) {
	if a.jsonOut {
		return
	}
	fmt.Fprintf(a.stdout, format, args...)
}

// notef writes a human hint on stderr (in --json mode too: stdout stays JSON).
func (a *app) notef(format string, args ...any) {
	fmt.Fprintf(a.stderr, format, args...)
}

// report prints err (one line, or a JSON object) and returns its exit code.
func (a *app) report(err error) int {
	if !a.ran {
		// cobra refused the command line before any command ran.
		err = &usageError{err: err}
	}
	code := exitCode(err)
	msg := oneLine(err.Error())
	if a.jsonOut {
		out := map[string]any{"error": msg, "code": code}
		for k, v := range errorDetails(err) {
			out[k] = v
		}
		a.emit(out)
		return code
	}
	fmt.Fprintf(a.stderr, "crynux: %s\n", msg)
	if _, ok := err.(*usageError); ok && !a.ran {
		fmt.Fprintf(a.stderr, "Run 'crynux --help' for usage.\n")
	}
	return code
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\r\n", "; ")
	return strings.ReplaceAll(s, "\n", "; ")
}
