package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.PhaseCost;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseCostTest {
    private static final long MS = 1_000_000;

    /** A server using half of one CPU and a generator using all of its one CPU for 1 s: generator-bound. */
    @Test
    void costsAPhaseFromTheSamplesInsideItsWindow() {
        List<ProcSampler.Sample> samples = List.of(
                new ProcSampler.Sample(900, 0, 100, 10, 0, 0, null),
                new ProcSampler.Sample(1000, 0, 200, 12, 0, 0, null),
                new ProcSampler.Sample(1500, 250 * MS, 300, 20, 500 * MS, 0, null),
                new ProcSampler.Sample(2000, 500 * MS, 250, 15, 1000 * MS, 0, null),
                new ProcSampler.Sample(2100, 999 * MS, 999, 99, 0, 0, null));
        PhaseCost cost = PhaseCosts.of(samples, 1000, 2000, 10_000, 1, 1, PhaseCosts.NO_BACKEND, false);
        assertEquals(0.5, cost.serverCpuUtilisation(), 1e-9);
        assertEquals(50.0, cost.serverCpuMicrosPerRequest(), 1e-9);
        assertEquals(300, cost.peakRssBytes());
        assertEquals(20, cost.peakThreads());
        assertEquals(1.0, cost.generatorCpuUtilisation(), 1e-9);
        assertTrue(cost.generatorBound());
    }

    @Test
    void aBackEndOnTheGeneratorsCpusCountsAsGeneratorLoad() {
        List<ProcSampler.Sample> samples = List.of(
                new ProcSampler.Sample(0, 0, 1, 1, 0, 0, null),
                new ProcSampler.Sample(1000, 950 * MS, 1, 1, 600 * MS, 300 * MS, null));
        PhaseCost shared = PhaseCosts.of(samples, 0, 1000, 100, 1, 1, 1, true);
        assertEquals(0.9, shared.generatorCpuUtilisation(), 1e-9);
        assertFalse(shared.generatorBound(), "the server was busy too: not the generator's limit");
        assertEquals(0.6, PhaseCosts.of(samples, 0, 1000, 100, 1, 1, 1, false).generatorCpuUtilisation(), 1e-9);
    }

    @Test
    void aBackEndWhoseCpusAreSaturatedMarksThePhaseBackEndBound() {
        List<ProcSampler.Sample> samples = List.of(
                new ProcSampler.Sample(0, 0, 1, 1, 0, 0, null),
                new ProcSampler.Sample(1000, 500 * MS, 1, 1, 300 * MS, 650 * MS, null));
        PhaseCost shared = PhaseCosts.of(samples, 0, 1000, 100, 1, 1, 1, true);
        assertEquals(0.95, shared.backendCpuUtilisation(), 1e-9, "the back end and Gatling on one CPU");
        assertTrue(shared.backendBound(), "the back end's CPU was saturated, the server's was not");
        PhaseCost own = PhaseCosts.of(samples, 0, 1000, 100, 1, 1, 1, false);
        assertEquals(0.65, own.backendCpuUtilisation(), 1e-9, "the back end alone on its CPU");
        assertFalse(own.backendBound());
        PhaseCost hello = PhaseCosts.of(samples, 0, 1000, 100, 1, 1, PhaseCosts.NO_BACKEND, true);
        assertNull(hello.backendCpuUtilisation(), "no back end called: nothing to say");
        assertFalse(hello.backendBound());
    }

    @Test
    void aPhaseWithoutTwoSamplesHasNoCost() {
        assertNull(PhaseCosts.of(List.of(new ProcSampler.Sample(5, 0, 0, 0, 0, 0, null)), 0, 10, 1, 1, 1,
                PhaseCosts.NO_BACKEND, false));
    }
}
