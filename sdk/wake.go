package sdk

import (
	"context"
)

// Jobs read task state from the chain (getTask is the source of truth, and
// it survives reconnects and restarts), but they should not wait a whole
// poll interval to notice a change. One subscription per client, started
// with the first job, wakes every running job on each task event, so a job
// reacts within one RPC round trip when the network has a websocket; on
// HTTP-only networks the subscription itself polls and the poll interval
// bounds the delay either way.

// registerWake returns the channel that nudges job j while it runs.
func (c *Client) registerWake(j *Job) chan struct{} {
	ch := make(chan struct{}, 1)
	c.wakeMu.Lock()
	defer c.wakeMu.Unlock()
	if c.wakes == nil {
		c.wakes = map[*Job]chan struct{}{}
	}
	c.wakes[j] = ch
	return ch
}

// ensureWakeSub starts the shared subscription once. If it cannot start,
// jobs still poll at the poll interval.
func (c *Client) ensureWakeSub() {
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return
	}
	c.wakeMu.Lock()
	defer c.wakeMu.Unlock()
	if c.wakeSub != nil || c.wakeFailed {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	sub, err := c.Subscribe(ctx, EventFilter{FromLatest: true})
	if err != nil {
		cancel()
		c.wakeFailed = true
		c.log.Warn("task event subscription failed; jobs poll only", "err", err)
		return
	}
	c.wakeSub, c.wakeCancel = sub, cancel
	go c.fanOut(sub)
}

func (c *Client) unregisterWake(j *Job) {
	c.wakeMu.Lock()
	defer c.wakeMu.Unlock()
	delete(c.wakes, j)
}

func (c *Client) fanOut(sub *Subscription) {
	for range sub.Events() {
		c.wakeMu.Lock()
		for _, ch := range c.wakes {
			select {
			case ch <- struct{}{}:
			default:
			}
		}
		c.wakeMu.Unlock()
	}
}

func (c *Client) stopWake() {
	c.wakeMu.Lock()
	sub, cancel := c.wakeSub, c.wakeCancel
	c.wakeSub, c.wakeCancel = nil, nil
	c.wakeMu.Unlock()
	if sub != nil {
		cancel()
		sub.Unsubscribe()
	}
}
