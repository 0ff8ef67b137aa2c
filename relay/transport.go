package relay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// watchdog cancels an attempt when it goes stallTimeout without progress.
type watchdog struct {
	d time.Duration
	t *time.Timer
}

func newWatchdog(d time.Duration, fire func()) *watchdog {
	return &watchdog{d: d, t: time.AfterFunc(d, fire)}
}

func (w *watchdog) kick() { w.t.Reset(w.d) }
func (w *watchdog) stop() { w.t.Stop() }

// kickReader resets the watchdog whenever bytes move.
type kickReader struct {
	r  io.Reader
	wd *watchdog
}

func (k *kickReader) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if n > 0 {
		k.wd.kick()
	}
	return n, err
}

// response is one attempt's answer. Body reads keep the watchdog alive;
// close releases the connection and the attempt's resources.
type response struct {
	*http.Response
	body   io.Reader
	parent context.Context
	actx   context.Context
	wd     *watchdog
	cancel context.CancelCauseFunc
}

func (r *response) close() {
	r.wd.stop()
	_ = r.Response.Body.Close()
	r.cancel(nil)
}

// readErr classifies an error met while reading the body.
func (r *response) readErr(err error) error {
	return classifyTransport(r.parent, r.actx, err)
}

func classifyTransport(parent, actx context.Context, err error) error {
	if perr := parent.Err(); perr != nil {
		return perr
	}
	if cause := context.Cause(actx); errors.Is(cause, errStalled) {
		return &transportError{errStalled}
	}
	return &transportError{redactURL(err)}
}

// redactURL drops the query (timestamp, signature) from the URL that
// net/http puts in its errors, so that logs and messages stay short and
// carry no credentials.
func redactURL(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	u, perr := url.Parse(ue.URL)
	if perr != nil {
		return &url.Error{Op: ue.Op, URL: "(unparsable URL)", Err: ue.Err}
	}
	u.RawQuery = ""
	return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
}

// send performs one HTTP exchange through resty. The returned response must
// be closed. Transport failures come back as *transportError (or the
// parent's context error).
func (c *Client) send(ctx context.Context, cfg callConfig, method, path string, query url.Values, header http.Header, body *multipartBody) (*response, error) {
	actx, cancel := context.WithCancelCause(ctx)
	wd := newWatchdog(cfg.stallTimeout, func() { cancel(errStalled) })
	r := c.rc.R().SetDoNotParseResponse(true)
	if query != nil {
		r.SetQueryParamsFromValues(query)
	}
	for k, vs := range header {
		for _, v := range vs {
			r.Header.Add(k, v)
		}
	}
	if body != nil {
		rd, err := body.open()
		if err != nil {
			wd.stop()
			cancel(nil)
			return nil, err
		}
		r.SetHeader("Content-Type", body.contentType)
		r.SetBody(&kickReader{rd, wd})
		actx = context.WithValue(actx, contentLengthKey{}, body.size)
	}
	r.SetContext(actx)
	resp, err := r.Execute(method, c.url(path))
	if err != nil {
		if resp != nil && resp.RawResponse != nil {
			_ = resp.RawResponse.Body.Close()
		}
		wd.stop()
		cancel(nil)
		return nil, classifyTransport(ctx, actx, err)
	}
	raw := resp.RawResponse
	wd.kick()
	return &response{
		Response: raw,
		body:     &kickReader{raw.Body, wd},
		parent:   ctx,
		actx:     actx,
		wd:       wd,
		cancel:   cancel,
	}, nil
}

// maxJSONBody bounds a success envelope (task_args fit well within it).
const maxJSONBody = 64 << 20

// exchange performs one attempt of a JSON call: signed fields go in the
// query (GET) or the multipart body (POST). out receives the envelope's data
// (may be nil).
func (c *Client) exchange(ctx context.Context, cfg callConfig, method, path string, query url.Values, body *multipartBody, out any) error {
	resp, err := c.send(ctx, cfg, method, path, query, nil, body)
	if err != nil {
		return err
	}
	defer resp.close()
	if resp.StatusCode != http.StatusOK {
		return decodeError(&http.Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: io.NopCloser(resp.body)})
	}
	raw, err := io.ReadAll(io.LimitReader(resp.body, maxJSONBody))
	if err != nil {
		return resp.readErr(err)
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("relay answered 200 with a body that is not the JSON envelope (%s): %w", excerpt(raw), err)
	}
	if out == nil {
		return nil
	}
	if len(env.Data) == 0 || string(env.Data) == "null" {
		return fmt.Errorf("relay answered 200 without data (message %q)", env.Message)
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return fmt.Errorf("relay answered 200 with data that does not decode: %w", err)
	}
	return nil
}

// signedQuery signs payload with a fresh timestamp and returns the
// timestamp/signature query parameters.
func (c *Client) signedQuery(ctx context.Context, payload map[string]any) (url.Values, error) {
	ts, sig, err := c.sign(ctx, payload)
	if err != nil {
		return nil, err
	}
	return url.Values{"timestamp": {ts}, "signature": {sig}}, nil
}

// sign returns a fresh timestamp (Relay clock) and the signature over
// payload at it.
func (c *Client) sign(ctx context.Context, payload map[string]any) (ts, sig string, err error) {
	c.ensureClock(ctx)
	t := c.timestamp()
	sig, err = Sign(ctx, c.signer, payload, t)
	if err != nil {
		return "", "", fmt.Errorf("sign request as %s: %w", c.signer.Address(), err)
	}
	return strconv.FormatInt(t, 10), sig, nil
}
