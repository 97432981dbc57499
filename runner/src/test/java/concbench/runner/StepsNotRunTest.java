package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concbench.formats.PhaseStats;
import concbench.runner.gatling.SimulationStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ladder's end when Gatling recorded no request of its last steps and said nothing of ending it. */
class StepsNotRunTest {
    private static final List<Integer> RATES = List.of(1250, 2500, 5000, 10000);

    /** A simulation whose records hold these phases (their figures do not matter here). */
    private static SimulationStats recorded(String... phases) {
        Map<String, PhaseStats> byName = new LinkedHashMap<>();
        for (String phase : phases) {
            byName.put(phase, null);
        }
        return new SimulationStats(null, byName, Map.of());
    }

    @Test
    void theLadderEndsAtTheFirstStepNotRun() {
        assertEquals(Optional.of("5000 not run: Gatling recorded no request of this step or any after it "
                        + "(the load generator could not start them)"),
                TrialRunner.stepsNotRun(RATES, recorded("warmup", "sweep-64", "rate-1250", "rate-2500")));
    }

    @Test
    void aLadderRunToItsEndHasNoSuchEnd() {
        assertEquals(Optional.empty(), TrialRunner.stepsNotRun(RATES,
                recorded("rate-1250", "rate-2500", "rate-5000", "rate-10000")));
    }

    @Test
    void noStepRunOrAGapIsAFailureNotAnEnd() {
        assertEquals(Optional.empty(), TrialRunner.stepsNotRun(RATES, recorded("warmup", "sweep-64")));
        assertEquals(Optional.empty(), TrialRunner.stepsNotRun(RATES, recorded("rate-1250", "rate-5000")));
    }
}
