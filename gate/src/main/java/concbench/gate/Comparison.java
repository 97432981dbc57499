package concbench.gate;

import concbench.runner.Environment;
import concbench.runner.Profile;
import concbench.runner.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code compare.json}: the contract between the gate and the HTML report (documented in {@code gate/README.md}).
 *
 * @param environmentWarnings how the two runs' machines and settings differ: a difference there can explain any
 *                            row
 * @param method              one paragraph: how the intervals and the evidence were computed, and why
 */
record Comparison(
        int formatVersion,
        End base,
        End head,
        List<String> environmentWarnings,
        String method,
        int regressions,
        int improvements,
        List<Row> rows) {

    static final int FORMAT_VERSION = 1;
    static final String FILE = "compare.json";

    /** One side as given: its folder, commit, profile and start. */
    record End(String dir, String gitCommit, String profile, String startedAt) {
    }

    static Comparison of(Folder base, Folder head, List<Row> rows, Thresholds thresholds) {
        return new Comparison(FORMAT_VERSION, base.end(), head.end(), environmentWarnings(base, head),
                method(thresholds), (int) rows.stream().filter(Row::isRegression).count(),
                (int) rows.stream().filter(Row::isImprovement).count(), rows);
    }

    boolean passed() {
        return regressions == 0;
    }

    static String method(Thresholds thresholds) {
        return "One value per trial and metric, never per-request samples; warm-up phases are left out. Each side's "
                + "interval is the " + Math.round(Side.CONFIDENCE * 100) + "% Student-t confidence interval of its "
                + "trial mean. A row is a regression when its mean moved the bad way by more than its threshold ("
                + thresholds.describe() + ", in percent of the base mean) AND the trials show it: Welch's t-test on "
                + "the trial values, one-sided in the direction of the change, at p < " + Evidence.ALPHA + ". "
                + "With the 3 to 6 trials a CI run affords, a rank test cannot reach that level at all (3 against 3 "
                + "trials have 20 orderings, so its smallest p is 0.05), while the t-test on trial means can when "
                + "trials are tight, and Welch's form does not assume the change left the spread alone. An "
                + "improvement is the same in the good direction. Latency is read on Gatling's 1 ms clock: a "
                + "latency change of 1 ms or less never counts. The error rate (failed requests in % of all) counts "
                + "any rise beyond its threshold when every head trial is above every base trial (a sound server "
                + "has no errors, so there is no noise for a t-test to model); a trial that failed outright (the "
                + "server did not start, failed the contract or died) in the head where the base had none is a "
                + "regression. A side with a single trial has no spread: the threshold alone decides and the row "
                + "says its evidence is weak. Throughput of a generator-bound phase measured the load generator, "
                + "not the server: shown, never gated. JMH scores use JMH's own 99.9% confidence interval; the "
                + "evidence is the two intervals not overlapping (a run without intervals, such as --quick, is weak "
                + "evidence). Each gated row risks a false alarm from random noise of under " + Evidence.ALPHA
                + " (less still with the threshold), so n rows risk under n x " + Evidence.ALPHA + " together; a "
                + "systematic drift between two runs taken at different times is beyond any test, which is why "
                + "./bench ab interleaves the two sides' trials on one machine.";
    }

    /** How the two sides' machines and settings differ, each difference one sentence. */
    static List<String> environmentWarnings(Folder base, Folder head) {
        List<String> warnings = new ArrayList<>();
        if (base.run() != null && head.run() != null) {
            RunManifest b = base.run().manifest();
            RunManifest h = head.run().manifest();
            Environment be = b.environment();
            Environment he = h.environment();
            if (be != null && he != null) {
                differs(warnings, "CPU model", be, he, Environment::cpuModel);
                differs(warnings, "core count", be, he, e -> Integer.toString(e.cores()));
                differs(warnings, "JDK", be, he, e -> e.jdk() + " (" + e.jdkVendor() + ")");
            }
            differs(warnings, "CPU layout", b, h,
                    m -> Objects.toString(m.cpuLayout()) + (m.pinned() ? "" : ", not pinned"));
            differs(warnings, "profile", b, h, m -> m.profile() == null ? "unknown" : settings(m.profile()));
        }
        if (base.jmh() != null && head.jmh() != null) {
            differs(warnings, "JMH's JDK", base.jmh(), head.jmh(), JmhResults::jdk);
            differs(warnings, "JMH iteration setup", base.jmh(), head.jmh(), JmhResults::settings);
        }
        return warnings;
    }

    /** A profile's settings without its trial count, which may differ between sides without harm. */
    private static String settings(Profile p) {
        return p.name() + " (warm-up " + p.warmupSeconds() + " s, levels " + p.levels() + " x " + p.levelSeconds()
                + " s, rates " + p.helloRate() + "/" + p.fanoutRate() + " req/s x " + p.rateSeconds() + " s)";
    }

    private static <T> void differs(List<String> warnings, String what, T base, T head, Function<T, String> value) {
        String b = value.apply(base);
        String h = value.apply(head);
        if (!Objects.equals(b, h)) {
            warnings.add("the " + what + " differs: base " + b + ", head " + h);
        }
    }
}
