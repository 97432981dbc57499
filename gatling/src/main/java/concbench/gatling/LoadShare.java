package concbench.gatling;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * This load generator's part of the load when several share it (a run on several machines): its users of each
 * sweep level and its part of the rate, from {@code -DshareLevels=8,32} and {@code -DshareRate=250}. The phases
 * keep the whole load's names ({@code sweep-16}, {@code rate-500}), so that the runner merges the generators'
 * records phase by phase. Without them this generator makes the whole load.
 *
 * @param levelUsers the users of each level of {@link LoadProfile#levels}, in its order
 * @param rate       the arrivals per second of the rate phase
 */
public record LoadShare(List<Integer> levelUsers, int rate) {
    public static final String SHARE_LEVELS = "shareLevels";
    public static final String SHARE_RATE = "shareRate";

    public LoadShare {
        levelUsers = List.copyOf(levelUsers);
    }

    /** The share the JVM was started with, for {@code profile}. */
    public static LoadShare fromSystemProperties(LoadProfile profile) {
        return from(System.getProperties(), profile);
    }

    static LoadShare from(Properties properties, LoadProfile profile) {
        String levels = properties.getProperty(SHARE_LEVELS);
        List<Integer> users = new ArrayList<>(profile.levels());
        if (levels != null) {
            users.clear();
            for (String level : levels.split(",", -1)) {
                users.add(positive(SHARE_LEVELS, level.strip()));
            }
            if (users.size() != profile.levels().size()) {
                throw new IllegalArgumentException(SHARE_LEVELS + " needs one count per level of " + profile.levels()
                        + ", got " + levels);
            }
        }
        String rate = properties.getProperty(SHARE_RATE);
        return new LoadShare(users, rate == null ? profile.rate() : positive(SHARE_RATE, rate.strip()));
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
