package concbench.runner.gatling;

import concbench.formats.Latency;
import org.HdrHistogram.Histogram;

/**
 * The response times of one phase on an HdrHistogram: every value is kept, so a percentile is read from the full
 * distribution, not estimated or averaged.
 *
 * <p>Gatling's clock counts whole milliseconds, so the histogram does too: with {@value #SIGNIFICANT_DIGITS}
 * significant digits every value up to 32,767 ms is kept exactly and a larger one to within 0.01%. Finer digits
 * would only dress millisecond readings up as microsecond ones.
 */
public final class LatencyHistogram {
    static final int SIGNIFICANT_DIGITS = 4;
    private static final double P50 = 50;
    private static final double P90 = 90;
    private static final double P99 = 99;
    private static final double P999 = 99.9;

    /** Auto-resizing: no highest value to guess, and no response too slow to be counted. */
    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);

    public void recordMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a response time cannot be negative: " + millis + " ms");
        }
        histogram.recordValue(millis);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value in milliseconds at or below which {@code percentile} percent of the responses fell. */
    public double percentileMs(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    public double maxMs() {
        return histogram.getMaxValue();
    }

    public Latency latency() {
        return new Latency(count(), percentileMs(P50), percentileMs(P90), percentileMs(P99), percentileMs(P999),
                maxMs());
    }
}
