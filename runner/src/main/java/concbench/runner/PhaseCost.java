package concbench.runner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a phase cost, from the {@link ProcSampler} samples inside its window: CPU utilisation of the server and
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

    static final double SATURATED = 0.9;
    /** The back-end CPU count of a phase that called no back end. */
    static final int NO_BACKEND = 0;
    private static final double NANOS_PER_MICRO = 1_000;
    private static final double NANOS_PER_MILLI = 1_000_000;

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
     * @param backendCpus            the back end's CPUs when the phase called it, {@value #NO_BACKEND} when it did not
     *                               (hello, the floor)
     * @param backendSharesGenerator whether the back end runs on the load generator's CPUs, and so competes with it
     * @return null when fewer than two samples fall inside the window (a phase too short to cost)
     */
    static PhaseCost of(List<ProcSampler.Sample> samples, long startMs, long endMs, long requests,
            int serverCpus, int generatorCpus, int backendCpus, boolean backendSharesGenerator) {
        List<ProcSampler.Sample> inside = samples.stream()
                .filter(s -> s.epochMs() >= startMs && s.epochMs() <= endMs)
                .toList();
        if (inside.size() < 2) {
            return null;
        }
        ProcSampler.Sample first = inside.getFirst();
        ProcSampler.Sample last = inside.getLast();
        double wallNanos = (last.epochMs() - first.epochMs()) * NANOS_PER_MILLI;
        long serverCpu = last.serverCpuNanos() - first.serverCpuNanos();
        long gatlingCpu = last.generatorCpuNanos() - first.generatorCpuNanos();
        long backendCpu = last.backendCpuNanos() - first.backendCpuNanos();
        long generatorCpu = gatlingCpu + (backendSharesGenerator ? backendCpu : 0);
        double server = serverCpu / (wallNanos * serverCpus);
        double generator = generatorCpu / (wallNanos * generatorCpus);
        Double backend = backendCpus == NO_BACKEND ? null
                : (backendCpu + (backendSharesGenerator ? gatlingCpu : 0)) / (wallNanos * backendCpus);
        List<ProcSampler.Sample> readings = inside.stream().filter(s -> s.roles() != null).toList();
        return new PhaseCost(
                server,
                perRequest(serverCpu, requests, first.epochMs(), last.epochMs(), startMs, endMs),
                inside.stream().mapToLong(ProcSampler.Sample::serverRssBytes).max().orElse(0),
                inside.stream().mapToInt(ProcSampler.Sample::serverThreads).max().orElse(0),
                generator,
                generator >= SATURATED && server < SATURATED,
                gatlingCpu / (wallNanos * generatorCpus),
                readings.size() < 2 ? null : byRole(readings.getFirst(), readings.getLast(), requests, startMs, endMs),
                readings.isEmpty() ? null : threadsByRole(readings.getLast().roles()),
                backend,
                backend != null && backend >= SATURATED && server < SATURATED);
    }

    /** CPU time between two readings per request completed between them, requests spread evenly over the window. */
    private static double perRequest(long cpuNanos, long requests, long fromMs, long toMs, long startMs, long endMs) {
        double requestsBetween = requests * (toMs - fromMs) / (double) (endMs - startMs);
        return requestsBetween > 0 ? cpuNanos / NANOS_PER_MICRO / requestsBetween : 0;
    }

    private static Map<String, Double> byRole(ProcSampler.Sample first, ProcSampler.Sample last, long requests,
            long startMs, long endMs) {
        Map<String, Double> byRole = new LinkedHashMap<>();
        for (ThreadRole role : ThreadRole.values()) {
            long cpu = last.roles().cpuNanos()[role.ordinal()] - first.roles().cpuNanos()[role.ordinal()];
            byRole.put(role.key(), perRequest(cpu, requests, first.epochMs(), last.epochMs(), startMs, endMs));
        }
        return byRole;
    }

    private static Map<String, Integer> threadsByRole(ThreadCpu.Reading reading) {
        Map<String, Integer> threads = new LinkedHashMap<>();
        for (ThreadRole role : ThreadRole.values()) {
            threads.put(role.key(), reading.threads()[role.ordinal()]);
        }
        return threads;
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
