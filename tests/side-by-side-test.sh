#!/usr/bin/env bash
# End-to-end test of tools/side-by-side, the interleaved wrk measurement: a tiny real run against netty (a back
# end, a server, wrk, per-thread CPU from /proc) keeps every round's raw numbers and a summary whose groups add up
# to the total; bad options are refused before anything starts; SIGTERM leaves no process behind. Run by
# `./bench test`; it installs wrk (Debian package) when it is missing and it may, and says so when it cannot.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
TOOL="$ROOT/tools/side-by-side"
WORK=$(mktemp -d)
tool_pid=""

cleanup() {
  [[ -n "$tool_pid" ]] && kill -KILL "$tool_pid" 2>/dev/null
  pkill -KILL -f -- "$OWN_CHILDREN" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  if ((EUID == 0)) && command -v apt-get >/dev/null; then
    { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1
  fi
  if ! command -v wrk >/dev/null; then
    echo "side-by-side: wrk is missing and could not be installed (Debian: apt-get install wrk); not tested"
    finish side-by-side
    exit
  fi
fi

tiny=(--impls netty --warmup 1 --rounds 2 --seconds 1 --connections 8 --no-nginx)

"$TOOL" "${tiny[@]}" --out "$WORK/run" >"$WORK/run.log" 2>&1
check "a tiny run of both scenarios succeeds" test $? -eq 0
rows() { awk -F'\t' -v s="$2" 'NR > 1 && $1 == s && $4 > 0 && $6 == 0 && $7 > 0' "$1" | wc -l; }
check "every round of hello is kept with requests, no errors and a CPU cost" \
  test "$(rows "$WORK/run/rounds.tsv" hello)" -eq 2
check "every round of fan-out is kept likewise" test "$(rows "$WORK/run/rounds.tsv" fanout)" -eq 2
# The thread groups of a round add up to the process total of that round: the threads are read in nanoseconds, the
# total in 10 ms ticks, so they may differ by a tick over the round's requests, plus the 0.01 us of rounding.
sums_match() {
  awk -F'\t' 'FNR == 1 { next }
    FILENAME ~ /rounds/ { total[$1 SUBSEP $3] = $7; slack[$1 SUBSEP $3] = 10000 / $4 + 0.01 * $7 + 0.1; next }
    { parts[$1 SUBSEP $3] += $5 }
    END { for (k in total) { d = parts[k] - total[k]; if (d < -slack[k] || d > slack[k]) exit 1 } }' \
    "$WORK/run/rounds.tsv" "$WORK/run/threads.tsv"
}
check "the thread groups add up to each round's total" sums_match
check "the event loop is among the groups" grep -q "multiThreadIoEv" "$WORK/run/threads.tsv"
check "the summary has a row per scenario" test "$(grep -c '^| \(hello\|fanout\) | netty |' "$WORK/run/summary.md")" -ge 2
check "nothing is left running after a run" no_own_children_left

"$TOOL" --rounds 0 >"$WORK/bad.log" 2>&1
check "--rounds 0 is refused with exit status 2" test $? -eq 2
check "the refusal names the option" grep -q -- "--rounds must be a whole number of at least 1" "$WORK/bad.log"
"$TOOL" --scenarios sleep >"$WORK/bad2.log" 2>&1
check "an unknown scenario is refused" test $? -eq 2

"$TOOL" "${tiny[@]}" --warmup 60 --out "$WORK/stopped" >"$WORK/stopped.log" 2>&1 &
tool_pid=$!
check "the servers start" wait_for_line "$WORK/stopped.log" "warming" 120
kill -TERM "$tool_pid"
wait "$tool_pid"
check "SIGTERM ends it with a non-zero status" test $? -ne 0
tool_pid=""
check "SIGTERM leaves no server or back end behind" no_own_children_left

finish side-by-side
