package concbench.gatling;

import concbench.gatling.names.SimulationProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * This load generator's part of the load when several share it (a run on several machines): its users of each
 * sweep level and its part of each rate of the latency ladder, from {@code -DshareLevels=8,32} and
 * {@code -DshareRates=250,1000}. The phases keep the whole load's names ({@code sweep-16}, {@code rate-500}), so
 * that the runner merges the generators' records phase by phase; this generator's ladder judges its own part of each
 * rate. Without them this generator makes the whole load.
 *
 * @param levelUsers the users of each level of {@link LoadProfile#levels}, in its order
 * @param rates      the arrivals per second of each step of {@link LoadProfile#rates}, in its order
 */
public record LoadShare(List<Integer> levelUsers, List<Integer> rates) {
    static final String SHARE_LEVELS = SimulationProperties.SHARE_LEVELS;
    static final String SHARE_RATES = SimulationProperties.SHARE_RATES;

    public LoadShare {
        levelUsers = List.copyOf(levelUsers);
        rates = List.copyOf(rates);
    }

    /** The share the JVM was started with, for {@code profile}. */
    public static LoadShare fromSystemProperties(LoadProfile profile) {
        return from(System.getProperties(), profile);
    }

    static LoadShare from(Properties properties, LoadProfile profile) {
        return new LoadShare(counts(properties, SHARE_LEVELS, profile.levels()),
                counts(properties, SHARE_RATES, profile.rates()));
    }

    /** The counts of property {@code name}, one per count of {@code whole}; {@code whole} itself when not given. */
    private static List<Integer> counts(Properties properties, String name, List<Integer> whole) {
        String value = properties.getProperty(name);
        if (value == null) {
            return whole;
        }
        List<Integer> counts = new ArrayList<>();
        for (String count : value.split(",", -1)) {
            counts.add(positive(name, count.strip()));
        }
        if (counts.size() != whole.size()) {
            throw new IllegalArgumentException(name + " needs one count per one of " + whole + ", got " + value);
        }
        return counts;
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must hold integers of at least 1, got '" + value + "'");
    }
}
