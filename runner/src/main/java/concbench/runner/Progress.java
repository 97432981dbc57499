package concbench.runner;

import concbench.formats.Profile;
import concbench.formats.Warmup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the terminal shows during a run: which trial and phase runs now, live requests per second, time elapsed
 * and an estimate of what remains. On an interactive terminal the status line is redrawn in place; in a log (CI)
 * a status line is printed every {@link #LOG_INTERVAL}.
 */
final class Progress {
    /** Gatling's console summary, printed every few seconds: {@code > Global   (OK=1234  KO=0 )}. */
    private static final Pattern GLOBAL_COUNT = Pattern.compile("^> Global\\s+\\(OK=(\\d+)\\s+KO=(\\d+)");
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    /** Start-up, verification, Gatling's JVM and report: what a trial costs beyond its phases, until measured. */
    private static final int GUESSED_OVERHEAD_SECONDS = 15;

    private final PrintStream out;
    private final boolean interactive;
    private final Profile profile;
    private final int trials;
    private final long runStart = System.nanoTime();
    private int finished;
    private long trialStart;
    private long loadStart;
    /** When the warm-up ended, System.nanoTime(); 0 while it runs. */
    private long warmupEnd;
    private long lastCount;
    private long lastCountAt;
    private long lastLogged;
    private String prefix = "";

    Progress(PrintStream out, boolean interactive, Profile profile, int trials) {
        this.out = out;
        this.interactive = interactive;
        this.profile = profile;
        this.trials = trials;
    }

    /** @param scenarioKey the scenario and its width, e.g. {@code fanout100} */
    void trialStarted(int index, String implementation, String scenarioKey, int trial) {
        trialStart = System.nanoTime();
        prefix = String.format("[%d/%d] %s %s, trial %d/%d", index, trials, implementation, scenarioKey, trial,
                profile.trials());
        line(prefix + ": starting");
    }

    void step(String what) {
        line(prefix + ": " + what);
    }

    void loadStarted() {
        loadStart = System.nanoTime();
        warmupEnd = 0;
        lastCount = 0;
        lastCountAt = loadStart;
        lastLogged = loadStart;
    }

    /** Reads Gatling's console output for its request count, and shows the rate since its last report. */
    void gatlingSaid(String line) {
        Matcher count = GLOBAL_COUNT.matcher(line);
        if (!count.find()) {
            return;
        }
        long now = System.nanoTime();
        long total = Long.parseLong(count.group(1)) + Long.parseLong(count.group(2));
        double seconds = (now - lastCountAt) / 1e9;
        double rate = seconds > 0 ? (total - lastCount) / seconds : 0;
        lastCount = total;
        lastCountAt = now;
        String status = String.format(Locale.ROOT, "%s: %s, %,.0f req/s | %s elapsed, about %s left", prefix,
                phaseAt(warmupEnd == 0 ? -1 : (now - warmupEnd) / 1_000_000_000L), rate, clock(now - runStart), clock(remainingNanos(now)));
        if (interactive) {
            out.print("\r\033[K" + status);
            out.flush();
        } else if (now - lastLogged >= LOG_INTERVAL.toNanos()) {
            out.println(status);
            lastLogged = now;
        }
    }

    void warmupEnded(Warmup warmup) {
        warmupEnd = System.nanoTime();
        line(String.format(Locale.ROOT, "%s: warm-up %s after %.0f s", prefix,
                warmup.steadyState() ? "reached steady state" : "ran out of time, NOT WARM", warmup.seconds()));
    }

    void trialFinished(String outcome) {
        finished++;
        line(prefix + ": " + outcome);
    }

    private void line(String text) {
        out.println((interactive ? "\r\033[K" : "") + text);
    }

    /** The phase Gatling runs this many seconds after the warm-up ended (negative: before), from the profile. */
    String phaseAt(long seconds) {
        if (seconds < 0) {
            return "warm-up";
        }
        long sweep = seconds;
        int level = (int) (sweep / profile.levelSeconds());
        return level < profile.levels().size()
                ? profile.levels().get(level) + " users"
                : "latency ladder";
    }

    private long remainingNanos(long now) {
        long perTrial = finished > 0
                ? (now - runStart - (now - trialStart)) / finished
                : Duration.ofSeconds(profile.loadSeconds() + GUESSED_OVERHEAD_SECONDS).toNanos();
        long current = Math.max(0, perTrial - (now - trialStart));
        return current + perTrial * (trials - finished - 1L);
    }

    static String clock(long nanos) {
        long seconds = Math.max(0, nanos / 1_000_000_000L);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
