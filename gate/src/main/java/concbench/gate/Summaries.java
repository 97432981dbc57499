package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a comparison looks like to people: a table for the terminal, and {@code compare.md} for a CI job summary
 * (verdict first, then the rows that changed, then every row folded away).
 */
final class Summaries {
    static final String MARKDOWN_FILE = "compare.md";
    private static final String TEXT_ROW = "%-8s %-14s %-10s %-21s %-24s %-24s %8s %8s %8s  %s%n";
    private static final List<String> HEADINGS = List.of("scenario", "implementation", "phase", "metric", "base",
            "head", "change", "p", "adj. p", "verdict");

    private Summaries() {
    }

    /**
     * "PASS: no regression, 0 improvements in 44 rows (20 gated together at a family-wise 0.01; 24 not gated: 10
     * too few samples to gate, 14 generator-bound)" or "FAIL: 2 regressions ...".
     */
    static String verdict(Comparison comparison) {
        int rows = comparison.rows().size();
        Map<String, Long> notGated = comparison.rows().stream().filter(r -> r.verdict().equals(Row.NOT_GATED))
                .collect(Collectors.groupingBy(r -> r.notGatedReason() == null ? "other" : r.notGatedReason(),
                        TreeMap::new, Collectors.counting()));
        long notGatedRows = notGated.values().stream().mapToLong(Long::longValue).sum();
        long weak = comparison.rows().stream().filter(r -> r.evidence().equals(Row.WEAK)).count();
        return String.format(Locale.ROOT, "%s: %s, %d improvement%s in %d rows (%d judged together at a "
                        + "family-wise %s; %d not gated%s%s)",
                comparison.passed() ? "PASS" : "FAIL",
                comparison.passed() ? "no regression" : comparison.regressions() + " regression"
                        + (comparison.regressions() == 1 ? "" : "s"),
                comparison.improvements(), comparison.improvements() == 1 ? "" : "s", rows, comparison.familySize(),
                Format.number(comparison.alpha()), notGatedRows,
                notGated.isEmpty() ? "" : ": " + notGated.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")),
                weak == 0 ? "" : "; " + weak + " on weak evidence: a single trial or no interval on a side");
    }

    static String text(Comparison comparison, List<String> notCompared) {
        StringBuilder text = new StringBuilder();
        text.append("compare ").append(describe(comparison.base())).append(" -> ").append(describe(comparison.head()))
                .append('\n');
        comparison.environmentWarnings().forEach(w -> text.append("warning: ").append(w).append('\n'));
        text.append(String.format(Locale.ROOT, TEXT_ROW, HEADINGS.toArray()));
        for (Row row : comparison.rows()) {
            text.append(String.format(Locale.ROOT, TEXT_ROW, cells(row).toArray()));
        }
        notCompared.forEach(n -> text.append("not compared: ").append(n).append('\n'));
        text.append("base and head: mean [").append(Math.round(Intervals.CONFIDENCE * 100))
                .append("% interval of the trial mean; JMH: its 99.9% interval]; p: the t-test's one-sided p-value "
                        + "of the row alone; adj. p: Holm's, over the rows judged together, which decides; the method "
                        + "is in compare.json\n");
        text.append(verdict(comparison)).append('\n');
        return text.toString();
    }

    static String markdown(Comparison comparison, List<String> notCompared) {
        StringBuilder md = new StringBuilder();
        md.append("**Performance gate ").append(verdict(comparison)).append("**\n\n");
        md.append("Base `").append(describe(comparison.base())).append("`, head `").append(describe(comparison.head()))
                .append("`.\n\n");
        comparison.environmentWarnings().forEach(w -> md.append("> **Warning:** ").append(escape(w)).append("\n>\n"));
        if (!comparison.environmentWarnings().isEmpty()) {
            md.append('\n');
        }
        List<Row> changed = comparison.rows().stream().filter(r -> r.isRegression() || r.isImprovement()).toList();
        if (changed.isEmpty()) {
            md.append("No regression and no improvement.\n\n");
        } else {
            md.append("### Regressions and improvements\n\n");
            table(md, changed);
            md.append('\n');
        }
        md.append("<details><summary>All ").append(comparison.rows().size()).append(" rows</summary>\n\n");
        table(md, comparison.rows());
        if (!notCompared.isEmpty()) {
            md.append("\nNot compared:\n\n");
            notCompared.forEach(n -> md.append("- ").append(escape(n)).append('\n'));
        }
        md.append("\n**Method.** ").append(escape(comparison.method())).append("\n\n</details>\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<Row> rows) {
        List<String> headings = new ArrayList<>(HEADINGS);
        headings.add("note");
        md.append("| ").append(String.join(" | ", headings)).append(" |\n");
        md.append("|").append("---|".repeat(headings.size())).append('\n');
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(cells(row));
            cells.set(cells.size() - 1, row.isRegression() ? "**" + row.verdict() + "**" : row.verdict());
            cells.add(row.note() == null ? "" : row.note());
            md.append("| ").append(String.join(" | ", cells.stream().map(Summaries::escape).toList())).append(" |\n");
        }
    }

    private static List<String> cells(Row row) {
        return List.of(row.scenario(), row.implementation(), row.phase().isEmpty() ? "-" : row.phase(),
                row.metric() + " " + row.unit(), Format.side(row.base()), Format.side(row.head()),
                Format.change(row.changePercent()), Format.p(row.pValue()), Format.p(row.adjustedPValue()),
                row.verdict() + (row.notGatedReason() != null ? " (" + row.notGatedReason() + ")"
                        : row.note() == null ? "" : " (" + row.note() + ")"));
    }

    private static String describe(Comparison.End end) {
        StringBuilder text = new StringBuilder(end.dir());
        if (end.gitCommit() != null) {
            text.append(" @ ").append(end.gitCommit(), 0, Math.min(end.gitCommit().length(), 12));
            if (end.gitCommit().endsWith("-dirty")) {
                text.append("-dirty");
            }
        }
        if (end.profile() != null) {
            text.append(", profile ").append(end.profile());
        }
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
