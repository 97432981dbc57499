package concbench.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long and how hard a run loads each server. Every phase is long enough for its purpose: the warm-up lets
 * the JIT compile the hot paths before anything is counted, each sweep level runs long enough for a stable mean,
 * and each step of the latency ladder long enough for its percentiles to mean something (the smoke profile only
 * proves the machinery works; its numbers are not for comparing).
 *
 * <p>The latency ladder: fixed arrival rates one after another, {@code ladderSteps} of them, each {@code
 * ladderFactor} times the one before, from {@code helloRate} for hello and from {@code fanoutRate} scaled by
 * {@value #FANOUT_RATE_CALLS}/N for a fan-out of N calls (a request of N calls costs about N times one of 10, so the
 * ladder brackets each width's capacity). The same rates for every implementation of a run.
 *
 * @param warmupSeconds  the longest warm-up: a server not at steady state by then is measured anyway and marked
 *                       "not warm" (in results of version 1, the fixed length of the warm-up)
 * @param warmupMinSeconds the shortest warm-up, however steady the server looks before it
 * @param warmupUsers    looping users during the warm-up
 * @param levels         the closed-model concurrency levels of the throughput sweep
 * @param levelSeconds   how long each level is measured
 * @param helloRate      the first (lowest) rate of the hello ladder, requests per second (before the ladder: the
 *                       one fixed rate)
 * @param fanoutRate     the first rate of the fan-out ladder at {@value #FANOUT_RATE_CALLS} calls, requests per second
 * @param rateSeconds    how long each step of the ladder lasts
 * @param trials         how many times each (implementation, scenario, width) runs, interleaved
 * @param fanoutCalls    the fan-out widths measured unless {@code --fanout-calls} says otherwise, each a row of its
 *                       own; null in runs recorded before widths (which measured 10)
 * @param ladderSteps    how many rates the ladder has; 0 in runs recorded before the ladder (one rate)
 * @param ladderFactor   each rate of the ladder over the one before it
 * @param skipGatlingReports true when Gatling writes no HTML report of its own for a trial (Gatling's
 *                       {@code --no-reports}): the runner reads {@code simulation.log} itself either way, and the
 *                       report costs a trial a second or more of CPU after its load; false in runs recorded before
 *                       it (which wrote one)
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
        int trials,
        List<Integer> fanoutCalls,
        int ladderSteps,
        double ladderFactor,
        boolean skipGatlingReports) {

    /** The width {@code fanoutRate} is given for. */
    public static final int FANOUT_RATE_CALLS = 10;
    /**
     * What a trial costs besides its phases on 2 CPUs at most: starting the back end, the server and Gatling's JVM,
     * verifying the server, writing Gatling's report and reading its records (quick's old 10 trials took 20 s each
     * besides their phases; smoke's, with Gatling from its AOT cache and no HTML report, 4 to 7 s).
     */
    public static final int TRIAL_OVERHEAD_SECONDS = 20;
    /**
     * What a ladder step leaves without load after it: Gatling starts the next phase on its once-a-second tick, and
     * a step's arrivals, whole seconds of them (its open injection counts no less), end just after one. The warm-up
     * and the sweep's levels end before a tick (gatling/README.md), so the next phase starts on it.
     */
    public static final int SECONDS_AFTER_LADDER_STEP = 1;
    private static final int LADDER_FACTOR_TWO = 2;

    /**
     * For CI: everything, the floor included, on 2 CPUs. Proves the pipeline, not the servers: two widths, a warm-up
     * of 1 s (too short for the steady-state rule's three windows, so every trial is marked not warm), one sweep level
     * and a two-step ladder, phases of 1 s each: its 15 trials start 42 JVMs, which is most of its time. Gatling
     * writes no HTML report of its own (a trial's link to it reads "–"): nothing of the run is read from it, and
     * each cost a second or so after its load (0.7 s of CPU at smoke's size).
     */
    public static final Profile SMOKE = new Profile("smoke", 1, 1, 16, List.of(64), 1, 500, 100, 1, 1,
            List.of(1, 10), 2, LADDER_FACTOR_TWO, true);
    /**
     * For the regression gate in CI ({@code ./bench ab}, one trial a round), sized for what the gate judges. The
     * warm-up runs at 64 users until steady state, 10 to 25 s: every trial starts a fresh server and a fresh
     * Gatling, and with at most 15 s most trials of the earlier {@code ci} ended their warm-up not warm, the
     * compiler threads still busy in the first measured phase. One sweep level, 64 users x 4 s: on 2 CPUs its
     * throughput is generator-bound for hello and never gates, and a second level (16 users, straight after the
     * warm-up) had the noisiest CPU per request of every phase (24 to 47% between trials), adding rows that could
     * not gate. The fixed rate, a one-step ladder, is where the gate's figures come from, 6 s at 2,000 (hello) and
     * 400 (fan-out) requests per second: 12,000 responses let hello's p99.9 gate and 2,400 fan-out's p99 (at least
     * 10 beyond the percentile in every trial, gate's PercentileSamples). One width (10): the gate is calibrated on
     * exactly these rows (gate/README.md, "Calibration").
     */
    public static final Profile CI = new Profile("ci", 25, 10, 64, List.of(64), 4, 2000, 400, 6, 1,
            List.of(10), 1, LADDER_FACTOR_TWO, false);
    /**
     * The default: every implementation, hello and fan-out at 10 and 100 calls, and the floor, on 2 CPUs in under 15
     * minutes even when every warm-up runs to its longest (see {@link #worstCaseSeconds}). The ladder, four steps:
     * hello 2,500 to 20,000 req/s, fan-out 500 to 4,000 at 10 calls and 50 to 400 at 100. Fan-out's first step is
     * half of what the slowest models keep (about 1,000 and 100: started there, loom's first step ran at a p50 of
     * 197 ms), so that it is a load every model sustains, and its last is past what the fastest reach on one CPU
     * (2,000 to 4,000 and 200 to 400). Hello's starts where every model and the generator keep up: at 1,250,
     * straight after the 256-user sweep, Gatling's CPU was still 100% busy and no model kept the step's schedule;
     * past about 10,000 to 20,000 hello's limit is the generator's on 2 CPUs, which the sweep shows already. What
     * fitting 15 trials in 15 minutes cost: one sweep level, 256 users (the best of 64 and 256 for every model at 100
     * calls and for hello; at 10 calls netty and loom did better at 64), levels and steps of 3 s (the fixed rate
     * lasted 15 s), a warm-up of at most 20 s: at 12 s every trial of the earlier quick ended its warm-up not warm.
     */
    public static final Profile QUICK = new Profile("quick", 20, 8, 64, List.of(256), 3, 2500, 500, 3, 1,
            List.of(10, 100), 4, LADDER_FACTOR_TWO, false);
    /** For numbers to publish: longer phases, more levels and widths, a longer ladder, three interleaved trials. */
    public static final Profile FULL = new Profile("full", 45, 20, 64, List.of(16, 64, 256, 1024), 10, 3125, 250,
            10, 3, List.of(1, 10, 100, 1000), 6, LADDER_FACTOR_TWO, false);

    private static final List<Profile> ALL = List.of(SMOKE, CI, QUICK, FULL);

    public Profile {
        levels = List.copyOf(levels);
        fanoutCalls = fanoutCalls == null ? null : List.copyOf(fanoutCalls);
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

    /** Every profile, shortest first. */
    public static List<Profile> all() {
        return ALL;
    }

    public Profile withTrials(int newTrials) {
        return new Profile(name, warmupSeconds, warmupMinSeconds, warmupUsers, levels, levelSeconds, helloRate,
                fanoutRate, rateSeconds, newTrials, fanoutCalls, ladderSteps, ladderFactor, skipGatlingReports);
    }

    /** The same profile measuring other fan-out widths. */
    public Profile withFanoutCalls(List<Integer> widths) {
        return new Profile(name, warmupSeconds, warmupMinSeconds, warmupUsers, levels, levelSeconds, helloRate,
                fanoutRate, rateSeconds, trials, widths, ladderSteps, ladderFactor, skipGatlingReports);
    }

    /** The rates of the hello ladder, ascending, requests per second: the same for every implementation. */
    public List<Integer> helloRates() {
        return ladder(helloRate);
    }

    /** The rates of the fan-out ladder at {@code calls} calls a request, ascending, requests per second. */
    public List<Integer> fanoutRates(int calls) {
        return ladder(fanoutRate * (double) FANOUT_RATE_CALLS / calls);
    }

    private List<Integer> ladder(double first) {
        List<Integer> rates = new ArrayList<>();
        for (int step = 0; step < Math.max(1, ladderSteps); step++) {
            int rate = (int) Math.max(1, Math.round(first * Math.pow(ladderFactor, step)));
            if (rates.isEmpty() || rate > rates.getLast()) {
                rates.add(rate);
            }
        }
        return List.copyOf(rates);
    }

    /** How long Gatling's phases take together at most (the longest warm-up, every step), without JVM start-up. */
    public int loadSeconds() {
        int steps = Math.max(1, ladderSteps);
        return warmupSeconds + levels.size() * levelSeconds + steps * rateSeconds
                + (steps - 1) * SECONDS_AFTER_LADDER_STEP;
    }

    /**
     * The longest a run of this profile takes on 2 CPUs: every trial's warm-up at its longest, every step of every
     * ladder run, and {@value #TRIAL_OVERHEAD_SECONDS} s a trial to start and stop it.
     *
     * @param servers   the implementations and variants measured, and the floor
     * @param scenarios the scenario rows of a round: hello, and fan-out once per width
     */
    public long worstCaseSeconds(int servers, int scenarios) {
        return (long) servers * scenarios * trials * (loadSeconds() + TRIAL_OVERHEAD_SECONDS);
    }
}
