package concbench.runner;

import java.util.List;

/**
 * What a phase cost, from the {@link ProcSampler} samples inside its window: CPU utilisation of the server and
 * of the load generator's CPU set, the server's CPU time per request, and its peak memory and threads.
 *
 * @param serverCpuUtilisation     server CPU time / (window x server CPUs), 0..1
 * @param serverCpuMicrosPerRequest server CPU time / requests completed in the window: the cost of a request
 * @param peakRssBytes             the largest resident set seen in the window
 * @param peakThreads              the most threads seen in the window
 * @param generatorCpuUtilisation  CPU time of everything on the load generator's CPUs (Gatling, and the back end
 *                                 when it shares them) / (window x those CPUs), 0..1
 * @param generatorBound           the load generator's CPUs were at least {@value #SATURATED} busy while the
 *                                 server's were not: the phase's throughput is a lower bound for the server
 */
public record PhaseCost(
        double serverCpuUtilisation,
        double serverCpuMicrosPerRequest,
        long peakRssBytes,
        int peakThreads,
        double generatorCpuUtilisation,
        boolean generatorBound) {

    static final double SATURATED = 0.9;
    private static final double NANOS_PER_MICRO = 1_000;
    private static final double NANOS_PER_MILLI = 1_000_000;

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
        long generatorCpu = last.generatorCpuNanos() - first.generatorCpuNanos()
                + (backendSharesGenerator ? last.backendCpuNanos() - first.backendCpuNanos() : 0);
        double server = serverCpu / (wallNanos * serverCpus);
        double generator = generatorCpu / (wallNanos * generatorCpus);
        double requestsInSampledWindow = requests * (last.epochMs() - first.epochMs()) / (double) (endMs - startMs);
        return new PhaseCost(
                server,
                requestsInSampledWindow > 0 ? serverCpu / NANOS_PER_MICRO / requestsInSampledWindow : 0,
                inside.stream().mapToLong(ProcSampler.Sample::serverRssBytes).max().orElse(0),
                inside.stream().mapToInt(ProcSampler.Sample::serverThreads).max().orElse(0),
                generator,
                generator >= SATURATED && server < SATURATED);
    }
}
