package concbench.runner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import concbench.runner.gatling.PhaseName;
import concbench.runner.gatling.PhaseStats;
import concbench.runner.gatling.SimulationStats;
import java.util.List;
import java.util.Locale;

/**
 * One phase of a trial: what Gatling's records say (throughput, latency, errors, timeline) and what it cost the
 * server (from {@code /proc}). The warm-up is kept with {@code kind = warmup} so that nothing measured is thrown
 * away, and every consumer leaves it out of every number.
 *
 * @param kind     {@code warmup}, {@code sweep} (closed model: {@code users} looping users, for throughput) or
 *                 {@code rate} (open model: {@code rate} arrivals per second, for latency)
 * @param cost     null when the phase was too short to sample
 * @param schedule whether a rate phase kept its schedule; null for the other phases and in results of version 1
 */
public record PhaseResult(String name, String kind, int users, int rate, PhaseStats stats, PhaseCost cost,
        RateSchedule schedule) {

    /** A phase as results of version 1 recorded it. */
    public PhaseResult(String name, String kind, int users, int rate, PhaseStats stats, PhaseCost cost) {
        this(name, kind, users, rate, stats, cost, null);
    }

    /**
     * @param backendCpus the back end's CPU count when the phases called it, {@link PhaseCost#NO_BACKEND} when not
     */
    static List<PhaseResult> of(SimulationStats simulation, List<ProcSampler.Sample> samples, CpuLayout layout,
            int backendCpus, boolean backendSharesGenerator) {
        return simulation.phases().values().stream().map(stats -> {
            PhaseName name = PhaseName.parse(stats.phase());
            PhaseCost cost = PhaseCost.of(samples, stats.windowStartMs(), stats.windowEndMs(), stats.ok() + stats.ko(),
                    layout.server().size(), layout.loadGenerator().size(), backendCpus, backendSharesGenerator);
            boolean rate = name.kind() == PhaseName.Kind.RATE;
            return new PhaseResult(stats.phase(), name.kind().name().toLowerCase(Locale.ROOT),
                    name.kind() == PhaseName.Kind.SWEEP ? name.value() : 0, rate ? name.value() : 0, stats, cost,
                    rate ? RateSchedule.of(name.value(), stats, cost) : null);
        }).toList();
    }

    @JsonIgnore
    public boolean isSweep() {
        return kind.equals("sweep");
    }

    @JsonIgnore
    public boolean isRate() {
        return kind.equals("rate");
    }

    /** Whether the load generator, not the server, limited this phase: its throughput is a lower bound. */
    public boolean generatorBound() {
        return cost != null && cost.generatorBound();
    }

    /**
     * Whether the back end's CPUs were saturated while the server's were not: the back end, not the server, may have
     * been the limit, so the phase is shown and never gated.
     */
    public boolean backendBound() {
        return cost != null && cost.backendBound();
    }

    /** Whether this is a rate phase that Gatling or the server could not keep on schedule. */
    @JsonIgnore
    public boolean missedSchedule() {
        return schedule != null && !schedule.kept();
    }
}
