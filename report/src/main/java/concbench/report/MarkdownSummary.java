package concbench.report;

import concbench.formats.Comparison;
import concbench.formats.ResultsFolder;
import java.util.List;

/**
 * {@code summary.md}: the verdicts and the main tables in GitHub Markdown, with their caveats, short enough for
 * {@code $GITHUB_STEP_SUMMARY} or a pull-request comment; {@code report.html} has everything else.
 */
final class MarkdownSummary {
    private MarkdownSummary() {
    }

    static String render(ResultsFolder inputs) {
        StringBuilder md = new StringBuilder("# ").append(Markdown.escape(Report.title(inputs))).append("\n\n");
        if (inputs.run() != null) {
            md.append(HeadlineMarkdown.render(new RunView(inputs.run())));
        }
        md.append(Markdown.escape(Report.lead(inputs))).append("\n\n");
        if (inputs.run() != null) {
            run(md, new RunView(inputs.run()));
        }
        if (inputs.comparison() != null) {
            comparison(md, inputs.comparison());
        }
        if (inputs.jmh() != null) {
            md.append("## JMH microbenchmarks\n\n").append(Markdown.escape(Report.jmhLead(inputs.jmh()))).append("\n\n");
            inputs.jmh().byClass().forEach((name, runs) -> md.append("### ").append(Markdown.escape(name))
                    .append("\n\n").append(Markdown.table(JmhTable.of(runs).withoutNotes())).append('\n'));
            JmhTable.of(inputs.jmh().runs()).notes().forEach(note -> md.append(Markdown.escape(note)).append("\n\n"));
        }
        md.append("The charts, every trial phase by phase and the links to Gatling's reports are in ")
                .append(Report.HTML_FILE).append(".\n");
        return md.toString();
    }

    private static void run(StringBuilder md, RunView view) {
        for (String problem : Report.problems(view)) {
            md.append("> **").append(Markdown.escape(problem)).append("**\n\n");
        }
        List<String> warnings = view.manifest().warnings() == null ? List.of() : view.manifest().warnings();
        warnings.forEach(w -> md.append("> Warning: ").append(Markdown.escape(w)).append("\n\n"));
        for (RunFacts.Fact fact : RunFacts.of(view)) {
            md.append("- ").append(Markdown.escape(fact.label())).append(": ").append(Markdown.escape(fact.value()))
                    .append('\n');
        }
        md.append("\n## Verdicts\n\n");
        for (String scenario : view.scenarios()) {
            md.append("### ").append(Markdown.escape(scenario)).append("\n\n");
            Verdicts.of(view, scenario).forEach(v -> md.append("- ").append(Markdown.escape(v).replace(Verdicts.CAVEAT,
                    "**" + Verdicts.CAVEAT + "**")).append('\n'));
            md.append('\n').append(Markdown.table(SummaryTable.of(view, scenario))).append('\n');
        }
    }

    /** The counts, the environment warnings and the rows the gate flagged; all rows are in the page. */
    private static void comparison(StringBuilder md, Comparison comparison) {
        md.append("## ").append(Markdown.escape("Comparison with " + comparison.base().dir())).append("\n\n")
                .append(Markdown.escape(Report.comparisonLead(comparison))).append("\n\n");
        comparison.environmentWarnings().forEach(w -> md.append("> Environment: ").append(Markdown.escape(w))
                .append("\n\n"));
        Table all = ComparisonTable.of(comparison);
        List<Table.Row> flagged = all.rows().stream().filter(r -> r.mark() != Table.Mark.NONE).toList();
        if (flagged.isEmpty()) {
            md.append("No figure changed significantly.\n\n");
        } else {
            md.append(Markdown.table(new Table(all.header(), flagged, all.notes()))).append('\n');
        }
        md.append(Markdown.escape("Method: " + comparison.method())).append("\n\n");
    }
}
