package relay

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// Now returns the Relay's clock (GET /v1/now), to one-second precision.
func (c *Client) Now(ctx context.Context) (time.Time, error) {
	t, _, err := c.fetchNow(ctx, c.callConfig(false, nil))
	return t, err
}

// SyncClock measures the offset between the Relay's clock and the local one
// (GET /v1/now) and uses it for every later request timestamp: the Relay
// accepts a signature only within ±60 s of its own time. The Client calls it
// once before its first signed request and again when the Relay rejects a
// timestamp, unless WithClockSync(false) was given.
func (c *Client) SyncClock(ctx context.Context) error {
	_, offset, err := c.fetchNow(ctx, c.callConfig(false, nil))
	if err != nil {
		return err
	}
	c.offsetMu.Lock()
	c.offset = offset
	c.clockTried = true
	c.offsetMu.Unlock()
	c.log.Debug("relay: clock offset measured", "offset", offset)
	return nil
}

// ClockOffset returns the measured Relay clock minus the local clock (zero
// before any measurement).
func (c *Client) ClockOffset() time.Duration {
	c.offsetMu.RLock()
	defer c.offsetMu.RUnlock()
	return c.offset
}

// fetchNow reads /v1/now and computes the offset from the attempt that
// succeeded, assuming the Relay read its clock half-way through the round
// trip.
func (c *Client) fetchNow(ctx context.Context, cfg callConfig) (time.Time, time.Duration, error) {
	var (
		server time.Time
		offset time.Duration
	)
	const path = "/v1/now"
	err := c.run(ctx, cfg, "GET "+path, func(ctx context.Context, _ int) (bool, error) {
		var data struct {
			Now json.Number `json:"now"`
		}
		t0 := c.now()
		if err := c.exchange(ctx, cfg, "GET", path, nil, nil, &data); err != nil {
			return false, err
		}
		t1 := c.now()
		secs, err := data.Now.Float64()
		if err != nil || secs <= 0 || math.IsInf(secs, 0) {
			return false, fmt.Errorf("relay /v1/now answered %q, not a unix time", data.Now)
		}
		whole, frac := math.Modf(secs)
		server = time.Unix(int64(whole), int64(frac*1e9))
		mid := t0.Add(t1.Sub(t0) / 2)
		// An integer clock was truncated: the true time lies in [s, s+1).
		est := server
		if frac == 0 {
			est = est.Add(500 * time.Millisecond)
		}
		offset = est.Sub(mid)
		return false, nil
	})
	return server, offset, err
}

// ensureClock measures the clock offset before the first signed request.
// A failure is logged, not returned: the request then uses the local clock,
// and a rejected timestamp triggers another measurement.
func (c *Client) ensureClock(ctx context.Context) {
	if !c.clockSync {
		return
	}
	c.offsetMu.RLock()
	tried := c.clockTried
	c.offsetMu.RUnlock()
	if tried {
		return
	}
	c.clockMu.Lock()
	defer c.clockMu.Unlock()
	c.offsetMu.RLock()
	tried = c.clockTried
	c.offsetMu.RUnlock()
	if tried {
		return
	}
	cfg := c.callConfig(false, nil)
	cfg.retry.MaxAttempts = 2
	_, offset, err := c.fetchNow(ctx, cfg)
	if ctx.Err() != nil {
		return // the request fails anyway; measure on the next one
	}
	c.offsetMu.Lock()
	c.clockTried = true
	if err == nil {
		c.offset = offset
	}
	c.offsetMu.Unlock()
	if err != nil {
		c.log.Warn("relay: could not read the relay clock; signing with the local clock", "err", err)
		return
	}
	c.log.Debug("relay: clock offset measured", "offset", offset)
}

// timestamp is the current Relay time in unix seconds.
func (c *Client) timestamp() int64 {
	return c.now().Add(c.ClockOffset()).Unix()
}
