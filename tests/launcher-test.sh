#!/usr/bin/env bash
# End-to-end test of ./bench as a user runs it: the back end and every server started from their runnable jars,
# answered over real sockets, stopped with SIGTERM; and the launcher's own errors. Run by `./bench test`.
# Prints one line per check and a closing "launcher: N passed, N failed"; exits non-zero when any check failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
check "jq is there to read the JSON with" require_jq
BENCH="$ROOT/bench"
WORK=$(mktemp -d)
STARTUP_SECONDS=60
STOP_SECONDS=15
pids=()
declare -A pid_of

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# start NAME ARGS...: runs ./bench ARGS in the background, logging to $WORK/NAME.log; waits for its
# "listening on" line and sets PORT, or returns 1 after $STARTUP_SECONDS.
start() {
  local name=$1
  shift
  "$BENCH" "$@" >"$WORK/$name.log" 2>&1 &
  pids+=($!)
  pid_of[$name]=$!
  local waited=0
  PORT=""
  while ((waited < STARTUP_SECONDS * 2)); do
    PORT=$(sed -n 's#.* listening on http://[^:]*:\([0-9]*\).*#\1#p' "$WORK/$name.log")
    [[ -n "$PORT" ]] && return 0
    sleep 0.5
    waited=$((waited + 1))
  done
  cat "$WORK/$name.log"
  return 1
}

# stops PID with SIGTERM and waits for it; true when it exits within $STOP_SECONDS and logged "stopped".
stops_cleanly() {
  local pid=$1 log=$2 waited=0
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    ((waited < STOP_SECONDS * 10)) || return 1
    sleep 0.1
    waited=$((waited + 1))
  done
  grep -q ' stopped$' "$log"
}

body_is() {
  local expected=$1 url=$2
  [[ "$(curl -s --max-time 10 "$url")" == "$expected" ]]
}

header_is() {
  local expected=$1 url=$2
  curl -s --max-time 10 -o /dev/null -D - "$url" | tr -d '\r' | grep -qix "$expected"
}

# exits_with STATUS PATTERN ARGS...: ./bench ARGS exits with STATUS and prints PATTERN.
exits_with() {
  local status=$1 pattern=$2 actual
  shift 2
  "$@" >"$WORK/out.log" 2>&1
  actual=$?
  [[ $actual == "$status" ]] && grep -q -- "$pattern" "$WORK/out.log"
}

# ./bench jmh --quick on its tiniest benchmark writes JMH's JSON where it says, and its report shows the scores: the
# jar, the forks' flags, the profiler, --quick's settings and the report are wired. Removes the folder it made.
jmh_quick_writes_json() {
  local json status=1
  "$BENCH" jmh --quick 'SpawnAndJoin.inline' >"$WORK/jmh.log" 2>&1 || { cat "$WORK/jmh.log"; return 1; }
  json=$(sed -n 's/^bench: results: \(.*\.json\) .*/\1/p' "$WORK/jmh.log")
  [[ -n "$json" ]] || return 1
  json_is "$json" 'any(.[]; .benchmark == "concbench.jmh.SpawnAndJoin.inline")' \
    && grep -q '<tr><td>inline</td><td>tasks=1000</td><td>avgt</td>' "$(dirname "$json")/report.html" \
    && grep -q '^| inline | tasks=1000 | avgt |' "$(dirname "$json")/summary.md" && status=0
  rm -rf "$(dirname "$json")"
  return "$status"
}

# true when the JVM of PID was started with every property of config/IMPL.properties as -Dname=value: the server
# runs with what its framework's own benchmarks set.
runs_with_its_properties() {
  local pid=$1 impl=$2 cmdline property
  cmdline=$(tr '\0' '\n' <"/proc/$pid/cmdline") || return 1
  while IFS= read -r property; do
    grep -qxF -- "-D$property" <<<"$cmdline" || { echo "$impl runs without -D$property"; return 1; }
  done < <(grep -v '^[[:space:]]*\(#\|$\)' "$ROOT/config/$impl.properties")
}

# The run folders in results/, to tell that a command started no benchmark.
results_made() {
  find "$ROOT/results" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort
}

command -v curl >/dev/null || { echo "launcher test needs curl"; exit 1; }
results_before=$(results_made)

start backend backend --port 0 || { echo "the back end did not start"; exit 1; }
backend_port=$PORT
check "backend answers /delay" body_is 10 "http://127.0.0.1:$backend_port/delay?ms=1&i=3"

for dir in "$ROOT"/*-impl/; do
  impl=$(basename "$dir" -impl)
  if ! start "$impl" serve "$impl" --port 0 --backend "http://127.0.0.1:$backend_port"; then
    check "$impl starts" false
    continue
  fi
  base="http://127.0.0.1:$PORT"
  check "$impl serves /hello" body_is 'Hello, World!' "$base/hello"
  check "$impl names itself in Server" header_is "server: $impl" "$base/hello"
  check "$impl serves /fanout" body_is '{"calls":3,"sum":8}' "$base/fanout?n=3&delayMs=5"
  check "$impl runs with its config/$impl.properties" runs_with_its_properties "${pid_of[$impl]}" "$impl"
  check "$impl stops cleanly on SIGTERM" stops_cleanly "${pid_of[$impl]}" "$WORK/$impl.log"
done

if start loom-jdk serve loom --client jdk --port 0 --backend "http://127.0.0.1:$backend_port"; then
  check "a server's own option starts its variant" grep -q 'listening on .*--client jdk' "$WORK/loom-jdk.log"
  check "the variant serves /fanout" body_is '{"calls":3,"sum":8}' "http://127.0.0.1:$PORT/fanout?n=3&delayMs=5"
  check "the variant stops cleanly on SIGTERM" stops_cleanly "${pid_of[loom-jdk]}" "$WORK/loom-jdk.log"
else
  check "loom starts with --client jdk" false
fi
check "a server's own option is refused with its choices" \
  exits_with 2 "--client must be one of helidon, jdk, got 'foo'" "$BENCH" serve loom --client foo
check "help lists a server's own options" exits_with 0 "--client .*helidon or jdk" "$BENCH" serve loom --help
check "a run refuses a variant's bad option before it starts" \
  exits_with 2 "loom:client=foo: the server refuses its options: loom: --client must be one of helidon, jdk" \
  "$BENCH" run --impls netty,loom:client=foo
check "a port in use is a clear error" \
  exits_with 1 "port is in use" "$BENCH" serve netty --port "$backend_port"
check "an unknown option is a usage error" exits_with 2 "unknown option --bogus" "$BENCH" serve netty --bogus 1
check "an unknown implementation is named" exits_with 1 "unknown implementation 'nope'" "$BENCH" serve nope
check "an unknown command is named" exits_with 1 "unknown command 'nope'" "$BENCH" nope
check "help lists the commands" exits_with 0 "^  run  *The main job" "$BENCH" help
check "help and errors start nothing" test "$(results_made)" = "$results_before"
check "no JDK 25 says what to install" exits_with 1 "Install one" \
  env JAVA_HOME= CONC_BENCH_JDK_DIRS="$WORK/no-jdks" PATH=/usr/bin:/bin "$BENCH" backend
check "backend stops cleanly on SIGTERM" stops_cleanly "${pid_of[backend]}" "$WORK/backend.log"
check "jmh --quick writes its JSON and a report of it" jmh_quick_writes_json

finish launcher
