package concbench.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a metric improves: throughput and JMH's ops/time up, latency, cost, errors and time/op down. */
enum Better {
    HIGHER,
    LOWER;

    @JsonValue
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether going from {@code base} to {@code head} is a change for the worse. */
    boolean worse(double base, double head) {
        return this == HIGHER ? head < base : head > base;
    }
}
