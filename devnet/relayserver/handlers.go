package relayserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// multipartMemory is how much of a multipart body is kept in memory; the
// rest of the file parts spill to temporary files.
const multipartMemory = 4 << 20

// form is a parsed request body.
type form struct {
	values    map[string]string
	multipart *multipart.Form // nil unless the body was multipart/form-data
}

// parseBody reads a POST body as multipart, urlencoded or JSON, within the
// configured size limit.
func (s *Server) parseBody(w http.ResponseWriter, r *http.Request) (*form, *apiError) {
	tooLarge := &apiError{status: http.StatusRequestEntityTooLarge,
		message: fmt.Sprintf("request body is larger than the relay's limit of %d bytes", s.cfg.MaxBodyBytes)}
	if r.ContentLength > s.cfg.MaxBodyBytes {
		return nil, tooLarge
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	bodyErr := func(err error) *apiError {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) || strings.Contains(err.Error(), "request body too large") {
			return tooLarge
		}
		return &apiError{status: http.StatusBadRequest, message: "cannot read request body: " + err.Error()}
	}
	f := &form{values: map[string]string{}}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(multipartMemory); err != nil {
			return nil, bodyErr(err)
		}
		f.multipart = r.MultipartForm
		for k, v := range r.MultipartForm.Value {
			if len(v) > 0 {
				f.values[k] = v[0]
			}
		}
	case "application/json":
		var in map[string]any
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			return nil, bodyErr(err)
		}
		// The upstream binding matches JSON keys case-insensitively.
		for k, v := range in {
			switch v := v.(type) {
			case string:
				f.values[strings.ToLower(k)] = v
			case float64:
				f.values[strings.ToLower(k)] = strconv.FormatFloat(v, 'f', -1, 64)
			case json.Number:
				f.values[strings.ToLower(k)] = v.String()
			}
		}
	default:
		if err := r.ParseForm(); err != nil {
			return nil, bodyErr(err)
		}
		for k, v := range r.PostForm {
			if len(v) > 0 {
				f.values[k] = v[0]
			}
		}
	}
	return f, nil
}

func (f *form) files(name string) []*multipart.FileHeader {
	if f.multipart == nil {
		return nil
	}
	return f.multipart.File[name]
}

func (f *form) cleanup() {
	if f != nil && f.multipart != nil {
		_ = f.multipart.RemoveAll()
	}
}

// handleCreate is endpoint 1: POST /v1/inference_tasks/{c} (creator uploads
// task args, and for SD_FT the input checkpoint).
func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	cs := r.PathValue("c")
	c, e := parseCommitment(cs)
	if e != nil {
		writeErr(w, e)
		return
	}
	f, e := s.parseBody(w, r)
	if e != nil {
		writeErr(w, e)
		return
	}
	defer f.cleanup()
	args := f.values["task_args"]
	if args == "" {
		writeErr(w, validationErr("task_args", msgFieldRequired))
		return
	}
	signer, e := s.recoverSigner(map[string]any{"task_args": args, "task_id_commitment": cs},
		f.values["timestamp"], f.values["signature"])
	if e != nil {
		writeErr(w, e)
		return
	}
	view, err := s.chain.GetTask(r.Context(), c)
	if err != nil {
		writeErr(w, serverErr(err.Error()))
		return
	}
	if !view.Exists {
		writeErr(w, validationErr("task_id_commitment", msgTaskNotFoundOnChain))
		return
	}
	if view.Status != ChainStarted {
		writeErr(w, validationErr("task_id_commitment", msgTaskNotStarted))
		return
	}
	if signer != view.Creator {
		writeErr(w, validationErr("signature", msgSignerNotAllowed))
		return
	}
	if err := s.validate(view.TaskType, args); err != nil {
		writeErr(w, validationErr("task_args", err.Error()))
		return
	}

	unlock := s.store.lock(cs)
	defer unlock()
	if _, exists := s.store.get(cs); exists {
		writeErr(w, validationErr("task_id_commitment", msgTaskAlreadyUploaded))
		return
	}
	if view.TaskType == TaskTypeSDFT {
		if f.multipart == nil {
			writeErr(w, serverErr(msgNotMultipart))
			return
		}
		parts := f.files("checkpoint")
		if len(parts) != 1 {
			writeErr(w, validationErr("checkpoint", msgInputCheckpointMissing))
			return
		}
		if err := saveUpload(parts[0], s.store.inputCheckpointPath(cs)); err != nil {
			writeErr(w, serverErr(err.Error()))
			return
		}
	}
	now := s.now()
	rec := taskRecord{
		Task: InferenceTask{
			TaskArgs:         args,
			TaskIDCommitment: cs,
			Creator:          view.Creator.Hex(),
			Status:           StatusCreated,
			TaskType:         view.TaskType,
			MinVRAM:          view.MinimumVRAM,
			RequiredGPU:      view.RequiredGPU,
			RequiredGPUVRAM:  view.RequiredGPUVRAM,
			TaskFee:          weiToCNX(view.TaskFee),
			TaskSize:         view.TaskSize,
			ModelIDs:         append([]string{}, view.ModelIDs...),
			AbortReason:      view.AbortReason,
			TaskError:        view.Error,
			SelectedNode:     view.SelectedNode.Hex(),
			CreateTime:       unixNullTime(view.CreateTimestamp),
			StartTime:        unixNullTime(view.StartTimestamp),
			ScoreReadyTime:   unixNullTime(view.ScoreReadyTime),
		},
		Deadline: now.Add(s.cfg.TaskTimeout),
	}
	rec, err = s.store.put(rec)
	if err != nil {
		writeErr(w, serverErr(err.Error()))
		return
	}
	s.log.Info("task args uploaded", "task", cs, "type", view.TaskType)
	s.startWorker(cs)
	writeOK(w, rec.Task)
}

func weiToCNX(wei *big.Int) float64 {
	if wei == nil {
		return 0
	}
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(1e18)).Float64()
	return f
}

// signedGet checks a signed GET whose payload is {"task_id_commitment": c}
// plus extra, and returns the commitment string, the signer and the row.
func (s *Server) signedGet(r *http.Request, extra map[string]any) (string, common.Address, taskRecord, *apiError) {
	cs := r.PathValue("c")
	if _, e := parseCommitment(cs); e != nil {
		return "", common.Address{}, taskRecord{}, e
	}
	payload := map[string]any{"task_id_commitment": cs}
	for k, v := range extra {
		payload[k] = v
	}
	q := r.URL.Query()
	signer, e := s.recoverSigner(payload, q.Get("timestamp"), q.Get("signature"))
	if e != nil {
		return "", common.Address{}, taskRecord{}, e
	}
	rec, ok := s.store.get(cs)
	if !ok {
		return "", common.Address{}, taskRecord{}, validationErr("task_id_commitment", msgTaskNotFound)
	}
	return cs, signer, rec, nil
}

func isCreatorOrNode(rec taskRecord, a common.Address) bool {
	return a == common.HexToAddress(rec.Task.Creator) || a == common.HexToAddress(rec.Task.SelectedNode)
}

// handleGetTask is endpoint 2: GET /v1/inference_tasks/{c}.
func (s *Server) handleGetTask(w http.ResponseWriter, r *http.Request) {
	_, signer, rec, e := s.signedGet(r, nil)
	if e != nil {
		writeErr(w, e)
		return
	}
	if rec.Task.TaskArgs == "" || (rec.Task.Status != StatusCreated && rec.Task.Status != StatusParamsUploaded) {
		writeErr(w, validationErr("task_id_commitment", msgTaskNotReady))
		return
	}
	if !isCreatorOrNode(rec, signer) {
		writeErr(w, validationErr("signature", msgSignerNotAllowed))
		return
	}
	writeOK(w, rec.Task)
}

// handleGetInputCheckpoint is endpoint 3: GET /v1/inference_tasks/{c}/checkpoint.
func (s *Server) handleGetInputCheckpoint(w http.ResponseWriter, r *http.Request) {
	cs, signer, rec, e := s.signedGet(r, nil)
	if e != nil {
		writeErr(w, e)
		return
	}
	if !isCreatorOrNode(rec, signer) {
		writeErr(w, validationErr("signature", msgSignerNotAllowed))
		return
	}
	if rec.Task.Status != StatusParamsUploaded {
		writeErr(w, validationErr("task_id_commitment", msgTaskNotReady))
		return
	}
	s.serveFile(w, r, s.store.inputCheckpointPath(cs), "task_id_commitment")
}

// handleGetResult is endpoint 5: GET /v1/inference_tasks/{c}/results/{index}.
func (s *Server) handleGetResult(w http.ResponseWriter, r *http.Request) {
	idxStr := r.PathValue("index")
	cs, signer, rec, e := s.signedGet(r, map[string]any{"index": idxStr})
	if e != nil {
		writeErr(w, e)
		return
	}
	idx, err := strconv.Atoi(idxStr)
	if err != nil || idx < 0 {
		writeErr(w, validationErr("index", msgInvalidIndex))
		return
	}
	if signer != common.HexToAddress(rec.Task.Creator) {
		writeErr(w, validationErr("signature", msgSignerNotAllowed))
		return
	}
	if rec.Task.Status != StatusResultsReady && rec.Task.Status != StatusEndSuccess {
		writeErr(w, validationErr("task_id_commitment", msgResultsNotUploaded))
		return
	}
	if idx >= rec.ResultFiles {
		writeErr(w, validationErr("index", msgFileNotFound))
		return
	}
	s.serveFile(w, r, s.store.resultPath(cs, idx, rec.Task.TaskType), "index")
}

// handleGetResultCheckpoint is endpoint 6: GET /v1/inference_tasks/{c}/results/checkpoint.
func (s *Server) handleGetResultCheckpoint(w http.ResponseWriter, r *http.Request) {
	cs, signer, rec, e := s.signedGet(r, nil)
	if e != nil {
		writeErr(w, e)
		return
	}
	if signer != common.HexToAddress(rec.Task.Creator) {
		writeErr(w, validationErr("signature", msgSignerNotAllowed))
		return
	}
	if rec.Task.Status != StatusResultsReady && rec.Task.Status != StatusEndSuccess {
		writeErr(w, validationErr("task_id_commitment", msgCheckpointNotUploaded))
		return
	}
	s.serveFile(w, r, s.store.resultCheckpointPath(cs), "task_id_commitment")
}

// serveFile sends path as application/octet-stream with Range support;
// a missing file is the validation error "File not found" on field.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, path, field string) {
	fh, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		writeErr(w, validationErr(field, msgFileNotFound))
		return
	}
	if err != nil {
		writeErr(w, serverErr(fmt.Sprintf("open %s: %v", filepath.Base(path), err)))
		return
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		writeErr(w, serverErr(fmt.Sprintf("stat %s: %v", filepath.Base(path), err)))
		return
	}
	name := filepath.Base(path)
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	http.ServeContent(w, r, name, st.ModTime(), fh)
}

// handleUploadResults is endpoint 4: POST /v1/inference_tasks/{c}/results
// (the selected node uploads result files and, for SD_FT, the checkpoint).
func (s *Server) handleUploadResults(w http.ResponseWriter, r *http.Request) {
	cs := r.PathValue("c")
	c, e := parseCommitment(cs)
	if e != nil {
		writeErr(w, e)
		return
	}
	f, e := s.parseBody(w, r)
	if e != nil {
		writeErr(w, e)
		return
	}
	defer f.cleanup()
	signer, e := s.recoverSigner(map[string]any{"task_id_commitment": cs}, f.values["timestamp"], f.values["signature"])
	if e != nil {
		writeErr(w, e)
		return
	}
	if _, ok := s.store.get(cs); !ok {
		writeErr(w, validationErr("task_id_commitment", msgTaskNotFound))
		return
	}
	view, err := s.chain.GetTask(r.Context(), c)
	if err != nil {
		writeErr(w, serverErr(err.Error()))
		return
	}
	if signer != view.SelectedNode {
		writeErr(w, validationErr("signature", msgSignerNotAllowed))
		return
	}

	unlock := s.store.lock(cs)
	defer unlock()
	rec, _ := s.store.get(cs)
	switch rec.Task.Status {
	case StatusParamsUploaded:
	case StatusResultsReady, StatusEndSuccess:
		writeErr(w, validationErr("task_id_commitment", msgTaskAlreadyUploaded))
		return
	default:
		writeErr(w, validationErr("task_id_commitment", msgTaskNotReady))
		return
	}
	if view.Status != ChainValidated && view.Status != ChainGroupValidated {
		writeErr(w, validationErr("task_id_commitment", msgTaskNotValidated))
		return
	}
	if f.multipart == nil {
		writeErr(w, serverErr(msgNotMultipart))
		return
	}
	parts := f.files("files")
	if len(parts) == 0 {
		writeErr(w, validationErr("files", msgResultFilesMissing))
		return
	}
	var ckpt *multipart.FileHeader
	if rec.Task.TaskType == TaskTypeSDFT {
		cps := f.files("checkpoint")
		if len(cps) != 1 {
			writeErr(w, validationErr("checkpoint", msgInputCheckpointMissing))
			return
		}
		ckpt = cps[0]
	}
	data := make([][]byte, len(parts))
	for i, p := range parts {
		b, err := readUpload(p)
		if err != nil {
			writeErr(w, serverErr(err.Error()))
			return
		}
		data[i] = b
	}
	score, err := ResultScore(rec.Task.TaskType, data)
	if err != nil || !bytes.Equal(score, view.Score) {
		if err != nil {
			s.log.Info("result files rejected", "task", cs, "err", err)
		}
		writeErr(w, validationErr("files", msgWrongResultFiles))
		return
	}
	for i, b := range data {
		if err := writeFileAtomic(s.store.resultPath(cs, i, rec.Task.TaskType), bytes.NewReader(b)); err != nil {
			writeErr(w, serverErr(err.Error()))
			return
		}
	}
	if ckpt != nil {
		if err := saveUpload(ckpt, s.store.resultCheckpointPath(cs)); err != nil {
			writeErr(w, serverErr(err.Error()))
			return
		}
	}
	rec.Task.Status = StatusResultsReady
	rec.ResultFiles = len(data)
	rec.Task.ResultUploadedTime = nullTime(s.now())
	if _, err := s.store.put(rec); err != nil {
		writeErr(w, serverErr(err.Error()))
		return
	}
	s.log.Info("task results uploaded", "task", cs, "files", len(data))
	writeOK(w, nil)
}

func readUpload(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open uploaded part %q: %w", fh.Filename, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read uploaded part %q: %w", fh.Filename, err)
	}
	return b, nil
}

func saveUpload(fh *multipart.FileHeader, path string) error {
	f, err := fh.Open()
	if err != nil {
		return fmt.Errorf("open uploaded part %q: %w", fh.Filename, err)
	}
	defer f.Close()
	return writeFileAtomic(path, f)
}
