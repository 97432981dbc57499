#!/usr/bin/env bash
# End-to-end test of ./bench report from its jar: the report of the checked-in results fixture, and the errors a
# user gets for a folder that is not one. Run by `./bench test`; a few seconds.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
BENCH="$ROOT/bench"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cp "$ROOT"/report/src/test/resources/smoke2/*.json "$WORK/"
"$BENCH" report "$WORK" >"$WORK/out.log" 2>&1
status=$?
check "a run folder is reported" test "$status" = 0
check "into report.html" test -s "$WORK/report.html"
check "and summary.md" test -s "$WORK/summary.md"
check "whose paths it prints" grep -q "^summary: $WORK/summary.md" "$WORK/out.log"
check "the summary opens with the headline table" grep -q "^| scenario | capacity" "$WORK/summary.md"
if [[ -x /usr/bin/chromium ]]; then
  check "and keeps a screenshot of the first screen" test -s "$WORK/first-screen.png"
  check "whose path it prints" grep -q "^first screen: $WORK/first-screen.png" "$WORK/out.log"
else
  check "without Chromium it says the screenshot was skipped" grep -q "^first screen: skipped" "$WORK/out.log"
fi

"$BENCH" report /nonexistent >"$WORK/missing.log" 2>&1
status=$?
check "a missing folder exits with status 2" test "$status" = 2
check "saying what is wrong in one line" test "$(cat "$WORK/missing.log")" = "bench report: /nonexistent is not a folder"

mkdir "$WORK/empty"
"$BENCH" report "$WORK/empty" >"$WORK/empty.log" 2>&1
status=$?
check "a folder with nothing to report exits with status 2" test "$status" = 2
check "and says what it looked for" grep -q "holds none of run.json" "$WORK/empty.log"

finish report
