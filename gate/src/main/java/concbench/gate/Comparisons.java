package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison;
import concbench.formats.Environment;
import concbench.formats.JmhResults;
import concbench.formats.Latency;
import concbench.formats.Profile;
import concbench.formats.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A comparison from its judged rows: the two ends, how their machines and settings differ, and the method text
 * that {@code compare.json} carries ({@link Comparison}, documented in {@code gate/README.md}).
 */
final class Comparisons {
    private Comparisons() {
    }

    static Comparison of(Folder base, Folder head, List<Row> rows, Thresholds thresholds) {
        return new Comparison(Comparison.FORMAT_VERSION, base.end(), head.end(), environmentWarnings(base, head),
                method(thresholds), Evidence.ALPHA, (int) rows.stream().filter(r -> r.adjustedPValue() != null).count(),
                (int) rows.stream().filter(Row::isRegression).count(),
                (int) rows.stream().filter(Row::isImprovement).count(), rows);
    }

    static String method(Thresholds thresholds) {
        return "One value per trial and metric, never per-request samples; warm-up phases are left out. Each side's "
                + "interval is the " + Math.round(Intervals.CONFIDENCE * 100) + "% Student-t confidence interval of its "
                + "trial mean. A row is a regression when its mean moved the bad way by more than its threshold ("
                + thresholds.describe() + ", in percent of the base mean) AND the trials show it. Throughput, "
                + "latency percentiles and CPU per request: the two-sample t-test on the trial values (variance "
                + "pooled over both sides: identical code spreads alike, and Welch's degrees of freedom, estimated "
                + "from 3 trials a side, would cost most of the power), one-sided in the direction of the change; "
                + "pValue is that row's alone. The rows so judged are decided together, so that a whole comparison "
                + "of identical code fails at most " + Evidence.ALPHA + " of the time: Holm-Bonferroni over them "
                + "(adjustedPValue must be below " + Evidence.ALPHA + "), valid whatever the dependence between rows; "
                + "improvements are a family of their own under the same level. Rows left out of that family, shown "
                + "but never judged (notGatedReason): a percentile on fewer than " + PercentileSamples.BEYOND
                + " responses beyond it in a trial (p99 needs " + String.format(Locale.ROOT, "%,d",
                PercentileSamples.needed(99)) + " per trial, p99.9 " + String.format(Locale.ROOT, "%,d",
                PercentileSamples.needed(99.9)) + "): too few samples to gate; a row whose base trials spread so much "
                + "that a change of its threshold could not reach "
                + "p < " + Evidence.ALPHA + " / (the rows that could be gated), detectableChangePercent being the "
                + "smallest change that could: too noisy to gate; throughput of a generator-bound phase, which "
                + "measured the load generator. Latency is read on Gatling's 1 ms clock: a latency change of 1 ms or "
                + "less never counts. The error rate (failed requests in % of all) counts any rise beyond its "
                + "threshold when every head trial is above every base trial (a sound server has no errors, so there "
                + "is no noise for a t-test to model); a trial that failed outright (the server did not start, "
                + "failed the contract or died) in the head where the base had none is a regression. A side with a "
                + "single trial has no spread: the threshold alone decides and the row says its evidence is weak. "
                + "JMH scores use JMH's own 99.9% confidence interval; the evidence is the two intervals not "
                + "overlapping (a run without intervals, such as --quick, is weak evidence). A systematic drift "
                + "between two runs taken at different times is beyond any test, which is why ./bench ab "
                + "interleaves the two sides' trials on one machine.";
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
