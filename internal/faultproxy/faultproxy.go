// Package faultproxy is a TCP proxy for tests that breaks connections on
// purpose: between an HTTP client and a server on loopback it resets
// connections, answers 503, truncates responses and stalls them, each after
// a chosen number of response bytes. A Plan decides the fault of every
// accepted connection, so a test can script a sequence of failures or draw
// them at random from a seed.
//
// Faults act on whole connections: a connection that passes through
// unharmed may carry several keep-alive requests, and a faulted one dies, so
// the client's next attempt opens a new connection and meets the next fault.
package faultproxy

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Kind is a kind of fault.
type Kind int

// Faults.
const (
	// None passes the connection through untouched.
	None Kind = iota
	// Reset forwards After response bytes, then resets (RST) the client
	// connection.
	Reset
	// Truncate forwards After response bytes, then closes the client
	// connection cleanly (FIN), cutting the response short.
	Truncate
	// Stall forwards After response bytes, then sends nothing more while
	// keeping the client connection open, until the client gives up or the
	// proxy is closed.
	Stall
	// Status answers the connection's first request with the HTTP status
	// Fault.Status (503 when zero) and closes, without contacting upstream.
	Status
)

func (k Kind) String() string {
	switch k {
	case None:
		return "none"
	case Reset:
		return "reset"
	case Truncate:
		return "truncate"
	case Stall:
		return "stall"
	case Status:
		return "status"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Fault is what happens to one connection.
type Fault struct {
	Kind Kind
	// After is the number of response bytes (headers included) forwarded
	// before Reset, Truncate or Stall strikes.
	After int64
	// Status is the HTTP status sent by a Status fault (default 503).
	Status int
}

func (f Fault) String() string {
	switch f.Kind {
	case Status:
		return fmt.Sprintf("status %d", f.status())
	case None:
		return "none"
	}
	return fmt.Sprintf("%s after %d bytes", f.Kind, f.After)
}

func (f Fault) status() int {
	if f.Status == 0 {
		return 503
	}
	return f.Status
}

// Plan returns the fault for the n-th accepted connection (from 0). It is
// called from one goroutine at a time.
type Plan func(n int) Fault

// Sequence gives connection i the fault faults[i], and None after the list.
func Sequence(faults ...Fault) Plan {
	return func(n int) Fault {
		if n < len(faults) {
			return faults[n]
		}
		return Fault{}
	}
}

// Always gives every connection the fault f.
func Always(f Fault) Plan { return func(int) Fault { return f } }

// Random draws, from seed, a fault for each of the first limit connections
// (then None, so that a client with bounded retries can finish): with
// probability p a Reset, Truncate, Stall or 503, striking after a uniform
// number of bytes in [0, maxAfter).
func Random(seed uint64, p float64, maxAfter int64, limit int) Plan {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return func(n int) Fault {
		if n >= limit || rng.Float64() >= p {
			return Fault{}
		}
		kinds := []Kind{Reset, Truncate, Stall, Status}
		f := Fault{Kind: kinds[rng.IntN(len(kinds))]}
		if maxAfter > 0 {
			f.After = rng.Int64N(maxAfter)
		}
		return f
	}
}

// Proxy forwards loopback TCP connections to an upstream address, injecting
// the faults of its Plan.
type Proxy struct {
	ln       net.Listener
	upstream string
	plan     Plan

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	faults []Fault
	closed bool
	wg     sync.WaitGroup
}

// New starts a proxy on 127.0.0.1 (a free port) in front of upstream, given
// as "host:port" or an http:// URL (an httptest.Server's URL works).
func New(upstream string, plan Plan) (*Proxy, error) {
	addr := strings.TrimPrefix(strings.TrimPrefix(upstream, "http://"), "https://")
	addr = strings.TrimSuffix(addr, "/")
	if plan == nil {
		plan = Always(Fault{})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: listen on loopback: %w", err)
	}
	p := &Proxy{ln: ln, upstream: addr, plan: plan, conns: map[net.Conn]struct{}{}}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

// Start is New for tests: it fails t on error and closes the proxy at the
// end of the test.
func Start(t testing.TB, upstream string, plan Plan) *Proxy {
	t.Helper()
	p, err := New(upstream, plan)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

// Addr is the proxy's "127.0.0.1:port".
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// URL is "http://" + Addr().
func (p *Proxy) URL() string { return "http://" + p.Addr() }

// Faults returns the fault applied to each connection accepted so far, in
// order.
func (p *Proxy) Faults() []Fault {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Fault(nil), p.faults...)
}

// Close stops accepting, breaks every open connection and waits for the
// proxy's goroutines.
func (p *Proxy) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	err := p.ln.Close()
	for c := range p.conns {
		_ = c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
	return err
}

func (p *Proxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		_ = c.Close()
		return false
	}
	p.conns[c] = struct{}{}
	return true
}

func (p *Proxy) untrack(c net.Conn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
	_ = c.Close()
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		f := p.plan(len(p.faults))
		p.faults = append(p.faults, f)
		p.mu.Unlock()
		if !p.track(c) {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer p.untrack(c)
			p.serve(c, f)
		}()
	}
}

func (p *Proxy) serve(client net.Conn, f Fault) {
	if f.Kind == Status {
		answerStatus(client, f.status())
		return
	}
	up, err := net.Dial("tcp", p.upstream)
	if err != nil {
		resetConn(client)
		return
	}
	if !p.track(up) {
		return
	}
	defer p.untrack(up)

	// client → upstream
	upDone := make(chan struct{})
	go func() {
		defer close(upDone)
		_, _ = io.Copy(up, client)
		if tc, ok := up.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
	}()

	// upstream → client, with the fault.
	if f.Kind == None {
		_, _ = io.Copy(client, up)
		if tc, ok := client.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
		<-upDone
		return
	}
	n, _ := io.CopyN(client, up, f.After)
	if n < f.After {
		// The response ended before the fault point: behave normally.
		if tc, ok := client.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
		<-upDone
		return
	}
	switch f.Kind {
	case Reset:
		resetConn(client)
	case Truncate:
		_ = client.Close()
	case Stall:
		// Stop reading upstream and wait for the client to hang up (its
		// reads from us block; the client→upstream copy ends when it closes).
		_ = up.Close()
	}
	<-upDone
}

// answerStatus reads the request head, sends an HTTP error and closes.
func answerStatus(c net.Conn, status int) {
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	var head []byte
	buf := make([]byte, 4096)
	for !strings.Contains(string(head), "\r\n\r\n") {
		n, err := c.Read(buf)
		head = append(head, buf[:n]...)
		if err != nil {
			break
		}
	}
	body := fmt.Sprintf(`{"message":"faultproxy: injected %d"}`, status)
	fmt.Fprintf(c, "HTTP/1.1 %d Injected\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		status, len(body), body)
	// Drain what the client still sends (a request body) so that closing
	// does not turn into a reset that hides the answer.
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
	_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
	_, _ = io.Copy(io.Discard, c)
}

func resetConn(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = c.Close()
}
