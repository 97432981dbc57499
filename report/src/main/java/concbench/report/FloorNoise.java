package concbench.report;

import concbench.formats.PhaseResult;
import concbench.formats.TrialResult;
import concbench.report.RunView.Measured;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The measurement floor of a scenario: the back end itself measured through the same phases on the server's CPUs
 * ({@value TrialResult#FLOOR}), the best this machine, its CPU layout and this generator can measure. A server's
 * figure within the floor's noise measured the setup as much as the server, and says so: a throughput within
 * {@value #THROUGHPUT_NOISE} of the floor's at the same level, a p99 within {@value #P99_NOISE} of the floor's.
 */
final class FloorNoise {
    static final String MARK = "≈";
    static final double THROUGHPUT_NOISE = 0.10;
    static final double P99_NOISE = 0.20;
    static final String NOTE = Texts.paragraph(FloorNoise.class, "floor-noise-note", Map.of("mark", MARK,
            "throughput", Fmt.percent(THROUGHPUT_NOISE), "p99", Fmt.percent(P99_NOISE)));

    private final RunView view;
    private final String scenario;

    FloorNoise(RunView view, String scenario) {
        this.view = view;
        this.scenario = scenario;
    }

    /** Whether the server's mean throughput at {@code users} is within the noise of the floor's. */
    boolean throughput(String implementation, int users) {
        return near(view.sweep(implementation, scenario, users), view.sweep(TrialResult.FLOOR, scenario, users),
                p -> p.stats().throughput(), THROUGHPUT_NOISE, implementation);
    }

    /** Whether the server's mean p99 at the fixed rate is within the noise of the floor's. */
    boolean p99(String implementation) {
        return near(view.rate(implementation, scenario), view.rate(TrialResult.FLOOR, scenario),
                p -> p.stats().latency().p99Ms(), P99_NOISE, implementation);
    }

    private static boolean near(List<Measured> server, List<Measured> floor,
            ToDoubleFunction<PhaseResult> figure, double noise,
            String implementation) {
        if (TrialResult.FLOOR.equals(implementation) || server.isEmpty() || floor.isEmpty()) {
            return false;
        }
        double floorMean = RunView.mean(floor, figure);
        return Math.abs(RunView.mean(server, figure) - floorMean) <= noise * Math.abs(floorMean);
    }
}
