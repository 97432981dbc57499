package concbench.report;

import concbench.formats.Comparison;
import concbench.formats.Comparison.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A comparison as people read it outside the page: {@code compare.md} for a CI job summary (the verdict first, then
 * the rows that changed, then every row folded away), and the verdict line and row cells the gate's terminal table
 * shows. Plain functions of the comparison {@code compare.json} holds, so whoever judged it can render it.
 */
public final class ComparisonSummary {
    public static final String MARKDOWN_FILE = "compare.md";
    /** The columns of a row, on the terminal and in {@code compare.md}, which adds the note. */
    public static final List<String> HEADINGS = List.of("scenario", "implementation", "phase", "metric", "base",
            "head", "change", "p", "adj. p", "verdict");
    private static final String NOTE_HEADING = "note";
    private static final int COMMIT_SHOWN = 12;
    private static final String DIRTY = "-dirty";

    private ComparisonSummary() {
    }

    /**
     * "PASS: no regression, 0 improvements in 44 rows (20 judged together at a family-wise 0.01; 24 not gated: 10
     * too few samples to gate, 14 generator-bound)" or "FAIL: 2 regressions ...".
     */
    public static String verdict(Comparison comparison) {
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
                Fmt.plain(comparison.alpha()), notGatedRows,
                notGated.isEmpty() ? "" : ": " + notGated.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")),
                weak == 0 ? "" : "; " + weak + " on weak evidence: a single trial or no interval on a side");
    }

    /** {@code compare.md}; {@code notCompared} names what only one side measured, each with the reason. */
    public static String markdown(Comparison comparison, List<String> notCompared) {
        StringBuilder md = new StringBuilder();
        md.append(Markdown.strong(Markdown.escape("Performance gate " + verdict(comparison)))).append("\n\n");
        md.append("Base ").append(Markdown.code(describe(comparison.base()))).append(", head ")
                .append(Markdown.code(describe(comparison.head()))).append(".\n\n");
        comparison.environmentWarnings().forEach(w -> md.append("> **Warning:** ").append(Markdown.escape(w))
                .append("\n>\n"));
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
            notCompared.forEach(n -> md.append("- ").append(Markdown.escape(n)).append('\n'));
        }
        md.append("\n**Method.** ").append(Markdown.escape(comparison.method())).append("\n\n</details>\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<Row> rows) {
        List<String> headings = new ArrayList<>(HEADINGS);
        headings.add(NOTE_HEADING);
        md.append(Markdown.tableHead(headings));
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(cells(row).stream().map(Markdown::escape).toList());
            String verdict = Markdown.escape(row.verdict());
            cells.set(cells.size() - 1, row.isRegression() ? Markdown.strong(verdict) : verdict);
            cells.add(Markdown.escape(row.note() == null ? "" : row.note()));
            md.append(Markdown.tableRow(cells));
        }
    }

    /** A row's cells under {@link #HEADINGS}, as plain text; the verdict with why it was not gated, or its note. */
    public static List<String> cells(Row row) {
        return List.of(row.scenario(), row.implementation(), row.phase().isEmpty() ? Fmt.NONE : row.phase(),
                row.metric() + " " + row.unit(), side(row.base()), side(row.head()), Fmt.change(row.changePercent()),
                Fmt.pValue(row.pValue()), Fmt.pValue(row.adjustedPValue()),
                row.verdict() + (row.notGatedReason() != null ? " (" + row.notGatedReason() + ")"
                        : row.note() == null ? "" : " (" + row.note() + ")"));
    }

    /** A side: its mean, and its interval when it has one. */
    private static String side(Comparison.Side side) {
        String mean = Fmt.decimal(side.mean());
        return side.low() == side.high() ? mean
                : mean + " [" + Fmt.decimal(side.low()) + ", " + Fmt.decimal(side.high()) + "]";
    }

    /** An end of the comparison in one line: {@code results/base @ 3304380aaaaa-dirty, profile ci}. */
    public static String describe(Comparison.End end) {
        StringBuilder text = new StringBuilder(end.dir());
        if (end.gitCommit() != null) {
            text.append(" @ ").append(end.gitCommit(), 0, Math.min(end.gitCommit().length(), COMMIT_SHOWN));
            if (end.gitCommit().endsWith(DIRTY)) {
                text.append(DIRTY);
            }
        }
        if (end.profile() != null) {
            text.append(", profile ").append(end.profile());
        }
        return text.toString();
    }
}
