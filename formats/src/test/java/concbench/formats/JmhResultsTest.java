package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.RunResults.UnusableResultsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jmh.json as JMH writes it ({@code -rf json}), and each way it can be unusable. */
class JmhResultsTest {
    /** One result as JMH 1.37 writes it, parameters in the order they were declared, not by name. */
    private static final String RESULT = """
            {
              "benchmark" : "concbench.jmh.SpawnAndJoin.virtualThreadPerTask",
              "mode" : "avgt", "threads" : 1, "forks" : 2, "jvm" : "/usr/bin/java", "jvmArgs" : [ "-Xmx1g" ],
              "jdkVersion" : "25.0.3", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "25.0.3+9-LTS",
              "warmupIterations" : 3, "warmupTime" : "1 s", "measurementIterations" : 2, "measurementTime" : "1 s",
              "params" : { "tasks" : "1000", "mode" : "x" },
              "primaryMetric" : {
                "score" : %s, "scoreError" : 4.0, "scoreConfidence" : [ 96.0, 104.0 ],
                "scoreUnit" : "us/op", "rawData" : [ [ 99.0, 101.0 ], [ 98.0, 102.0 ] ]
              },
              "secondaryMetrics" : {
                "heapBytes" : { "score" : 2016.0, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                                "scoreUnit" : "B/task", "rawData" : [ [ 2016.0 ] ] }
              }
            }
            """;

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path file = dir.resolve(JmhResults.FILE);
        Files.writeString(file, content);
        return file;
    }

    private String unusable(String content) {
        return assertThrows(UnusableResultsException.class, () -> JmhResults.read(file(content))).getMessage();
    }

    @Test
    void readsAResultWithItsIntervalForksAndSecondaryResults() throws Exception {
        JmhResults results = JmhResults.read(file("[" + RESULT.formatted("100.0") + "]"));
        JmhResults.Benchmark run = results.runs().getFirst();
        assertEquals("SpawnAndJoin", run.className());
        assertEquals("virtualThreadPerTask", run.method());
        assertEquals("SpawnAndJoin.virtualThreadPerTask", run.shortName());
        assertEquals(100.0, run.primary().score());
        assertEquals(96.0, run.primary().low());
        assertTrue(run.primary().hasInterval());
        assertEquals(List.of(100.0, 100.0), run.primary().forkMeans());
        assertEquals(List.of("-Xmx1g"), run.jvmArgs());
        assertEquals("25.0.3+9-LTS", results.jdk());
        assertEquals("2 fork(s), 3 x 1 s warm-up, 2 x 1 s measured", results.settings());
    }

    @Test
    void parametersAreInNameOrderEverywhere() throws Exception {
        JmhResults.Benchmark run = JmhResults.read(file("[" + RESULT.formatted("100.0") + "]")).runs().getFirst();
        assertEquals(List.of("mode", "tasks"), List.copyOf(run.params().keySet()));
        assertEquals("mode=x, tasks=1000", run.paramsText());
    }

    @Test
    void theTextNaNIsJmhsNotANumberWhereverANumberBelongs() throws Exception {
        JmhResults.Benchmark run = JmhResults.read(file("[" + RESULT.formatted("\"NaN\"") + "]")).runs().getFirst();
        assertTrue(Double.isNaN(run.primary().score()), "a score JMH could not give");
        JmhResults.Metric heap = run.secondary().get("heapBytes");
        assertTrue(Double.isNaN(heap.error()));
        assertFalse(heap.hasInterval(), "--quick: too few iterations for an interval");
        assertEquals(2016.0, heap.score());
    }

    @Test
    void otherTextWhereANumberBelongsIsUnusable() {
        String message = unusable("[" + RESULT.formatted("\"fast\"") + "]");
        assertTrue(message.contains("is not JMH's JSON output (./bench jmh writes it): "
                + "concbench.jmh.SpawnAndJoin.virtualThreadPerTask score is \"fast\", not a number"), message);
    }

    @Test
    void anEmptyFileAnEmptyListAndOtherJsonEachSayWhatTheyAre() {
        assertTrue(unusable("").endsWith("jmh.json is empty"), unusable(""));
        assertTrue(unusable("[]").endsWith("jmh.json holds no benchmark result"), unusable("[]"));
        assertTrue(unusable("{}").endsWith("is not JMH's JSON output (./bench jmh writes it): expected a list of "
                + "benchmark results"), unusable("{}"));
        assertTrue(unusable("[ {\"benchmark\": \"x\"} ]").endsWith("an entry has no benchmark name or primaryMetric"));
        assertTrue(unusable("[ 1, ").contains("jmh.json is not valid JSON"), unusable("[ 1, "));
    }
}
