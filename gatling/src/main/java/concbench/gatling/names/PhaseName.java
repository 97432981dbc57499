package concbench.gatling.names;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a phase gives its requests: {@code warmup}, {@code sweep-<users>}, {@code rate-<requests per second>}.
 * The simulations ({@code PhasedSimulation}) name their phases with it and the runner reads Gatling's records
 * with it, so the two cannot drift apart.
 *
 * @param kind  which of the three phases
 * @param value the concurrency level of a sweep phase, the arrival rate of a rate phase, 0 for the warm-up
 */
public record PhaseName(Kind kind, int value) {
    public enum Kind {
        /** Excluded from every number. */
        WARMUP("warmup"),
        /** Throughput of a closed model: {@code value} looping users. */
        SWEEP("sweep"),
        /** Latency of an open model: {@code value} requests arriving per second. */
        RATE("rate");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a phase name, and a trial file's {@code kind}, spell it. */
        public String label() {
            return label;
        }
    }

    public static final PhaseName WARMUP = new PhaseName(Kind.WARMUP, 0);
    /** A sweep or rate phase: its kind, a dash, a positive integer of at most 9 digits (so that it fits an int). */
    private static final Pattern MEASURED = Pattern.compile("(sweep|rate)-([1-9][0-9]{0,8})");

    public PhaseName {
        if ((kind == Kind.WARMUP) != (value == 0) || value < 0) {
            throw new IllegalArgumentException(kind + " cannot have the value " + value);
        }
    }

    public static PhaseName sweep(int users) {
        return new PhaseName(Kind.SWEEP, users);
    }

    public static PhaseName rate(int requestsPerSecond) {
        return new PhaseName(Kind.RATE, requestsPerSecond);
    }

    /** @throws IllegalArgumentException when {@code name} is none of the three forms */
    public static PhaseName parse(String name) {
        if (name.equals(Kind.WARMUP.label)) {
            return WARMUP;
        }
        Matcher matcher = MEASURED.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a phase name: warmup, sweep-<users> or "
                    + "rate-<requests per second>");
        }
        Kind kind = matcher.group(1).equals(Kind.SWEEP.label) ? Kind.SWEEP : Kind.RATE;
        return new PhaseName(kind, Integer.parseInt(matcher.group(2)));
    }

    @Override
    public String toString() {
        return kind == Kind.WARMUP ? kind.label : kind.label + "-" + value;
    }
}
