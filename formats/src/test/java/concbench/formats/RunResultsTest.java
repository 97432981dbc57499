package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsTest {
    @TempDir
    Path dir;

    private static RunManifest manifest(String status) {
        Environment environment = new Environment("h", "cpu", 2, 1L << 30, "k", "25", "v", Map.of("netty", "4"), "abc");
        return new RunManifest(2, status, "2026-11-26T00:00:00Z", null, environment, Profile.SMOKE,
                List.of("netty"), List.of("hello"), List.of(10), 20,
                new CpuLayout(CpuSet.parse("0"), CpuSet.parse("1-3"), CpuSet.parse("1-3")), true, List.of(),
                List.of("-Xmx1g"), List.of(), 0);
    }

    private static TrialResult trial(int number, String startedAt) {
        PhaseStats stats = new PhaseStats("sweep-16", 100, 1, Map.of("status 500", 1L), 1000, 2000, 100,
                new Latency(100, 1, 2, 3, 4, 5), new Timeline(1000, List.of(100L), List.of(1L)));
        PhaseResult phase = new PhaseResult("sweep-16", "sweep", 16, 0, stats,
                new PhaseCost(0.5, 10, 1L << 20, 20, 0.95, true));
        return new TrialResult(2, "netty", "hello", number, Map.of(), Map.of(), TrialResult.OK, null, null, startedAt,
                "e", "g", Map.of(), List.of(phase), null, null);
    }

    @Test
    void readsBackWhatTheRunnerWroteEvenTrialsRunJsonDoesNotList() throws Exception {
        RunManifest written = manifest(RunManifest.RUNNING);
        ResultFiles.write(dir.resolve("run.json"), written);
        ResultFiles.write(dir.resolve("netty-hello-2.json"), trial(2, "2026-11-26T00:00:02Z"));
        ResultFiles.write(dir.resolve("netty-hello-1.json"), trial(1, "2026-11-26T00:00:01Z"));
        Files.writeString(dir.resolve("compare.json"), "{}");

        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"loadGenerator\" : \"1-3\""),
                "CPU sets are written in taskset's list form, as results/README.md says");
        RunResults results = RunResults.read(dir);
        assertEquals(written, results.manifest());
        assertEquals(List.of(trial(1, "2026-11-26T00:00:01Z"), trial(2, "2026-11-26T00:00:02Z")), results.trials());
        assertTrue(results.trials().getFirst().phases().getFirst().generatorBound());
        assertEquals(2, results.trials("netty", "hello").size());
        assertEquals(0, results.trials("netty", "fanout").size());
    }

    @Test
    void aFanoutTrialIsARowPerWidthAndOneWithoutAWidthRanTen() throws Exception {
        ResultFiles.write(dir.resolve("run.json"), manifest(RunManifest.COMPLETE));
        TrialResult wide = new TrialResult(2, "netty", "fanout", 1, Map.of(), Map.of(), TrialResult.OK, null, null,
                "s", "e", "g", Map.of(), List.of(), null, null, 100, new Ladder(List.of(50, 100), 100, "why"));
        assertEquals("netty-fanout100-1.json", wide.fileName());
        ResultFiles.write(dir.resolve(wide.fileName()), wide);
        // A fan-out trial of a run before widths: no fanoutCalls, its file named after the scenario alone.
        Files.writeString(dir.resolve("netty-fanout-1.json"), """
                {"formatVersion": 2, "implementation": "netty", "scenario": "fanout", "trial": 1, "status": "ok",
                 "phases": []}""");
        RunResults results = RunResults.read(dir);
        assertEquals(100, results.trials("netty", "fanout100").getFirst().width());
        assertEquals(wide.ladder(), results.trials("netty", "fanout100").getFirst().ladder());
        TrialResult old = results.trials("netty", "fanout10").getFirst();
        assertEquals(10, old.width());
        assertEquals("fanout10", old.scenarioKey());
        assertEquals("hello", trial(1, "s").scenarioKey());
    }

    @Test
    void aRunBeforeWidthsReadsItsOneFanoutWidthAsAList() throws Exception {
        ResultFiles.write(dir.resolve("run.json"), manifest(RunManifest.COMPLETE));
        String written = Files.readString(dir.resolve("run.json"));
        Files.writeString(dir.resolve("run.json"), written.replaceFirst("\"fanoutCalls\" : \\[ 10 \\]",
                "\"fanoutCalls\" : 10"));
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"fanoutCalls\" : 10,"));
        assertEquals(List.of(10), RunResults.read(dir).manifest().fanoutCalls());
    }

    @Test
    void saysWhyAFolderIsUnusable() throws Exception {
        String notARun = assertThrows(RunResults.UnusableResultsException.class, () -> RunResults.read(dir)).getMessage();
        assertTrue(notARun.contains("has no run.json"), notARun);

        Files.writeString(dir.resolve("run.json"), "{\"formatVersion\": 3}");
        String version = assertThrows(RunResults.UnusableResultsException.class, () -> RunResults.read(dir)).getMessage();
        assertTrue(version.contains("format version 3, this suite reads versions 1 to 2"), version);

        Files.writeString(dir.resolve("run.json"), "{\"formatVersion\": 1, ");
        String broken = assertThrows(RunResults.UnusableResultsException.class, () -> RunResults.read(dir)).getMessage();
        assertTrue(broken.contains("is not a results file"), broken);

        String missing = assertThrows(RunResults.UnusableResultsException.class,
                () -> RunResults.read(dir.resolve("nope"))).getMessage();
        assertTrue(missing.contains("is not a folder"), missing);
    }
}
