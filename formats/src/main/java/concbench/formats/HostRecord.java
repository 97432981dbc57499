package concbench.formats;

/**
 * A host as {@code run.json}'s {@code topology} records it.
 *
 * @param label         {@code server}, {@code backend}, {@code loadgen-1}, ...
 * @param role          {@code server}, {@code backend} or {@code loadgen}
 * @param destination   what ssh was given
 * @param address       where the other hosts reached it
 * @param hostName      its own name ({@code uname -n})
 * @param cpus          the CPU set its process was pinned to
 * @param cores         how many CPUs the host let the login use
 * @param cpuModel      {@code /proc/cpuinfo}'s model name
 * @param kernel        {@code uname -r}
 * @param jdk           the JDK's runtime version, and where it is
 * @param clockOffsetMs its clock minus the runner's, measured before the run over SSH (the best of several round
 *                      trips, so within half that round trip); its Gatling records are moved by it onto the
 *                      runner's clock
 * @param rttToServerMs for a load generator: the round trip of a TCP connect from it to the server host, the best
 *                      of several, measured before the run; null for the other roles
 */
public record HostRecord(String label, String role, String destination, String address, String hostName,
        String cpus, int cores, String cpuModel, String kernel, String jdk, long clockOffsetMs,
        Double rttToServerMs) {
}
