package bench

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/relay"
	"github.com/crynux-go/crynux/wallet"
)

// EnvP4MiB sets the size of P4's download in MiB (default 256).
const EnvP4MiB = "CRYNUX_BENCH_P4_MIB"

// peakSampler samples VmRSS (every 2 ms) and the Go heap in use (every
// 10 ms: ReadMemStats stops the world) until stop.
type peakSampler struct {
	done     chan struct{}
	wg       sync.WaitGroup
	rss      uint64
	heap     uint64
	baseRSS  uint64
	baseHeap uint64
}

func startSampler() *peakSampler {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s := &peakSampler{done: make(chan struct{}), baseRSS: procStatusKB("VmRSS"), baseHeap: ms.HeapInuse}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for i := 0; ; i++ {
			s.rss = max(s.rss, procStatusKB("VmRSS"))
			if i%5 == 0 {
				runtime.ReadMemStats(&ms)
				s.heap = max(s.heap, ms.HeapInuse)
			}
			select {
			case <-s.done:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// stop returns the peaks above the starting values, in MiB.
func (s *peakSampler) stop() (rssMiB, heapMiB float64) {
	close(s.done)
	s.wg.Wait()
	sub := func(a, b uint64) float64 {
		if a < b {
			return 0
		}
		return float64(a-b) / (1 << 20)
	}
	return sub(s.rss, s.baseRSS), sub(s.heap, s.baseHeap)
}

// BenchmarkP4Download fetches one large checkpoint (256 MiB by default) per
// op to a file on disk from a loopback HTTP server serving the Relay's
// checkpoint path, twice: with relay.Client.DownloadCheckpointToFile (what
// the SDK calls: signed, resumable, checked) and with a plain GET + io.Copy
// into a file from the same server. The client fsyncs the file before it
// returns (crash safety), so the plain copy's fsync is timed too and a
// second ratio includes it. It reports both throughputs, their
// time ratio, and the peak growth of the resident set (VmRSS sampled from
// /proc/self/status) and of the Go heap during each, plus the process's
// VmHWM at the end.
func BenchmarkP4Download(b *testing.B) {
	size := int64(envInt(b, EnvP4MiB, 256)) << 20
	dir := b.TempDir()
	src := filepath.Join(dir, "served.zip")
	writeRandomFile(b, src, size)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/now", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"message": "success", "data": map[string]any{"now": time.Now().Unix()}})
	})
	serve := func(w http.ResponseWriter, r *http.Request) {
		f, err := os.Open(src)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		defer f.Close()
		w.Header().Set("Content-Type", "application/octet-stream")
		http.ServeContent(w, r, "checkpoint.zip", time.Time{}, f)
	}
	mux.HandleFunc("GET /v1/inference_tasks/{c}/results/checkpoint", serve)
	mux.HandleFunc("GET /plain", serve)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	key, _ := crypto.GenerateKey()
	cl, err := relay.New(srv.URL, wallet.NewKeySigner(key))
	require.NoError(b, err)
	hc := &http.Client{}
	ctx := context.Background()
	var commitment [32]byte
	commitment[0] = 1

	var clientDur, plainDur, syncDur time.Duration
	var clientRSS, clientHeap, plainRSS, plainHeap float64
	b.SetBytes(2 * size)
	for b.Loop() {
		out := filepath.Join(dir, "plain.zip")
		s := startSampler()
		start := time.Now()
		resp, err := hc.Get(srv.URL + "/plain")
		require.NoError(b, err)
		f, err := os.Create(out)
		require.NoError(b, err)
		n, err := io.Copy(f, resp.Body)
		require.NoError(b, err)
		plainDur += time.Since(start)
		syncStart := time.Now()
		require.NoError(b, f.Sync())
		syncDur += time.Since(syncStart)
		require.NoError(b, f.Close())
		_ = resp.Body.Close()
		r, h := s.stop()
		plainRSS, plainHeap = max(plainRSS, r), max(plainHeap, h)
		require.Equal(b, size, n)
		require.NoError(b, os.Remove(out))

		out = filepath.Join(dir, "client.zip")
		s = startSampler()
		start = time.Now()
		require.NoError(b, cl.DownloadCheckpointToFile(ctx, commitment, out))
		clientDur += time.Since(start)
		r, h = s.stop()
		clientRSS, clientHeap = max(clientRSS, r), max(clientHeap, h)
		st, err := os.Stat(out)
		require.NoError(b, err)
		require.Equal(b, size, st.Size())
		require.NoError(b, os.Remove(out))
	}
	b.StopTimer()
	mb := float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/clientDur.Seconds(), "client-MB/s")
	b.ReportMetric(mb/plainDur.Seconds(), "plain-MB/s")
	b.ReportMetric(clientDur.Seconds()/plainDur.Seconds(), "client/plain-time")
	b.ReportMetric(clientDur.Seconds()/(plainDur+syncDur).Seconds(), "client/plain+fsync-time")
	b.ReportMetric(clientRSS, "client-peak-RSS-MiB")
	b.ReportMetric(plainRSS, "plain-peak-RSS-MiB")
	b.ReportMetric(clientHeap, "client-peak-heap-MiB")
	b.ReportMetric(plainHeap, "plain-peak-heap-MiB")
	b.ReportMetric(float64(procStatusKB("VmHWM"))/(1<<20), "VmHWM-MiB")
}

// writeRandomFile writes size random bytes (a 1 MiB random block repeated).
func writeRandomFile(b *testing.B, path string, size int64) {
	block := make([]byte, 1<<20)
	_, err := rand.Read(block)
	require.NoError(b, err)
	f, err := os.Create(path)
	require.NoError(b, err)
	for off := int64(0); off < size; off += int64(len(block)) {
		_, err := f.Write(block[:min(int64(len(block)), size-off)])
		require.NoError(b, err)
	}
	require.NoError(b, f.Close())
}
