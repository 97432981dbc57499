package concbench.runner.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concbench.formats.PhaseStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several load generators' logs merged into one run's phases ({@link SimulationStats#merge}). */
class SimulationMergeTest {
    private static final String VERSION = "3.15.1";
    private static final long START = 1_790_000_000_000L;
    private static final List<String> SCENARIOS = List.of("sweep-4");
    /** The second host's clock runs this far ahead of the runner's. */
    private static final long AHEAD_MS = 5_000;

    @TempDir
    Path folder;

    @Test
    void countsAddUpLatenciesMergeAndTheWindowSpansBothHostsOnTheRunnersClock() throws IOException {
        Path first = SyntheticLog.run(VERSION, START, SCENARIOS)
                .request("sweep-4", START + 1_000, START + 1_010, true, "")
                .request("sweep-4", START + 2_000, START + 2_010, true, "")
                .writeTo(folder.resolve("first.log"));
        // The same moments on a clock 5 s ahead, and one request a second later than the first host's last.
        Path second = SyntheticLog.run(VERSION, START + AHEAD_MS, SCENARIOS)
                .request("sweep-4", START + AHEAD_MS + 1_500, START + AHEAD_MS + 1_600, true, "")
                .request("sweep-4", START + AHEAD_MS + 3_000, START + AHEAD_MS + 3_100, false, "KO")
                .writeTo(folder.resolve("second.log"));

        SimulationStats merged = SimulationStats.merge(List.of(new SimulationStats.HostLog(first, 0),
                new SimulationStats.HostLog(second, AHEAD_MS)));

        PhaseStats sweep = merged.phases().get("sweep-4");
        assertEquals(3, sweep.ok());
        assertEquals(1, sweep.ko());
        assertEquals(START + 1_000, sweep.windowStartMs(), "the first host's first request opens the window");
        assertEquals(START + 3_100, sweep.windowEndMs(), "the second host's last answer, on the runner's clock");
        assertEquals(3, sweep.latency().count(), "one histogram of every host's successful responses");
        assertEquals(100, sweep.latency().maxMs(), 0.5);
        assertEquals(START, merged.run().startMs());
    }

    @Test
    void oneLogWithNoOffsetReadsAsItself() throws IOException {
        Path log = SyntheticLog.run(VERSION, START, SCENARIOS)
                .request("sweep-4", START + 10, START + 20, true, "")
                .writeTo(folder.resolve("simulation.log"));
        assertEquals(SimulationStats.read(log), SimulationStats.merge(List.of(new SimulationStats.HostLog(log, 0))));
    }
}
