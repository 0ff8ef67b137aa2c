// Package relay is the client of the Crynux Relay HTTP API of the on-chain
// (VSS) era (protocol §3): signed requests, the creator endpoints (upload task
// args, read the task, download result images and checkpoints) and the node
// endpoints (input checkpoint, result upload).
//
// Every request that needs authentication is signed afresh on every attempt
// with a timestamp corrected for the Relay's clock. Failed attempts are
// retried with capped exponential backoff and jitter when retrying can help
// (transport errors, 5xx, 429, and for downloads "not ready" answers).
// Downloads stream in constant memory and resume with Range requests.
package relay

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"
)

// Defaults used by New.
const (
	DefaultMaxAttempts  = 5
	DefaultBaseDelay    = 500 * time.Millisecond
	DefaultMaxDelay     = 15 * time.Second
	DefaultStallTimeout = 60 * time.Second
	// DefaultMaxRequestBody is the Relay's cap on a request body, uploaded
	// files included (protocol §3.1: 32 MiB).
	DefaultMaxRequestBody = 32 << 20
	DefaultUserAgent      = "crynux-go-sdk-relay/1"
)

// Client talks to one Relay with one signer. It is safe for concurrent use.
type Client struct {
	base      string // scheme://host[/prefix], no trailing slash
	signer    DigestSigner
	rc        *resty.Client
	log       *slog.Logger
	defaults  callConfig
	now       func() time.Time
	clockSync bool
	maxBody   int64

	clockMu    sync.Mutex // held while a lazy clock sync runs
	offsetMu   sync.RWMutex
	offset     time.Duration // relay time − local time
	clockTried bool
}

// config is what Options modify.
type config struct {
	httpClient   *http.Client
	log          *slog.Logger
	retry        retryPolicy
	userAgent    string
	stallTimeout time.Duration
	now          func() time.Time
	clockSync    bool
	maxBody      int64
}

// Option configures a Client at construction.
type Option func(*config)

// WithHTTPClient makes the Client send through hc (its Transport, proxy and
// TLS settings). hc is copied, never modified. Leave hc.Timeout at zero:
// it would cut long downloads; the Client's own stall timeout detects dead
// connections.
func WithHTTPClient(hc *http.Client) Option { return func(c *config) { c.httpClient = hc } }

// WithLogger sets the logger for request and retry diagnostics (default:
// discard). Signatures and keys are never logged.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// WithRetry sets the retry policy for every call: at most maxAttempts
// attempts (≤ 0: unlimited, bounded only by the context), waiting
// baseDelay·2ⁿ capped at maxDelay, with jitter, between them. Downloads count
// only attempts that made no progress.
func WithRetry(maxAttempts int, baseDelay, maxDelay time.Duration) Option {
	return func(c *config) { c.retry = retryPolicy{maxAttempts, baseDelay, maxDelay} }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *config) { c.userAgent = ua } }

// WithStallTimeout sets how long an attempt may go without progress (no
// response headers, no request or response body bytes) before it is
// abandoned and retried. Default DefaultStallTimeout.
func WithStallTimeout(d time.Duration) Option { return func(c *config) { c.stallTimeout = d } }

// WithClock replaces time.Now as the source of request timestamps (before
// the Relay clock offset is applied).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithClockSync turns the automatic clock-offset measurement against
// GET /v1/now on or off (default on). With it off, timestamps come from the
// local clock unless SyncClock is called explicitly.
func WithClockSync(on bool) Option { return func(c *config) { c.clockSync = on } }

// WithMaxRequestBody sets the largest request body the client will send
// (default DefaultMaxRequestBody, the Relay's cap). Larger uploads fail
// before anything is sent.
func WithMaxRequestBody(n int64) Option { return func(c *config) { c.maxBody = n } }

// New returns a Client for the Relay at baseURL (e.g.
// "https://vss.relay.crynux.ai") that signs with signer.
func New(baseURL string, signer DigestSigner, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return nil, fmt.Errorf("relay: base URL %q does not parse: %w", baseURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("relay: base URL %q must be http:// or https:// with a host", baseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("relay: base URL %q must not carry a query or fragment", baseURL)
	}
	if signer == nil {
		return nil, errors.New("relay: a signer is required (e.g. wallet.NewKeySigner)")
	}
	cfg := config{
		retry:        retryPolicy{DefaultMaxAttempts, DefaultBaseDelay, DefaultMaxDelay},
		userAgent:    DefaultUserAgent,
		stallTimeout: DefaultStallTimeout,
		now:          time.Now,
		clockSync:    true,
		maxBody:      DefaultMaxRequestBody,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.log == nil {
		cfg.log = slog.New(slog.DiscardHandler)
	}
	if cfg.retry.BaseDelay <= 0 {
		cfg.retry.BaseDelay = DefaultBaseDelay
	}
	if cfg.retry.MaxDelay < cfg.retry.BaseDelay {
		cfg.retry.MaxDelay = cfg.retry.BaseDelay
	}
	if cfg.stallTimeout <= 0 {
		cfg.stallTimeout = DefaultStallTimeout
	}
	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
	}
	if hc.Transport == nil {
		hc.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	rc := resty.NewWithClient(&hc).
		SetLogger(restyLogger{cfg.log}).
		SetDoNotParseResponse(true).
		SetHeader("User-Agent", cfg.userAgent).
		SetPreRequestHook(func(_ *resty.Client, r *http.Request) error {
			// resty cannot know the length of a streamed multipart body.
			if n, ok := r.Context().Value(contentLengthKey{}).(int64); ok {
				r.ContentLength = n
			}
			return nil
		})
	c := &Client{
		base:      strings.TrimRight(u.String(), "/"),
		signer:    signer,
		rc:        rc,
		log:       cfg.log,
		now:       cfg.now,
		clockSync: cfg.clockSync,
		maxBody:   cfg.maxBody,
		defaults: callConfig{
			retry:        cfg.retry,
			stallTimeout: cfg.stallTimeout,
		},
	}
	return c, nil
}

// BaseURL returns the Relay root the client talks to.
func (c *Client) BaseURL() string { return c.base }

// Signer returns the signer the client signs with.
func (c *Client) Signer() DigestSigner { return c.signer }

// contentLengthKey carries a request body length to the pre-request hook.
type contentLengthKey struct{}

// restyLogger routes resty's own messages to slog at debug level.
type restyLogger struct{ l *slog.Logger }

func (r restyLogger) Errorf(format string, v ...any) {
	r.l.Debug("resty: " + fmt.Sprintf(format, v...))
}
func (r restyLogger) Warnf(format string, v ...any) { r.l.Debug("resty: " + fmt.Sprintf(format, v...)) }
func (r restyLogger) Debugf(format string, v ...any) {
	r.l.Debug("resty: " + fmt.Sprintf(format, v...))
}

// CallOption adjusts a single call. It modifies a copy of the Client's
// settings, never the Client.
type CallOption func(*callConfig)

// DownloadOption is a CallOption given to a download.
type DownloadOption = CallOption

type callConfig struct {
	retry         retryPolicy
	retryNotReady bool
	progress      func(done, total int64)
	stallTimeout  time.Duration
}

// WithCallRetry overrides the retry policy for one call (see WithRetry).
func WithCallRetry(maxAttempts int, baseDelay, maxDelay time.Duration) CallOption {
	return func(c *callConfig) {
		c.retry = retryPolicy{maxAttempts, baseDelay, maxDelay}
		if c.retry.BaseDelay <= 0 {
			c.retry.BaseDelay = DefaultBaseDelay
		}
		if c.retry.MaxDelay < c.retry.BaseDelay {
			c.retry.MaxDelay = c.retry.BaseDelay
		}
	}
}

// WithRetryNotReady decides whether a "not ready / not uploaded" answer
// (ErrNotReady) is retried under the retry policy. On by default for
// downloads, off for every other call.
func WithRetryNotReady(on bool) CallOption { return func(c *callConfig) { c.retryNotReady = on } }

// WithProgress reports download progress: done bytes so far (including a
// resumed prefix) of total (-1 while unknown). It is called from the
// downloading goroutine after every write.
func WithProgress(fn func(done, total int64)) CallOption {
	return func(c *callConfig) { c.progress = fn }
}

// WithCallStallTimeout overrides the stall timeout (see WithStallTimeout)
// for one call.
func WithCallStallTimeout(d time.Duration) CallOption {
	return func(c *callConfig) {
		if d > 0 {
			c.stallTimeout = d
		}
	}
}

func (c *Client) callConfig(download bool, opts []CallOption) callConfig {
	cfg := c.defaults
	cfg.retryNotReady = download
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

func (c *Client) url(path string) string { return c.base + path }

func tasksPath(commitment [32]byte) string {
	return "/v1/inference_tasks/" + CommitmentHex(commitment)
}
