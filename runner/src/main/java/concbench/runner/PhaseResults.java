package concbench.runner;

import concbench.formats.CpuLayout;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.RateSchedule;
import concbench.gatling.names.PhaseName;
import concbench.runner.gatling.SimulationStats;
import java.util.List;
import java.util.function.Function;

/** A trial's {@link PhaseResult}s: Gatling's numbers of each phase with what the phase cost the server. */
final class PhaseResults {
    private PhaseResults() {
    }

    /**
     * @param backendCpus the back end's CPU count when the phases called it, {@link PhaseCosts#NO_BACKEND} when not
     */
    static List<PhaseResult> of(SimulationStats simulation, List<ProcSampler.Sample> samples, CpuLayout layout,
            int backendCpus, boolean backendSharesGenerator) {
        return of(simulation, stats -> PhaseCosts.of(samples, stats.windowStartMs(), stats.windowEndMs(),
                stats.ok() + stats.ko(), layout.server().size(), layout.loadGenerator().size(), backendCpus,
                backendSharesGenerator));
    }

    /**
     * A host's samples of the process it runs (a load generator host's Gatling, the back end host's back end), on the
     * runner's clock, and the CPUs the process had there.
     */
    record HostSamples(List<ProcSampler.Sample> samples, int cpus) {
    }

    /**
     * A trial on several machines: the server's cost from the samples taken on its host, the load generator's from
     * each load generator host's own: the busiest host's utilisation, and generator-bound when any host was; the back
     * end's from its host's, back-end-bound as on one machine.
     *
     * @param backend the back end host's samples when the phases called it (fan-out), null when not (hello, the floor)
     */
    static List<PhaseResult> ofHosts(SimulationStats simulation, List<ProcSampler.Sample> serverSamples,
            int serverCpus, List<HostSamples> generators, HostSamples backend) {
        return of(simulation, stats -> {
            PhaseCost server = PhaseCosts.of(serverSamples, stats.windowStartMs(), stats.windowEndMs(),
                    stats.ok() + stats.ko(), serverCpus, 1, PhaseCosts.NO_BACKEND, false);
            if (server == null) {
                return null;
            }
            double busiest = 0;
            boolean bound = false;
            for (HostSamples generator : generators) {
                Double utilisation = gatlingUtilisation(generator, stats);
                if (utilisation != null) {
                    busiest = Math.max(busiest, utilisation);
                    bound |= PhaseCosts.bound(utilisation, server.serverCpuUtilisation());
                }
            }
            PhaseCost cost = server.withGenerator(busiest, bound);
            Double backendUtilisation = backend == null ? null : backendUtilisation(backend, stats);
            return backendUtilisation == null ? cost : cost.withBackend(backendUtilisation,
                    PhaseCosts.bound(backendUtilisation, server.serverCpuUtilisation()));
        });
    }

    /** A load generator host's Gatling CPU time / (the phase's window x its CPUs); null when too few samples. */
    static Double gatlingUtilisation(HostSamples generator, PhaseStats stats) {
        PhaseCost cost = PhaseCosts.of(generator.samples(), stats.windowStartMs(), stats.windowEndMs(),
                stats.ok() + stats.ko(), 1, generator.cpus(), PhaseCosts.NO_BACKEND, false);
        return cost == null ? null : cost.gatlingCpuUtilisation();
    }

    /** The back end's CPU time on its host / (the phase's window x its CPUs); null when too few samples. */
    private static Double backendUtilisation(HostSamples backend, PhaseStats stats) {
        PhaseCost cost = PhaseCosts.of(backend.samples(), stats.windowStartMs(), stats.windowEndMs(),
                stats.ok() + stats.ko(), 1, 1, backend.cpus(), false);
        return cost == null ? null : cost.backendCpuUtilisation();
    }

    private static List<PhaseResult> of(SimulationStats simulation, Function<PhaseStats, PhaseCost> costs) {
        return simulation.phases().values().stream().map(stats -> {
            PhaseName name = PhaseName.parse(stats.phase());
            PhaseCost cost = costs.apply(stats);
            boolean rate = name.kind() == PhaseName.Kind.RATE;
            return new PhaseResult(stats.phase(), name.kind().label(),
                    name.kind() == PhaseName.Kind.SWEEP ? name.value() : 0, rate ? name.value() : 0, stats, cost,
                    rate ? RateSchedule.of(name.value(), stats, cost) : null);
        }).toList();
    }
}
