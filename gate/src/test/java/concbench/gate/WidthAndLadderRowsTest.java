package concbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Comparison.Row;
import concbench.formats.Ladder;
import concbench.formats.Latency;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.Profile;
import concbench.formats.RateSchedule;
import concbench.formats.RunResults;
import concbench.formats.Timeline;
import concbench.formats.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each fan-out width is a row of its own, each ladder step is compared with the same step, and a phase whose back
 * end's CPUs were saturated, or a step the server did not keep, is shown and never gated.
 */
class WidthAndLadderRowsTest {
    private static final int TRIALS = 3;
    private static final List<Integer> RATES = List.of(500, 1000);

    private static PhaseResult step(int rate, int number, double p99, boolean backendBound, boolean saturated) {
        PhaseStats stats = new PhaseStats("rate-" + rate, 10_000, 0, Map.of(), 0, 2000, rate,
                new Latency(10_000, p99 / 2, p99, p99 + number * 0.01, p99 * 2, p99 * 2),
                new Timeline(0, List.of(1000L), List.of(0L)));
        PhaseCost cost = new PhaseCost(0.5, 100 + number * 0.01, 1L << 27, 20, 0.95, true, 0.4, null, null,
                backendBound ? 0.95 : 0.5, backendBound);
        return new PhaseResult("rate-" + rate, "rate", 0, rate, stats, cost,
                new RateSchedule(rate, rate, rate, !saturated, saturated ? "the server completed less" : null,
                        saturated));
    }

    /** A fan-out trial at {@code width}: its two ladder steps, the second with the given p99. */
    private static TrialResult trial(int width, int number, double p99, boolean backendBound, boolean saturated) {
        return new TrialResult(2, "netty", TrialResult.FANOUT, number, Map.of(), Map.of(), TrialResult.OK, null, null,
                "2026-11-26T00:00:0" + number + "Z", "e", null, Map.of(),
                List.of(step(500, number, 30, false, false), step(1000, number, p99, backendBound, saturated)), null,
                null, width, new Ladder(RATES, saturated ? 1000 : null, saturated ? "why" : null));
    }

    private static RunResults run(double p99At10, double p99At100, boolean backendBound, boolean saturated) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 1; i <= TRIALS; i++) {
            trials.add(trial(10, i, p99At10, false, false));
            trials.add(trial(100, i, p99At100, backendBound, saturated));
        }
        return new RunResults(Path.of("synthetic"), Synthetic.manifest(Profile.QUICK, "cpu", TRIALS), trials);
    }

    @Test
    void eachWidthAndEachStepIsARowOfItsOwn() {
        Rows rows = RunComparison.compare(run(30, 30, false, false), run(30, 90, false, false), Thresholds.defaults());
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, row(rows, "fanout10", "rate-1000", "p99").verdict());
        assertEquals(Row.REGRESSION, row(rows, "fanout100", "rate-1000", "p99").verdict(), "only width 100 moved");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, row(rows, "fanout100", "rate-500", "p99").verdict(),
                "the step below it did not");
    }

    @Test
    void aBackEndBoundPhaseIsShownNeverGated() {
        Rows rows = RunComparison.compare(run(30, 30, false, false), run(30, 90, true, false), Thresholds.defaults());
        Row p99 = row(rows, "fanout100", "rate-1000", "p99");
        assertEquals(Row.NOT_GATED, p99.verdict());
        assertEquals(Row.BACKEND_BOUND, p99.notGatedReason());
        assertTrue(p99.note().contains("back-end-bound"), p99.note());
    }

    @Test
    void aStepTheServerDidNotKeepIsShownNeverGated() {
        Rows rows = RunComparison.compare(run(30, 30, false, false), run(30, 900, false, true), Thresholds.defaults());
        Row p99 = row(rows, "fanout100", "rate-1000", "p99");
        assertEquals(Row.NOT_GATED, p99.verdict(), "a growing queue's latency");
        assertEquals(Row.SATURATED, p99.notGatedReason());
    }

    private static Row row(Rows rows, String scenario, String phase, String metric) {
        return rows.rows().stream().filter(r -> r.scenario().equals(scenario) && r.phase().equals(phase)
                && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + scenario + " " + phase + " " + metric));
    }
}
