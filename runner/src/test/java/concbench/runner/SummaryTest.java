package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Ladder;
import concbench.formats.Latency;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.Timeline;
import concbench.formats.TrialResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static PhaseResult phase(String name, String kind, int users, int rate, long ko, double throughput,
            boolean generatorBound) {
        PhaseStats stats = new PhaseStats(name, 1000, ko, Map.of(), 0, 1000, throughput,
                new Latency(1000, 0, 1, 2, 5, 9), new Timeline(0, List.of(1000L), List.of(ko)));
        PhaseCost cost = new PhaseCost(0.5, 12.5, 64L * 1024 * 1024, 21, generatorBound ? 0.95 : 0.5, generatorBound);
        return new PhaseResult(name, kind, users, rate, stats, cost);
    }

    private static TrialResult trial(String implementation, List<PhaseResult> phases) {
        return new TrialResult(2, implementation, "hello", 1, Map.of(), Map.of(), TrialResult.OK, null, null, "a", "b",
                "r", Map.of(), phases, null, null);
    }

    @Test
    void reportsTheBestSweepLevelAndMarksAGeneratorBoundOne() {
        TrialResult result = trial("netty", List.of(
                phase("warmup", "warmup", 0, 0, 7, 99_999, false),
                phase("sweep-16", "sweep", 16, 0, 0, 30_000, false),
                phase("sweep-64", "sweep", 64, 0, 0, 50_000, true),
                phase("rate-500", "rate", 0, 500, 0, 500, false)));
        assertEquals(64, Summary.bestSweep(result).orElseThrow().users());
        assertEquals(0, Summary.koCount(result), "the warm-up's failures do not count");
        String table = Summary.table(List.of(result));
        assertTrue(table.contains("50,000 (64)*"), table);
        assertTrue(table.contains("the load generator's CPUs were saturated"), table);
        assertEquals("done, best 50,000 req/s at 64 users (load generator bound), at 500 req/s p50 <1 ms p99 2 ms",
                Summary.outcome(result));
    }

    @Test
    void showsHowFarUpTheLadderTheServerKeptUp() {
        List<PhaseResult> steps = List.of(phase("rate-500", "rate", 0, 500, 0, 500, false));
        TrialResult saturated = new TrialResult(2, "undertow", "fanout", 1, Map.of(), Map.of(), TrialResult.OK, null,
                null, "a", "b", "r", Map.of(), steps, null, null, 100,
                new Ladder(List.of(500, 1000, 2000), 2000, "the server completed 1200 of 2000 req/s"));
        assertEquals("1,000 / not 2,000", Summary.ladder(saturated));
        assertTrue(Summary.outcome(saturated).contains(
                ", ladder kept 1,000 / not 2,000 req/s (the server completed 1200 of 2000 req/s)"),
                Summary.outcome(saturated));
        String table = Summary.table(List.of(saturated));
        assertTrue(table.contains("fanout100"), "the row names the width: " + table);
        TrialResult kept = new TrialResult(2, "netty", "fanout", 1, Map.of(), Map.of(), TrialResult.OK, null, null,
                "a", "b", "r", Map.of(), steps, null, null, 100, new Ladder(List.of(500, 1000), null, null));
        assertEquals("all to 1,000", Summary.ladder(kept));
        TrialResult firstNotKept = new TrialResult(2, "loom", "fanout", 1, Map.of(), Map.of(), TrialResult.OK, null,
                null, "a", "b", "r", Map.of(), steps, null, null, 100, new Ladder(List.of(500, 1000), 500, "why"));
        assertEquals("none / not 500", Summary.ladder(firstNotKept));
    }

    @Test
    void aFailedTrialShowsItsReason() {
        TrialResult failed = new TrialResult(2, "vertx", "fanout", 2, Map.of(), Map.of(), TrialResult.FAILED,
                "it broke", "tail", "a", "b", null, Map.of(), List.of(), null, null);
        assertEquals("FAILED: it broke", Summary.outcome(failed));
        assertTrue(Summary.table(List.of(failed)).contains("FAILED: it broke"));
    }

    @Test
    void countsFailedRequestsOfMeasuredPhases() {
        TrialResult result = trial("loom", List.of(phase("sweep-16", "sweep", 16, 0, 3, 10, false),
                phase("rate-500", "rate", 0, 500, 2, 500, false)));
        assertEquals(5, Summary.koCount(result));
        assertTrue(Summary.outcome(result).endsWith(", 5 failed requests"), Summary.outcome(result));
    }

    @Test
    void countsTheLoadGeneratorsOwnFailuresApartFromTheServers() {
        PhaseResult step = phase("rate-20000", "rate", 0, 20_000, 0, 4_000, false);
        PhaseStats failing = new PhaseStats("rate-20000", 48_792, 11_210, Map.of(
                "i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files",
                11_208L, "status.find.is(200), but actually found 500", 2L), 0, 1000, 4_000,
                step.stats().latency(), step.stats().timeline());
        TrialResult result = trial("netty", List.of(new PhaseResult("rate-20000", "rate", 0, 20_000, failing,
                step.cost())));
        assertEquals(2, Summary.koCount(result), "the server failed 2; the load generator the rest");
        assertEquals(11_208, Summary.generatorErrors(result));
        assertTrue(Summary.outcome(result).endsWith(", 2 failed requests, 11,208 requests failed by the load "
                + "generator itself (not the server's)"), Summary.outcome(result));
        String table = Summary.table(List.of(result));
        assertTrue(table.contains("ok, 2 failed requests, 11,208 requests failed by the load generator"), table);
    }

    /** A variant's long name widens the server column rather than pushing its row out of line. */
    @Test
    void aLongNameKeepsTheColumnsInLine() {
        String[] lines = Summary.table(List.of(trial("loom:client=jdk", List.of()), trial("netty", List.of())))
                .split("\n");
        int trialEnd = lines[0].indexOf("trial") + "trial".length();
        assertEquals(trialEnd, lines[1].indexOf(" 1 ") + " 1".length(), String.join("\n", lines));
        assertEquals(trialEnd, lines[2].indexOf(" 1 ") + " 1".length(), String.join("\n", lines));
    }
}
