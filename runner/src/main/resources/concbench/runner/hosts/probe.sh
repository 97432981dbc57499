# Runs on a remote host, fed to `bash -s` over SSH before anything starts there: finds a JDK 25+ as ./bench does
# (JAVA_HOME if it is one, the javac on PATH, the usual install locations) and prints what the runner records of
# the host, one key=value a line. Needs no file of the project on the host.
min_java=25
java_major() {
  local home=$1
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -r "$home/release" ]]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release"
  else
    "$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}
candidates=()
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
candidates+=(/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*)
if on_path=$(command -v javac 2>/dev/null); then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$on_path")")")")
fi
best="" best_major=0
for home in "${candidates[@]}"; do
  [[ -d "$home" ]] || continue
  major=$(java_major "$home")
  if [[ -n "$major" ]] && ((major >= min_java && major > best_major)); then
    best=$home best_major=$major
  fi
done
echo "java_home=$best"
[[ -z "$best" ]] || echo "jdk=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$best/release" 2>/dev/null)"
echo "cpus=$(sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status)"
echo "cpu_model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
echo "kernel=$(uname -r)"
echo "hostname=$(uname -n)"
echo "taskset=$(command -v taskset || true)"
echo "rsync=$(command -v rsync || true)"
echo "home=$HOME"
echo "clock_ms=$(date +%s%3N)"
