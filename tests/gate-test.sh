#!/usr/bin/env bash
# End-to-end test of the regression gate on real runs: a smoke run (netty, hello, 3 trials) compared with an exact
# copy of itself, and two halves of the gate's recorded fixture of identical code when it is there (gate/src/test/
# resources/concbench/gate/fixture-ci, 6 trials against 6), pass with ./bench compare (exit 0) and write
# compare.json and compare.md; a folder that holds no results is unusable input (exit 2, one line); ./bench ab
# stopped mid-way compares what both sides finished. Run by `./bench test`; about 3 minutes on 2 CPUs, more when
# the base worktree is built the first time.
#
# Every check here is deterministic: the same input gives the same verdict. Two live runs of the same code against
# each other are not: the gate is built to fail such a comparison at most 1% of the time (gate/README.md, "False
# alarms"), and a test that fails one run in a hundred without a bug is a coin flip. That comparison runs only on
# request, GATE_LIVE=1 (a second smoke run, about a minute more); the calibration on the fixture (the gate's
# CalibrationTest, run by the build) is where the false-alarm rate is measured.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
check "jq is there to read the JSON with" require_jq
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

# copy_trials FROM TO TRIAL...: TO holds FROM's run.json and the trial files numbered TRIAL..., nothing else.
copy_trials() {
  local from=$1 to=$2 trial
  shift 2
  mkdir -p "$to" && cp "$from/run.json" "$to/" || return 1
  for trial in "$@"; do
    cp "$from"/*-"$trial".json "$to/" || return 1
  done
}

check "the base smoke run completes" smoke_run base
check "an exact copy of it as the head" copy_trials "$WORK/base" "$WORK/head" 1 2 3
check "a run against its exact copy is no regression" exits_with 0 "^PASS: no regression" \
  "$BENCH" compare "$WORK/base" "$WORK/head"
check "it writes compare.json" json_is "$WORK/head/compare.json" '.formatVersion == 2'
check "with a row per metric" json_is "$WORK/head/compare.json" 'any(.rows[]; .metric == "p99")'
# How many rows are judged together depends on how much the trials spread, so only the fields are checked.
check "each row with its adjusted p-value" json_is "$WORK/head/compare.json" 'all(.rows[]; has("adjustedPValue"))'
check "and why it is not gated" json_is "$WORK/head/compare.json" 'all(.rows[]; has("notGatedReason"))'
check "and the size of the family judged together" json_is "$WORK/head/compare.json" '.familySize >= 0'
check "and compare.md, verdict first" grep -q '^\*\*Performance gate PASS' "$WORK/head/compare.md"
check "the head's report shows the comparison" grep -q '<h2>Comparison with ' "$WORK/head/report.html"
check "with the gate's rows" grep -q '<td>netty</td><td>hello</td><td>rate-500</td><td>p99 (ms' "$WORK/head/report.html"
FIXTURE="$ROOT/gate/src/test/resources/concbench/gate/fixture-ci"
if [[ -f "$FIXTURE/run.json" ]]; then
  check "the recorded trials' first half" copy_trials "$FIXTURE" "$WORK/fixture-base" 1 2 3 4 5 6
  check "and second half" copy_trials "$FIXTURE" "$WORK/fixture-head" 7 8 9 10 11 12
  check "recorded identical code, 6 trials against 6, is no regression" exits_with 0 "^PASS: no regression" \
    "$BENCH" compare "$WORK/fixture-base" "$WORK/fixture-head"
  check "its too-few-samples rows say so" json_is "$WORK/fixture-head/compare.json" \
    'any(.rows[]; .notGatedReason == "too few samples to gate")'
else
  echo "skipped: no recorded fixture in $FIXTURE (gate/README.md, \"Calibration\")"
fi
if [[ -n "${GATE_LIVE:-}" ]]; then
  check "GATE_LIVE: a second smoke run of the same code completes" smoke_run live
  check "GATE_LIVE: two runs of the same code are no regression (fails 1% of the time by design)" \
    exits_with 0 "^PASS: no regression" "$BENCH" compare "$WORK/base" "$WORK/live"
else
  echo "skipped: two live runs of the same code against each other, a check that fails 1% of the time by design" \
    "(GATE_LIVE=1 runs it)"
fi
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
check "and wrote the comparison" json_is "$ab_dir/head/compare.json" '.formatVersion == 2'
check "no process of either revision is left" no_own_children_left
[[ -n "$ab_dir" && -z "${KEEP_WORK:-}" ]] && rm -rf "$ab_dir"

finish gate
