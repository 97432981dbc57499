# shellcheck shell=bash
# Shared by the end-to-end shell tests: checks that count, waiting for a line in a log, this checkout's processes.
# Source it after setting ROOT.
# A test ends with `finish NAME`, which prints "NAME: N passed, N failed" (the line ./bench test adds up) and
# returns non-zero when a check failed.

passed=0
failed=0

# check NAME COMMAND...: runs COMMAND and counts it as passed when it succeeds.
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    printf 'ok      %s\n' "$name"
  else
    failed=$((failed + 1))
    printf 'FAILED  %s\n' "$name"
  fi
}

# wait_for_line FILE PATTERN SECONDS: true once FILE has a line matching the extended regex PATTERN.
wait_for_line() {
  local file=$1 pattern=$2 deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    grep -qE -- "$pattern" "$file" 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}

# ROOT_RE: this checkout's path as an extended regex. OWN_CHILDREN: what the benchmark processes started from this
# checkout's jars look like in `ps` (servers, back end, Gatling), those of ./bench ab's worktrees under target/ab/
# included; never another checkout's, so a test can stop or count them on a machine running other benchmarks.
# shellcheck disable=SC2001 # one bracket expression escapes every special character; an expansion cannot
ROOT_RE=$(sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$ROOT")
OWN_CHILDREN="$ROOT_RE/(.*-impl/target/.*-all\.jar|.*backend/target/backend-.*-all\.jar|.*gatling/target/gatling\.jar)"

# no_own_children_left: true once none of OWN_CHILDREN runs (waits up to 10 s, then lists those left).
no_own_children_left() {
  local waited=0
  while pgrep -f -- "$OWN_CHILDREN" >/dev/null; do
    ((waited++ < 20)) || { pgrep -af -- "$OWN_CHILDREN"; return 1; }
    sleep 0.5
  done
}

# finished_within SECONDS: true once the background job $runner has ended within SECONDS; its exit status is then
# in $status and $runner is emptied.
finished_within() {
  local deadline=$((SECONDS + $1))
  while kill -0 "$runner" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
  wait "$runner"
  # shellcheck disable=SC2034 # read by the tests that source this file
  status=$?
  runner=""
}

finish() {
  echo "$1: $passed passed, $failed failed"
  ((failed == 0))
}

# install_if_missing COMMAND PACKAGE: true once COMMAND is there, installing Debian's PACKAGE first when it is
# missing and this may (root, with apt-get: as CI runs).
install_if_missing() {
  command -v "$1" >/dev/null && return 0
  if ((EUID == 0)) && command -v apt-get >/dev/null; then
    echo "note: installing $2 (Debian package)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; } >/dev/null 2>&1
  fi
  command -v "$1" >/dev/null || { echo "$1 is missing: apt-get install $2" >&2; return 1; }
}

# The tests read JSON with jq, never by Jackson's spacing; Debian does not install it by default, so a test that
# reads JSON first checks `require_jq`.
require_jq() {
  install_if_missing jq jq
}

# json_is FILE FILTER: FILE is JSON and jq's FILTER is true of it, e.g. json_is run.json '.status == "complete"'.
json_is() {
  jq -e "$2" "$1" >/dev/null
}
