# Runs on a remote host, started over SSH as `bash -c "$(cat guard.sh)" guard COMMAND...`: runs COMMAND in a
# process group of its own and stops that whole group (SIGTERM, then SIGKILL after a grace period) when the SSH
# connection closes (its standard input ends), on SIGTERM, SIGHUP or SIGINT, so that nothing the runner started
# outlives it: not on an end, a failure, a Ctrl-C, nor a lost connection. Prints "guard: pid N" (COMMAND's process)
# first, then COMMAND's output; exits with COMMAND's status.
grace_tenths=100
# Job control on while COMMAND starts gives it a process group of its own; off again, so that bash prints nothing
# of its jobs into COMMAND's output.
set -m
"$@" </dev/null 2>&1 &
child=$!
set +m
echo "guard: pid $child"
stop() {
  kill -TERM -- "-$child" 2>/dev/null
  local waited
  for ((waited = 0; waited < grace_tenths; waited++)); do
    kill -0 -- "-$child" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$child" 2>/dev/null
}
trap 'stop; exit 143' TERM HUP INT
# The watcher: reading standard input to its end means the connection is gone.
# Bash's own read, not cat: no process of the watcher outlives it. "<&0" is needed: without job control bash gives a
# background command /dev/null as its input unless it is told otherwise.
{ while IFS= read -r _; do :; done; kill -TERM $$; } <&0 &
watcher=$!
wait "$child"
status=$?
{ kill -KILL "$watcher" && wait "$watcher"; } 2>/dev/null
exit "$status"
