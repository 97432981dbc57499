package concbench.runner.gatling;

/**
 * One request as Gatling logged it. Timestamps are epoch milliseconds, the resolution of Gatling's clock: the
 * start when Gatling began sending the request (before opening a connection, when it had to), the end when the
 * last byte of the response arrived or the request failed.
 *
 * @param name    the request name, which in our simulations is the phase's name, e.g. {@code sweep-64}
 * @param startMs when sending began
 * @param endMs   when the response was complete or the request failed
 * @param ok      whether every check passed (status 200 in our simulations)
 * @param message why it failed; empty when it did not
 */
public record RequestRecord(String name, long startMs, long endMs, boolean ok, String message) implements LogRecord {
    public long responseTimeMs() {
        return endMs - startMs;
    }
}
