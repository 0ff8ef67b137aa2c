package relay

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// retryPolicy bounds the retries of one call (see WithRetry).
type retryPolicy struct {
	// MaxAttempts is the most attempts made (≤ 0: unlimited, bounded only by
	// the context). Downloads count only attempts that made no progress.
	MaxAttempts int
	// BaseDelay is the wait after the first failure; it doubles per failure
	// up to MaxDelay. The actual wait is drawn in [d/2, d].
	BaseDelay time.Duration
	MaxDelay  time.Duration
}

// delay returns the wait after the n-th consecutive failure (n ≥ 1), at
// least the server's Retry-After (capped at MaxDelay).
func (p retryPolicy) delay(n int, retryAfter time.Duration) time.Duration {
	d := p.BaseDelay
	for i := 1; i < n && d < p.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, p.MaxDelay)
	half := d / 2
	if half > 0 {
		d = half + rand.N(half+1)
	}
	if retryAfter > 0 {
		d = max(d, min(retryAfter, p.MaxDelay))
	}
	return d
}

// attemptFunc performs one attempt; progressed reports whether a download
// moved forward during it (which resets the failure count).
type attemptFunc func(ctx context.Context, attempt int) (progressed bool, err error)

// run performs fn until it succeeds, fails for good, runs out of attempts
// or ctx ends. op names the request in errors and logs.
func (c *Client) run(ctx context.Context, cfg callConfig, op string, fn attemptFunc) error {
	failures := 0
	resynced := false
	for attempt := 1; ; attempt++ {
		progressed, err := fn(ctx, attempt)
		if err == nil {
			return nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxError(op, ctxErr, err)
		}
		// A rejected timestamp means our clock (or offset) is off: measure
		// the Relay's clock again and retry at once, a single time.
		if errors.Is(err, ErrInvalidSignature) && c.clockSync && !resynced {
			resynced = true
			if serr := c.SyncClock(ctx); serr == nil {
				c.log.Info("relay: signature rejected; resynced clock and retrying", "op", op)
				continue
			} else {
				c.log.Warn("relay: signature rejected and the relay clock could not be read", "op", op, "err", serr)
			}
		}
		retry, after := retryable(err, cfg)
		if !retry {
			return fmt.Errorf("relay: %s: %w", op, err)
		}
		if progressed {
			failures = 0
		}
		failures++
		if cfg.retry.MaxAttempts > 0 && failures >= cfg.retry.MaxAttempts {
			return fmt.Errorf("relay: %s: giving up after %d attempts without progress: %w", op, failures, err)
		}
		d := cfg.retry.delay(failures, after)
		c.log.Warn("relay: request failed; retrying", "op", op, "attempt", attempt, "wait", d, "err", err)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctxError(op, ctx.Err(), err)
		case <-t.C:
		}
	}
}

func ctxError(op string, ctxErr, last error) error {
	if errors.Is(last, ctxErr) {
		return fmt.Errorf("relay: %s: %w", op, last)
	}
	return fmt.Errorf("relay: %s: %w (last failure: %v)", op, ctxErr, last)
}

// retryable reports whether err is worth another attempt, and the server's
// requested wait if any.
func retryable(err error, cfg callConfig) (bool, time.Duration) {
	var we *writeError
	if errors.As(err, &we) {
		return false, 0
	}
	var te *transportError
	if errors.As(err, &te) {
		return true, 0
	}
	var se *ServerError
	if errors.As(err, &se) {
		return se.Temporary(), se.RetryAfter
	}
	if cfg.retryNotReady && errors.Is(err, ErrNotReady) {
		return true, 0
	}
	return false, 0
}
