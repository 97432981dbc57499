#!/usr/bin/env bash
# End-to-end test of ./bench run where it matters most: what happens when things go wrong. A server killed in the
# middle of its load is recorded as failed with its reason, and the run goes on to the next server; a run stopped
# with SIGTERM (what Ctrl-C also does: both run the runner's shutdown hook) keeps every finished trial, marks the
# run interrupted and leaves no process behind. The run also measures the floor, which its results and report show. Run by `./bench test`; the smoke profile keeps it to about a minute.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
check "jq is there to read the JSON with" require_jq
BENCH="$ROOT/bench"
WORK=$(mktemp -d)
RUN_SECONDS=240
runner=""

cleanup() {
  [[ -n "$runner" ]] && kill -KILL "$runner" 2>/dev/null
  pkill -KILL -f -- "$OWN_CHILDREN" 2>/dev/null
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

# field_is FILE FIELD VALUE: FILE's top-level FIELD is VALUE (a string, or a number written as text).
field_is() {
  jq -e --arg field "$2" --arg value "$3" '.[$field] | tostring == $value' "$1" >/dev/null
}

# run_in_background NAME ARGS...: ./bench run ARGS, output in $WORK/NAME.log, results in $WORK/NAME.
run_in_background() {
  local name=$1
  shift
  "$BENCH" run --profile smoke --scenarios hello --out "$WORK/$name" "$@" >"$WORK/$name.log" 2>&1 &
  runner=$!
}

pkill -f -- "$OWN_CHILDREN" >/dev/null && echo "note: stopped processes of an earlier run"

# 1. The first server is killed while Gatling loads it.
run_in_background killed --impls netty,vertx
if wait_for_line "$WORK/killed.log" 'netty hello, trial 1/1: verified' "$RUN_SECONDS"; then
  sleep 2
  pkill -KILL -f -- "$ROOT_RE/netty-impl/target/netty-impl-.*-all\.jar"
fi
check "the run with a killed server ends" finished_within "$RUN_SECONDS"
check "it exits with status 1 because a trial failed" test "${status:-}" = 1
check "the killed server's trial is recorded as failed" field_is "$WORK/killed/netty-hello-1.json" status failed
check "with the reason" json_is "$WORK/killed/netty-hello-1.json" '(.failure // "") | contains("killed by signal 9")'
check "the next server's trial completes" field_is "$WORK/killed/vertx-hello-1.json" status ok
check "the run is complete" field_is "$WORK/killed/run.json" status complete
check "it counts one failed trial" field_is "$WORK/killed/run.json" failedTrials 1
check "no process of the run is left" no_own_children_left
check "the run with a failed trial has its report" test -s "$WORK/killed/report.html" -a -s "$WORK/killed/summary.md"
check "which shows the failed trial" grep -q 'trial failed: the server was killed by signal 9' "$WORK/killed/report.html"
check "and the run printed where the report is" grep -q "^report: .*/killed/report.html" "$WORK/killed.log"
check "the floor was measured after the servers" field_is "$WORK/killed/floor-hello-1.json" status ok
check "through the same phases" json_is "$WORK/killed/floor-hello-1.json" 'any(.phases[]; .name == "rate-500")'
check "a trial records its warm-up" json_is "$WORK/killed/vertx-hello-1.json" '.warmup | has("steadyState")'
check "and its CPU per request by thread role" json_is "$WORK/killed/vertx-hello-1.json" \
  'any(.phases[]; .cost.cpuMicrosPerRequestByRole | type == "object")'
check "and whether its fixed rate kept its schedule" json_is "$WORK/killed/vertx-hello-1.json" \
  'any(.phases[]; .schedule | type == "object" and has("kept"))'
check "and its latency ladder, the same rates for every server" json_is "$WORK/killed/vertx-hello-1.json" \
  '.ladder.rates == [500, 1000]'
check "and the back end's CPU" json_is "$WORK/killed/vertx-hello-1.json" \
  'all(.phases[]; .cost == null or (.cost | has("backendBound")))'
check "every trial's Gatling started from the load generator's AOT cache" \
  grep -q '^load generator: started from its AOT cache .*/gatling/target/aot/[0-9a-f]*\.aot$' "$WORK/killed.log"
check "which the JVM could use" test -z "$(grep -l '\[error\]\[aot' "$WORK"/killed/logs/*.gatling.log)"
check "the report shows the floor as its own row" grep -q '<td>floor</td>' "$WORK/killed/report.html"
check "and says what the floor measured" grep -q 'The floor, the back end itself' "$WORK/killed/report.html"
check "and draws the CPU per request by thread role" grep -q 'Server CPU per request by thread role' \
  "$WORK/killed/report.html"
check "the summary shows the floor too" grep -q '^| floor |' "$WORK/killed/summary.md"

# 2. The run is stopped while the second trial loads.
run_in_background stopped --impls netty,vertx
if wait_for_line "$WORK/stopped.log" 'vertx hello, trial 1/1: verified' "$RUN_SECONDS"; then
  sleep 2
  kill -TERM "$runner"
fi
check "the stopped run ends" finished_within 30
check "the finished trial is kept" field_is "$WORK/stopped/netty-hello-1.json" status ok
check "the trial in progress leaves no file" test ! -e "$WORK/stopped/vertx-hello-1.json"
check "the run is marked interrupted" field_is "$WORK/stopped/run.json" status interrupted
check "no process of the run is left" no_own_children_left
check "no temporary file is left" test -z "$(find "$WORK/stopped" -maxdepth 1 -name '.*.tmp')"
check "the interrupted run has its report, which says so" grep -q 'This run was interrupted' "$WORK/stopped/report.html"

# 3. An unusable fan-out width is refused before anything starts, with the contract's limits.
for width in 0 -3 1001 ten; do
  "$BENCH" run --profile smoke --fanout-calls "$width" --out "$WORK/width-$width" >"$WORK/width.log" 2>&1
  status=$?
  check "--fanout-calls $width is refused (exit 2)" test "$status" -eq 2
  check "with the contract's limits" grep -q 'from 1 to 1000 calls' "$WORK/width.log"
  check "before anything starts" test ! -e "$WORK/width-$width"
done

finish runner
