package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.runner.gatling.SimulationLog;
import concbench.runner.gatling.SimulationStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost of a trial on several machines: samples streamed from each host, judged per load generator host. */
class RemoteCostTest {
    private static final long MS = 1_000_000;
    private static final String PHASE = "sweep-16";

    @Test
    void aSampleTravelsAsALineAndLandsOnTheRunnersClock() {
        ThreadCpu.Reading roles = new ThreadCpu.Reading(new long[] {1, 2, 3}, new int[] {4, 5, 6});
        ProcSampler.Sample sample = new ProcSampler.Sample(10_000, 20, 30, 40, 50, 60, roles);
        ProcSampler.Sample back = ProcSampler.Sample.ofLine(sample.line(), 1_000);
        assertEquals(9_000, back.epochMs(), "a host 1 s ahead: its reading 1 s earlier on the runner's clock");
        assertEquals(List.of(20L, 30L, 40, 50L, 60L), List.of(back.serverCpuNanos(), back.serverRssBytes(),
                back.serverThreads(), back.generatorCpuNanos(), back.backendCpuNanos()));
        assertArrayEquals(roles.cpuNanos(), back.roles().cpuNanos());
        assertArrayEquals(roles.threads(), back.roles().threads());
        ProcSampler.Sample plain = new ProcSampler.Sample(1, 2, 3, 4, 5, 6, null);
        assertEquals(plain, ProcSampler.Sample.ofLine(plain.line(), 0));
        assertThrows(IllegalArgumentException.class, () -> ProcSampler.Sample.ofLine("guard: pid 12", 0));
    }

    /** The server half busy; one load generator host saturated, the other not: the phase is generator-bound. */
    @Test
    void aPhaseIsGeneratorBoundWhenAnyLoadGeneratorHostWas() {
        List<ProcSampler.Sample> server = List.of(sample(1000, 0, 0), sample(2000, 500 * MS, 0));
        PhaseResults.HostSamples busy = new PhaseResults.HostSamples(
                List.of(sample(1000, 0, 0), sample(2000, 0, 1000 * MS)), 1);
        PhaseResults.HostSamples idle = new PhaseResults.HostSamples(
                List.of(sample(1000, 0, 0), sample(2000, 0, 600 * MS)), 2);
        PhaseResult phase = PhaseResults.ofHosts(simulation(), server, 1, List.of(busy, idle), null).getFirst();
        assertEquals(0.5, phase.cost().serverCpuUtilisation(), 1e-9);
        assertEquals(1.0, phase.cost().generatorCpuUtilisation(), 1e-9, "the busiest host's");
        assertTrue(phase.generatorBound());
        assertNull(phase.cost().backendCpuUtilisation(), "a phase that called no back end (hello) has no back-end figure");
        PhaseStats stats = phase.stats();
        assertEquals(0.3, PhaseResults.gatlingUtilisation(idle, stats), 1e-9, "600 ms of CPU over 1 s on 2 CPUs");
        assertFalse(PhaseCosts.bound(PhaseResults.gatlingUtilisation(idle, stats), 0.5));

        PhaseResult calm = PhaseResults.ofHosts(simulation(), server, 1, List.of(idle), null).getFirst();
        assertFalse(calm.generatorBound());
        assertEquals(0.3, calm.cost().generatorCpuUtilisation(), 1e-9);
    }

    /**
     * A fan-out phase with the back end sampled on its own host of 2 CPUs: 1.9 s of CPU over 1 s is saturated, so
     * while the server's CPU is half busy the phase is back-end-bound, and while the server's is saturated it is not.
     */
    @Test
    void aFanOutPhaseIsBackendBoundWhenTheBackEndHostsCpusWereSaturatedAndTheServersNot() {
        PhaseResults.HostSamples generator = new PhaseResults.HostSamples(
                List.of(sample(1000, 0, 0), sample(2000, 0, 300 * MS)), 1);
        PhaseResults.HostSamples backend = new PhaseResults.HostSamples(
                List.of(backendSample(1000, 0), backendSample(2000, 1900 * MS)), 2);
        List<ProcSampler.Sample> halfBusy = List.of(sample(1000, 0, 0), sample(2000, 500 * MS, 0));
        PhaseResult bound = PhaseResults.ofHosts(simulation(), halfBusy, 1, List.of(generator), backend).getFirst();
        assertEquals(0.95, bound.cost().backendCpuUtilisation(), 1e-9, "1.9 s of CPU over 1 s on 2 CPUs");
        assertTrue(bound.cost().backendBound());
        assertFalse(bound.generatorBound());

        List<ProcSampler.Sample> saturated = List.of(sample(1000, 0, 0), sample(2000, 950 * MS, 0));
        PhaseResult serverBound = PhaseResults.ofHosts(simulation(), saturated, 1, List.of(generator), backend)
                .getFirst();
        assertEquals(0.95, serverBound.cost().backendCpuUtilisation(), 1e-9);
        assertFalse(serverBound.cost().backendBound(), "the server's CPUs were saturated too: the server's limit");

        PhaseResults.HostSamples idle = new PhaseResults.HostSamples(
                List.of(backendSample(1000, 0), backendSample(2000, 200 * MS)), 2);
        PhaseResult calm = PhaseResults.ofHosts(simulation(), halfBusy, 1, List.of(generator), idle).getFirst();
        assertEquals(0.1, calm.cost().backendCpuUtilisation(), 1e-9);
        assertFalse(calm.cost().backendBound());
    }

    private static ProcSampler.Sample backendSample(long epochMs, long backendCpu) {
        return new ProcSampler.Sample(epochMs, 0, 0, 0, 0, backendCpu, null);
    }

    private static ProcSampler.Sample sample(long epochMs, long serverCpu, long generatorCpu) {
        return new ProcSampler.Sample(epochMs, serverCpu, 1, 1, generatorCpu, 0, null);
    }

    private static SimulationStats simulation() {
        PhaseStats stats = new PhaseStats(PHASE, 1000, 0, Map.of(), 1000, 2000, 1000, null, null);
        return new SimulationStats(new SimulationLog.Run("3.15.1", "Hello", 0, "", List.of(PHASE)), Map.of(PHASE, stats),
                Map.of());
    }
}
