package concbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import concbench.formats.Better;
import concbench.formats.Comparison.Row;
import concbench.formats.JmhResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From {@code jmh-base.json}, trimmed from real {@code ./bench jmh} output: four scores with JMH's intervals
 * (ops/time and time/op) and four from {@code --quick}, which has none. The head is the same file with chosen
 * scores moved.
 */
class JmhComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPAWN = "SpawnAndJoin.virtualThreadPerTask";
    private static final String MEMORY = "MemoryPerWaitingTask.virtualThread";

    @TempDir
    Path dir;

    private ArrayNode base;

    @BeforeEach
    void readFixture() throws Exception {
        base = (ArrayNode) JSON.readTree(getClass().getResourceAsStream("jmh-base.json"));
    }

    private Rows compareWith(ArrayNode head) throws Exception {
        Files.writeString(dir.resolve("base.json"), base.toString());
        Files.writeString(dir.resolve("head.json"), head.toString());
        return JmhComparison.compare(JmhResults.read(dir.resolve("base.json")),
                JmhResults.read(dir.resolve("head.json")), Thresholds.defaults());
    }

    /** Multiplies one score and its interval by {@code factor}. */
    private ArrayNode scaled(String benchmark, String mode, String tasks, double factor) {
        ArrayNode head = base.deepCopy();
        for (JsonNode result : head) {
            if (result.get("benchmark").asText().endsWith(benchmark) && result.get("mode").asText().equals(mode)
                    && result.path("params").path("tasks").asText("").equals(tasks)) {
                ObjectNode primary = (ObjectNode) result.get("primaryMetric");
                primary.put("score", primary.get("score").asDouble() * factor);
                ArrayNode confidence = (ArrayNode) primary.get("scoreConfidence");
                if (confidence.get(0).isNumber()) {
                    primary.putArray("scoreConfidence").add(confidence.get(0).asDouble() * factor)
                            .add(confidence.get(1).asDouble() * factor);
                }
            }
        }
        return head;
    }

    private static Row row(Rows rows, String benchmark, String phase, String unit) {
        return rows.rows().stream().filter(r -> r.implementation().equals(benchmark) && r.phase().equals(phase)
                && r.unit().equals(unit)).findFirst().orElseThrow(() -> new AssertionError(rows.rows().toString()));
    }

    @Test
    void scoresJmhsOwnOutput() throws Exception {
        Files.copy(getClass().getResourceAsStream("jmh-base.json"), dir.resolve("jmh.json"));
        JmhResults results = JmhResults.read(dir.resolve("jmh.json"));
        List<JmhScore> scores = JmhScore.of(results);
        assertEquals(11, scores.size(), "8 benchmarks, and the memory one's 3 footprints");
        JmhScore avgt = scores.get(2);
        assertEquals(SPAWN, avgt.benchmark());
        assertEquals("tasks=100", avgt.params());
        assertEquals("us/op", avgt.unit());
        assertEquals(75.578, avgt.side().mean(), 0.001);
        assertEquals(43.358, avgt.side().low(), 0.001);
        assertTrue(avgt.hasInterval());
        assertEquals("NettyHelloHotPath.getHello", scores.get(1).benchmark());
        assertEquals("", scores.get(1).params());
        assertTrue(!scores.get(4).hasInterval(), "--quick writes NaN");
        assertEquals("25.0.3+9-LTS", results.jdk());
    }

    @Test
    void aScoreJmhCouldNotGiveIsListedNotCompared() throws Exception {
        ArrayNode head = base.deepCopy();
        ((ObjectNode) head.get(0).get("primaryMetric")).put("score", "NaN");
        Rows rows = compareWith(head);
        assertEquals(10, rows.rows().size());
        assertEquals(List.of("jmh " + SPAWN + " tasks=100 (thrpt): JMH wrote no score (NaN) in the head run"),
                rows.notCompared());
    }

    @Test
    void theSameResultsAreNoChange() throws Exception {
        Rows rows = compareWith(base.deepCopy());
        assertEquals(11, rows.rows().size());
        assertTrue(rows.rows().stream().filter(r -> !r.implementation().equals(MEMORY))
                .allMatch(r -> r.verdict().equals(Row.NO_SIGNIFICANT_CHANGE)), rows.rows().toString());
        assertTrue(rows.rows().stream().allMatch(r -> r.scenario().equals("jmh") && r.metric().equals("score")));
    }

    @Test
    void moreTimePerOperationBeyondTheIntervalIsARegression() throws Exception {
        Row slower = row(compareWith(scaled(SPAWN, "avgt", "100", 3)), SPAWN, "tasks=100", "us/op");
        assertEquals(Better.LOWER, slower.better());
        assertEquals(Row.REGRESSION, slower.verdict());
        assertEquals(200, slower.changePercent(), 1e-9);
        assertEquals(Row.STRONG, slower.evidence());
        Row faster = row(compareWith(scaled(SPAWN, "avgt", "100", 1 / 3.0)), SPAWN, "tasks=100", "us/op");
        assertEquals(Row.IMPROVEMENT, faster.verdict());
    }

    @Test
    void fewerOperationsPerTimeIsARegressionAndMoreAnImprovement() throws Exception {
        Row fewer = row(compareWith(scaled(SPAWN, "thrpt", "100", 0.01)), SPAWN, "tasks=100", "ops/us");
        assertEquals(Better.HIGHER, fewer.better());
        assertEquals(Row.REGRESSION, fewer.verdict());
        Row more = row(compareWith(scaled(SPAWN, "thrpt", "100", 100)), SPAWN, "tasks=100", "ops/us");
        assertEquals(Row.IMPROVEMENT, more.verdict());
    }

    @Test
    void aChangeInsideOverlappingIntervalsIsNot() throws Exception {
        // getHello's interval is [-2193, 10366] ns/op around 4087: 30% slower still overlaps.
        String benchmark = "NettyHelloHotPath.getHello";
        Row hello = row(compareWith(scaled(benchmark, "avgt", "", 1.3)), benchmark, "", "ns/op");
        assertEquals(30, hello.changePercent(), 1e-9);
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, hello.verdict());
    }

    @Test
    void withoutIntervalsTheThresholdAloneDecidesOnWeakEvidence() throws Exception {
        Row quick = row(compareWith(scaled(SPAWN, "avgt", "1000", 1.2)), SPAWN, "tasks=1000", "us/op");
        assertEquals(Row.REGRESSION, quick.verdict());
        assertEquals(Row.WEAK, quick.evidence());
        assertTrue(quick.note().contains("no error interval"), quick.note());
        Row small = row(compareWith(scaled(SPAWN, "avgt", "1000", 1.05)), SPAWN, "tasks=1000", "us/op");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, small.verdict());
    }

    @Test
    void whatOnlyOneSideRanIsListed() throws Exception {
        ArrayNode head = base.deepCopy();
        head.remove(0);
        Rows rows = compareWith(head);
        assertEquals(10, rows.rows().size());
        assertEquals(1, rows.notCompared().size());
        assertTrue(rows.notCompared().getFirst().contains(SPAWN + " tasks=100 (thrpt): measured in the base run only"),
                rows.notCompared().toString());
    }

    @Test
    void aFootprintIsJudgedLowerIsBetterAndTheTimeOfMeasuringItNever() throws Exception {
        ArrayNode head = base.deepCopy();
        ObjectNode memory = (ObjectNode) head.get(7);
        ObjectNode heap = (ObjectNode) memory.get("secondaryMetrics").get("heapBytes");
        heap.put("score", heap.get("score").asDouble() * 2);
        ObjectNode primary = (ObjectNode) memory.get("primaryMetric");
        primary.put("score", primary.get("score").asDouble() * 5);
        Rows rows = compareWith(head);

        Row bytes = row(rows, MEMORY + ":heapBytes", "waitingTasks=1000", "B/task");
        assertEquals(Better.LOWER, bytes.better());
        assertEquals(100, bytes.changePercent(), 1e-9);
        assertEquals(Row.REGRESSION, bytes.verdict(), "twice the bytes per waiting task");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE,
                row(rows, MEMORY + ":rssBytes", "waitingTasks=1000", "B/task").verdict());
        Row timing = row(rows, MEMORY, "waitingTasks=1000", "ms/op");
        assertEquals(Row.NOT_GATED, timing.verdict(), "5 times slower, but it only times the measuring");
        assertTrue(timing.note().contains("its B/ results are judged instead"), timing.note());
    }
}
