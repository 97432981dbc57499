package concbench.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.Objects;

/**
 * What a phase cost, from the runner's {@code /proc} samples inside its window: CPU utilisation of the server and
 * of the load generator's CPU set, the server's CPU time per request, in total and by thread role, and its peak
 * memory and threads.
 *
 * @param serverCpuUtilisation       server CPU time / (window x server CPUs), 0..1
 * @param serverCpuMicrosPerRequest  server CPU time / requests completed in the window: the cost of a request
 * @param peakRssBytes               the largest resident set seen in the window
 * @param peakThreads                the most threads seen in the window
 * @param generatorCpuUtilisation    CPU time of everything on the load generator's CPUs (Gatling, and the back end
 *                                   when it shares them) / (window x those CPUs), 0..1
 * @param generatorBound             the load generator's CPUs were at least {@value #SATURATED} busy while the
 *                                   server's were not: the phase's throughput is a lower bound for the server
 * @param gatlingCpuUtilisation      Gatling's own CPU time / (window x the load generator's CPUs), 0..1
 * @param cpuMicrosPerRequestByRole  the server's CPU time per request by {@link ThreadRole} (every role, in their
 *                                   order), from the thread readings inside the window; adds up to about
 *                                   {@code serverCpuMicrosPerRequest}. Null when fewer than two readings fall in it
 * @param threadsByRole              the server's threads by role at the window's last thread reading; null likewise
 * @param backendCpuUtilisation      CPU time of everything on the back end's CPUs (the back end, and Gatling when it
 *                                   shares them) / (window x those CPUs), 0..1; null where the phase called no back
 *                                   end (hello, the floor) and in results written before it was sampled
 * @param backendBound               the back end's CPUs were at least {@value #SATURATED} busy while the server's
 *                                   were not: the back end, not the server, may have been the limit
 */
public record PhaseCost(
        double serverCpuUtilisation,
        double serverCpuMicrosPerRequest,
        long peakRssBytes,
        int peakThreads,
        double generatorCpuUtilisation,
        boolean generatorBound,
        Double gatlingCpuUtilisation,
        Map<String, Double> cpuMicrosPerRequestByRole,
        Map<String, Integer> threadsByRole,
        Double backendCpuUtilisation,
        boolean backendBound) {

    /** The busy share of a CPU set from which it counts as saturated. */
    public static final double SATURATED = 0.9;

    /** A phase's cost as results of version 1 recorded it, without Gatling's part or the thread roles. */
    public PhaseCost(double serverCpuUtilisation, double serverCpuMicrosPerRequest, long peakRssBytes, int peakThreads,
            double generatorCpuUtilisation, boolean generatorBound) {
        this(serverCpuUtilisation, serverCpuMicrosPerRequest, peakRssBytes, peakThreads, generatorCpuUtilisation,
                generatorBound, null, null, null);
    }

    /** A phase's cost as results of version 2 recorded it before the back end was sampled. */
    public PhaseCost(double serverCpuUtilisation, double serverCpuMicrosPerRequest, long peakRssBytes, int peakThreads,
            double generatorCpuUtilisation, boolean generatorBound, Double gatlingCpuUtilisation,
            Map<String, Double> cpuMicrosPerRequestByRole, Map<String, Integer> threadsByRole) {
        this(serverCpuUtilisation, serverCpuMicrosPerRequest, peakRssBytes, peakThreads, generatorCpuUtilisation,
                generatorBound, gatlingCpuUtilisation, cpuMicrosPerRequestByRole, threadsByRole, null, false);
    }

    /**
     * The same cost with the load generator's figures of a run on several machines, where each load generator
     * host was sampled on its own: Gatling alone on that host's CPUs.
     *
     * @param utilisation the busiest load generator host's Gatling CPU time / (window x its CPUs)
     * @param bound       whether any load generator host was generator-bound
     */
    public PhaseCost withGenerator(double utilisation, boolean bound) {
        return new PhaseCost(serverCpuUtilisation, serverCpuMicrosPerRequest, peakRssBytes, peakThreads, utilisation,
                bound, utilisation, cpuMicrosPerRequestByRole, threadsByRole, backendCpuUtilisation, backendBound);
    }

    /**
     * The same cost with the back end's figures of a run on several machines, where the back end was sampled on its
     * own host: the back end alone on that host's CPUs.
     *
     * @param utilisation the back end's CPU time / (window x its CPUs)
     * @param bound       whether its CPUs were saturated while the server's were not
     */
    public PhaseCost withBackend(double utilisation, boolean bound) {
        return new PhaseCost(serverCpuUtilisation, serverCpuMicrosPerRequest, peakRssBytes, peakThreads,
                generatorCpuUtilisation, generatorBound, gatlingCpuUtilisation, cpuMicrosPerRequestByRole,
                threadsByRole, utilisation, bound);
    }

    /** The CPU time per request of one role; null where the phase has no reading by role (results of version 1). */
    public Double cpuMicrosPerRequest(ThreadRole role) {
        return cpuMicrosPerRequestByRole == null ? null : cpuMicrosPerRequestByRole.get(role.key());
    }

    /** The sum of the roles' CPU time per request, which should be within a few percent of the total. */
    @JsonIgnore
    public Double cpuMicrosPerRequestOfRoles() {
        return cpuMicrosPerRequestByRole == null ? null
                : cpuMicrosPerRequestByRole.values().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                        .sum();
    }
}
