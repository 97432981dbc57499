package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.ThreadRole;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What results of format version 2 add to the report, from a real smoke run (smoke-v2): the floor as its own row
 * and in the verdicts, never ranked; the CPU by thread role as a stacked bar per implementation; the trials that
 * were not warm and the fixed-rate phases that missed their schedule, marked where their numbers are.
 */
class FormatTwoReportTest {
    @TempDir
    static Path temp;
    private static String html;
    private static String summary;

    @BeforeAll
    static void render() throws Exception {
        Path run = Fixtures.copy("smoke-v2", temp.resolve("run"));
        html = Fixtures.html(run);
        summary = Fixtures.summary(run);
    }

    @Test
    void theFloorIsItsOwnRowAndNeverRanked() {
        assertTrue(summary.contains("| floor | 1 ok |"), summary);
        assertTrue(html.contains("<td>floor</td>"));
        assertTrue(summary.contains("- The floor, the back end itself measured the same way on the server's CPUs, "
                + "reached 1,007 req/s at 16 users, 1,641 req/s at 64 users and a p99 of 157 ms at 500 req/s"), summary);
        assertTrue(summary.contains("compared: loom, netty, undertow, vertx and the floor (the back end itself)"));
        // The floor's 1,641 req/s at 64 users is below vertx's 2,574: it must not be ranked among the servers.
        assertTrue(summary.contains("At 64 users, vertx served the most requests per second"), summary);
        assertTrue(!summary.contains("floor served the most") && !summary.contains("for floor"), summary);
    }

    @Test
    void aFigureWithinTheFloorsNoiseIsMarked() {
        // undertow's hello p99 at 500 req/s, 172 ms, is within 20% of the floor's 157 ms.
        assertTrue(summary.contains("| undertow | 1 ok | 698 | 1,060 | 12 | 172 ≈ |"), summary);
        assertTrue(summary.contains(FloorNoise.NOTE), summary);
    }

    @Test
    void everyTrialThatWasNotWarmOrLateSaysSo() {
        assertTrue(summary.contains("| 6 s, not warm | not warm: trial 1"), summary);
        assertTrue(summary.contains("| netty | 1 ok | 798 | 482 | 138 ‼ | 613 ‼ | 809 ‼ |"), summary);
        assertTrue(html.contains("‼ missed its schedule: Gatling sent 398 of 500 req/s; the server completed 362 of "
                + "500 req/s"), "the reason, in the trial table");
        assertTrue(html.contains("not warm: the warm-up ran out after 6 s"));
    }

    @Test
    void theCpuByRoleIsAStackedBarPerImplementation() {
        Matcher chart = Pattern.compile("<title>Server CPU per request by thread role at the fixed rate, fanout10</title>"
                + "(.*?)</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(chart.find(), "the fan-out scenario's chart");
        String svg = chart.group(1);
        for (String bar : new String[] {"loom", "netty", "undertow", "vertx", "floor"}) {
            assertTrue(svg.contains(">" + bar + "</text>"), bar);
        }
        // A backendClient part for the two whose back-end client has threads of its own: undertow's fan-out pool and
        // the JDK HttpClient's selector in loom (as this run had it); the event loops make their calls themselves.
        assertEquals(2, count(svg, "fill=\"" + Charts.roleColour(ThreadRole.BACKEND_CLIENT) + "\""));
        assertEquals(5, count(svg, "fill=\"" + Charts.roleColour(ThreadRole.REQUEST) + "\""));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
