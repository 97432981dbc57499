package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headline of the real smoke run in src/test/resources/smoke2 (two trials; one failed trial, see its README). */
class HeadlineTest {
    @TempDir
    static Path temp;
    static String html;
    static String summary;

    @BeforeAll
    static void writeReport() throws Exception {
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        html = Fixtures.html(dir);
        summary = Fixtures.summary(dir);
    }

    @Test
    void thePageOpensWithTheHeadlineTableBeforeAnyOtherSection() {
        int headline = html.indexOf("<table class=\"headline\">");
        assertTrue(headline > 0);
        assertEquals(headline, html.indexOf("<table"), "the first table");
        assertTrue(headline < html.indexOf("<section id=\"run\">"));
        assertTrue(headline < html.indexOf("<nav>"));
        assertTrue(html.indexOf("<h1>") < headline);
    }

    @Test
    void theSummaryOpensWithTheSameTable() {
        String[] lines = summary.split("\n");
        assertTrue(lines[0].startsWith("# "));
        assertEquals("| scenario | capacity (best sweep level) | p99 at a load every model sustained | "
                + "CPU per request at that load | memory (peak RSS) |", lines[2]);
        assertTrue(lines[4].startsWith("| **hello** |"), lines[4]);
        assertTrue(lines[5].startsWith("| **fanout10**<br>10 calls of 20 ms<br>1 failed trial(s) left out |"),
                lines[5]);
    }

    /** Figures checked against the fixture by hand: the means of the trials, the best level, the margins. */
    @Test
    void eachFigureNamesItsLeaderMarginAndTrust() {
        String fanout = summary.lines().filter(line -> line.startsWith("| **fanout10**")).findFirst().orElseThrow();
        assertTrue(fanout.contains("**netty** ≥2,126 req/s†<br>+88.3% over vertx (1,129 req/s)<br>"
                + "✓ beyond the trials' spread"), fanout);
        assertTrue(fanout.contains("**netty** 26.5 ms at 100 req/s<br>+17.0% over undertow (31 ms)<br>"
                + "one trial: spread unknown"), fanout);
        String hello = summary.lines().filter(line -> line.startsWith("| **hello**")).findFirst().orElseThrow();
        assertTrue(hello.contains("not established: the runner-up's figure is a lower bound"), hello);
        assertTrue(hello.contains("tie: within the trials' spread"), hello);
        assertTrue(html.contains("<span class=\"trust sure\">✓ beyond the trials&#39; spread</span>"));
    }

    @Test
    void timesReadAsPeopleWriteThem() {
        assertTrue(html.contains("UTC, took "), "the run's start and length");
        assertTrue(!html.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z.*"), "no ISO instant left");
    }
}
