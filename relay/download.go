package relay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// DownloadResult streams result file index (a validation image for a
// fine-tune task) into w (creator, GET /v1/inference_tasks/{c}/results/{index},
// protocol §3.3 #5) and returns the bytes written. "Not uploaded yet" answers
// are retried by default (WithRetryNotReady); an index past the last file
// gives ErrFileNotFound.
func (c *Client) DownloadResult(ctx context.Context, commitment [32]byte, index int, w io.Writer, opts ...DownloadOption) (int64, error) {
	if index < 0 {
		return 0, fmt.Errorf("relay: result index %d is negative", index)
	}
	path, payload := resultRequest(commitment, index)
	return c.download(ctx, c.callConfig(true, opts), path, payload, w, 0)
}

// DownloadCheckpoint streams the task's output checkpoint zip into w
// (creator, GET /v1/inference_tasks/{c}/results/checkpoint, protocol §3.3 #6)
// and returns the bytes written.
func (c *Client) DownloadCheckpoint(ctx context.Context, commitment [32]byte, w io.Writer, opts ...DownloadOption) (int64, error) {
	path, payload := checkpointRequest(commitment)
	return c.download(ctx, c.callConfig(true, opts), path, payload, w, 0)
}

// GetInputCheckpoint streams the checkpoint the creator uploaded with the
// task args into w (node, GET /v1/inference_tasks/{c}/checkpoint, protocol
// §3.3 #3) and returns the bytes written.
func (c *Client) GetInputCheckpoint(ctx context.Context, commitment [32]byte, w io.Writer, opts ...DownloadOption) (int64, error) {
	path := tasksPath(commitment) + "/checkpoint"
	payload := map[string]any{"task_id_commitment": CommitmentHex(commitment)}
	return c.download(ctx, c.callConfig(true, opts), path, payload, w, 0)
}

// DownloadResultToFile downloads result file index to path; see
// DownloadCheckpointToFile for how the file is written and resumed.
func (c *Client) DownloadResultToFile(ctx context.Context, commitment [32]byte, index int, path string, opts ...DownloadOption) error {
	if index < 0 {
		return fmt.Errorf("relay: result index %d is negative", index)
	}
	p, payload := resultRequest(commitment, index)
	return c.downloadToFile(ctx, c.callConfig(true, opts), p, payload, path)
}

// DownloadCheckpointToFile downloads the task's output checkpoint zip to
// path. Data goes to path+".part", which is renamed to path once complete.
// A .part left by an earlier, interrupted call is resumed from its size (a
// task's files never change once uploaded); a failed call that received
// nothing leaves no .part. The directory must exist.
func (c *Client) DownloadCheckpointToFile(ctx context.Context, commitment [32]byte, path string, opts ...DownloadOption) error {
	p, payload := checkpointRequest(commitment)
	return c.downloadToFile(ctx, c.callConfig(true, opts), p, payload, path)
}

func resultRequest(commitment [32]byte, index int) (string, map[string]any) {
	idx := strconv.Itoa(index)
	return tasksPath(commitment) + "/results/" + idx,
		map[string]any{"index": idx, "task_id_commitment": CommitmentHex(commitment)}
}

func checkpointRequest(commitment [32]byte) (string, map[string]any) {
	return tasksPath(commitment) + "/results/checkpoint",
		map[string]any{"task_id_commitment": CommitmentHex(commitment)}
}

func (c *Client) downloadToFile(ctx context.Context, cfg callConfig, reqPath string, payload map[string]any, path string) error {
	part := path + ".part"
	f, err := os.OpenFile(part, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("relay: open %s for the download: %w", part, err)
	}
	defer func() {
		if f != nil {
			_ = f.Close()
		}
	}()
	start, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return fmt.Errorf("relay: find the size of %s: %w", part, err)
	}
	if start > 0 {
		c.log.Info("relay: resuming download", "file", part, "from", start)
	}
	_, err = c.download(ctx, cfg, reqPath, payload, f, start)
	if errors.Is(err, errStalePart) {
		c.log.Warn("relay: partial file is longer than the relay's file; starting over", "file", part)
		if err = f.Truncate(0); err == nil {
			if _, err = f.Seek(0, io.SeekStart); err == nil {
				_, err = c.download(ctx, cfg, reqPath, payload, f, 0)
			}
		}
	}
	if err != nil {
		// A failure that left nothing behind (e.g. "File not found") must
		// not leave an empty .part either.
		if st, serr := f.Stat(); serr == nil && st.Size() == 0 {
			_ = f.Close()
			f = nil
			_ = os.Remove(part)
		}
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("relay: flush %s: %w", part, err)
	}
	if err := f.Close(); err != nil {
		f = nil
		return fmt.Errorf("relay: close %s: %w", part, err)
	}
	f = nil
	if err := os.Rename(part, path); err != nil {
		return fmt.Errorf("relay: move finished download %s to %s: %w", part, path, err)
	}
	return nil
}

// sink counts what reaches the caller's writer and remembers its errors,
// which are never retried.
type sink struct {
	w        io.Writer
	done     int64
	total    *int64
	err      error
	progress func(done, total int64)
}

func (s *sink) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.done += int64(n)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = err
		return n, err
	}
	if s.progress != nil {
		s.progress(s.done, *s.total)
	}
	return n, nil
}

// copyBufferSize is the download copy buffer: large enough for full speed
// on loopback, small enough to keep memory constant.
const copyBufferSize = 256 << 10

// download streams the file at reqPath into w, starting at offset start (the
// bytes w already holds), resuming with Range requests after failures. It
// returns the bytes written by this call.
func (c *Client) download(ctx context.Context, cfg callConfig, reqPath string, payload map[string]any, w io.Writer, start int64) (int64, error) {
	total := int64(-1)
	s := &sink{w: w, done: start, total: &total, progress: cfg.progress}
	buf := make([]byte, copyBufferSize)
	err := c.run(ctx, cfg, "GET "+reqPath, func(ctx context.Context, _ int) (bool, error) {
		before := s.done
		err := c.downloadAttempt(ctx, cfg, reqPath, payload, s, buf)
		return s.done > before, err
	})
	return s.done - start, err
}

func (c *Client) downloadAttempt(ctx context.Context, cfg callConfig, reqPath string, payload map[string]any, s *sink, buf []byte) error {
	q, err := c.signedQuery(ctx, payload)
	if err != nil {
		return err
	}
	// identity: byte offsets must refer to the file itself, and Go's
	// transparent gzip would hide a compressed representation.
	h := http.Header{"Accept-Encoding": {"identity"}}
	if s.done > 0 {
		h.Set("Range", fmt.Sprintf("bytes=%d-", s.done))
	}
	resp, err := c.send(ctx, cfg, "GET", reqPath, q, h, nil)
	if err != nil {
		return err
	}
	defer resp.close()

	body := resp.body
	switch {
	case resp.StatusCode == http.StatusOK:
		if resp.ContentLength >= 0 {
			if err := setTotal(s.total, resp.ContentLength); err != nil {
				return err
			}
		}
		if s.done > 0 {
			// The server ignored the Range: skip what we already have.
			if *s.total >= 0 && s.done > *s.total {
				return errStalePart
			}
			if _, err := io.CopyN(io.Discard, body, s.done); err != nil {
				return resp.readErr(err)
			}
		}
	case resp.StatusCode == http.StatusPartialContent:
		first, last, size, err := parseContentRange(resp.Header.Get("Content-Range"))
		if err != nil {
			return err
		}
		if first != s.done {
			return fmt.Errorf("relay answered range %d-%d to a request from byte %d", first, last, s.done)
		}
		if size >= 0 {
			if err := setTotal(s.total, size); err != nil {
				return err
			}
		}
	case resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && s.done > 0:
		// We asked from the end (or past it) of the file.
		_, _, size, err := parseContentRange(resp.Header.Get("Content-Range"))
		if err != nil || size < 0 {
			return fmt.Errorf("relay refused the range from byte %d without saying the file size", s.done)
		}
		if size == s.done {
			*s.total = size
			return nil
		}
		if size < s.done {
			return errStalePart
		}
		return fmt.Errorf("relay refused the range from byte %d of a %d-byte file", s.done, size)
	default:
		// Never let an error body reach the output.
		return decodeError(&http.Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: io.NopCloser(body)})
	}

	if s.progress != nil {
		s.progress(s.done, *s.total)
	}
	if _, err := io.CopyBuffer(s, body, buf); err != nil {
		if s.err != nil {
			return &writeError{s.err}
		}
		return resp.readErr(err)
	}
	if *s.total >= 0 && s.done < *s.total {
		return &transportError{fmt.Errorf("relay closed the download at byte %d of %d", s.done, *s.total)}
	}
	if *s.total >= 0 && s.done > *s.total {
		return fmt.Errorf("relay sent %d bytes of a %d-byte file", s.done, *s.total)
	}
	return nil
}

// setTotal records the file size, refusing a change between attempts.
func setTotal(total *int64, n int64) error {
	if *total >= 0 && *total != n {
		return fmt.Errorf("relay file size changed between attempts (%d, then %d bytes); start the download again", *total, n)
	}
	*total = n
	return nil
}

// parseContentRange parses "bytes first-last/size" or "bytes */size";
// size is -1 for "*". first and last are -1 for the unsatisfied form.
func parseContentRange(v string) (first, last, size int64, err error) {
	bad := func() (int64, int64, int64, error) {
		return 0, 0, 0, fmt.Errorf("relay sent a malformed Content-Range %q", v)
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(v), "bytes ")
	if !ok {
		return bad()
	}
	rng, sz, ok := strings.Cut(strings.TrimSpace(rest), "/")
	if !ok {
		return bad()
	}
	size = -1
	if sz != "*" {
		if size, err = strconv.ParseInt(sz, 10, 64); err != nil || size < 0 {
			return bad()
		}
	}
	if rng == "*" {
		return -1, -1, size, nil
	}
	a, b, ok := strings.Cut(rng, "-")
	if !ok {
		return bad()
	}
	if first, err = strconv.ParseInt(a, 10, 64); err != nil || first < 0 {
		return bad()
	}
	if last, err = strconv.ParseInt(b, 10, 64); err != nil || last < first {
		return bad()
	}
	if size >= 0 && last >= size {
		return bad()
	}
	return first, last, size, nil
}
