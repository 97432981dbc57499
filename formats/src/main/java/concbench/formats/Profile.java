package concbench.formats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long and how hard a run loads each server. Every phase is long enough for its purpose: the warm-up lets
 * the JIT compile the hot paths before anything is counted, each sweep level runs long enough for a stable mean,
 * and the fixed-rate run long enough for its tail percentiles to mean something (the smoke profile only proves
 * the machinery works; its numbers are not for comparing).
 *
 * @param warmupSeconds  the longest warm-up: a server not at steady state by then is measured anyway and marked
 *                       "not warm" (in results of version 1, the fixed length of the warm-up)
 * @param warmupMinSeconds the shortest warm-up, however steady the server looks before it
 * @param warmupUsers    looping users during the warm-up
 * @param levels         the closed-model concurrency levels of the throughput sweep
 * @param levelSeconds   how long each level is measured
 * @param helloRate      the fixed arrival rate of the hello latency run, requests per second
 * @param fanoutRate     the fixed arrival rate of the fan-out latency run, requests per second
 * @param rateSeconds    how long the fixed-rate run lasts
 * @param trials         how many times each (implementation, scenario) runs, interleaved
 */
public record Profile(
        String name,
        int warmupSeconds,
        int warmupMinSeconds,
        int warmupUsers,
        List<Integer> levels,
        int levelSeconds,
        int helloRate,
        int fanoutRate,
        int rateSeconds,
        int trials) {

    /**
     * For CI: everything, the floor included, on 2 CPUs in under 3 minutes. Proves the pipeline, not the servers:
     * one sweep level, and a warm-up of 2 s, too short for the steady-state rule's three windows, so every trial is
     * marked not warm (with a warm-up of up to 4 s the smoke run took 3 min 15 s on a quiet 2-CPU machine).
     */
    public static final Profile SMOKE = new Profile("smoke", 2, 2, 16, List.of(64), 2, 500, 100, 2, 1);
    /**
     * For the regression gate in CI ({@code ./bench ab}, one trial a round): smoke's shape with phases long enough
     * that trial means settle (a few thousand requests a phase), and rates that give the tail percentiles samples
     * enough. It warms up at 64 users until steady state, at least 6 s: every trial starts a fresh server and a
     * fresh Gatling, and after a fixed 4 s warm-up Gatling itself was still compiling, its CPU saturated at a third
     * of its warm rate (hello at 64 users: 28,520 to 36,222 req/s in three trials, where a warm one reaches about
     * 90,000 on the same CPU); the steady-state rule waits for a stable throughput, which a warming Gatling has not.
     */
    public static final Profile CI = new Profile("ci", 15, 6, 64, List.of(16, 64), 3, 1000, 200, 4, 1);
    /**
     * The default: every implementation and scenario, and the floor, on 2 CPUs in under 15 minutes even when every
     * warm-up runs to its longest, 20 s.
     */
    public static final Profile QUICK = new Profile("quick", 20, 8, 64, List.of(16, 64, 256), 10, 2000, 500, 15, 1);
    /** For numbers to publish: longer phases, more levels, three interleaved trials. */
    public static final Profile FULL = new Profile("full", 60, 30, 64, List.of(1, 16, 64, 256, 1024), 30, 2000, 500,
            60, 3);

    private static final List<Profile> ALL = List.of(SMOKE, CI, QUICK, FULL);

    public Profile {
        levels = List.copyOf(levels);
        if (warmupMinSeconds > warmupSeconds) {
            throw new IllegalArgumentException("the shortest warm-up exceeds the longest");
        }
    }

    /** @throws IllegalArgumentException naming the profiles there are */
    public static Profile named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown profile '" + name + "'; choose one of "
                        + Arrays.toString(ALL.stream().map(Profile::name).toArray())));
    }

    public Profile withTrials(int newTrials) {
        return new Profile(name, warmupSeconds, warmupMinSeconds, warmupUsers, levels, levelSeconds, helloRate, fanoutRate,
                rateSeconds, newTrials);
    }

    /** How long Gatling's phases take together at most (the longest warm-up), without JVM start-up. */
    public int loadSeconds() {
        return warmupSeconds + levels.size() * levelSeconds + rateSeconds;
    }
}
