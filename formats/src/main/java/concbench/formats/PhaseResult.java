package concbench.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;

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

    @JsonIgnore
    public boolean isSweep() {
        return kind.equals("sweep");
    }

    @JsonIgnore
    public boolean isRate() {
        return kind.equals("rate");
    }

    /**
     * Whether the load generator, not the server, limited this phase: its CPUs were saturated ({@link
     * PhaseCost#generatorBound}), or it failed requests itself ({@link PhaseStats#generatorErrors}). Its throughput
     * is a lower bound.
     */
    public boolean generatorBound() {
        return cost != null && cost.generatorBound() || stats.generatorErrors() > 0;
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
