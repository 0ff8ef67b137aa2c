package relayserver

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// startWorker runs the chain worker of task c unless one is running or the
// server is closed.
func (s *Server) startWorker(c string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	if _, running := s.workers[c]; running {
		return
	}
	s.workers[c] = struct{}{}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.workers, c)
			s.mu.Unlock()
		}()
		s.runWorker(s.ctx, c)
	}()
}

// runWorker plays the relay account for task c (protocol §3.4) until the
// row ends, its deadline passes, or the server closes.
func (s *Server) runWorker(ctx context.Context, c string) {
	var cb [32]byte
	copy(cb[:], hexutil.MustDecode(c))
	t := time.NewTicker(s.cfg.PollInterval)
	defer t.Stop()
	for {
		if s.step(ctx, c, cb) {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// endStatus maps a final chain status to the relay status that mirrors it.
func endStatus(chainStatus uint8) (int, bool) {
	switch chainStatus {
	case ChainEndSuccess, ChainEndGroupSuccess:
		return StatusEndSuccess, true
	case ChainEndAborted:
		return StatusEndAborted, true
	case ChainEndInvalidated:
		return StatusEndInvalidated, true
	case ChainEndGroupRefund:
		return StatusEndGroupRefund, true
	}
	return 0, false
}

// step does one round of the worker and reports whether the task is done.
func (s *Server) step(ctx context.Context, c string, cb [32]byte) bool {
	rec, ok := s.store.get(c)
	if !ok || rec.ended() {
		return true
	}
	if s.now().After(rec.Deadline) {
		s.log.Warn("relay task deadline passed, marking it aborted", "task", c, "status", rec.Task.Status)
		s.update(c, func(r *taskRecord) { r.Task.Status = StatusEndAborted })
		return true
	}
	view, err := s.chain.GetTask(ctx, cb)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Warn("read task from chain", "task", c, "err", err)
		}
		return false
	}
	if st, final := endStatus(view.Status); final {
		s.log.Info("task ended on chain", "task", c, "chain_status", view.Status)
		s.update(c, func(r *taskRecord) {
			r.Task.Status = st
			r.Task.AbortReason = view.AbortReason
			r.Task.TaskError = view.Error
		})
		return true
	}
	switch rec.Task.Status {
	case StatusCreated:
		switch view.Status {
		case ChainQueued:
			return false
		case ChainStarted:
			if err := s.chain.ReportTaskParametersUploaded(ctx, cb); err != nil {
				if ctx.Err() == nil {
					s.log.Warn("report task parameters uploaded", "task", c, "err", err)
				}
				return false
			}
		}
		// The chain is past Started: the report went through (maybe before a restart).
		s.update(c, func(r *taskRecord) {
			if r.Task.Status == StatusCreated {
				r.Task.Status = StatusParamsUploaded
			}
		})
	case StatusParamsUploaded, StatusResultsReady:
		validated := view.Status == ChainValidated || view.Status == ChainGroupValidated
		if (validated && !rec.Task.ValidatedTime.Valid) || (view.ScoreReadyTime != 0 && !rec.Task.ScoreReadyTime.Valid) {
			s.update(c, func(r *taskRecord) {
				if validated && !r.Task.ValidatedTime.Valid {
					r.Task.ValidatedTime = nullTime(s.now())
				}
				r.Task.ScoreReadyTime = unixNullTime(view.ScoreReadyTime)
			})
		}
		if rec.Task.Status == StatusResultsReady && validated {
			if err := s.chain.ReportTaskResultUploaded(ctx, cb); err != nil {
				if ctx.Err() == nil {
					s.log.Warn("report task result uploaded", "task", c, "err", err)
				}
				return false
			}
			s.log.Info("task results reported on chain", "task", c)
			s.update(c, func(r *taskRecord) { r.Task.Status = StatusEndSuccess })
			return true
		}
	}
	return false
}

// update applies fn to the current row of c under its lock and saves it,
// unless the row has ended meanwhile.
func (s *Server) update(c string, fn func(*taskRecord)) {
	unlock := s.store.lock(c)
	defer unlock()
	rec, ok := s.store.get(c)
	if !ok || rec.ended() {
		return
	}
	fn(&rec)
	if _, err := s.store.put(rec); err != nil {
		s.log.Error("save task row", "task", c, "err", err)
	}
}
