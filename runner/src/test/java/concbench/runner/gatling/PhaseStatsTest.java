package concbench.runner.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import concbench.formats.Latency;
import concbench.formats.PhaseStats;
import concbench.formats.Timeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseStatsTest {
    private static final long T = 1_790_000_000_000L;

    @TempDir
    Path folder;

    @Test
    void countsOkAndKoAndTheErrorsMostFrequentFirst() {
        PhaseAccumulator phase = new PhaseAccumulator("sweep-4");
        phase.add(new RequestRecord("sweep-4", T, T + 1, true, ""));
        for (int i = 0; i < 3; i++) {
            phase.add(new RequestRecord("sweep-4", T, T + 2, false, "i/o timeout"));
        }
        for (int i = 0; i < 5; i++) {
            phase.add(new RequestRecord("sweep-4", T, T + 2, false, "status.find.is(200), but actually found 502"));
        }
        PhaseStats stats = phase.stats();

        assertEquals(1, stats.ok());
        assertEquals(8, stats.ko());
        assertEquals(List.of(Map.entry("status.find.is(200), but actually found 502", 5L), Map.entry("i/o timeout", 3L)),
                List.copyOf(stats.errors().entrySet()));
    }

    @Test
    void percentilesAreOverTheOkResponsesOnly() {
        PhaseAccumulator phase = new PhaseAccumulator("rate-500");
        for (int millis = 1; millis <= 1000; millis++) {
            phase.add(new RequestRecord("rate-500", T + millis, T + 2 * millis, true, ""));
        }
        // Failures far slower than any success: were they counted, p99.9 and the max would show them.
        for (int i = 0; i < 10; i++) {
            phase.add(new RequestRecord("rate-500", T, T + 60_000, false, "request timeout"));
        }
        Latency latency = phase.stats().latency();

        assertEquals(1000, latency.count());
        assertEquals(500.0, latency.p50Ms());
        assertEquals(900.0, latency.p90Ms());
        assertEquals(990.0, latency.p99Ms());
        assertEquals(999.0, latency.p999Ms());
        assertEquals(1000.0, latency.maxMs());
    }

    @Test
    void wholeMillisecondsAreKeptExactly() {
        LatencyHistogram histogram = new LatencyHistogram();
        long[] values = {0, 1, 8, 203, 2500, 32_767};
        for (long value : values) {
            histogram.recordMillis(value);
        }
        assertEquals(0.0, histogram.percentileMs(1));
        assertEquals(8.0, histogram.percentileMs(50));
        assertEquals(203.0, histogram.percentileMs(60));
        assertEquals(2500.0, histogram.percentileMs(80));
        assertEquals(32_767.0, histogram.maxMs());
        assertThrows(IllegalArgumentException.class, () -> histogram.recordMillis(-1));
    }

    @Test
    void theWindowRunsFromTheFirstStartToTheLastEndAndTheTimelineCountsEndsPerSecond() {
        PhaseAccumulator phase = new PhaseAccumulator("sweep-64");
        // Out of end order, as the log can be: an earlier end arrives after a later one.
        phase.add(new RequestRecord("sweep-64", T + 2000, T + 2100, true, ""));
        phase.add(new RequestRecord("sweep-64", T + 1000, T + 1010, true, ""));
        phase.add(new RequestRecord("sweep-64", T + 1500, T + 2600, true, ""));
        phase.add(new RequestRecord("sweep-64", T + 2500, T + 3000, false, "connection refused"));
        PhaseStats stats = phase.stats();

        assertEquals(T + 1000, stats.windowStartMs());
        assertEquals(T + 3000, stats.windowEndMs());
        assertEquals(2000, stats.windowMs());
        assertEquals(3 / 2.0, stats.throughput(), "OK requests per second of window");
        assertEquals(new Timeline(T + 1000, List.of(1L, 2L, 0L), List.of(0L, 0L, 1L)), stats.timeline());
    }

    @Test
    void aPhaseWithinOneMillisecondHasAOneMillisecondWindow() {
        PhaseAccumulator phase = new PhaseAccumulator("rate-1");
        phase.add(new RequestRecord("rate-1", T, T, true, ""));
        PhaseStats stats = phase.stats();
        assertEquals(1, stats.windowMs());
        assertEquals(1000.0, stats.throughput());
        assertEquals(new Timeline(T, List.of(1L), List.of(0L)), stats.timeline());
    }

    @Test
    void aPhaseTakesOnlyItsOwnRequests() {
        PhaseAccumulator phase = new PhaseAccumulator("sweep-4");
        assertThrows(IllegalArgumentException.class, () -> phase.add(new RequestRecord("sweep-40", T, T + 1, true, "")));
    }

    @Test
    void aLogGivesEveryPhaseInTheOrderTheyRanAndTheErrorsOutsideRequests() throws IOException {
        Path file = SyntheticLog.run("3.15.1", T, List.of("warmup", "sweep-1", "rate-10"))
                .request("warmup", T + 10, T + 20, true, "")
                .request("sweep-1", T + 30, T + 31, true, "")
                .request("warmup", T + 5, T + 25, true, "")
                .error("Failed to build request", T + 40)
                .request("rate-10", T + 50, T + 51, true, "")
                .writeTo(folder.resolve("simulation.log"));
        SimulationStats stats = SimulationStats.read(file);

        assertEquals(List.of("warmup", "sweep-1", "rate-10"), List.copyOf(stats.phases().keySet()));
        assertEquals(2, stats.phases().get("warmup").ok());
        assertEquals(T + 5, stats.phases().get("warmup").windowStartMs());
        assertEquals(Map.of("Failed to build request", 1L), stats.errorsOutsideRequests());
        assertEquals(T, stats.run().startMs());
    }
}
