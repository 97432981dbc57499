package concbench.runner.gatling;

/** A record of {@code simulation.log} that counts towards the numbers: a request, or an error outside any request. */
public sealed interface LogRecord permits RequestRecord, ErrorRecord {
}
