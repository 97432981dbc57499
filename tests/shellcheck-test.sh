#!/usr/bin/env bash
# Every shell script of the project passes shellcheck at its default severity: the launcher, CI's script, the
# end-to-end tests and the tools. Run by `./bench test`; it installs shellcheck (Debian package) when it is
# missing and it may, and fails when it cannot, since an unchecked script is what this test exists to prevent.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"

check "shellcheck is installed (Debian: apt-get install shellcheck)" install_if_missing shellcheck shellcheck

if command -v shellcheck >/dev/null; then
  cd "$ROOT" || exit 1
  for script in bench .ci/run tests/*.sh tests/netns/*.sh tools/*; do
    check "$script passes shellcheck" shellcheck -x "$script"
  done
fi

finish shellcheck
