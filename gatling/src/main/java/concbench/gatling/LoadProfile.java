package concbench.gatling;

import static concbench.gatling.names.SimulationProperties.CALLS;
import static concbench.gatling.names.SimulationProperties.DELAY_MS;
import static concbench.gatling.names.SimulationProperties.LEVELS;
import static concbench.gatling.names.SimulationProperties.LEVEL_SECONDS;
import static concbench.gatling.names.SimulationProperties.RATES;
import static concbench.gatling.names.SimulationProperties.RATE_SECONDS;
import static concbench.gatling.names.SimulationProperties.TARGET;
import static concbench.gatling.names.SimulationProperties.WARMUP_SECONDS;
import static concbench.gatling.names.SimulationProperties.WARMUP_USERS;

import concbench.contract.ServerConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

/**
 * What one run of a simulation does, read from system properties ({@code -Dlevels=16,64,256}): every parameter's
 * default is here and nowhere else, its name in {@link concbench.gatling.names.SimulationProperties}. Bad values
 * stop the run before it starts, naming the property.
 *
 * @param target        the server's base URL
 * @param warmupSeconds how long the warm-up's looping users run
 * @param warmupUsers   how many looping users warm up
 * @param levels        the closed-model concurrency levels of the throughput sweep, run in this order
 * @param levelSeconds  how long each level's looping users run
 * @param rates         the arrival rates of the latency ladder, requests per second, ascending, run one after
 *                      another until the server cannot keep one ({@link Ladder})
 * @param rateSeconds   how long each rate's arrivals last
 * @param calls         fan-out only: N, the back-end calls each request makes
 * @param delayMs       fan-out only: D, how long the back end waits before each answer
 */
public record LoadProfile(URI target, int warmupSeconds, int warmupUsers, List<Integer> levels, int levelSeconds,
        List<Integer> rates, int rateSeconds, int calls, int delayMs) {

    static final String DEFAULT_TARGET = "http://" + ServerConfig.DEFAULT_HOST + ":" + ServerConfig.DEFAULT_PORT;
    static final int DEFAULT_WARMUP_SECONDS = 10;
    static final int DEFAULT_WARMUP_USERS = 16;
    static final String DEFAULT_LEVELS = "16,64,256";
    static final int DEFAULT_LEVEL_SECONDS = 20;
    static final String DEFAULT_RATES = "500";
    static final int DEFAULT_RATE_SECONDS = 30;
    /** The servers' own defaults, so that a fan-out with no parameters and one with the defaults ask the same. */
    static final int DEFAULT_CALLS = ServerConfig.DEFAULT_CALLS;
    static final int DEFAULT_DELAY_MS = ServerConfig.DEFAULT_DELAY_MS;

    public LoadProfile {
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException(TARGET + " must be an http:// URL, got " + target);
        }
        atLeast(WARMUP_SECONDS, warmupSeconds, 1);
        atLeast(WARMUP_USERS, warmupUsers, 1);
        atLeast(LEVEL_SECONDS, levelSeconds, 1);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException(RATES + " needs at least one rate");
        }
        atLeast(RATES, rates.getFirst(), 1);
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i) <= rates.get(i - 1)) {
                // Each rate is a phase named after it, and the ladder climbs: a step down would end it at once.
                throw new IllegalArgumentException(RATES + " must rise from one rate to the next, got " + rates);
            }
        }
        rates = List.copyOf(rates);
        atLeast(RATE_SECONDS, rateSeconds, 1);
        atLeast(CALLS, calls, 1);
        atLeast(DELAY_MS, delayMs, 0);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException(LEVELS + " needs at least one concurrency level");
        }
        for (int level : levels) {
            atLeast(LEVELS, level, 1);
        }
        if (new HashSet<>(levels).size() != levels.size()) {
            // Each level is a phase named after it; two phases of one name would be counted as one.
            throw new IllegalArgumentException(LEVELS + " repeats a level: " + levels);
        }
        levels = List.copyOf(levels);
    }

    /** The profile the JVM was started with. */
    public static LoadProfile fromSystemProperties() {
        return from(System.getProperties());
    }

    static LoadProfile from(Properties properties) {
        return new LoadProfile(
                target(properties.getProperty(TARGET, DEFAULT_TARGET)),
                integer(properties, WARMUP_SECONDS, DEFAULT_WARMUP_SECONDS),
                integer(properties, WARMUP_USERS, DEFAULT_WARMUP_USERS),
                integers(LEVELS, properties.getProperty(LEVELS, DEFAULT_LEVELS)),
                integer(properties, LEVEL_SECONDS, DEFAULT_LEVEL_SECONDS),
                integers(RATES, properties.getProperty(RATES, DEFAULT_RATES)),
                integer(properties, RATE_SECONDS, DEFAULT_RATE_SECONDS),
                integer(properties, CALLS, DEFAULT_CALLS),
                integer(properties, DELAY_MS, DEFAULT_DELAY_MS));
    }

    private static URI target(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(TARGET + " is not a URL: " + e.getMessage());
        }
    }

    private static int integer(Properties properties, String name, int defaultValue) {
        String value = properties.getProperty(name);
        return value == null ? defaultValue : parse(name, value);
    }

    private static List<Integer> integers(String name, String value) {
        List<Integer> integers = new ArrayList<>();
        for (String integer : value.split(",", -1)) {
            integers.add(parse(name, integer.strip()));
        }
        return integers;
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static void atLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
        }
    }
}
