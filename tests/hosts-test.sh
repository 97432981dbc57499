#!/usr/bin/env bash
# End-to-end test of ./bench run --hosts on one machine with real separate network stacks: a server host, a back-end
# host and two load generator hosts, each a network namespace with its own address and sshd (tests/netns/testbed.sh),
# the runner in a namespace of its own reaching them over SSH. Checks a run with a server killed in the middle of its
# load (failed with the reason, the run goes on), the merged records of the trial after it (counts are the sum of
# the two hosts' logs), the topology in run.json and the report, a host that cannot be reached (refused before
# anything starts), and SIGTERM during a remote run (nothing left running on any host); in the fan-out trial that
# completes, the back end's CPU sampled on its host, the warm-up watched remotely and the samplers pinned. Run by
# `./bench test`; it needs root (namespaces) and installs openssh-server, rsync and jq when they are missing. About
# two minutes.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
# shellcheck source=tests/netns/testbed.sh
source "$ROOT/tests/netns/testbed.sh"
BENCH="$ROOT/bench"
RUN_SECONDS=300
HOSTS=(server backend lg1 lg2 lgdown)
runner=""

if ! testbed_possible; then
  echo "hosts: skipped: network namespaces cannot be made here (needs root)"
  finish hosts
  exit
fi

check "jq is there to read the results" require_jq
check "the test bed of five hosts comes up" testbed_up "${HOSTS[@]}"
WORK="$TESTBED/work"
mkdir -p "$WORK"
stop_runner() { [[ -z "$runner" ]] || kill -KILL "$runner" 2>/dev/null; }
# What the runs wrote, kept when a check failed (the test bed's folder goes with it): where to look for why.
keep_on_failure() {
  ((failed == 0)) && return
  local kept
  kept=$(mktemp -d /tmp/hosts-test-failed.XXXXXX)
  cp -r "$WORK"/*.log "$WORK"/unreachable "$WORK"/two "$WORK"/interrupted "$kept" 2>/dev/null
  echo "hosts: the runs' logs and results are kept in $kept"
}
trap 'stop_runner; keep_on_failure; testbed_down' EXIT

# hosts_file NAME LOADGEN...: a hosts file for the test bed, each host's files in a folder of its own.
hosts_file() {
  local file="$WORK/$1.hosts" host
  shift
  {
    echo "ssh-config $TESTBED/ssh_config"
    echo "server  server  cpus=0 dir=$WORK/remote/server"
    echo "backend backend cpus=1 dir=$WORK/remote/backend"
    for host in "$@"; do echo "loadgen $host cpus=1 dir=$WORK/remote/$host"; done
  } >"$file"
  printf '%s\n' "$file"
}

# run_in_background NAME HOSTS_FILE ARGS...: ./bench run from the controller's namespace, output in $WORK/NAME.log.
run_in_background() {
  local name=$1 hosts=$2
  shift 2
  testbed_exec ctl "$BENCH" run --profile smoke --floor no --hosts "$hosts" --out "$WORK/$name" \
    "$@" >"$WORK/$name.log" 2>&1 &
  runner=$!
}

# Nothing but sshd runs on any host (the runner's namespace included), within 20 s.
nothing_left_anywhere() {
  local waited host left
  for ((waited = 0; waited < 40; waited++)); do
    left=""
    for host in ctl "${HOSTS[@]}"; do left+=$(testbed_pids "$host"); done
    [[ -z "$left" ]] && return 0
    sleep 0.5
  done
  for host in ctl "${HOSTS[@]}"; do testbed_pids "$host" | sed "s/^/$host: /" | cut -c1-200; done
  return 1
}

# 1. A loadgen host that cannot be reached: its sshd is stopped.
kill "$(cat "$TESTBED/lgdown/sshd.pid")"
run_in_background unreachable "$(hosts_file unreachable lg1 lgdown)" --impls netty --scenarios hello
check "a run with an unreachable loadgen host ends" finished_within 120
check "with a non-zero exit status" test "${status:-0}" -ne 0
check "naming the host and why" grep -q 'loadgen-2 lgdown: cannot be reached over SSH' "$WORK/unreachable.log"
check "before any server starts" grep -q 'nothing was started' "$WORK/unreachable.log"
no_server_log() { ! compgen -G "$WORK/unreachable/logs/*.server.log" >/dev/null; }
check "no server log was written" no_server_log
check "nothing is left running on any host" nothing_left_anywhere

# 2. A run whose first server is killed on its host in the middle of the load; the next trial is the smoke run, a
# fan-out at 10 calls, so that the back end is sampled on its host too.
hosts=$(hosts_file two lg1 lg2)
run_in_background two "$hosts" --impls netty,vertx --scenarios fanout --fanout-calls 10
trial=vertx-fanout10-1
# The server's own process, as its guard named it: not the guard, whose command line names the jar too.
server_pid() { sed -n 's/^guard: pid //p' "$WORK/two/logs/netty-fanout10-1.server.log"; }
if wait_for_line "$WORK/two.log" 'netty fanout10, trial 1/1: verified' "$RUN_SECONDS"; then
  sleep 3
  kill -KILL "$(server_pid)"
fi
check "the run with a killed server ends" finished_within "$RUN_SECONDS"
check "it exits with status 1 because a trial failed" test "${status:-}" = 1
two="$WORK/two"
check "the killed server's trial is failed" json_is "$two/netty-fanout10-1.json" '.status == "failed"'
killed_reason() {
  json_is "$two/netty-fanout10-1.json" '.failure | startswith("the server on server server was killed by signal 9")' \
    || { jq -r .failure "$two/netty-fanout10-1.json" | head -3; return 1; }
}
check "with the reason" killed_reason
check "the next trial completes" json_is "$two/$trial.json" '.status == "ok"'
check "the run is complete" json_is "$two/run.json" '.status == "complete"'
# shellcheck disable=SC2016 # $l is jq's variable, not the shell's
check "each phase's merged count is the sum of the two hosts' logs" json_is "$two/$trial.json" \
  '(.loadgens | length) == 2
   and (.loadgens as $l | all(.phases[]; (.stats.ok + .stats.ko) == ([$l[].requests[.name] // 0] | add)))'
two_logs() { test "$(find "$two/gatling/$trial" -name simulation.log | wc -l)" = 2; }
check "both hosts' simulation.log were fetched" two_logs
# shellcheck disable=SC2016 # $rate is jq's variable
check "the split of each ladder step is recorded" json_is "$two/$trial.json" \
  '.ladder.rates[0] as $rate | [.loadgens[].rates[0]] | add == $rate and all(. > 0)'
check "run.json records the four hosts by role" json_is "$two/run.json" \
  '[.topology[].label] == ["server", "backend", "loadgen-1", "loadgen-2"]'
check "with each loadgen's round trip to the server" json_is "$two/run.json" \
  'all(.topology[2:][]; .rttToServerMs != null)'
check "the report shows the hosts" grep -q 'host loadgen-2' "$two/report.html"
check "the summary shows the hosts" grep -q 'host loadgen-2' "$two/summary.md"
check "a fan-out trial's phases carry the back end's CPU, sampled on its host" json_is "$two/$trial.json" \
  '[.phases[] | select(.cost != null)] | length > 0 and all(.cost.backendCpuUtilisation != null)'
check "the remote trials record their warm-up" json_is "$two/$trial.json" \
  '.warmup.seconds > 0 and (.warmup.windows | length) > 0'
# Smoke's warm-up is too short to be steady: the runner ends it at its longest.
warmup_ended_on_each() {
  local host
  for host in loadgen-1 loadgen-2; do grep -qx NOT_WARM "$two/gatling/$trial/$host/warmup.done" || return 1; done
}
check "the runner ended the warm-up on each loadgen host" warmup_ended_on_each
# The first line of a sampler's log says where it may run: the server's beside the server (CPU 0), each load
# generator host's on that host's CPUs.
sampler_cpus() { sed -n 's/^cpus //p' "$two/logs/$trial.$1.sampler.log"; }
server_sampler_beside() { [[ -n "$(sampler_cpus server)" && ! "$(sampler_cpus server)" =~ ^0([-,]|$) ]]; }
check "the server host's sampler is pinned beside the server" server_sampler_beside
check "a loadgen host's sampler is pinned to its CPUs" test "$(sampler_cpus loadgen-2)" = 1
check "the files were shipped to each host's folder" test -s "$WORK/remote/lg2/gatling/target/gatling.jar"
check "nothing is left running on any host" nothing_left_anywhere

# 3. SIGTERM to the runner while the back end and the server run on their hosts (and Gatling, once verified).
run_in_background interrupted "$hosts" --impls netty --scenarios hello
if wait_for_line "$WORK/interrupted.log" 'netty hello, trial 1/1: (verified|starting the server on)' "$RUN_SECONDS"
then
  sleep 3
  # The runner's JVM itself, as Ctrl-C or a service manager signals it; $runner is the shell that started it.
  pkill -TERM -f -- "--out $WORK/interrupted"
fi
check "the interrupted run ends" finished_within 120
check "the run is marked interrupted" json_is "$WORK/interrupted/run.json" '.status == "interrupted"'
check "every remote process is gone, on every host" nothing_left_anywhere
check "second run found the files up to date" grep -q 'loadgen-2 lg2: files up to date' "$WORK/interrupted.log"

finish hosts
