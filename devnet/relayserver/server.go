// Package relayserver is the devnet's Relay: a real HTTP server speaking the
// on-chain-era Relay API (protocol §3: same paths, envelopes, error texts and
// signature checks), checking uploaded results against the on-chain score,
// playing the relay account on chain (§3.4), and keeping its task rows and
// files on disk so that a restart with the same data directory loses nothing.
package relayserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/crynux-go/crynux/relay/taskargs"
)

// Defaults of Config.
const (
	DefaultMaxBodyBytes = 32 << 20
	DefaultPollInterval = 200 * time.Millisecond
	DefaultTaskTimeout  = 30 * time.Minute
)

// Config configures a Server. Chain and DataDir are required.
type Config struct {
	// Chain reads tasks and sends the relay account's reports.
	Chain Chain
	// DataDir holds task rows and files. Reusing it after a restart resumes
	// every unfinished task.
	DataDir string
	// ValidateArgs checks task_args of a new task for the chain task type;
	// its error text becomes the validation message of field "task_args".
	// Nil means ValidateArgsWith(ArgsSchema).
	ValidateArgs func(taskType uint8, args string) error
	// ArgsSchema is the fine-tune task-args schema used by the default
	// ValidateArgs and served at /schema/stable-diffusion-finetune-lora-task.json
	// (default taskargs.SchemaVSS, what the on-chain-era relay used).
	ArgsSchema taskargs.Schema
	// MaxBodyBytes caps request bodies, uploaded files included
	// (default 32 MiB like the upstream relay). Larger bodies get 413.
	MaxBodyBytes int64
	// PollInterval is how often a task worker reads the chain (default 200ms).
	PollInterval time.Duration
	// TaskTimeout is how long a task worker follows a task, counted from
	// the args upload, before it marks the row EndAborted (default 30 min).
	TaskTimeout time.Duration
	// Logger receives worker progress and failures; nil discards.
	Logger *slog.Logger
	// Now is the clock for signature windows and deadlines; nil is time.Now.
	Now func() time.Time
}

// Server is the devnet Relay. Create it with New, serve with Start (or
// mount Handler yourself), stop with Close.
type Server struct {
	cfg      Config
	chain    Chain
	store    *store
	validate func(uint8, string) error
	log      *slog.Logger
	now      func() time.Time
	handler  http.Handler

	ctx    context.Context // cancelled by Close; parent of every worker
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	workers  map[string]struct{}
	closed   bool
	httpSrv  *http.Server
	listener net.Listener
	url      string
}

// New opens cfg.DataDir, loads the task rows found there and resumes the
// chain workers of unfinished tasks.
func New(cfg Config) (*Server, error) {
	if cfg.Chain == nil {
		return nil, errors.New("relayserver: Config.Chain is required")
	}
	if cfg.DataDir == "" {
		return nil, errors.New("relayserver: Config.DataDir is required")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.TaskTimeout <= 0 {
		cfg.TaskTimeout = DefaultTaskTimeout
	}
	if cfg.ArgsSchema == "" {
		cfg.ArgsSchema = taskargs.SchemaVSS
	}
	if !cfg.ArgsSchema.Valid() {
		return nil, fmt.Errorf("relayserver: unknown Config.ArgsSchema %q: use %q or %q", cfg.ArgsSchema, taskargs.SchemaVSS, taskargs.SchemaLatest)
	}
	if cfg.ValidateArgs == nil {
		cfg.ValidateArgs = ValidateArgsWith(cfg.ArgsSchema)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	st, err := openStore(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		cfg:      cfg,
		chain:    cfg.Chain,
		store:    st,
		validate: cfg.ValidateArgs,
		log:      cfg.Logger,
		now:      cfg.Now,
		ctx:      ctx,
		cancel:   cancel,
		workers:  map[string]struct{}{},
	}
	s.handler = s.routes()
	for _, rec := range st.all() {
		if !rec.ended() {
			s.startWorker(rec.Task.TaskIDCommitment)
		}
	}
	return s, nil
}

// ValidateArgsWith returns the task-args check used when
// Config.ValidateArgs is nil: SD_FT args must pass taskargs.Validate against
// schema; args of other task types (whose schemas this relay does not carry)
// must be a JSON object.
func ValidateArgsWith(schema taskargs.Schema) func(taskType uint8, args string) error {
	return func(taskType uint8, args string) error {
		if taskType == TaskTypeSDFT {
			return taskargs.Validate([]byte(args), schema)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(args), &v); err != nil {
			return fmt.Errorf("task_args is not a JSON object: %v", err)
		}
		return nil
	}
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/now", s.handleNow)
	mux.HandleFunc("POST /v1/inference_tasks/{c}", s.handleCreate)
	mux.HandleFunc("GET /v1/inference_tasks/{c}", s.handleGetTask)
	mux.HandleFunc("GET /v1/inference_tasks/{c}/checkpoint", s.handleGetInputCheckpoint)
	mux.HandleFunc("POST /v1/inference_tasks/{c}/results", s.handleUploadResults)
	mux.HandleFunc("GET /v1/inference_tasks/{c}/results/checkpoint", s.handleGetResultCheckpoint)
	mux.HandleFunc("GET /v1/inference_tasks/{c}/results/{index}", s.handleGetResult)
	mux.HandleFunc("GET /schema/{name}", s.handleSchema)
	return mux
}

// Handler returns the HTTP handler of the Relay API.
func (s *Server) Handler() http.Handler { return s.handler }

// Start listens on addr (e.g. "127.0.0.1:0") and serves in the background.
// When ctx is done the server is closed as by Close.
func (s *Server) Start(ctx context.Context, addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("relayserver: Start after Close")
	}
	if s.httpSrv != nil {
		return fmt.Errorf("relayserver: already serving at %s", s.url)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("relayserver: listen on %s: %w", addr, err)
	}
	s.listener = ln
	s.url = "http://" + ln.Addr().String()
	s.httpSrv = &http.Server{Handler: s.handler, ReadHeaderTimeout: 30 * time.Second}
	srv := s.httpSrv
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("relay server stopped", "err", err)
		}
	}()
	go func() {
		select {
		case <-ctx.Done():
			_ = s.Close()
		case <-s.ctx.Done():
		}
	}()
	s.log.Info("relay server listening", "url", s.url, "data_dir", s.cfg.DataDir)
	return nil
}

// URL returns the base URL ("http://127.0.0.1:port") after Start, else "".
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url
}

// Close stops the task workers and the HTTP server, giving in-flight
// requests up to 5 s. Task rows stay on disk; a new Server on the same
// DataDir resumes them. Close is idempotent.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	srv := s.httpSrv
	s.mu.Unlock()

	var err error
	if srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if e := srv.Shutdown(ctx); e != nil {
			err = fmt.Errorf("relayserver: shut down http server: %w", e)
			_ = srv.Close()
		}
	}
	s.cancel()
	s.wg.Wait()
	return err
}

func (s *Server) handleNow(w http.ResponseWriter, _ *http.Request) {
	writeOK(w, map[string]int64{"now": s.now().Unix()})
}

// handleSchema serves the fine-tune task-args JSON schemas:
// /schema/sd-finetune-lora-task.vss.json, /schema/sd-finetune-lora-task.latest.json,
// and /schema/stable-diffusion-finetune-lora-task.json (the upstream file
// name) for Config.ArgsSchema.
func (s *Server) handleSchema(w http.ResponseWriter, r *http.Request) {
	var b []byte
	switch name := r.PathValue("name"); name {
	case "stable-diffusion-finetune-lora-task.json":
		b = taskargs.SchemaJSON(s.cfg.ArgsSchema)
	case taskargs.SchemaFile(taskargs.SchemaVSS):
		b = taskargs.SchemaJSON(taskargs.SchemaVSS)
	case taskargs.SchemaFile(taskargs.SchemaLatest):
		b = taskargs.SchemaJSON(taskargs.SchemaLatest)
	}
	if b == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/schema+json")
	_, _ = w.Write(b)
}
