package relay

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// UploadTaskArgs uploads the task args of the chain task commitment
// (creator, POST /v1/inference_tasks/{c}, protocol §3.3 #1). The chain task
// must be in status Started and the signer must be its creator.
//
// The body is always multipart/form-data with the fields task_args,
// timestamp and signature and exactly one file part "checkpoint"
// (checkpoint.zip), as the on-chain-era Relay requires for fine-tune tasks.
// checkpoint nil sends an empty but valid zip (a fresh run, task args
// "checkpoint": null). An io.ReadSeeker (e.g. *os.File) streams from its
// current position on every attempt; any other reader is read into memory
// once. The whole body must fit the Relay's 32 MiB cap.
//
// If a retried attempt finds the args already uploaded (an earlier attempt
// succeeded but its answer was lost: "Task already uploaded", or "Task not
// started" once the Relay has reported the upload on chain) and the Relay
// holds exactly taskArgs, the call succeeds with the Relay's task.
func (c *Client) UploadTaskArgs(ctx context.Context, commitment [32]byte, taskArgs string, checkpoint io.Reader, opts ...CallOption) (*InferenceTask, error) {
	cfg := c.callConfig(false, opts)
	if checkpoint == nil {
		checkpoint = bytes.NewReader(emptyZip())
	}
	src, err := newSource(checkpoint, c.maxBody, "checkpoint")
	if err != nil {
		return nil, err
	}
	path := tasksPath(commitment)
	payload := map[string]any{"task_args": taskArgs, "task_id_commitment": CommitmentHex(commitment)}
	var task InferenceTask
	err = c.run(ctx, cfg, "POST "+path, func(ctx context.Context, attempt int) (bool, error) {
		ts, sig, err := c.sign(ctx, payload)
		if err != nil {
			return false, err
		}
		body, err := buildMultipart(
			[]formField{{"task_args", taskArgs}, {"timestamp", ts}, {"signature", sig}},
			[]filePart{{"checkpoint", "checkpoint.zip", "application/zip", src}},
		)
		if err != nil {
			return false, err
		}
		if body.size > c.maxBody {
			return false, tooLarge("the task args request", body.size, c.maxBody)
		}
		err = c.exchange(ctx, cfg, "POST", path, nil, body, &task)
		// A lost answer shows on the retry as "Task already uploaded", or as
		// "Task not started" once the Relay has reported the upload on chain.
		if attempt > 1 && (errors.Is(err, ErrAlreadyUploaded) || errors.Is(err, ErrTaskNotStarted)) {
			got, gerr := c.getTaskOnce(ctx, cfg, commitment)
			if gerr == nil && got.TaskArgs == taskArgs {
				task = *got
				return false, nil
			}
		}
		return false, err
	})
	if err != nil {
		return nil, err
	}
	return &task, nil
}

// GetTask returns the Relay's record of the task (creator or selected node,
// GET /v1/inference_tasks/{c}). The Relay answers "Task not ready"
// (ErrNotReady) once the task has left Created/ParamsUploaded, so follow a
// task's progress on chain, not here.
func (c *Client) GetTask(ctx context.Context, commitment [32]byte, opts ...CallOption) (*InferenceTask, error) {
	cfg := c.callConfig(false, opts)
	var task *InferenceTask
	err := c.run(ctx, cfg, "GET "+tasksPath(commitment), func(ctx context.Context, _ int) (bool, error) {
		t, err := c.getTaskOnce(ctx, cfg, commitment)
		task = t
		return false, err
	})
	if err != nil {
		return nil, err
	}
	return task, nil
}

func (c *Client) getTaskOnce(ctx context.Context, cfg callConfig, commitment [32]byte) (*InferenceTask, error) {
	q, err := c.signedQuery(ctx, map[string]any{"task_id_commitment": CommitmentHex(commitment)})
	if err != nil {
		return nil, err
	}
	var t InferenceTask
	if err := c.exchange(ctx, cfg, "GET", tasksPath(commitment), q, nil, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// UploadResults uploads a node's results (selected node, POST
// /v1/inference_tasks/{c}/results, protocol §3.3 #4): files in index order
// as parts named "files" (PNG images for SD and fine-tune tasks, JSON for
// LLM), and for fine-tune tasks the output checkpoint zip as the part
// "checkpoint" (nil: no checkpoint part). Readers are handled as in
// UploadTaskArgs; the whole body must fit the Relay's 32 MiB cap.
//
// If a retried attempt is answered "Task already uploaded" (an earlier
// attempt was stored but its answer was lost), the call succeeds; on a
// first attempt that answer is returned as ErrAlreadyUploaded.
func (c *Client) UploadResults(ctx context.Context, commitment [32]byte, files []io.Reader, checkpoint io.Reader, opts ...CallOption) error {
	if len(files) == 0 {
		return errors.New("relay: UploadResults needs at least one result file")
	}
	cfg := c.callConfig(false, opts)
	var parts []filePart
	var total int64
	for i, f := range files {
		if f == nil {
			return fmt.Errorf("relay: result file %d is nil", i)
		}
		src, err := newSource(f, c.maxBody-total, fmt.Sprintf("result file %d", i))
		if err != nil {
			return err
		}
		total += src.size
		head, err := src.head(512)
		if err != nil {
			return err
		}
		name, ct := resultFileName(i, head)
		parts = append(parts, filePart{"files", name, ct, src})
	}
	if checkpoint != nil {
		src, err := newSource(checkpoint, c.maxBody-total, "checkpoint")
		if err != nil {
			return err
		}
		parts = append(parts, filePart{"checkpoint", "checkpoint.zip", "application/zip", src})
	}
	path := tasksPath(commitment) + "/results"
	payload := map[string]any{"task_id_commitment": CommitmentHex(commitment)}
	return c.run(ctx, cfg, "POST "+path, func(ctx context.Context, attempt int) (bool, error) {
		ts, sig, err := c.sign(ctx, payload)
		if err != nil {
			return false, err
		}
		body, err := buildMultipart([]formField{{"timestamp", ts}, {"signature", sig}}, parts)
		if err != nil {
			return false, err
		}
		if body.size > c.maxBody {
			return false, tooLarge("the results request", body.size, c.maxBody)
		}
		err = c.exchange(ctx, cfg, "POST", path, nil, body, nil)
		if attempt > 1 && errors.Is(err, ErrAlreadyUploaded) {
			// An earlier attempt was stored but its answer was lost. The
			// Relay says so only to the selected node, and it stored only
			// files that match the on-chain score: the upload is done.
			c.log.Info("relay: results already uploaded by an earlier attempt", "op", "POST "+path)
			return false, nil
		}
		return false, err
	})
}
