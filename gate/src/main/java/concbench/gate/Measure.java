package concbench.gate;

import concbench.formats.Better;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one row measures and how it is judged.
 *
 * @param metric     the name in {@code compare.json} and in {@code --threshold METRIC=PERCENT}
 * @param resolution the smallest change of the means that can be told from the instrument's rounding; a change
 *                   no larger never gates (latency: Gatling's clock counts whole milliseconds)
 */
record Measure(String metric, String unit, Better better, Evidence evidence, double resolution) {
    static final String THROUGHPUT = "throughput";
    static final String P50 = "p50";
    static final String P90 = "p90";
    static final String P99 = "p99";
    static final String P999 = "p999";
    static final String CPU_PER_REQUEST = "cpuPerRequest";
    static final String ERROR_RATE = "errorRate";
    static final String FAILED_TRIALS = "failedTrials";
    static final String SCORE = "score";

    /** Gatling's clock resolution: two latency readings 1 ms apart may be the same latency. */
    private static final double GATLING_CLOCK_MS = 1;

    static final Measure THROUGHPUT_OF_SWEEP = new Measure(THROUGHPUT, "req/s", Better.HIGHER, Evidence.T_TEST, 0);
    static final Measure LATENCY_P50 = latency(P50);
    static final Measure LATENCY_P90 = latency(P90);
    static final Measure LATENCY_P99 = latency(P99);
    static final Measure LATENCY_P999 = latency(P999);
    static final Measure CPU = new Measure(CPU_PER_REQUEST, "us/req", Better.LOWER, Evidence.T_TEST, 0);
    static final Measure ERRORS = new Measure(ERROR_RATE, "%", Better.LOWER, Evidence.EVERY_TRIAL, 0);
    static final Measure FAILURES = new Measure(FAILED_TRIALS, "% of trials", Better.LOWER, Evidence.ANY_CHANGE, 0);

    /** Which percentile of the response times each latency metric is, in percent. */
    private static final Map<String, Double> PERCENTILES = Map.of(P50, 50.0, P90, 90.0, P99, 99.0, P999, 99.9);

    /** The percentile this metric reads, in percent (99.9 for {@code p999}); empty for every other metric. */
    OptionalDouble percentile() {
        Double percent = PERCENTILES.get(metric);
        return percent == null ? OptionalDouble.empty() : OptionalDouble.of(percent);
    }

    private static Measure latency(String percentile) {
        return new Measure(percentile, "ms", Better.LOWER, Evidence.T_TEST, GATLING_CLOCK_MS);
    }

    /**
     * A JMH score: time per operation (e.g. {@code us/op}) and a footprint (bytes per something, e.g.
     * {@code B/task}) are better lower, operations per time (e.g. {@code ops/us}) higher.
     *
     * @return null for a unit that says neither, which cannot be judged
     */
    static Measure jmhScore(String unit) {
        if (unit.endsWith("/op")) {
            return new Measure(SCORE, unit, Better.LOWER, Evidence.DISJOINT_INTERVALS, 0);
        }
        if (unit.startsWith(JmhScore.BYTES_PER)) {
            return new Measure(SCORE, unit, Better.LOWER, Evidence.DISJOINT_INTERVALS, 0);
        }
        if (unit.startsWith("ops/")) {
            return new Measure(SCORE, unit, Better.HIGHER, Evidence.DISJOINT_INTERVALS, 0);
        }
        return null;
    }
}
