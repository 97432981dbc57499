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
        PhaseResults.GeneratorSamples busy = new PhaseResults.GeneratorSamples(
                List.of(sample(1000, 0, 0), sample(2000, 0, 1000 * MS)), 1);
        PhaseResults.GeneratorSamples idle = new PhaseResults.GeneratorSamples(
                List.of(sample(1000, 0, 0), sample(2000, 0, 600 * MS)), 2);
        PhaseResult phase = PhaseResults.ofHosts(simulation(), server, 1, List.of(busy, idle)).getFirst();
        assertEquals(0.5, phase.cost().serverCpuUtilisation(), 1e-9);
        assertEquals(1.0, phase.cost().generatorCpuUtilisation(), 1e-9, "the busiest host's");
        assertTrue(phase.generatorBound());
        assertNull(phase.cost().backendCpuUtilisation(), "the back end is not sampled on its host");
        PhaseStats stats = phase.stats();
        assertEquals(0.3, PhaseResults.gatlingUtilisation(idle, stats), 1e-9, "600 ms of CPU over 1 s on 2 CPUs");
        assertFalse(PhaseCosts.bound(PhaseResults.gatlingUtilisation(idle, stats), 0.5));

        PhaseResult calm = PhaseResults.ofHosts(simulation(), server, 1, List.of(idle)).getFirst();
        assertFalse(calm.generatorBound());
        assertEquals(0.3, calm.cost().generatorCpuUtilisation(), 1e-9);
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
