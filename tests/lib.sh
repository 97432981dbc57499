# Shared by the end-to-end shell tests: checks that count, and waiting for a line in a log. Source it.
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

finish() {
  echo "$1: $passed passed, $failed failed"
  ((failed == 0))
}
