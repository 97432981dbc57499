package concbench.report;

import concbench.formats.JmhResults;
import concbench.report.Table.Mark;
import concbench.report.Table.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One JMH benchmark class: each benchmark and parameter set with its score, error and secondary results. */
final class JmhTable {
    private static final String MODE_NOTE = Texts.paragraph(JmhTable.class, "jmh-mode-note");
    private static final String ERROR_NOTE = Texts.paragraph(JmhTable.class, "jmh-error-note");
    private static final String NO_ERROR_NOTE = Texts.paragraph(JmhTable.class, "jmh-no-error-note",
            Map.of("none", Fmt.NONE));

    private JmhTable() {
    }

    static Table of(List<JmhResults.Benchmark> runs) {
        List<Row> rows = new ArrayList<>();
        boolean anyWithoutError = false;
        for (JmhResults.Benchmark run : runs) {
            anyWithoutError |= Double.isNaN(run.primary().error());
            String secondary = run.secondary().entrySet().stream()
                    .map(e -> e.getKey() + " " + Fmt.decimal(e.getValue().score())
                            + (Double.isNaN(e.getValue().error()) ? "" : " ± " + Fmt.decimal(e.getValue().error()))
                            + " " + e.getValue().unit())
                    .collect(Collectors.joining("; "));
            rows.add(Row.of(Mark.NONE, run.method(), run.paramsText(), run.mode(), Fmt.decimal(run.primary().score()),
                    Double.isNaN(run.primary().error()) ? Fmt.NONE : Fmt.decimal(run.primary().error()),
                    run.primary().unit(), secondary));
        }
        List<String> notes = new ArrayList<>(List.of(MODE_NOTE, ERROR_NOTE));
        if (anyWithoutError) {
            notes.add(NO_ERROR_NOTE);
        }
        return new Table(List.of("benchmark", "params", "mode", "score", "± error (99.9%)", "unit",
                "secondary results"), rows, notes);
    }
}
