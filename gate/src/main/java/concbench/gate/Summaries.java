package concbench.gate;

import concbench.formats.Comparison;
import concbench.formats.Comparison.Row;
import concbench.report.ComparisonSummary;
import java.util.List;
import java.util.Locale;

/**
 * What a comparison looks like on the terminal: a fixed-width table of every row and the verdict last. Its cells
 * and verdict line are {@code compare.md}'s, from the report's {@link ComparisonSummary}, so the two never differ.
 */
final class Summaries {
    private static final String TEXT_ROW = "%-8s %-14s %-10s %-21s %-24s %-24s %8s %8s %8s  %s%n";

    private Summaries() {
    }

    static String text(Comparison comparison, List<String> notCompared) {
        StringBuilder text = new StringBuilder();
        text.append("compare ").append(ComparisonSummary.describe(comparison.base())).append(" -> ")
                .append(ComparisonSummary.describe(comparison.head())).append('\n');
        comparison.environmentWarnings().forEach(w -> text.append("warning: ").append(w).append('\n'));
        text.append(String.format(Locale.ROOT, TEXT_ROW, ComparisonSummary.HEADINGS.toArray()));
        for (Row row : comparison.rows()) {
            text.append(String.format(Locale.ROOT, TEXT_ROW, ComparisonSummary.cells(row).toArray()));
        }
        notCompared.forEach(n -> text.append("not compared: ").append(n).append('\n'));
        text.append("base and head: mean [").append(Math.round(Intervals.CONFIDENCE * 100))
                .append("% interval of the trial mean; JMH: its 99.9% interval]; p: the t-test's one-sided p-value "
                        + "of the row alone; adj. p: Holm's, over the rows judged together, which decides; the method "
                        + "is in compare.json\n");
        text.append(ComparisonSummary.verdict(comparison)).append('\n');
        return text.toString();
    }
}
