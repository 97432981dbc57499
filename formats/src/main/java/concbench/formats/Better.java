package concbench.formats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way a metric improves: throughput and JMH's ops/time up, latency, cost, errors and time/op down. */
public enum Better {
    HIGHER,
    LOWER;

    /** The word in {@code compare.json}: {@code higher} or {@code lower}; reading matches it too. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** Whether going from {@code base} to {@code head} is a change for the worse. */
    public boolean worse(double base, double head) {
        return this == HIGHER ? head < base : head > base;
    }
}
