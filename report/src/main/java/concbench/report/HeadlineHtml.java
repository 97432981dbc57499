package concbench.report;

import java.util.Locale;

/** The {@link Headline} as the page's first table: one row per scenario, one cell per figure. */
final class HeadlineHtml {
    /** Compact enough that the table of five scenarios fits a 1366x768 window with the title above it. */
    static final String STYLE = """
            table.headline { font-size: 13px; margin: 4px 0 2px; } table.headline td, table.headline th[scope] {
                   text-align: left; white-space: normal; min-width: 0; line-height: 1.3; padding: 3px 7px; }
            table.headline th[scope] { background: #f7f8fa; font-weight: 600; }
            table.headline .value { font-size: 14px; }
            table.headline .runner { color: #444; } table.headline .trust { font-size: 12px; }
            table.headline .sure { color: #0a6b35; font-weight: 600; } table.headline .tie { color: #8a5a00; }
            table.headline .unsure { color: #666; } table.headline .request { font-weight: 400; font-size: 12px; }
            table.headline .missing { color: #8a8f98; font-style: italic; }
            """;

    private HeadlineHtml() {
    }

    static String render(RunView view) {
        StringBuilder html = new StringBuilder("<section id=\"headline\">\n<div class=\"wrap\">"
                + "<table class=\"headline\">\n<thead><tr>");
        Headline.HEADER.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Headline.Row row : Headline.rows(view)) {
            html.append("<tr><th scope=\"row\">").append(Html.escape(row.scenario()));
            if (!row.request().isEmpty()) {
                html.append("<br><span class=\"request\">").append(Html.escape(row.request())).append("</span>");
            }
            if (!row.note().isEmpty()) {
                html.append("<br><span class=\"trust unsure\">").append(Html.escape(row.note())).append("</span>");
            }
            html.append("</th>");
            for (int i = 0; i < row.leads().size(); i++) {
                html.append(cell(row.leads().get(i), row.missing().get(i)));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
        html.append("<p class=\"note\">").append(Html.escape(Headline.NOTE)).append("</p>\n");
        return html.append("</section>\n").toString();
    }

    private static String cell(Lead lead, String missing) {
        if (lead == null) {
            return "<td class=\"missing\">" + Html.escape(missing) + "</td>";
        }
        StringBuilder html = new StringBuilder("<td><span class=\"value\"><strong>").append(Html.escape(lead.leader()))
                .append("</strong> ").append(Html.escape(lead.value())).append("</span>");
        if (!lead.context().isEmpty()) {
            html.append(' ').append(Html.escape(lead.context()));
        }
        if (lead.runnerUp() != null) {
            html.append("<br><span class=\"runner\">").append(Html.escape(lead.margin() + " over " + lead.runnerUp()
                    + " (" + lead.runnerUpValue() + ")")).append("</span>");
        }
        return html.append("<br><span class=\"trust ").append(lead.verdict().trust().name().toLowerCase(Locale.ROOT))
                .append("\">").append(Html.escape(lead.verdict().text())).append("</span></td>").toString();
    }
}
