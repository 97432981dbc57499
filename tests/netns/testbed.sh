# shellcheck shell=bash
# A test bed of "machines" on this one: network namespaces joined by a bridge through veth pairs, each host with
# its own network stack, address and sshd, reached with a throwaway key pair and an ssh config made for the test.
# Source it, then:
#   testbed_up NAME...     a controller namespace (where ./bench runs) and one namespace per NAME with an sshd;
#                          writes $TESTBED/ssh_config (Host NAME aliases) and sets TESTBED_ADDRESS[NAME]
#   testbed_exec NAME CMD  runs CMD in NAME's namespace (NAME "ctl": the controller)
#   testbed_pids NAME      the processes running in NAME's namespace, its sshd left out
#   testbed_down           kills every process in the namespaces and deletes them; testbed_up traps EXIT for it
# The namespaces share this machine's filesystem: a "remote" host sees the same paths as the controller.
# Only addresses inside the namespaces made here are used (TESTBED_NET, on a bridge in a namespace of its own):
# nothing is added to this machine's own network stack.

TESTBED_NET=${TESTBED_NET:-10.231.7}
TESTBED_PREFIX="cbtest$$"
TESTBED_BRIDGE_NS="$TESTBED_PREFIX-net"
TESTBED_CONTROLLER=ctl
# shellcheck disable=SC2034 # read by the tests that source this file
declare -gA TESTBED_ADDRESS=()
TESTBED_NAMES=()
TESTBED=""

testbed_say() { printf 'testbed: %s\n' "$*" >&2; }

# Installs openssh-server, rsync and iproute2 with apt-get when one is missing (as root, as CI runs).
testbed_install() {
  local missing=()
  [[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
  command -v rsync >/dev/null || missing+=(rsync)
  command -v ssh >/dev/null || missing+=(openssh-client)
  command -v ip >/dev/null || missing+=(iproute2)
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)) || ! command -v apt-get >/dev/null; then
    testbed_say "missing ${missing[*]} and cannot install them (needs root and apt-get)"
    return 1
  fi
  testbed_say "installing ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1
}

# True when this machine lets the test make network namespaces (root, and a kernel and sandbox that allow it).
testbed_possible() {
  ((EUID == 0)) || return 1
  local probe="$TESTBED_PREFIX-probe"
  ip netns add "$probe" 2>/dev/null || return 1
  ip netns del "$probe"
}

testbed_namespace() {
  if [[ $1 == "$TESTBED_CONTROLLER" ]]; then
    printf '%s\n' "$TESTBED_PREFIX-$TESTBED_CONTROLLER"
  else
    printf '%s\n' "$TESTBED_PREFIX-$1"
  fi
}

testbed_exec() {
  local name=$1
  shift
  ip netns exec "$(testbed_namespace "$name")" "$@"
}

# One namespace joined to the bridge: veth "h<index>" inside it with ADDRESS, its peer on the bridge.
testbed_join() {
  local ns=$1 index=$2 address=$3
  ip netns add "$ns"
  ip link add "v$index" netns "$TESTBED_BRIDGE_NS" type veth peer name eth0 netns "$ns"
  ip -n "$TESTBED_BRIDGE_NS" link set "v$index" master br0 up
  ip -n "$ns" addr add "$address/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
}

testbed_sshd() {
  local name=$1 address=$2 config="$TESTBED/$1/sshd_config"
  mkdir -p "$TESTBED/$name" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$TESTBED/$name/host_key"
  cat >"$config" <<EOF
ListenAddress $address
Port 22
HostKey $TESTBED/$name/host_key
PidFile $TESTBED/$name/sshd.pid
AuthorizedKeysFile $TESTBED/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxSessions 50
MaxStartups 50
EOF
  testbed_exec "$name" /usr/sbin/sshd -f "$config" -E "$TESTBED/$name/sshd.log"
}

testbed_up() {
  testbed_install || return 1
  TESTBED=$(mktemp -d /tmp/conc-bench-testbed.XXXXXX)
  trap testbed_down EXIT
  ip netns add "$TESTBED_BRIDGE_NS"
  ip -n "$TESTBED_BRIDGE_NS" link add br0 type bridge
  ip -n "$TESTBED_BRIDGE_NS" link set br0 up
  ssh-keygen -q -t ed25519 -N '' -f "$TESTBED/id_ed25519"
  cp "$TESTBED/id_ed25519.pub" "$TESTBED/authorized_keys"
  local index=1 name
  testbed_join "$(testbed_namespace "$TESTBED_CONTROLLER")" "$index" "$TESTBED_NET.$index"
  TESTBED_ADDRESS[$TESTBED_CONTROLLER]="$TESTBED_NET.$index"
  : >"$TESTBED/ssh_config"
  for name in "$@"; do
    index=$((index + 1))
    TESTBED_NAMES+=("$name")
    # shellcheck disable=SC2034 # read by the tests that source this file
    TESTBED_ADDRESS[$name]="$TESTBED_NET.$index"
    testbed_join "$(testbed_namespace "$name")" "$index" "$TESTBED_NET.$index"
    testbed_sshd "$name" "$TESTBED_NET.$index"
    cat >>"$TESTBED/ssh_config" <<EOF
Host $name
  HostName $TESTBED_NET.$index
  User root
  IdentityFile $TESTBED/id_ed25519
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
EOF
  done
  for name in "$@"; do
    testbed_wait_ssh "$name" || { testbed_say "the sshd of $name does not answer"; return 1; }
  done
}

# Waits until NAME's sshd lets the controller in.
testbed_wait_ssh() {
  local tries
  for ((tries = 0; tries < 50; tries++)); do
    testbed_exec "$TESTBED_CONTROLLER" ssh -F "$TESTBED/ssh_config" -o BatchMode=yes -o ConnectTimeout=2 "$1" true \
      2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

# The processes running in NAME's namespace other than sshd (the daemon and its sessions), one pid a line with its
# command line: what a run left behind there.
testbed_pids() {
  local pid
  for pid in $(ip netns pids "$(testbed_namespace "$1")" 2>/dev/null); do
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == sshd ]] && continue
    [[ -r "/proc/$pid/cmdline" ]] && printf '%s %s\n' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  done
  return 0
}

testbed_down() {
  local ns pids
  for ns in $(ip netns list 2>/dev/null | awk -v p="$TESTBED_PREFIX-" 'index($1, p) == 1 { print $1 }'); do
    pids=$(ip netns pids "$ns" 2>/dev/null)
    # shellcheck disable=SC2086 # one pid a word
    [[ -z "$pids" ]] || kill -KILL $pids 2>/dev/null
    ip netns del "$ns" 2>/dev/null
  done
  [[ -z "$TESTBED" ]] || rm -rf "$TESTBED"
  TESTBED=""
}
