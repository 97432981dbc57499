package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.JmhResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of two {@code jmh.json} files: every (benchmark, params, mode) both have, its primary score judged by
 * JMH's own 99.9% confidence intervals not overlapping. JMH computes them from every measured iteration of every
 * fork, so they are the spread JMH itself vouches for; a run with too few iterations has none (JMH writes NaN),
 * and the threshold alone then decides.
 */
final class JmhComparison {
    static final String SCENARIO = "jmh";
    static final String FOOTPRINT_TIMING = "times the measuring of a footprint, full GCs included, not the code: "
            + "its B/ results are judged instead";

    private JmhComparison() {
    }

    static Rows compare(JmhResults base, JmhResults head, Thresholds thresholds) {
        Map<List<String>, JmhScore> baseScores = byKey(base);
        Map<List<String>, JmhScore> headScores = byKey(head);
        List<Row> rows = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        baseScores.forEach((key, score) -> {
            JmhScore other = headScores.get(key);
            String what = describe(score);
            if (other == null) {
                notCompared.add(what + ": measured in the base run only");
                return;
            }
            if (!other.unit().equals(score.unit())) {
                notCompared.add(what + ": the score is in " + score.unit() + " in the base run, " + other.unit()
                        + " in the head run");
                return;
            }
            Measure measure = Measure.jmhScore(score.unit());
            if (measure == null) {
                notCompared.add(what + ": its unit " + score.unit() + " says neither time per operation nor "
                        + "operations per time, so which way is better is unknown");
                return;
            }
            if (Double.isNaN(score.metric().score()) || Double.isNaN(other.metric().score())) {
                notCompared.add(what + ": JMH wrote no score (NaN) in the " + (Double.isNaN(score.metric().score())
                        ? "base" : "head") + " run");
                return;
            }
            boolean gated = !score.timesAFootprint() && !other.timesAFootprint();
            rows.add(Judge.row(new Judge.Origin(score.benchmark(), SCENARIO, score.params()), measure, score.side(),
                    other.side(), thresholds.of(Measure.SCORE), gated ? null : Row.TIMES_A_FOOTPRINT,
                    score.hasInterval() && other.hasInterval() ? null : "no error interval on a side",
                    gated ? List.of() : List.of(FOOTPRINT_TIMING)));
        });
        headScores.forEach((key, score) -> {
            if (!baseScores.containsKey(key)) {
                notCompared.add(describe(score) + ": measured in the head run only");
            }
        });
        return new Rows(rows, notCompared);
    }

    private static Map<List<String>, JmhScore> byKey(JmhResults results) {
        Map<List<String>, JmhScore> scores = new LinkedHashMap<>();
        JmhScore.of(results).forEach(s -> scores.put(List.of(s.benchmark(), s.params(), s.mode()), s));
        return scores;
    }

    private static String describe(JmhScore score) {
        return "jmh " + score.benchmark() + (score.params().isEmpty() ? "" : " " + score.params()) + " (" + score.mode()
                + ")";
    }
}
