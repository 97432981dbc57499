#!/usr/bin/env bash
# The test bed of the several-machines tests (tests/netns/testbed.sh) on its own: hosts with network stacks of
# their own, each reached over SSH at its own address, and nothing of it left once the test ends.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tests/lib.sh
source "$ROOT/tests/lib.sh"
# shellcheck source=tests/netns/testbed.sh
source "$ROOT/tests/netns/testbed.sh"

if ! testbed_possible; then
  echo "netns-testbed: skipped: network namespaces cannot be made here (needs root)"
  finish netns-testbed
  exit
fi

check "the test bed comes up with two hosts" testbed_up alpha beta
config="$TESTBED/ssh_config"

address_of() {
  testbed_exec ctl ssh -F "$config" -o BatchMode=yes "$1" "ip -4 -o addr show dev eth0" | awk '{ print $4 }'
}
check "alpha answers over SSH at its own address" test "$(address_of alpha)" == "${TESTBED_ADDRESS[alpha]}/24"
check "beta answers over SSH at its own address" test "$(address_of beta)" == "${TESTBED_ADDRESS[beta]}/24"
reach_beta_from_alpha() {
  testbed_exec alpha ping -c 1 -W 2 "${TESTBED_ADDRESS[beta]}" >/dev/null 2>&1 \
    || testbed_exec alpha bash -c "exec 3<>/dev/tcp/${TESTBED_ADDRESS[beta]}/22"
}
check "alpha reaches beta through the bridge" reach_beta_from_alpha
not_on_this_stack() { ! ip -4 -o addr show | grep -q "$TESTBED_NET\."; }
check "no test address is on this machine's own network stack" not_on_this_stack
testbed_exec alpha sleep 300 &
sleeper=$!
sleeping_in_alpha() {
  local tries
  for ((tries = 0; tries < 20; tries++)); do
    testbed_pids alpha | grep -q 'sleep 300' && return 0
    sleep 0.2
  done
  return 1
}
check "a process started in alpha is seen there" sleeping_in_alpha
prefix=$TESTBED_PREFIX
testbed_down 2>/dev/null
{ wait "$sleeper"; } 2>/dev/null
no_namespaces_left() { ! ip netns list | grep -q "^$prefix-"; }
check "testbed_down deletes every namespace" no_namespaces_left
check "testbed_down stops what ran in them" test -z "$(jobs -pr)"
finish netns-testbed
