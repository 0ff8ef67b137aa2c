package drills

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/crynux-go/crynux/bindings"
	"github.com/crynux-go/crynux/devnet"
	"github.com/crynux-go/crynux/sdk"
	"github.com/crynux-go/crynux/wallet/txmgr"
)

// TestDrillGethRestartDuringSubscribe follows every task event with
// Client.Subscribe (websocket) on a geth --dev network while geth is
// restarted on the same datadir: 10 tasks are created before the restart,
// 10 after, and 5 of the first ones aborted after. The subscriber must see
// each of the 25 events exactly once, in chain order.
func TestDrillGethRestartDuringSubscribe(t *testing.T) {
	needGeth(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dn, err := devnet.Start(ctx, devnet.Options{Geth: true, NoNodes: true})
	require.NoError(t, err)
	defer dn.Close()
	signer := dn.Signer(0)
	client, err := sdk.Dial(ctx, network(dn.Config), signer, sdk.WithJournalDir(t.TempDir()))
	require.NoError(t, err)
	defer client.Close()
	sub, err := client.Subscribe(ctx, sdk.EventFilter{Mine: true})
	require.NoError(t, err)
	defer sub.Unsubscribe()

	// The creator sends through its own HTTP client, which survives the restart.
	ec, err := ethclient.DialContext(ctx, dn.Config.RPCURL)
	require.NoError(t, err)
	defer ec.Close()
	m, err := txmgr.New(ec, signer)
	require.NoError(t, err)
	defer m.Close()
	vss := bindings.NewVSSTask()
	to := dn.Config.Contracts.VSSTask
	var commitments []common.Hash
	create := func(n int) {
		for range n {
			var guid, nonce [32]byte
			copy(guid[:], crypto.Keccak256([]byte(fmt.Sprint("guid", len(commitments), time.Now().UnixNano()))))
			copy(nonce[:], crypto.Keccak256([]byte(fmt.Sprint("nonce", len(commitments), time.Now().UnixNano()))))
			c := crypto.Keccak256Hash(guid[:], nonce[:])
			vram := big.NewInt(int64(dn.Config.GPUVRAM))
			data := vss.PackCreateTask(2, c, nonce, []string{"base:crynux-network/stable-diffusion-v1-5"}, vram,
				dn.Config.GPUName, vram, [3]*big.Int{big.NewInt(2), big.NewInt(5), big.NewInt(0)}, big.NewInt(1))
			_, err := m.Send(ctx, txmgr.Request{To: &to, Data: data, Value: big.NewInt(1e9)})
			require.NoError(t, err)
			commitments = append(commitments, c)
		}
	}

	type key struct {
		name string
		c    common.Hash
	}
	got := map[key]int{}
	var last sdk.Cursor
	collect := func(want int, within time.Duration) {
		deadline := time.After(within)
		for len(got) < want {
			select {
			case ev, ok := <-sub.Events():
				require.True(t, ok, "subscription ended")
				require.False(t, ev.Removed, "no reorg on geth --dev")
				require.True(t, ev.Block > last.Block || (ev.Block == last.Block && ev.LogIndex > last.LogIndex),
					"event %s at %+v after %+v: out of order or repeated", ev.Name, ev.Cursor, last)
				last = ev.Cursor
				got[key{ev.Name, ev.Commitment}]++
			case err := <-sub.Err():
				require.NoError(t, err)
			case <-deadline:
				t.Fatalf("saw %d of %d events", len(got), want)
			}
		}
	}

	create(10)
	collect(10, 30*time.Second)
	require.NoError(t, dn.Geth.Restart(ctx))
	create(10)
	for _, c := range commitments[:5] {
		_, err := m.Send(ctx, txmgr.Request{To: &to, Data: vss.PackAbortTask(c, uint8(sdk.AbortTimeout))})
		require.NoError(t, err)
	}
	collect(25, time.Minute)
	// Give duplicates a chance to show up.
	collect(25, 0)
	select {
	case ev := <-sub.Events():
		t.Fatalf("unexpected extra event %s %s at %+v", ev.Name, ev.Commitment, ev.Cursor)
	case <-time.After(3 * time.Second):
	}
	for i, c := range commitments {
		require.Equal(t, 1, got[key{"TaskQueued", c}], "TaskQueued of task %d", i)
		want := 0
		if i < 5 {
			want = 1
		}
		require.Equal(t, want, got[key{"TaskEndAborted", c}], "TaskEndAborted of task %d", i)
	}
}
