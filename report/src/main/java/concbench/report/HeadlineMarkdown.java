package concbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Headline} as the summary's first table, in GitHub Markdown: the same cells as the page, their lines
 * joined with {@code <br>}, which GitHub renders inside a table cell.
 */
final class HeadlineMarkdown {
    private static final String LINE_BREAK = "<br>";

    private HeadlineMarkdown() {
    }

    static String render(RunView view) {
        StringBuilder md = new StringBuilder("|");
        Headline.HEADER.forEach(h -> md.append(' ').append(Markdown.escape(h)).append(" |"));
        md.append("\n|").append("---|".repeat(Headline.HEADER.size())).append('\n');
        for (Headline.Row row : Headline.rows(view)) {
            md.append("| **").append(Markdown.escape(row.scenario())).append("**")
                    .append(row.request().isEmpty() ? "" : LINE_BREAK + Markdown.escape(row.request()))
                    .append(row.note().isEmpty() ? "" : LINE_BREAK + Markdown.escape(row.note())).append(" |");
            for (int i = 0; i < row.leads().size(); i++) {
                Lead lead = row.leads().get(i);
                md.append(' ').append(lead == null ? "_" + Markdown.escape(row.missing().get(i)) + "_" : cell(lead))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n').append(Markdown.escape(Headline.NOTE)).append('\n');
        return md.append('\n').toString();
    }

    private static String cell(Lead lead) {
        List<String> lines = new ArrayList<>();
        lines.add("**" + Markdown.escape(lead.leader()) + "** " + Markdown.escape(lead.value())
                + (lead.context().isEmpty() ? "" : " " + Markdown.escape(lead.context())));
        if (lead.runnerUp() != null) {
            lines.add(Markdown.escape(lead.margin() + " over " + lead.runnerUp() + " (" + lead.runnerUpValue() + ")"));
        }
        lines.add(Markdown.escape(lead.verdict().text()));
        return String.join(LINE_BREAK, lines);
    }
}
