package relay

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
)

// source is an upload input that can be read again for every attempt.
// Seekable inputs stream from their current position; others are read into
// memory once (bounded by the request body cap).
type source struct {
	rs    io.ReadSeeker
	start int64
	buf   []byte
	size  int64
}

func newSource(r io.Reader, limit int64, what string) (*source, error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		start, err := rs.Seek(0, io.SeekCurrent)
		if err == nil {
			end, err := rs.Seek(0, io.SeekEnd)
			if err != nil {
				return nil, fmt.Errorf("relay: find the size of %s: %w", what, err)
			}
			if _, err := rs.Seek(start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("relay: rewind %s: %w", what, err)
			}
			if end-start > limit {
				return nil, tooLarge(what, end-start, limit)
			}
			return &source{rs: rs, start: start, size: end - start}, nil
		}
		// Not really seekable (a pipe behind an *os.File): buffer it.
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("relay: read %s: %w", what, err)
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(what, int64(len(b)), limit)
	}
	return &source{buf: b, size: int64(len(b))}, nil
}

func tooLarge(what string, n, limit int64) error {
	return fmt.Errorf("relay: %s is larger than the relay's request cap (%d bytes > %d); the relay would reject it (protocol §3.1)", what, n, limit)
}

// open returns a reader positioned at the start of the input.
func (s *source) open() (io.Reader, error) {
	if s.rs == nil {
		return bytes.NewReader(s.buf), nil
	}
	if _, err := s.rs.Seek(s.start, io.SeekStart); err != nil {
		return nil, fmt.Errorf("relay: rewind upload input: %w", err)
	}
	return io.LimitReader(s.rs, s.size), nil
}

// head returns up to n leading bytes, for content sniffing.
func (s *source) head(n int) ([]byte, error) {
	r, err := s.open()
	if err != nil {
		return nil, err
	}
	b := make([]byte, n)
	m, err := io.ReadFull(r, b)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, fmt.Errorf("relay: read upload input: %w", err)
	}
	return b[:m], nil
}

type formField struct{ name, value string }

type filePart struct {
	field, filename, contentType string
	src                          *source
}

// multipartBody is a multipart/form-data body assembled from in-memory
// framing and the file sources, so files stream without being copied and
// the total length is known in advance.
type multipartBody struct {
	segs        []func() (io.Reader, error)
	size        int64
	contentType string
}

func (m *multipartBody) open() (io.Reader, error) {
	rs := make([]io.Reader, 0, len(m.segs))
	for _, s := range m.segs {
		r, err := s()
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return io.MultiReader(rs...), nil
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")

func buildMultipart(fields []formField, files []filePart) (*multipartBody, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	body := &multipartBody{contentType: mw.FormDataContentType()}
	flush := func() {
		b := bytes.Clone(buf.Bytes())
		buf.Reset()
		body.size += int64(len(b))
		body.segs = append(body.segs, func() (io.Reader, error) { return bytes.NewReader(b), nil })
	}
	for _, f := range fields {
		if err := mw.WriteField(f.name, f.value); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`,
			quoteEscaper.Replace(f.field), quoteEscaper.Replace(f.filename)))
		h.Set("Content-Type", f.contentType)
		if _, err := mw.CreatePart(h); err != nil {
			return nil, err
		}
		flush()
		body.segs = append(body.segs, f.src.open)
		body.size += f.src.size
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	flush()
	return body, nil
}

// emptyZip is a valid zip archive with no entries (22 bytes), sent as the
// mandatory checkpoint part of a fresh fine-tune task (protocol §3.3 note).
func emptyZip() []byte {
	var b bytes.Buffer
	_ = zip.NewWriter(&b).Close()
	return b.Bytes()
}

// resultFileName picks a file name and content type for result i from its
// leading bytes: PNG for image tasks, JSON for LLM tasks.
func resultFileName(i int, head []byte) (string, string) {
	ct := http.DetectContentType(head)
	switch {
	case ct == "image/png":
		return fmt.Sprintf("%d.png", i), "image/png"
	case len(bytes.TrimSpace(head)) > 0 && (bytes.TrimSpace(head)[0] == '{' || bytes.TrimSpace(head)[0] == '['):
		return fmt.Sprintf("%d.json", i), "application/json"
	}
	return fmt.Sprintf("%d.bin", i), "application/octet-stream"
}
