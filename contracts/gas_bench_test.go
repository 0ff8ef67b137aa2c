package contracts_test

import (
	"crypto/ecdsa"
	"crypto/rand"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/devnet"
)

// BenchmarkGas reports the gas used (from receipts) by createTask (a task that
// starts on one of three available nodes), validateSingleTask and
// validateTaskGroup (three agreeing scores), on the in-process chain; the
// values are those of the last iteration:
//
//	go test -run '^$' -bench Gas ./contracts/
//
// Two chain configurations: "dev" is the simulated backend's default (that of
// geth --dev, which includes the Bogota/Amsterdam state-gas repricing,
// EIP-8037/8038, so storage writes cost several times more), "osaka" stops at
// Osaka, the pricing of the chains Crynux ran on.
func BenchmarkGas(b *testing.B) {
	b.Run("osaka", func(b *testing.B) { benchmarkGas(b, true) })
	b.Run("dev", func(b *testing.B) { benchmarkGas(b, false) })
}

func benchmarkGas(b *testing.B, osaka bool) {
	e := newSimEnv(b, 3, osaka)
	byAddr := map[common.Address]*ecdsa.PrivateKey{}
	for _, n := range e.nodes {
		e.join(n)
		byAddr[addrOf(n)] = n
	}
	fee := wei(1)
	newGUID := func() (g [32]byte) {
		_, err := rand.Read(g[:])
		require.NoError(b, err)
		return g
	}
	prepare := func(c [32]byte) {
		e.must(e.relay, e.addr.VSSTask, e.task.PackReportTaskParametersUploaded(c), nil)
		e.must(byAddr[e.getTask(c).SelectedNode], e.addr.VSSTask, e.task.PackSubmitTaskScore(c, score(4, 0)), nil)
	}
	var create, single, grp *types.Receipt
	for b.Loop() {
		// Single validation.
		c, proof, r := e.createOnPath(newGUID(), fee, false)
		create = r
		prepare(c)
		single = e.must(e.creator, e.addr.VSSTask, e.task.PackValidateSingleTask(c, proof, pub64(e.creator)), nil)
		e.must(e.relay, e.addr.VSSTask, e.task.PackReportTaskResultUploaded(c), nil)

		// Group validation.
		guid := newGUID()
		var cs [3][32]byte
		cs[0], proof, _ = e.createOnPath(guid, fee, true)
		for i := 1; i < 3; i++ {
			nonce := newGUID()
			cs[i] = devnet.TaskCommitment(guid, nonce)
			e.must(e.creator, e.addr.VSSTask, e.packCreate(cs[i], nonce), fee)
		}
		for _, c := range cs {
			prepare(c)
		}
		grp = e.must(e.creator, e.addr.VSSTask, e.task.PackValidateTaskGroup(cs[0], cs[1], cs[2], guid, proof, pub64(e.creator)), nil)
		e.must(e.relay, e.addr.VSSTask, e.task.PackReportTaskResultUploaded(cs[0]), nil)
	}
	b.ReportMetric(float64(create.GasUsed), "gas/createTask")
	b.ReportMetric(float64(single.GasUsed), "gas/validateSingleTask")
	b.ReportMetric(float64(grp.GasUsed), "gas/validateTaskGroup")
	b.Logf("gas used: createTask %d, validateSingleTask %d, validateTaskGroup %d", create.GasUsed, single.GasUsed, grp.GasUsed)
}
