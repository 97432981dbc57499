package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import concbench.formats.RunResults;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real smoke run in src/test/resources/smoke-v2 with a second ladder step for netty's fan-out, at 200 req/s,
 * where Gatling ran out of file descriptors, as every model's hello step at 20,000 req/s did in the quick run of
 * results/quick-4: 4,000 requests failed with Netty's {@code Too many open files}. They are the load generator's,
 * and the report shows them as its own: never as netty's failed requests, nor as where netty saturated, even where
 * the trial recorded its ladder's end as "4000 request(s) failed", as the runner did before it told them apart.
 */
class GeneratorErrorsReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FANOUT = "fanout10";
    private static final String EMFILE =
            "i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files";

    @TempDir
    static Path temp;
    static RunView view;
    static String html;
    static String summary;

    @BeforeAll
    static void writeReport() throws Exception {
        Path dir = Fixtures.copy("smoke-v2", temp.resolve("run"));
        Path file = dir.resolve("netty-fanout-1.json");
        ObjectNode trial = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode phases = (ArrayNode) trial.get("phases");
        ObjectNode step = phases.get(phases.size() - 1).deepCopy();
        step.put("name", "rate-200").put("rate", 200);
        ObjectNode stats = (ObjectNode) step.get("stats");
        stats.put("ko", 4_000);
        stats.putObject("errors").put(EMFILE, 4_000);
        ((ObjectNode) step.get("schedule")).put("offeredRate", 200).put("kept", false).put("saturated", true)
                .put("missed", "Gatling sent 150 of 200 req/s");
        phases.add(step);
        // As the runner recorded it before it told the generator's failures apart, as in results/quick-4.
        trial.putObject("ladder").put("saturatedRate", 200).put("saturation",
                "Gatling sent 150 of 200 req/s; 4000 request(s) failed").putArray("rates").add(100).add(200);
        JSON.writeValue(file.toFile(), trial);
        view = new RunView(RunResults.read(dir));
        html = Fixtures.html(dir);
        summary = Fixtures.summary(dir);
    }

    @Test
    void theLadderEndedForTheGeneratorNotWhereTheServerSaturated() {
        LatencyLadder ladder = new LatencyLadder(view, FANOUT);
        assertEquals(OptionalInt.empty(), ladder.saturation("netty"));
        assertEquals(OptionalInt.of(200), ladder.generatorLimit("netty"));
        assertFalse(ladder.sustained("netty", 200), "a step the generator failed is no load the server sustained");
        int start = html.indexOf("<title>Latency against offered load, fanout10</title>");
        String chart = html.substring(start, html.indexOf("</svg>", start));
        // loom saturated at 100 req/s in the smoke run itself: its ring is the only one.
        assertEquals(1, chart.split("r=\"9.0\"", -1).length - 1, "no ring for netty: " + chart);
    }

    @Test
    void theSummaryCountsThemAsTheGeneratorsNotTheServersFailedRequests() {
        String netty = summary.lines().filter(line -> line.startsWith("| netty |") && line.contains("Too many")
                || line.startsWith("| netty |") && line.contains("load generator failed")).findFirst()
                .orElseThrow(() -> new AssertionError(summary));
        assertTrue(netty.contains("4,000 requests the load generator failed itself"), netty);
        assertFalse(netty.contains("4,000 failed requests"), netty);
        assertFalse(netty.contains("| 4,000 |"), "the failed-requests column is the server's: " + netty);
        assertTrue(netty.contains("latency ladder ended at 200 req/s: the load generator ran out of file "
                + "descriptors: 4000 requests failed to open a socket; Gatling sent 150 of 200 req/s"), netty);
        assertFalse(netty.contains("request(s) failed"), "the old record's words are not shown: " + netty);
    }

    @Test
    void theTrialTableMarksEachFailureAsTheGenerators() {
        assertTrue(html.contains("(the load generator&#39;s own) " + "i.n.c.u.Errors$NativeIoException")
                || html.contains("(the load generator's own) i.n.c.u.Errors$NativeIoException"), "errors column");
        assertTrue(html.contains("the load generator ran out of file descriptors: 4000 requests failed to open a "
                + "socket: not the server&#39;s errors") || html.contains("the load generator ran out of file "
                + "descriptors: 4000 requests failed to open a socket: not the server's errors"), "caveat");
        assertTrue(html.contains("the load generator failed requests itself at this rate"), "the step's caveat");
        assertFalse(html.contains("4,000 failed requests"), "never the server's failed requests");
    }
}
