package concbench.formats;

/**
 * Percentiles of one phase in milliseconds, each the value at or below which that share of the responses fell
 * (HdrHistogram's {@code getValueAtPercentile}); all 0 when there was no response.
 */
public record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {
}
