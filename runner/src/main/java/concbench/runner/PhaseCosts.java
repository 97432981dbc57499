package concbench.runner;

import concbench.formats.PhaseCost;
import concbench.formats.ThreadRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A phase's {@link PhaseCost} from the {@link ProcSampler} samples inside its window. */
final class PhaseCosts {
    private static final double NANOS_PER_MICRO = 1_000;
    private static final double NANOS_PER_MILLI = 1_000_000;

    /** The back-end CPU count of a phase that called no back end. */
    static final int NO_BACKEND = 0;

    private PhaseCosts() {
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
                bound(generator, server),
                gatlingCpu / (wallNanos * generatorCpus),
                readings.size() < 2 ? null : byRole(readings.getFirst(), readings.getLast(), requests, startMs, endMs),
                readings.isEmpty() ? null : threadsByRole(readings.getLast().roles()),
                backend,
                backend != null && bound(backend, server));
    }

    /**
     * Whether a CPU set that serves the server (the load generator's, the back end's) limited the phase: it was at
     * least {@value PhaseCost#SATURATED} busy while the server's CPUs were not.
     */
    static boolean bound(double otherUtilisation, double serverUtilisation) {
        return otherUtilisation >= PhaseCost.SATURATED && serverUtilisation < PhaseCost.SATURATED;
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
}
