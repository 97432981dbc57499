package concbench.gate;

/**
 * How many responses a trial needs before a percentile of its response times can be judged: at least
 * {@value #BEYOND} responses beyond it. The q-th percentile of n responses is set by the n(1 - q) slowest; with
 * k of them beyond it, where it falls is uncertain by about ±2√k of those ranks (the order statistics' 95%
 * interval), so k = 10 pins the 1,000-response p99 between the 4th and the 16th slowest response, while k = 1 (a
 * p99.9 of 1,000 responses) is the slowest response or two: the maximum, and whatever stall happened to be in it.
 * So p50 needs 20 responses, p90 100, p99 1,000 and p99.9 10,000, in every trial of both sides.
 */
final class PercentileSamples {
    static final int BEYOND = 10;
    private static final double PERCENT = 100;

    private PercentileSamples() {
    }

    /** The responses a trial needs for {@code percentile} (in percent, e.g. 99.9) to be judged. */
    static long needed(double percentile) {
        return Math.round(BEYOND * PERCENT / (PERCENT - percentile));
    }
}
