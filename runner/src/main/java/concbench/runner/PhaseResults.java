package concbench.runner;

import concbench.formats.CpuLayout;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.RateSchedule;
import concbench.gatling.names.PhaseName;
import concbench.runner.gatling.SimulationStats;
import java.util.List;

/** A trial's {@link PhaseResult}s: Gatling's numbers of each phase with what the phase cost the server. */
final class PhaseResults {
    private PhaseResults() {
    }

    /**
     * @param backendCpus the back end's CPU count when the phases called it, {@link PhaseCosts#NO_BACKEND} when not
     */
    static List<PhaseResult> of(SimulationStats simulation, List<ProcSampler.Sample> samples, CpuLayout layout,
            int backendCpus, boolean backendSharesGenerator) {
        return simulation.phases().values().stream().map(stats -> {
            PhaseName name = PhaseName.parse(stats.phase());
            PhaseCost cost = PhaseCosts.of(samples, stats.windowStartMs(), stats.windowEndMs(), stats.ok() + stats.ko(),
                    layout.server().size(), layout.loadGenerator().size(), backendCpus, backendSharesGenerator);
            boolean rate = name.kind() == PhaseName.Kind.RATE;
            return new PhaseResult(stats.phase(), name.kind().label(),
                    name.kind() == PhaseName.Kind.SWEEP ? name.value() : 0, rate ? name.value() : 0, stats, cost,
                    rate ? RateSchedule.of(name.value(), stats, cost) : null);
        }).toList();
    }
}
