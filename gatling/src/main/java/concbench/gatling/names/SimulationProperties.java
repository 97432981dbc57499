package concbench.gatling.names;

/**
 * The system properties a simulation reads, by name: the runner sets them on the Gatling JVM's command line and
 * {@code LoadProfile} and {@code WarmupSignal} read them. Their meaning and defaults: {@code gatling/README.md}.
 */
public final class SimulationProperties {
    /** The server's base URL. */
    public static final String TARGET = "target";
    /**
     * A file that will hold the server's base URL, in place of {@link #TARGET}: the simulation waits for it, so that
     * Gatling can start before the server is ready.
     */
    public static final String TARGET_FILE = "targetFile";
    /** The longest warm-up, in seconds. */
    public static final String WARMUP_SECONDS = "warmupSeconds";
    public static final String WARMUP_USERS = "warmupUsers";
    /** The file whose appearance ends the warm-up: the runner makes it once the server is warm. */
    public static final String WARMUP_DONE_FILE = "warmupDoneFile";
    /**
     * The file the warm-up appends {@code <epoch ms> <responses so far>} to: at its start, then once a second,
     * {@link #WARMUP_REPORT_LEAD_MS} before each of Gatling's ticks.
     */
    public static final String WARMUP_PROGRESS_FILE = "warmupProgressFile";
    /**
     * How long before each of Gatling's once-a-second injector ticks the warm-up's reports fall: a warm-up ended in
     * answer to a report ends on the next tick, on which Gatling starts the next phase.
     */
    public static final long WARMUP_REPORT_LEAD_MS = 400;
    /** The sweep's concurrency levels, comma-separated. */
    public static final String LEVELS = "levels";
    public static final String LEVEL_SECONDS = "levelSeconds";
    /** The latency ladder's arrival rates, requests per second, ascending and comma-separated. */
    public static final String RATES = "rates";
    /**
     * Where Gatling writes {@code <rate> <why>} when a ladder step was not kept and ended the ladder early (the
     * runner reads it to record where the server saturated).
     */
    public static final String LADDER_END_FILE = "ladderEndFile";
    public static final String RATE_SECONDS = "rateSeconds";
    /** Fan-out: the back-end calls of each request. */
    public static final String CALLS = "calls";
    /** Fan-out and the floor: how long the back end waits before each answer. */
    public static final String DELAY_MS = "delayMs";
    /** A load generator's part of a load several share: its users of each sweep level, comma-separated. */
    public static final String SHARE_LEVELS = "shareLevels";
    /** Its arrivals per second of each step of the ladder, comma-separated. */
    public static final String SHARE_RATES = "shareRates";

    private SimulationProperties() {
    }
}
