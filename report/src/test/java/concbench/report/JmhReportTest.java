package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jmh.json (real, trimmed: src/test/resources/jmh) as one table per benchmark class. */
class JmhReportTest {
    @TempDir
    Path temp;

    @Test
    void tablePerClassWithScoreErrorUnitAndSecondaryResults() throws Exception {
        Path dir = Fixtures.copy("jmh", temp.resolve("jmh"));
        String html = Fixtures.html(dir);
        assertTrue(html.contains("12 results of 5 benchmark classes, JDK 25.0.3 (OpenJDK 64-Bit Server VM)"));
        for (String benchmarkClass : new String[] {"BlockingFanout", "HandOff", "SpawnAndJoin", "MemoryPerWaitingTask",
                "NettyHelloHotPath"}) {
            assertTrue(html.contains("<h3>" + benchmarkClass + "</h3>"), benchmarkClass);
        }
        // score 393.7640152691441 us/op, no error in a --quick run
        assertTrue(html.contains("<tr><td>virtualThreadPerTask</td><td>tasks=1000</td><td>avgt</td><td>394</td>"
                + "<td>–</td><td>us/op</td>"));
        // score 14033.919682738402 ± 153465.08314057204 ns/op, no parameters
        assertTrue(html.contains("<tr><td>getHello</td><td></td><td>avgt</td><td>14,034</td><td>153,465</td>"
                + "<td>ns/op</td>"));
        // the footprint profiler's secondary results of the virtual thread
        assertTrue(html.contains("<td>virtualThread</td><td>waitingTasks=1000</td><td>ss</td><td>29.4</td>"
                + "<td>–</td><td>ms/op</td><td>heapBytes 2,016 B/task; nativeBytes 87.6 B/task; rssBytes 24.6 B/task"
                + "</td>"));
        assertTrue(html.contains("99.9% confidence interval"));

        String summary = Fixtures.summary(dir);
        assertTrue(summary.contains("### MemoryPerWaitingTask"));
        assertTrue(summary.contains("| platformThread | waitingTasks=1000 | ss | 201 | – | ms/op | heapBytes 201 "
                + "B/task; nativeBytes 28,984 B/task; rssBytes 7,293 B/task |"));
        assertFalse(summary.contains("## Verdicts"), "no run in this folder");
        String lead = "12 results of 5 benchmark classes";
        assertEquals(1, summary.split(lead, -1).length - 1, "the JMH lead once, not again under the title");
        assertEquals(1, html.split(lead, -1).length - 1, "the JMH lead once, not again under the title");
        assertTrue(summary.contains("JMH results read from " + dir + "."));
    }
}
