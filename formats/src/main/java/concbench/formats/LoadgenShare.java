package concbench.formats;

import java.util.List;
import java.util.Map;

/**
 * One load generator host's part of a trial on several machines: the load it was given and what its own
 * {@code simulation.log} recorded, so that the merged phases can be checked against the sum of the hosts'.
 *
 * @param host          its label, e.g. {@code loadgen-1}
 * @param levelUsers    its users of each sweep level, in the profile's order
 * @param rate          its arrivals per second in the rate phase
 * @param warmupUsers   its warm-up users
 * @param clockOffsetMs its clock minus the runner's, by which its records were moved onto the runner's clock
 * @param requests      the requests (ok and failed) of each phase in its own log
 */
public record LoadgenShare(String host, List<Integer> levelUsers, int rate, int warmupUsers, long clockOffsetMs,
        Map<String, Long> requests) {
}
