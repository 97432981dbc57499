package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison.Side;
import concbench.report.Fmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The rows judged by the t-test, decided together, so that a whole comparison of identical code fails at most
 * {@link Evidence#ALPHA} of the time however many rows it has: 40 rows each tested alone at 1% would fail a third
 * of such comparisons.
 *
 * <ol>
 *   <li><b>Precision.</b> A row whose base trials spread so much that a change of its threshold could not reach
 *       the strictest evidence bar a row may face (Bonferroni's, {@link Evidence#ALPHA} over every candidate row)
 *       is "too noisy to gate": it could never catch a change of its threshold, and would only weaken every other
 *       row's evidence. The rule reads the base's trials only, never the head's: a change that made the head
 *       jumpier must not switch off its own gate.</li>
 *   <li><b>Holm-Bonferroni</b> over the rest, the family: the rows sorted by p-value, the k-th smallest must be
 *       below {@link Evidence#ALPHA} / (m - k + 1), and so must every one before it. It keeps the chance of any
 *       false alarm in the family under {@link Evidence#ALPHA} whatever the dependence between rows (throughput
 *       and CPU per request of one trial move together), and is never weaker than plain Bonferroni. Regressions
 *       and improvements are two families of one-sided tests, each under {@link Evidence#ALPHA}: only the first
 *       fails the gate, and a reported improvement carries the same confidence.</li>
 * </ol>
 * A row in the family still needs its change beyond its threshold: the adjusted evidence only ever removes a
 * verdict the row would have had alone.
 */
final class FamilyOfRows {
    private static final double PERCENT = 100;

    private FamilyOfRows() {
    }

    /** The rows in order, those judged by the t-test decided together; every other row as it was. */
    static List<Row> judge(List<Row> rows) {
        List<Row> judged = new ArrayList<>(rows);
        int[] candidates = IntStream.range(0, rows.size()).filter(i -> isCandidate(rows.get(i))).toArray();
        double strictestBar = Evidence.ALPHA / Math.max(1, candidates.length);
        List<Integer> family = new ArrayList<>();
        double[] detectable = new double[rows.size()];
        for (int i : candidates) {
            Row row = rows.get(i);
            detectable[i] = detectablePercent(row.base(), row.head().trials(), strictestBar);
            if (detectable[i] > row.thresholdPercent()) {
                judged.set(i, tooNoisy(row, finite(detectable[i]), noisy(row, detectable[i], candidates.length)));
            } else {
                family.add(i);
            }
        }
        double[] worse = holm(family.stream().mapToDouble(i -> towards(rows.get(i), true)).toArray());
        double[] better = holm(family.stream().mapToDouble(i -> towards(rows.get(i), false)).toArray());
        for (int k = 0; k < family.size(); k++) {
            int i = family.get(k);
            Row row = rows.get(i);
            double adjusted = movedWorse(row) ? worse[k] : better[k];
            boolean stands = adjusted < Evidence.ALPHA;
            boolean demoted = !stands && (row.isRegression() || row.isImprovement());
            judged.set(i, inFamily(row, detectable[i], adjusted, stands, demoted ? String.format(Locale.ROOT,
                    "p = %s alone, but not evidence among %d gated rows (Holm's adjusted p = %s)",
                    Fmt.pValue(row.pValue()), family.size(), Fmt.pValue(adjusted)) : null));
        }
        return List.copyOf(judged);
    }

    /** The rows the t-test judges: two trials or more a side, and nothing that keeps them from being gated. */
    private static boolean isCandidate(Row row) {
        return row.pValue() != null && !row.verdict().equals(Row.NOT_GATED);
    }

    /**
     * The smallest change, in percent of the base mean, that could reach a one-sided p below {@code bar} with
     * these trials, if the head spread as the base does: t(1 - bar) standard errors of the difference. Infinite
     * when the base mean is 0 and its trials still differ.
     */
    static double detectablePercent(Side base, int headTrials, double bar) {
        double spread = Math.sqrt(base.variance());
        if (spread == 0) {
            return 0;
        }
        if (base.mean() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = StudentT.quantile(1 - bar, TTest.degreesOfFreedom(base.trials(), headTrials));
        return t * spread / Math.abs(base.mean()) * Math.sqrt(1.0 / base.trials() + 1.0 / headTrials) * PERCENT;
    }

    /** The p-value of a row's test for a change the worse way ({@code worse}) or the better way. */
    private static double towards(Row row, boolean worse) {
        return movedWorse(row) == worse ? row.pValue() : 1 - row.pValue();
    }

    private static boolean movedWorse(Row row) {
        return row.better().worse(row.base().mean(), row.head().mean());
    }

    /** Holm's adjusted p-values, in the order given: each the smallest family-wise level it would be rejected at. */
    static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    private static String noisy(Row row, double detectable, int candidates) {
        Side base = row.base();
        return String.format(Locale.ROOT, "too noisy to gate: the base's trials spread %s%% around their mean "
                        + "(coefficient of variation), so with %d + %d trials only a change beyond %s could reach "
                        + "the evidence bar (p < %s / %d rows), and the threshold is %s%%",
                base.mean() == 0 ? "inf" : Fmt.decimal(Math.sqrt(base.variance()) / Math.abs(base.mean()) * PERCENT),
                base.trials(), row.head().trials(), Double.isInfinite(detectable) ? "any"
                        : Fmt.decimal(detectable) + "%", Fmt.plain(Evidence.ALPHA), candidates,
                Fmt.plain(row.thresholdPercent()));
    }

    private static Double finite(double value) {
        return Double.isInfinite(value) ? null : value;
    }

    /** The row, judged by the t-test, with the evidence of its family: it stands or becomes no change. */
    private static Row inFamily(Row row, Double detectable, double adjustedP, boolean stands, String why) {
        return new Row(row.implementation(), row.scenario(), row.phase(), row.metric(), row.unit(), row.better(),
                row.base(), row.head(), row.changePercent(), row.thresholdPercent(), row.pValue(), adjustedP,
                detectable, row.evidence(), stands ? row.verdict() : Row.NO_SIGNIFICANT_CHANGE, null, noted(row, why));
    }

    /** The row, judged by the t-test, left out of the family: its trials cannot show a change of its threshold. */
    private static Row tooNoisy(Row row, Double detectable, String why) {
        return new Row(row.implementation(), row.scenario(), row.phase(), row.metric(), row.unit(), row.better(),
                row.base(), row.head(), row.changePercent(), row.thresholdPercent(), row.pValue(), null, detectable,
                row.evidence(), Row.NOT_GATED, Row.TOO_NOISY, noted(row, why));
    }

    private static String noted(Row row, String more) {
        return more == null ? row.note() : row.note() == null ? more : row.note() + "; " + more;
    }
}
