#!/usr/bin/env bash
# Runs the SDK's benchmarks (P1–P5) and fault drills and prints every figure
# next to its baseline measured in the same run, with the ratio. See
# docs/BENCHMARKS.md. Finishes in under 15 minutes on 2 cores.
#
#   scripts/bench.sh               # everything
#   NO_DRILLS=1 scripts/bench.sh   # benchmarks only
#
# Knobs (environment): BENCHTIME_P1 (3x), BENCHTIME_P2 (30x), BENCHTIME_P3 (5x),
# BENCHTIME_P4 (2x), CRYNUX_BENCH_P4_MIB (256), CRYNUX_BENCH_P5_BLOCKS,
# CRYNUX_BENCH_P5_EVENTS, CRYNUX_BENCH_P1_SERIAL (5).
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
log=$(mktemp -t crynux-bench-XXXXXX.log)
echo "raw output: $log"

geth_bin=$(scripts/install-geth.sh) || { echo "bench: could not install geth" >&2; exit 1; }
export CRYNUX_GETH="$geth_bin"

: "${CRYNUX_BENCH_P5_BLOCKS:=100000}" "${CRYNUX_BENCH_P5_EVENTS:=10000}"
: "${CRYNUX_BENCH_P4_MIB:=256}"
export CRYNUX_BENCH_P5_BLOCKS CRYNUX_BENCH_P5_EVENTS CRYNUX_BENCH_P4_MIB

fail=0
bench() { # name benchtime pkg [env...]
  local name=$1 bt=$2 pkg=$3
  shift 3
  echo "== $name ($bt)" | tee -a "$log"
  if ! env "$@" go test -count=1 -timeout 30m -run '^$' -bench "^${name}\$" -benchtime "$bt" "$pkg" 2>&1 | tee -a "$log" | grep -E '^(Benchmark|--- FAIL|FAIL|panic)|Error'; then
    :
  fi
  grep -q "^${name}-" "$log" || { echo "bench: $name produced no result" >&2; fail=1; }
}

bench BenchmarkP1CreateTaskThroughput "${BENCHTIME_P1:-3x}" ./internal/bench/
bench BenchmarkP2EventLatency "${BENCHTIME_P2:-30x}" ./internal/bench/
bench BenchmarkP3JobLatency "${BENCHTIME_P3:-5x}" ./internal/bench/
bench BenchmarkP4Download "${BENCHTIME_P4:-2x}" ./internal/bench/
bench BenchmarkDownload 1x ./relay/ CRYNUX_BENCH_MIB="$CRYNUX_BENCH_P4_MIB"
bench BenchmarkP5Backfill 1x ./internal/bench/

# m BENCH UNIT: the metric UNIT of benchmark BENCH's last result line.
m() {
  awk -v b="$1" -v u="$2" '$1 ~ "^"b"-" { for (i = 3; i < NF; i += 2) if ($(i+1) == u) v = $i } END { print (v == "" ? "n/a" : v) }' "$log"
}
row() { printf '| %-44s | %-22s | %-30s | %-14s |\n' "$1" "$2" "$3" "$4"; }

echo
echo "## Results ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(go version | awk '{print $3}'), geth $("$geth_bin" version 2>/dev/null | awk '/^Version:/{print $2}'))"
echo
row "figure" "SDK" "baseline (same run)" "ratio"
row "---" "---" "---" "---"
B=BenchmarkP1CreateTaskThroughput
row "P1 createTask tx/s, one wallet, geth --dev" "$(m $B sdk-tx/s) tx/s" "serial bind.Transact+WaitMined $(m $B serial-tx/s) tx/s" "$(m $B sdk/serial)x serial"
row "P1 … vs pre-signed raw txs (ceiling)" "$(m $B sdk-tx/s) tx/s" "raw $(m $B raw-tx/s) tx/s" "$(m $B sdk/raw) of ceiling"
B=BenchmarkP2EventLatency
row "P2 block → consumer latency p50" "$(m $B sub-p50-ms) ms (Subscribe)" "getTask poll 1/s: $(m $B poll-p50-ms) ms" "$(m $B poll/sub-p50)x faster"
row "P2 block → consumer latency p99" "$(m $B sub-p99-ms) ms" "$(m $B poll-p99-ms) ms" "$(awk -v a="$(m $B poll-p99-ms)" -v b="$(m $B sub-p99-ms)" 'BEGIN { if (b + 0 > 0) printf "%.4gx faster", a / b; else print "n/a" }')"
B=BenchmarkP3JobLatency
row "P3 2-round job create→zip p50 (devnet)" "$(m $B job-p50-ms) ms" "$(m $B chain-steps) steps x $(m $B rtt-ms) ms RTT = $(m $B floor-ms) ms" "$(m $B job/floor)x the floor"
B=BenchmarkP4Download
row "P4 ${CRYNUX_BENCH_P4_MIB} MiB download to file" "$(m $B client-MB/s) MB/s" "GET+io.Copy $(m $B plain-MB/s) MB/s" "$(m $B client/plain-time)x time ($(m $B client/plain+fsync-time)x vs copy+fsync)"
row "P4 peak RSS growth / peak heap growth" "$(m $B client-peak-RSS-MiB) / $(m $B client-peak-heap-MiB) MiB" "$(m $B plain-peak-RSS-MiB) / $(m $B plain-peak-heap-MiB) MiB" "VmHWM $(m $B VmHWM-MiB) MiB"
B=BenchmarkDownload
row "P4' relay bench, ${CRYNUX_BENCH_P4_MIB} MiB to io.Discard" "$(m $B client-MB/s) MB/s, heap $(m $B client-peak-heap-MiB) MiB" "$(m $B plain-MB/s) MB/s, heap $(m $B plain-peak-heap-MiB) MiB" "$(m $B client/plain-time)x time"
B=BenchmarkP5Backfill
row "P5 Subscribe from 0: $(m $B blocks) blocks, $(m $B events) events" "$(m $B sub-ms) ms" "one eth_getLogs $(m $B getlogs-ms) ms" "$(m $B sub/getlogs)x"
row "P5 … node capping ranges at 10k blocks" "$(m $B capped-sub-ms) ms (1M first chunk: $(m $B capped-sub-bigchunk-ms) ms)" "10k-block getLogs loop $(m $B capped-getlogs-loop-ms) ms" "$(m $B capped-sub/loop)x; $(m $B capped-refusals) refusals"
echo
grep -h "P5: generated" "$log" | sed 's/^ *[a-z0-9_]*_test.go:[0-9]*: /(/; s/$/; not timed)/'

if [ -z "${NO_DRILLS:-}" ]; then
  echo
  echo "## Drills"
  dlog=$(mktemp -t crynux-drills-XXXXXX.log)
  drill() { # pkg pattern
    go test -count=1 -timeout 20m -run "$2" -v "$1" >>"$dlog" 2>&1
  }
  drc=0
  drill ./internal/drills/ '^TestDrill' || drc=1
  # The SDK's own drills: SIGKILL at each step then Resume, websocket cuts, a reorg under Subscribe.
  drill ./sdk/ '^(TestCrashThenResume|TestSubscribeAcrossWebsocketCuts|TestSubscribeReorg)$' || drc=1
  grep -E '^ *--- (PASS|FAIL|SKIP)|^    (many_jobs|relay_faults|relay_restart|geth_restart|reorg|stuck_tx)_test.go:[0-9]+: |websocket connections' "$dlog" | sed 's/^ */  /'
  [ $drc -eq 0 ] || { echo "  (some drills failed: see $dlog)"; fail=1; }
fi

echo
echo "Reproduce one figure: go test -run '^\$' -bench '^BenchmarkP3JobLatency\$' -benchtime 5x ./internal/bench/"
echo "Reproduce the drills: go test -run '^TestDrill' -v ./internal/drills/ (and ./sdk/ -run 'TestCrashThenResume|TestSubscribeAcrossWebsocketCuts|TestSubscribeReorg')"
echo "Total: $(( $(date +%s) - start )) s"
exit $fail
