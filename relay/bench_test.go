package relay_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/relay"
)

// EnvBenchMiB sets the size of the file BenchmarkDownload fetches (MiB).
const EnvBenchMiB = "CRYNUX_BENCH_MIB"

// patternFile is a large file generated on the fly, so that serving it adds
// nothing to the heap being measured.
type patternFile struct {
	size, off int64
	block     []byte
}

func newPatternFile(size int64) *patternFile {
	return &patternFile{size: size, block: randomBytes(99, 64<<10)}
}

func (p *patternFile) Read(b []byte) (int, error) {
	if p.off >= p.size {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), p.size-p.off)]
	n := 0
	for n < len(b) {
		n += copy(b[n:], p.block[(p.off+int64(n))&(64<<10-1):])
	}
	p.off += int64(n)
	return n, nil
}

func (p *patternFile) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		off += p.off
	case io.SeekEnd:
		off += p.size
	}
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	p.off = off
	return off, nil
}

// heapPeak samples HeapInuse until stop is called and returns the peak.
func heapPeak() (stop func() uint64) {
	done := make(chan struct{})
	var peak uint64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak }
}

// BenchmarkDownload fetches one large checkpoint (CRYNUX_BENCH_MIB, default
// 64 MiB) per iteration twice from the same loopback server: with
// Client.DownloadCheckpoint (signed, checked, resumable) and with a plain
// net/http GET + io.Copy. It reports both throughputs, their time ratio
// (client/plain, 1.0 = no overhead) and the peak heap in use above the pre-download baseline during each.
func BenchmarkDownload(b *testing.B) {
	sizeMiB := int64(64)
	if v := os.Getenv(EnvBenchMiB); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		require.NoError(b, err, EnvBenchMiB)
		sizeMiB = n
	}
	size := sizeMiB << 20
	creator := newParty(b)
	c := commitment(42)
	cHex := relay.CommitmentHex(c)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/now", func(w http.ResponseWriter, r *http.Request) {
		writeSuccess(w, map[string]any{"now": time.Now().Unix()})
	})
	serve := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		http.ServeContent(w, r, "checkpoint.zip", time.Time{}, newPatternFile(size))
	}
	mux.HandleFunc("GET /v1/inference_tasks/{c}/results/checkpoint", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		ts, _ := strconv.ParseInt(q.Get("timestamp"), 10, 64)
		addr, err := relay.Recover(map[string]any{"task_id_commitment": r.PathValue("c")}, ts, q.Get("signature"))
		if err != nil || addr != creator.addr || r.PathValue("c") != cHex {
			writeValidation(w, "signature", relay.MsgSignerNotAllowed)
			return
		}
		serve(w, r)
	})
	mux.HandleFunc("GET /plain", serve)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cl := newClient(b, srv.URL, creator)
	hc := &http.Client{}
	ctx := context.Background()

	var clientDur, plainDur time.Duration
	var clientPeak, plainPeak uint64
	b.SetBytes(2 * size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)

		stop := heapPeak()
		start := time.Now()
		resp, err := hc.Get(srv.URL + "/plain")
		require.NoError(b, err)
		n, err := io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		plainDur += time.Since(start)
		peak := stop()
		require.NoError(b, err)
		require.Equal(b, size, n)
		if peak > base.HeapInuse {
			plainPeak = max(plainPeak, peak-base.HeapInuse)
		}

		runtime.GC()
		runtime.ReadMemStats(&base)
		stop = heapPeak()
		start = time.Now()
		n, err = cl.DownloadCheckpoint(ctx, c, io.Discard)
		clientDur += time.Since(start)
		peak = stop()
		require.NoError(b, err)
		require.Equal(b, size, n)
		if peak > base.HeapInuse {
			clientPeak = max(clientPeak, peak-base.HeapInuse)
		}
	}
	b.StopTimer()
	mb := float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/clientDur.Seconds(), "client-MB/s")
	b.ReportMetric(mb/plainDur.Seconds(), "plain-MB/s")
	b.ReportMetric(clientDur.Seconds()/plainDur.Seconds(), "client/plain-time")
	b.ReportMetric(float64(clientPeak)/(1<<20), "client-peak-heap-MiB")
	b.ReportMetric(float64(plainPeak)/(1<<20), "plain-peak-heap-MiB")
}
