package relayserver

import (
	"regexp"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/crynux-go/crynux/relay"
)

// commitmentRE is the only accepted form of a task ID commitment: lowercase
// 0x plus 64 hex characters, as hexutil.Encode prints it.
var commitmentRE = regexp.MustCompile(`^0x[0-9a-f]{64}$`)

// signatureWindow is how far a request timestamp may be from the relay's clock.
const signatureWindow = 60 * time.Second

// parseCommitment checks the path's commitment.
func parseCommitment(s string) ([32]byte, *apiError) {
	var c [32]byte
	if !commitmentRE.MatchString(s) {
		return c, validationErr("task_id_commitment", msgInvalidCommitment)
	}
	copy(c[:], hexutil.MustDecode(s))
	return c, nil
}

// recoverSigner checks timestamp and signature of a request whose signed
// JSON object is payload (protocol §3.2) and returns the signing address.
func (s *Server) recoverSigner(payload map[string]any, tsStr, sig string) (common.Address, *apiError) {
	if tsStr == "" {
		return common.Address{}, validationErr("timestamp", msgFieldRequired)
	}
	ts, err := strconv.ParseInt(tsStr, 10, 64)
	if err != nil {
		return common.Address{}, validationErr("timestamp", "Invalid timestamp")
	}
	if sig == "" {
		return common.Address{}, validationErr("signature", msgFieldRequired)
	}
	d := s.now().Sub(time.Unix(ts, 0))
	if d > signatureWindow || d < -signatureWindow {
		return common.Address{}, validationErr("timestamp", msgTimestampExpired)
	}
	addr, err := relay.Recover(payload, ts, sig)
	if err != nil {
		return common.Address{}, validationErr("signature", msgInvalidSignature)
	}
	return addr, nil
}
