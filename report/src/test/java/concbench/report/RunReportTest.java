package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.PhaseResult;
import concbench.formats.RunResults;
import concbench.formats.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the real smoke run in src/test/resources/smoke2 (see its README: one trial made failed, three
 * failed requests added): every number where it belongs, every caveat beside its number, nothing fetched.
 */
class RunReportTest {
    @TempDir
    static Path temp;
    static Path dir;
    static String html;
    static String summary;
    static RunResults fixture;

    @BeforeAll
    static void writeReport() throws Exception {
        dir = Fixtures.copy("smoke2", temp.resolve("run"));
        html = Fixtures.html(dir);
        summary = Fixtures.summary(dir);
        fixture = RunResults.read(dir);
    }

    @Test
    void namesEveryImplementationAndScenario() {
        for (String impl : fixture.manifest().implementations()) {
            assertTrue(html.contains("<td>" + impl + "</td>"), impl);
            assertTrue(summary.contains("| " + impl + " |"), impl);
        }
        for (String name : fixture.manifest().scenarios()) {
            // A run recorded before widths measured fan-out at 10 calls: its row is fanout10.
            String scenario = name.equals(TrialResult.FANOUT) ? "fanout10" : name;
            assertTrue(html.contains("<h2>Scenario " + scenario + "</h2>"), scenario);
            assertTrue(summary.contains("### " + scenario), scenario);
        }
    }

    /** Every measured phase of every ok trial has its row with the fixture's figures, in the columns' order. */
    @Test
    void everyPhaseRowCarriesTheFixturesNumbers() {
        int rows = 0;
        for (TrialResult trial : fixture.trials()) {
            if (!trial.ok()) {
                continue;
            }
            for (PhaseResult phase : trial.phases()) {
                if (phase.kind().equals("warmup")) {
                    continue;
                }
                String muted = phase.isSweep() ? "<td class=\"muted\">" : "<td>";
                String expected = "<td>" + trial.implementation() + "</td><td>" + trial.trial() + "</td><td>"
                        + phase.name() + "</td><td>" + String.format(Locale.ROOT, "%,d", Math.round(phase.stats().throughput()))
                        + (phase.generatorBound() ? " †" : "") + "</td>"
                        + muted + ms(phase.stats().latency().p50Ms()) + "</td>"
                        + muted + ms(phase.stats().latency().p90Ms()) + "</td>"
                        + muted + ms(phase.stats().latency().p99Ms()) + "</td>"
                        + muted + ms(phase.stats().latency().p999Ms()) + "</td>"
                        + muted + ms(phase.stats().latency().maxMs()) + "</td>"
                        + "<td>" + String.format(Locale.ROOT, "%,d", phase.stats().ok()) + "</td>"
                        + "<td>" + phase.stats().ko() + "</td>";
                assertTrue(html.contains(expected), "no row " + expected);
                // A results file of version 1: no compiler part and no Gatling part, each a dash.
                String cost = String.format(Locale.ROOT,
                        "<td>%,.1f</td><td>–</td><td>%d%%</td><td>%d%%</td><td>–</td><td>%,d MiB</td><td>%d</td>",
                        phase.cost().serverCpuMicrosPerRequest(), Math.round(phase.cost().serverCpuUtilisation() * 100),
                        Math.round(phase.cost().generatorCpuUtilisation() * 100),
                        Math.round(phase.cost().peakRssBytes() / 1048576.0), phase.cost().peakThreads());
                assertTrue(html.contains(cost), "no cost cells " + cost);
                rows++;
            }
        }
        assertEquals(15 * 3, rows, "15 ok trials of 3 measured phases each");
    }

    /** A zero reading is below Gatling's resolution, never "0 ms". */
    @Test
    void zeroLatencyReadsUnderOneMillisecond() {
        assertTrue(html.contains("<td>netty</td><td>1</td><td>rate-500</td><td>501</td><td>&lt;1</td><td>1</td>"
                + "<td>2</td><td>5</td><td>5</td>"));
        assertFalse(html.contains("<td>0 ms"));
    }

    @Test
    void warmupIsInNoTable() {
        assertFalse(html.contains("<td>warmup</td>"));
        assertTrue(html.contains("excluded from every number"));
    }

    @Test
    void generatorBoundNumbersCarryTheirCaveat() {
        // netty hello trial 1 sweep-64 was generator-bound: its throughput is marked and its row says why.
        Matcher row = Pattern.compile("<tr class=\"caveat\"><td>netty</td><td>1</td><td>sweep-64</td><td>14,290 †</td>"
                + ".*?</tr>").matcher(html);
        assertTrue(row.find());
        assertTrue(row.group().contains("† generator-bound"));
        assertTrue(html.contains(Html.escape(Marks.BOUND_NOTE)));
        assertTrue(summary.contains("14,706 (4,789 to 24,623) †"), "loom hello 64 users: mean (min to max) and mark");
        assertTrue(summary.contains(Markdown.escape(Marks.BOUND_NOTE)));
    }

    @Test
    void failedTrialIsShownWithItsReasonAndLog() {
        String reason = "the server was killed by signal 9 (SIGKILL) during the load";
        assertTrue(html.contains("<tr class=\"failed\"><td>undertow</td><td>2</td>"));
        assertTrue(html.contains("trial failed: " + Html.escape(reason)));
        assertTrue(html.contains("&lt;b&gt;not markup&lt;/b&gt; &amp; the last line before the kill"), "log tail escaped");
        assertTrue(html.contains("class=\"banner\">1 of 16 trials failed: undertow fanout10 trial 2"));
        assertTrue(summary.contains("| undertow | 1 ok, 1 failed | 472 | 529 |"), "the ok trial's figures alone");
        assertTrue(summary.contains("trial 2 failed: " + reason));
    }

    @Test
    void verdictsNameTheWinnerTheFactorAndTheirCaveats() {
        String hello64 = "At 64 users, loom served the most requests per second: 14,706 req/s, 1.63x the slowest, "
                + "netty at 9,014 req/s";
        assertTrue(html.contains(hello64) && summary.contains(hello64));
        assertTrue(html.contains("<strong>Caveat:</strong> the load generator, not the server, was the limit "
                + "(generator-bound) for loom, netty, undertow and vertx, so those figures are lower "
                + "bounds for the servers"));
        Matcher fanout64 = Pattern.compile("At 64 users, netty served the most requests per second: 2,126 req/s[^<]*")
                .matcher(html.replace("<strong>", "").replace("</strong>", ""));
        assertTrue(fanout64.find());
        assertTrue(fanout64.group().contains("generator-bound) for netty, so that figure is a lower bound"));
        assertTrue(fanout64.group().contains("undertow counts its ok trials only: trial 2 failed"));
        assertTrue(html.contains("At the fixed rate of 500 req/s, netty had the lowest p99: 18 ms (trials: 2 / 34)"));
        assertTrue(html.contains("At the fixed rate of 500 req/s, netty used the least server CPU per request: 54.6 µs"));
    }

    @Test
    void linksToEachTrialsGatlingReportRelatively() {
        for (TrialResult trial : fixture.trials()) {
            assertTrue(html.contains("<a href=\"" + trial.gatlingReport() + "/index.html\">"), trial.gatlingReport());
        }
    }

    @Test
    void escapesWhatTheResultsSay() {
        assertFalse(html.contains("<script"), "no script, the injected one included");
        assertTrue(html.contains("found 503 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; x3"));
        assertFalse(summary.contains("<script"));
    }

    /** Nothing in the page can make the browser fetch: no source, stylesheet or external link, no URL in CSS. */
    @Test
    void fetchesNothing() {
        String withoutLogs = html.replaceAll("(?s)<pre>.*?</pre>", "");
        for (String forbidden : new String[] {"http://", "https://", "src=", "url(", "@import", "<link", "<script",
                "<img", "<iframe", "xmlns"}) {
            assertFalse(withoutLogs.contains(forbidden), forbidden);
        }
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            String href = hrefs.group(1);
            assertTrue(href.startsWith("#") || href.startsWith("gatling/"), href);
        }
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void describesTheMachineAndTheRun() {
        for (String fact : new String[] {"Intel(R) Xeon(R) Processor", "2 cores", "23.5 GiB", "6.18.44-fc-v769",
                "25.0.3+9-LTS", "netty 4.2.18.Final", "496bb4bf3f7dd93e6e26b3ec8fb380313abf6059",
                "server 0, load generator 1, back end 1 (pinned with taskset)", "profile", "smoke: warm-up 2 s"}) {
            assertTrue(html.contains(Html.escape(fact)), fact);
        }
        assertTrue(summary.contains("- suite commit: 496bb4bf3f7dd93e6e26b3ec8fb380313abf6059"));
    }

    @Test
    void anInterruptedRunSaysSoFirst(@TempDir Path other) throws Exception {
        Path run = Fixtures.copy("smoke2", other.resolve("run"));
        Path manifest = run.resolve("run.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"interrupted\"")
                .replace("\"warnings\": []", "\"warnings\": [\"the server and the load generator share CPUs 0 / 0\"]"));
        String page = Fixtures.html(run);
        assertTrue(page.contains("<p class=\"banner\">This run was interrupted"));
        assertTrue(page.contains("the server and the load generator share CPUs 0 / 0"));
        assertTrue(Fixtures.summary(run).contains("> **This run was interrupted"));
    }

    private static String ms(double value) {
        return value < 1 ? "&lt;1" : String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
