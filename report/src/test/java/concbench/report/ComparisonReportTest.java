package concbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Comparison;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare.json (the hand-written fixture of BRIEF's contract) as the "Comparison with BASE" section. */
class ComparisonReportTest {
    @TempDir
    Path temp;

    @Test
    void showsEveryRowWithItsVerdictAndMarksRegressionsAndImprovements() throws Exception {
        Path dir = Fixtures.copy("compare", temp.resolve("head"));
        String html = Fixtures.html(dir);
        assertTrue(html.contains("<h2>Comparison with results/base-run</h2>"));
        assertTrue(html.contains("2 regression(s) and 1 improvement(s) in 5 compared figures"));
        assertTrue(html.contains("commit 3304380aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, profile smoke"));
        assertTrue(html.contains("CPU model differs: Intel(R) Xeon(R) Processor &lt;base&gt; against AMD EPYC &lt;head&gt;"));
        assertTrue(html.contains("Welch&#39;s t-test over the trials"));
        assertTrue(html.contains("<tr class=\"regression\"><td>netty</td><td>hello</td><td>sweep-64</td>"
                + "<td>throughput (req/s, higher is better)</td><td>14,195 [13,901, 14,490]: 14,290, 14,100</td>"
                + "<td>11,000 [10,950, 11,050]: 11,020, 10,980</td><td>-22.5%</td><td>5%</td><td>0.0031</td>"
                + "<td>0.0062</td><td>strong</td><td>regression</td>"));
        assertTrue(html.contains("<tr class=\"improvement\"><td>loom</td><td>fanout</td><td>rate-100</td>"));
        assertTrue(html.contains("<td>not gated: generator-bound</td><td>generator-bound: shown, never gates</td>"));
        assertTrue(html.contains("<td>0.375 [0.25, 0.5]: 0.5, 0.25</td><td>from 0</td><td>0%</td>"),
                "a rise from 0 has no percentage");
        assertTrue(html.contains("<td>SpawnAndJoin.virtualThreadPerTask</td><td>jmh</td><td>tasks=1000</td>"));

        String summary = Fixtures.summary(dir);
        assertTrue(summary.contains("## Comparison with results/base-run"));
        assertTrue(summary.contains("| **netty** | **hello** | **sweep-64** |"), "the regression, in bold");
        assertTrue(summary.contains("| loom | fanout | rate-100 |"), "the improvement");
        assertFalse(summary.contains("SpawnAndJoin"), "unflagged rows are in the page only");
        assertTrue(summary.contains("> Environment: CPU model differs"));
    }
}
