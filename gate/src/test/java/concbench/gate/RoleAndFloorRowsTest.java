package concbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Comparison.Row;
import concbench.formats.Latency;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.Profile;
import concbench.formats.RunResults;
import concbench.formats.ThreadRole;
import concbench.formats.Timeline;
import concbench.formats.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thread roles' CPU per request and the floor's figures are shown beside the gated rows, never gated. */
class RoleAndFloorRowsTest {
    private static final int TRIALS = 3;

    private static TrialResult trial(String implementation, int number, double compilerMicros, double p99) {
        Map<String, Double> roles = new LinkedHashMap<>();
        for (ThreadRole role : ThreadRole.values()) {
            roles.put(role.key(), role == ThreadRole.COMPILER ? compilerMicros : 10.0 + number * 0.01);
        }
        double total = roles.values().stream().mapToDouble(Double::doubleValue).sum();
        PhaseStats stats = new PhaseStats("rate-500", 1000, 0, Map.of(), 0, 2000, 500,
                new Latency(1000, p99 / 2, p99, p99 + number * 0.01, p99 * 2, p99 * 2),
                new Timeline(0, List.of(1000L), List.of(0L)));
        PhaseCost cost = new PhaseCost(0.5, total, 1L << 27, 20, 0.5, false, 0.4, roles, null);
        return new TrialResult(2, implementation, "hello", number, Map.of(), Map.of(), TrialResult.OK, null, null,
                "2026-11-26T00:00:0" + number + "Z", "e", null, Map.of(),
                List.of(new PhaseResult("rate-500", "rate", 0, 500, stats, cost)), null, null);
    }

    private static RunResults run(double compilerMicros, double floorP99) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 1; i <= TRIALS; i++) {
            trials.add(trial("netty", i, compilerMicros, 10));
            trials.add(trial(TrialResult.FLOOR, i, 1, floorP99));
        }
        return new RunResults(Path.of("synthetic"), Synthetic.manifest(Profile.SMOKE, "cpu", TRIALS), trials);
    }

    @Test
    void aRoleThatMovedIsShownButOnlyTheTotalGates() {
        Rows rows = RunComparison.compare(run(1, 5), run(100, 5), Thresholds.defaults());
        Row compiler = row(rows, "netty", "cpuPerRequest.compiler");
        assertEquals(Row.NOT_GATED, compiler.verdict());
        assertTrue(compiler.note().contains("thread role"), compiler.note());
        assertEquals(Row.REGRESSION, row(rows, "netty", "cpuPerRequest").verdict(), "the total gates");
        for (ThreadRole role : ThreadRole.values()) {
            row(rows, "netty", "cpuPerRequest." + role.key());
        }
    }

    @Test
    void theFloorIsShownButNeverGated() {
        Rows rows = RunComparison.compare(run(1, 5), run(1, 50), Thresholds.defaults());
        Row p99 = row(rows, TrialResult.FLOOR, "p99");
        assertEquals(Row.NOT_GATED, p99.verdict(), "a tenfold p99 of the floor is the machine's, not a server's");
        assertTrue(p99.note().contains("the floor"), p99.note());
        assertTrue(rows.rows().stream().filter(r -> r.implementation().equals(TrialResult.FLOOR))
                .allMatch(r -> r.verdict().equals(Row.NOT_GATED)));
    }

    private static Row row(Rows rows, String implementation, String metric) {
        return rows.rows().stream().filter(r -> r.implementation().equals(implementation) && r.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + implementation + " " + metric));
    }
}
