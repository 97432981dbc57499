package concbench.runner.gatling;

import concbench.formats.PhaseStats;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gathers one phase's requests as the log streams by, into its {@link PhaseStats}. */
final class PhaseAccumulator {
    private static final double MILLIS_PER_SECOND = 1000.0;
    /** The resolution of Gatling's clock: a phase's window is at least this long. */
    private static final long MIN_WINDOW_MS = 1;

    private final String phase;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, Long> errors = new HashMap<>();
    private final EndCounts endCounts = new EndCounts();
    private long ok;
    private long ko;
    private long windowStartMs = Long.MAX_VALUE;
    private long windowEndMs = Long.MIN_VALUE;
    private long lastSendMs = Long.MIN_VALUE;

    PhaseAccumulator(String phase) {
        this.phase = phase;
    }

    void add(RequestRecord request) {
        if (!request.name().equals(phase)) {
            throw new IllegalArgumentException("request " + request.name() + " is not of phase " + phase);
        }
        if (request.ok()) {
            ok++;
            latency.recordMillis(request.responseTimeMs());
        } else {
            ko++;
            errors.merge(request.message(), 1L, Long::sum);
        }
        windowStartMs = Math.min(windowStartMs, request.startMs());
        windowEndMs = Math.max(windowEndMs, request.endMs());
        lastSendMs = Math.max(lastSendMs, request.startMs());
        endCounts.add(request.endMs(), request.ok());
    }

    PhaseStats stats() {
        long windowEnd = Math.max(windowEndMs, windowStartMs + MIN_WINDOW_MS);
        double throughput = ok / ((windowEnd - windowStartMs) / MILLIS_PER_SECOND);
        Map<String, Long> sortedErrors = new LinkedHashMap<>();
        errors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sortedErrors.put(e.getKey(), e.getValue()));
        return new PhaseStats(phase, ok, ko, sortedErrors, windowStartMs, windowEnd, throughput,
                latency.latency(), endCounts.perSecond(windowStartMs, windowEnd), lastSendMs);
    }
}
