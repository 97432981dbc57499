package concbench.runner;

import concbench.formats.CpuLayout;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.RateSchedule;
import concbench.runner.gatling.PhaseName;
import concbench.runner.gatling.SimulationStats;
import java.util.List;
import java.util.Locale;

/** A trial's {@link PhaseResult}s: Gatling's numbers of each phase with what the phase cost the server. */
final class PhaseResults {
    private PhaseResults() {
    }

    static List<PhaseResult> of(SimulationStats simulation, List<ProcSampler.Sample> samples, CpuLayout layout,
            boolean backendSharesGenerator) {
        return simulation.phases().values().stream().map(stats -> {
            PhaseName name = PhaseName.parse(stats.phase());
            PhaseCost cost = PhaseCosts.of(samples, stats.windowStartMs(), stats.windowEndMs(), stats.ok() + stats.ko(),
                    layout.server().size(), layout.loadGenerator().size(), backendSharesGenerator);
            boolean rate = name.kind() == PhaseName.Kind.RATE;
            return new PhaseResult(stats.phase(), name.kind().name().toLowerCase(Locale.ROOT),
                    name.kind() == PhaseName.Kind.SWEEP ? name.value() : 0, rate ? name.value() : 0, stats, cost,
                    rate ? RateSchedule.of(name.value(), stats, cost) : null);
        }).toList();
    }
}
