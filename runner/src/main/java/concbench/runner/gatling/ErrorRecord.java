package concbench.runner.gatling;

/**
 * An error Gatling logged outside any request, e.g. a request it could not even build. Rare, and never expected
 * in a sound run.
 *
 * @param message     what went wrong
 * @param timestampMs when, in epoch milliseconds
 */
public record ErrorRecord(String message, long timestampMs) implements LogRecord {
}
