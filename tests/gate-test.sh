#!/usr/bin/env bash
# End-to-end test of the regression gate on real runs: two smoke runs of the same code (netty, hello, 3 trials
# each) compared with ./bench compare find no regression (exit 0) and write compare.json and compare.md; a folder
# that holds no results is unusable input (exit 2, one line); ./bench ab stopped mid-way compares what both sides
# finished. Run by `./bench test`; about 4 minutes on 2 CPUs, more when the base worktree is built the first time.
#
# Noise: every gated row risks a false alarm of under 1% from random noise (Welch's one-sided test at p < 0.01,
# and the mean must also move by more than 10%); this comparison has about 8 gated rows (hello's throughput is
# generator-bound on 2 CPUs and never gates), so under 8% at the very worst, far less with the threshold. What
# no test covers is the machine changing between the two runs (a build of another job starting); the rows
# then fail together, and ./bench ab, which interleaves the two sides, is the remedy gate/README.md gives.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
BENCH="$ROOT/bench"
WORK=$(mktemp -d)

cleanup() {
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

smoke_run() {
  # Without the floor: the gate never gates it, and these runs are about the gate.
  "$BENCH" run --profile smoke --impls netty --scenarios hello --trials 3 --floor no --out "$WORK/$1" \
    >"$WORK/$1.log" 2>&1
}

# exits_with STATUS PATTERN COMMAND...: COMMAND exits with STATUS and its output matches PATTERN.
exits_with() {
  local expected=$1 pattern=$2 status=0
  shift 2
  "$@" >"$WORK/out.log" 2>&1 || status=$?
  if ((status != expected)) || ! grep -qE -- "$pattern" "$WORK/out.log"; then
    cat "$WORK/out.log"
    return 1
  fi
}

check "the base smoke run completes" smoke_run base
check "the head smoke run of the same code completes" smoke_run head
check "the same code against itself is no regression" exits_with 0 "^PASS: no regression" \
  "$BENCH" compare "$WORK/base" "$WORK/head"
check "it writes compare.json" grep -q '"formatVersion" : 1' "$WORK/head/compare.json"
check "with a row per metric" grep -q '"metric" : "p99"' "$WORK/head/compare.json"
check "and compare.md, verdict first" grep -q '^\*\*Performance gate PASS' "$WORK/head/compare.md"
check "the head's report shows the comparison" grep -q '<h2>Comparison with ' "$WORK/head/report.html"
check "with the gate's rows" grep -q '<td>netty</td><td>hello</td><td>rate-500</td><td>p99 (ms' "$WORK/head/report.html"
mkdir -p "$WORK/empty"
check "a folder without results is unusable input" exits_with 2 "holds neither run.json" \
  "$BENCH" compare "$WORK/base" "$WORK/empty"
check "a missing folder too" exits_with 2 "is not a folder" "$BENCH" compare "$WORK/nope" "$WORK/head"
check "no stack trace on unusable input" bash -c "! grep -q 'Exception' '$WORK/out.log'"
check "baseline refuses a folder without results" exits_with 2 "holds neither" "$BENCH" baseline "$WORK/empty"
check "ab needs a base revision" exits_with 2 "ab needs the base revision" "$BENCH" ab

# ./bench ab stopped with SIGTERM (what Ctrl-C also sends) in its second round compares the round both sides
# finished, and leaves no server, back end or Gatling of either revision behind. The base revision is this commit
# in a worktree under target/ab/, built on first use; the smoke profile keeps each side to about 20 s.
ab_dir=""
stop_ab_in_round_two() {
  local pid status=0
  "$BENCH" ab HEAD --impls netty --scenarios hello --rounds 3 --profile smoke >"$WORK/ab.log" 2>&1 &
  pid=$!
  wait_for_line "$WORK/ab.log" 'ab: round 2/3, base' 600 || { kill -KILL "$pid"; cat "$WORK/ab.log"; return 1; }
  sleep 3
  kill -TERM "$pid"
  wait "$pid" || status=$?
  ab_dir=$(sed -n 's/^bench: ab: [0-9]* round(s) of profile smoke, into //p' "$WORK/ab.log")
  if ((status == 2)) || ! grep -q 'ab: stopped; comparing the 1 round(s) both sides finished' "$WORK/ab.log"; then
    cat "$WORK/ab.log"
    return 1
  fi
}
check "ab stopped in its second round compares the round both sides finished" stop_ab_in_round_two
check "each side pooled exactly that round's trial" \
  test -f "$ab_dir/base/netty-hello-1.json" -a -f "$ab_dir/head/netty-hello-1.json" \
  -a ! -e "$ab_dir/base/netty-hello-2.json" -a ! -e "$ab_dir/head/netty-hello-2.json"
check "and wrote the comparison" grep -q '"formatVersion" : 1' "$ab_dir/head/compare.json"
check "no process of either revision is left" no_own_children_left
[[ -n "$ab_dir" && -z "${KEEP_WORK:-}" ]] && rm -rf "$ab_dir"

finish gate
