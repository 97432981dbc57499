package concbench.formats;

import java.util.List;
import java.util.Map;

/**
 * One load generator host's part of a trial on several machines: the load it was given and what its own
 * {@code simulation.log} recorded, so that the merged phases can be checked against the sum of the hosts'.
 *
 * @param host          its label, e.g. {@code loadgen-1}
 * @param levelUsers    its users of each sweep level, in the profile's order
 * @param rates         its arrivals per second of each step of the latency ladder, in the ladder's order
 * @param warmupUsers   its warm-up users
 * @param clockOffsetMs its clock minus the runner's, by which its records were moved onto the runner's clock
 * @param requests      the requests (ok and failed) of each phase in its own log
 * @param gatlingCpuUtilisation  by phase, its Gatling's CPU time / (the phase's window x its CPUs), 0..1, sampled on
 *                               its host; a phase too short to sample has none
 * @param generatorBound         the phases in which it was generator-bound: its CPUs at least
 *                               {@value PhaseCost#SATURATED} busy while the server's were not
 */
public record LoadgenShare(String host, List<Integer> levelUsers, List<Integer> rates, int warmupUsers,
        long clockOffsetMs, Map<String, Long> requests, Map<String, Double> gatlingCpuUtilisation,
        List<String> generatorBound) {
}
