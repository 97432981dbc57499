package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison;
import concbench.formats.Environment;
import concbench.formats.JmhResults;
import concbench.formats.Latency;
import concbench.formats.Profile;
import concbench.formats.RunManifest;
import concbench.report.Fmt;
import concbench.report.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A comparison from its judged rows: the two ends, how their machines and settings differ, and the method text
 * that {@code compare.json} carries ({@link Comparison}, documented in {@code gate/README.md}).
 */
final class Comparisons {
    private static final double PERCENT = 100;
    /** The percentiles whose sample needs the method names. */
    private static final double P99 = 99;
    private static final double P999 = 99.9;

    private Comparisons() {
    }

    static Comparison of(Folder base, Folder head, List<Row> rows, Thresholds thresholds) {
        return new Comparison(Comparison.FORMAT_VERSION, base.end(), head.end(), environmentWarnings(base, head),
                method(thresholds), Evidence.ALPHA, (int) rows.stream().filter(r -> r.adjustedPValue() != null).count(),
                (int) rows.stream().filter(Row::isRegression).count(),
                (int) rows.stream().filter(Row::isImprovement).count(), rows);
    }

    /** The method paragraph (method.txt beside this class) with this comparison's settings filled in. */
    static String method(Thresholds thresholds) {
        return Texts.paragraph(Comparisons.class, "method", Map.of(
                "confidence", Long.toString(Math.round(Intervals.CONFIDENCE * PERCENT)),
                "thresholds", thresholds.describe(),
                "alpha", Fmt.plain(Evidence.ALPHA),
                "beyond", Integer.toString(PercentileSamples.BEYOND),
                "p99Needed", Fmt.count(PercentileSamples.needed(P99)),
                "p999Needed", Fmt.count(PercentileSamples.needed(P999))));
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
                + " s, rates " + p.helloRate() + "/" + p.fanoutRate() + " req/s x " + p.rateSeconds() + " s, ladder of "
                + Math.max(1, p.ladderSteps()) + " x" + p.ladderFactor() + ", widths " + p.fanoutCalls() + ")";
    }

    private static <T> void differs(List<String> warnings, String what, T base, T head, Function<T, String> value) {
        String b = value.apply(base);
        String h = value.apply(head);
        if (!Objects.equals(b, h)) {
            warnings.add("the " + what + " differs: base " + b + ", head " + h);
        }
    }
}
