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

    private PhaseCosts() {
    }

    /**
     * @param backendSharesGenerator whether the back end runs on the load generator's CPUs, and so competes with it
     * @return null when fewer than two samples fall inside the window (a phase too short to cost)
     */
    static PhaseCost of(List<ProcSampler.Sample> samples, long startMs, long endMs, long requests,
            int serverCpus, int generatorCpus, boolean backendSharesGenerator) {
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
        long generatorCpu = gatlingCpu
                + (backendSharesGenerator ? last.backendCpuNanos() - first.backendCpuNanos() : 0);
        double server = serverCpu / (wallNanos * serverCpus);
        double generator = generatorCpu / (wallNanos * generatorCpus);
        List<ProcSampler.Sample> readings = inside.stream().filter(s -> s.roles() != null).toList();
        return new PhaseCost(
                server,
                perRequest(serverCpu, requests, first.epochMs(), last.epochMs(), startMs, endMs),
                inside.stream().mapToLong(ProcSampler.Sample::serverRssBytes).max().orElse(0),
                inside.stream().mapToInt(ProcSampler.Sample::serverThreads).max().orElse(0),
                generator,
                generator >= PhaseCost.SATURATED && server < PhaseCost.SATURATED,
                gatlingCpu / (wallNanos * generatorCpus),
                readings.size() < 2 ? null : byRole(readings.getFirst(), readings.getLast(), requests, startMs, endMs),
                readings.isEmpty() ? null : threadsByRole(readings.getLast().roles()));
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
