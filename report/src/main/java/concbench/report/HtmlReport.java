package concbench.report;

import concbench.formats.Comparison;
import concbench.formats.JmhResults;
import concbench.formats.Latency;
import concbench.formats.ResultsFolder;
import concbench.formats.ThreadRole;
import concbench.formats.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page. Styles are inline, charts are inline SVG drawn by {@link Charts},
 * there is no script and no reference to any other host, and a Content-Security-Policy forbids the page to fetch
 * anything, so it opens the same offline, attached to a mail or from a CI artifact. Every string from the results
 * is escaped.
 */
final class HtmlReport {
    /** Nothing may be fetched; inline styles and inline SVG need nothing more. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24;
                   max-width: 1360px; margin: 0 auto; padding: 0 20px 40px; }
            h1 { font-size: 1.7em; margin: 0.8em 0 0.2em; } h2 { border-bottom: 1px solid #ccd; padding-bottom: 3px;
                   margin-top: 1.8em; } h3 { margin-bottom: 0.3em; }
            .lead { color: #444; margin-top: 0; }
            .banner { border: 2px solid #b02a37; background: #f8d7da; padding: 10px 14px; border-radius: 4px;
                      font-weight: 600; }
            .warn { border-left: 4px solid #c98a00; background: #fff3cd; padding: 8px 12px; }
            nav ul { columns: 3; padding-left: 1.2em; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; }
            dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
            .wrap { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 12.5px; margin: 6px 0; }
            th, td { border: 1px solid #d0d4da; padding: 3px 6px; text-align: right; vertical-align: top; }
            td { white-space: nowrap; } td:last-child, table.trials td:nth-child(12) { white-space: normal; }
            td:last-child { min-width: 12em; } table.trials td:nth-child(12) { max-width: 16em; text-align: left; }
            th { background: #eef1f5; text-align: center; }
            td:first-child, td:last-child, th:last-child { text-align: left; }
            table.jmh td:nth-child(2), table.comparison td:nth-child(-n+4) { text-align: left; }
            table.comparison td { white-space: normal; }
            tr.caveat td { background: #fff8e1; } tr.failed td { background: #f8d7da; }
            tr.regression td { background: #f8d7da; font-weight: 600; } tr.improvement td { background: #d1e7dd; }
            td.muted { color: #8a8f98; font-style: italic; }
            .note { font-size: 12.5px; color: #444; margin: 2px 0; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 8px 28px; }
            figure { margin: 14px 0; } figcaption { font-size: 13px; color: #333; max-width: 760px; }
            svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
            svg .frame { fill: none; stroke: #888; } svg .grid { stroke: #e3e6ea; }
            svg .divider { stroke: #999; stroke-dasharray: 3 3; } svg .under { fill: #eceff3; }
            svg .tick { font-size: 11px; fill: #333; } svg .axis { font-size: 12px; fill: #111; }
            ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
            ul.legend svg { vertical-align: middle; }
            pre { background: #f4f5f7; padding: 8px; overflow-x: auto; font-size: 12px; }
            @media print {
              body { font-size: 10pt; max-width: none; padding: 0; print-color-adjust: exact;
                     -webkit-print-color-adjust: exact; } nav { display: none; }
              .wrap { overflow: visible; } table { font-size: 7.5pt; } th, td { padding: 1px 3px; }
              .charts { display: block; } figure, tr, .banner { break-inside: avoid; } h2, h3 { break-after: avoid; }
              a { color: inherit; } pre { white-space: pre-wrap; }
            }
            """;

    private static final String THROUGHPUT_CAPTION = Texts.paragraph(HtmlReport.class, "throughput-caption");
    private static final String LATENCY_CAPTION = Texts.paragraph(HtmlReport.class, "latency-caption");
    private static final String TIMELINE_CAPTION = Texts.paragraph(HtmlReport.class, "timeline-caption");
    private static final String CPU_BY_ROLE_CAPTION = Texts.paragraph(HtmlReport.class, "cpu-by-role-caption");

    private HtmlReport() {
    }

    static String render(ResultsFolder inputs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<title>").append(Html.escape(Report.title(inputs))).append("</title>\n<style>\n")
                .append(STYLE).append(HeadlineHtml.STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(Html.escape(Report.title(inputs))).append("</h1>\n");
        RunView view = inputs.run() == null ? null : new RunView(inputs.run());
        if (view != null) {
            html.append(HeadlineHtml.render(view));
        }
        html.append("<p class=\"lead\">").append(Html.escape(Report.lead(inputs))).append("</p>\n");
        if (view != null) {
            html.append(banners(view));
        }
        html.append(contents(inputs, view));
        if (view != null) {
            html.append(run(view));
        }
        if (inputs.comparison() != null) {
            html.append(comparison(inputs.comparison()));
        }
        if (inputs.jmh() != null) {
            html.append(jmh(inputs.jmh()));
        }
        html.append("<footer><p class=\"note\">Written by ./bench report from the files in this folder; every "
                + "figure is read from them and rounded for display only.</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** What must be seen first: a run that did not complete, failed trials, the run's own warnings. */
    private static String banners(RunView view) {
        StringBuilder html = new StringBuilder();
        for (String problem : Report.problems(view)) {
            html.append("<p class=\"banner\">").append(Html.escape(problem)).append("</p>\n");
        }
        List<String> warnings = view.manifest().warnings() == null ? List.of() : view.manifest().warnings();
        if (!warnings.isEmpty()) {
            html.append("<div class=\"warn\"><strong>Warnings recorded by the run:</strong><ul>");
            warnings.forEach(w -> html.append("<li>").append(Html.escape(w)).append("</li>"));
            html.append("</ul></div>\n");
        }
        return html.toString();
    }

    private static String contents(ResultsFolder inputs, RunView view) {
        List<String> links = new ArrayList<>();
        if (view != null) {
            links.add(link("run", "The run"));
            links.add(link("verdicts", "Verdicts"));
            view.scenarios().forEach(s -> links.add(link(anchor(s), "Scenario " + s)));
        }
        if (inputs.comparison() != null) {
            links.add(link("comparison", "Comparison with " + inputs.comparison().base().dir()));
        }
        if (inputs.jmh() != null) {
            links.add(link("jmh", "JMH microbenchmarks"));
        }
        return "<nav><ul>" + String.join("", links) + "</ul></nav>\n";
    }

    private static String link(String anchor, String text) {
        return "<li><a href=\"#" + Html.escape(anchor) + "\">" + Html.escape(text) + "</a></li>";
    }

    private static String anchor(String scenario) {
        return "scenario-" + scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String run(RunView view) {
        StringBuilder html = new StringBuilder("<section id=\"run\">\n<h2>The run</h2>\n<dl class=\"facts\">\n");
        for (RunFacts.Fact fact : RunFacts.of(view)) {
            html.append("<dt>").append(Html.escape(fact.label())).append("</dt><dd>").append(Html.escape(fact.value()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n</section>\n<section id=\"verdicts\">\n<h2>Verdicts</h2>\n");
        for (String scenario : view.scenarios()) {
            html.append("<h3>").append(Html.escape(scenario)).append("</h3>\n<ul>\n");
            Verdicts.of(view, scenario).forEach(v -> html.append("<li>").append(Html.escape(v).replace(Verdicts.CAVEAT,
                    "<strong>" + Verdicts.CAVEAT + "</strong>")).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</section>\n");
        html.append(WidthCharts.section(view, legend(view, view.servers())));
        view.scenarios().forEach(scenario -> html.append(scenario(view, scenario)));
        return html.toString();
    }

    private static String scenario(RunView view, String scenario) {
        StringBuilder html = new StringBuilder("<section id=\"").append(anchor(scenario)).append("\">\n<h2>Scenario ")
                .append(Html.escape(scenario)).append("</h2>\n");
        html.append(Html.table(SummaryTable.of(view, scenario), "summary"));
        String legend = legend(view, scenario);
        html.append("<div class=\"charts\">\n").append(LadderChart.figure(view, scenario, legend));
        if (!view.levels(scenario).isEmpty()) {
            html.append(figure(Charts.throughput(view, scenario), legend, THROUGHPUT_CAPTION));
        }
        if (view.rate(scenario).isPresent()) {
            html.append(figure(Charts.latency(view, scenario), legend, LATENCY_CAPTION));
        }
        if (!view.phaseNames(scenario).isEmpty()) {
            html.append(figure(Charts.timeline(view, scenario), legend, TIMELINE_CAPTION));
        }
        String roles = Charts.cpuByRole(view, scenario);
        if (roles != null) {
            html.append(figure(roles, roleLegend(), CPU_BY_ROLE_CAPTION));
        }
        html.append("</div>\n<h3>Every trial, phase by phase</h3>\n")
                .append(Html.table(TrialTable.of(view, scenario), "trials"));
        html.append(failures(view, scenario));
        return html.append("</section>\n").toString();
    }

    /** Each failed trial's reason and the last lines its server or Gatling printed. */
    private static String failures(RunView view, String scenario) {
        StringBuilder html = new StringBuilder();
        for (String impl : view.implementations(scenario)) {
            for (TrialResult failed : view.failedTrials(impl, scenario)) {
                html.append("<details><summary>").append(Html.escape(impl + " trial " + failed.trial() + " failed: "
                        + failed.failure())).append("</summary>\n<pre>")
                        .append(Html.escape(failed.logTail() == null ? "(no output recorded)" : failed.logTail()))
                        .append("</pre></details>\n");
            }
        }
        return html.toString();
    }

    private static String figure(String svg, String legend, String caption) {
        return "<figure>\n" + svg + legend + "<figcaption>" + Html.escape(caption) + "</figcaption>\n</figure>\n";
    }

    private static String roleLegend() {
        StringBuilder html = new StringBuilder("<ul class=\"legend\">");
        for (ThreadRole role : ThreadRole.values()) {
            html.append("<li><svg viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">"
                    + "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\" fill=\"").append(Charts.roleColour(role))
                    .append("\"/></svg> ").append(Html.escape(role.key())).append("</li>");
        }
        return html.append("</ul>\n").toString();
    }

    private static String legend(RunView view, String scenario) {
        return legend(view, view.implementations(scenario));
    }

    private static String legend(RunView view, List<String> implementations) {
        StringBuilder html = new StringBuilder("<ul class=\"legend\">");
        for (String impl : implementations) {
            html.append("<li>").append(Svg.legendMarker(view.index(impl))).append(' ').append(Html.escape(impl)).append("</li>");
        }
        return html.append("</ul>\n").toString();
    }

    private static String comparison(Comparison comparison) {
        StringBuilder html = new StringBuilder("<section id=\"comparison\">\n<h2>")
                .append(Html.escape("Comparison with " + comparison.base().dir())).append("</h2>\n<p>")
                .append(Html.escape(Report.comparisonLead(comparison))).append("</p>\n");
        if (!comparison.environmentWarnings().isEmpty()) {
            html.append("<div class=\"warn\"><strong>The two runs' environments differ:</strong><ul>");
            comparison.environmentWarnings().forEach(w -> html.append("<li>").append(Html.escape(w)).append("</li>"));
            html.append("</ul></div>\n");
        }
        html.append("<p><strong>Method.</strong> ").append(Html.escape(comparison.method())).append("</p>\n")
                .append(Html.table(ComparisonTable.of(comparison), "comparison"));
        return html.append("</section>\n").toString();
    }

    private static String jmh(JmhResults jmh) {
        StringBuilder html = new StringBuilder("<section id=\"jmh\">\n<h2>JMH microbenchmarks</h2>\n<p>")
                .append(Html.escape(Report.jmhLead(jmh))).append("</p>\n");
        jmh.byClass().forEach((name, runs) -> html.append("<h3>").append(Html.escape(name)).append("</h3>\n")
                .append(Html.table(JmhTable.of(runs).withoutNotes(), "jmh")));
        JmhTable.of(jmh.runs()).notes().forEach(note -> html.append("<p class=\"note\">").append(Html.escape(note))
                .append("</p>\n"));
        return html.append("</section>\n").toString();
    }
}
