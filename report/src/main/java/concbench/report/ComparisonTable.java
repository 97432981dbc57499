package concbench.report;

import concbench.formats.Comparison;
import concbench.report.Table.Mark;
import concbench.report.Table.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The gate's rows, regressions and improvements marked: the gate's own figures, never recomputed. */
final class ComparisonTable {
    private static final String NOTE = Texts.paragraph(ComparisonTable.class, "comparison-note");

    private ComparisonTable() {
    }

    static Table of(Comparison comparison) {
        List<Row> rows = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            Mark mark = row.isRegression() ? Mark.REGRESSION : row.isImprovement() ? Mark.IMPROVEMENT : Mark.NONE;
            rows.add(Row.of(mark, row.implementation(), row.scenario(), row.phase(),
                    row.metric() + " (" + row.unit() + ", " + row.better() + " is better)", side(row.base()),
                    side(row.head()), Fmt.change(row.changePercent()),
                    Fmt.plain(row.thresholdPercent()) + "%",
                    Fmt.pValue(row.pValue()), Fmt.pValue(row.adjustedPValue()), row.evidence(),
                    row.notGatedReason() == null ? row.verdict() : row.verdict() + ": " + row.notGatedReason(),
                    row.note() == null ? "" : row.note()));
        }
        return new Table(List.of("implementation", "scenario", "phase", "metric", "base", "head", "change",
                "threshold", "p", "adjusted p", "evidence", "verdict", "note"), rows, List.of(NOTE));
    }

    private static String side(Comparison.Side values) {
        if (values == null) {
            return Fmt.NONE;
        }
        return Fmt.decimal(values.mean()) + " [" + Fmt.decimal(values.low()) + ", " + Fmt.decimal(values.high())
                + "]: " + values.values().stream().map(Fmt::decimal).collect(Collectors.joining(", "));
    }
}
