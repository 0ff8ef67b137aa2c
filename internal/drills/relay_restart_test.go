package drills

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/devnet/relayserver"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

type txmgrSender struct{ m *txmgr.Manager }

func (s txmgrSender) Send(ctx context.Context, to common.Address, data []byte) error {
	_, err := s.m.Send(ctx, txmgr.Request{To: &to, Data: data})
	return err
}

// relayRestarter restarts the devnet's Relay on the same DataDir and port.
type relayRestarter struct {
	t       *testing.T
	dn      *devnet.Network
	dir     string
	addr    string
	key     wallet.Signer
	mu      sync.Mutex
	current *relayserver.Server
}

func (r *relayRestarter) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	require.NoError(r.t, r.current.Close())
}

func (r *relayRestarter) start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := txmgr.New(r.dn.Backend, r.key)
	require.NoError(r.t, err)
	r.t.Cleanup(func() { _ = m.Close() })
	srv, err := relayserver.New(relayserver.Config{
		Chain:        relayserver.NewContractChain(r.dn.Backend, r.dn.Config.Contracts.VSSTask, txmgrSender{m}),
		DataDir:      filepath.Join(r.dir, "relay"),
		ArgsSchema:   r.dn.Config.Schema,
		PollInterval: 100 * time.Millisecond,
	})
	require.NoError(r.t, err)
	// The old listener may linger for a moment.
	for i := 0; ; i++ {
		err = srv.Start(context.Background(), r.addr)
		if err == nil || i == 50 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.NoError(r.t, err)
	r.t.Cleanup(func() { _ = srv.Close() })
	r.current = srv
}

// TestDrillRelayRestartDuringJob restarts the Relay (Close, then a new
// server on the same DataDir and port) twice during a two-round job: when
// the job's first args upload reaches it (the upload meets a dead Relay,
// which comes back 0.5 s later), and halfway through the job's first result
// download (the body is cut, the Relay goes down and comes back). The job
// must complete with a zip byte-identical to the Relay's, each task created
// once, and the wallet charged exactly fees + gas.
func TestDrillRelayRestartDuringJob(t *testing.T) {
	needGeth(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	dn, err := devnet.Start(ctx, devnet.Options{Geth: true, DataDir: dir, RelayPort: port})
	require.NoError(t, err)
	defer dn.Close()

	var st struct {
		RelayKey string `json:"relay_key"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "devnet.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &st))
	rk, err := crypto.ToECDSA(common.FromHex(st.RelayKey))
	require.NoError(t, err)
	rr := &relayRestarter{t: t, dn: dn, dir: dir, addr: l.Addr().String(), key: wallet.NewKeySigner(rk), current: dn.Relay}

	// The SDK reaches the Relay through a proxy that triggers the restarts.
	up, err := url.Parse(dn.Config.RelayURL)
	require.NoError(t, err)
	rp := httputil.NewSingleHostReverseProxy(up)
	rp.ErrorLog = log.New(io.Discard, "", 0) // the dead Relay is the point
	var uploadHit, downloadHit atomic.Bool
	restarted := make(chan string, 2)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/inference_tasks") && uploadHit.CompareAndSwap(false, true):
			rr.stop()
			go func() { time.Sleep(500 * time.Millisecond); rr.start(); restarted <- "upload" }()
			rp.ServeHTTP(w, r) // meets the dead Relay: 502
			return
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/results/checkpoint") && r.Header.Get("Range") == "" && downloadHit.CompareAndSwap(false, true):
			resp, err := http.DefaultTransport.RoundTrip(outbound(r, up))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			defer resp.Body.Close()
			for k, v := range resp.Header {
				w.Header()[k] = v
			}
			w.WriteHeader(resp.StatusCode)
			half := resp.ContentLength / 2
			_, _ = io.CopyN(w, resp.Body, half)
			w.(http.Flusher).Flush()
			go func() { rr.stop(); time.Sleep(500 * time.Millisecond); rr.start(); restarted <- "download" }()
			panic(http.ErrAbortHandler) // cut the body
		}
		rp.ServeHTTP(w, r)
	}))
	defer proxy.Close()

	netw := network(dn.Config)
	netw.RelayURL = proxy.URL
	signer := dn.Signer(0)
	client, err := sdk.Dial(ctx, netw, signer, sdk.WithJournalDir(t.TempDir()), sdk.WithPollInterval(100*time.Millisecond))
	require.NoError(t, err)
	defer client.Close()
	before, err := client.Balance(ctx)
	require.NoError(t, err)
	job, err := client.Finetune(ctx, request(t, false))
	require.NoError(t, err)
	res, err := job.Wait(ctx)
	require.NoError(t, err)
	require.True(t, uploadHit.Load() && downloadHit.Load(), "both restarts must have happened")
	for range 2 {
		t.Logf("relay restarted during %s", <-restarted)
	}

	detail, err := client.Journal().Job(job.ID())
	require.NoError(t, err)
	requireZipFromRelay(t, dn.Config.RelayURL, signer, detail, res)
	seen := map[common.Hash]bool{}
	for _, c := range res.Commitments {
		require.False(t, seen[c], "task %s created twice", c)
		seen[c] = true
	}
	after, err := client.Balance(ctx)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(res.Paid, res.Gas).String(), new(big.Int).Sub(before, after).String())
}

// outbound copies r for the upstream Relay.
func outbound(r *http.Request, up *url.URL) *http.Request {
	o := r.Clone(r.Context())
	o.URL.Scheme, o.URL.Host, o.Host, o.RequestURI = up.Scheme, up.Host, up.Host, ""
	return o
}
