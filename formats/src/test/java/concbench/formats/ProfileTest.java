package concbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {
    private static final int HELLO_AND_TWO_WIDTHS = 3;
    private static final int FOUR_SERVERS_AND_THE_FLOOR = 5;
    private static final long QUICK_BUDGET_SECONDS = 15 * 60;

    @Test
    void theLadderClimbsGeometricallyFromTheProfilesFirstRate() {
        assertEquals(List.of(2500, 5000, 10000, 20000), Profile.QUICK.helloRates());
        assertEquals(List.of(500, 1000, 2000, 4000), Profile.QUICK.fanoutRates(10));
        assertEquals(List.of(50, 100, 200, 400), Profile.QUICK.fanoutRates(100), "a tenth at ten times the calls");
    }

    @Test
    void aNarrowFanoutsRatesStayDistinctAndPositive() {
        // 500 x 10 / 1000 = 5 req/s, and width 1000 of the full profile starts at 2.5: rounded, never 0.
        assertEquals(List.of(5, 10, 20, 40), Profile.QUICK.fanoutRates(1000));
        List<Integer> rates = Profile.FULL.fanoutRates(1000);
        assertEquals(Profile.FULL.ladderSteps(), rates.size());
        assertTrue(rates.getFirst() >= 1, rates.toString());
    }

    @Test
    void theGatesProfileKeepsOneRateAndOneWidth() {
        assertEquals(List.of(2000), Profile.CI.helloRates());
        assertEquals(List.of(400), Profile.CI.fanoutRates(10));
        assertEquals(List.of(10), Profile.CI.fanoutCalls());
    }

    @Test
    void smokeProvesTheWidthsAndTheLadder() {
        assertTrue(Profile.SMOKE.fanoutCalls().size() >= 2, "CI proves the width dimension");
        assertTrue(Profile.SMOKE.helloRates().size() >= 2, "and the ladder");
    }

    @Test
    void theDefaultRunFitsItsBudgetAtWorst() {
        assertTrue(Profile.QUICK.worstCaseSeconds(FOUR_SERVERS_AND_THE_FLOOR, HELLO_AND_TWO_WIDTHS)
                < QUICK_BUDGET_SECONDS, "every warm-up at its longest, every ladder step run");
    }

    @Test
    void aTrialsLoadIsItsPhasesAndASecondAfterEachLadderStepButTheLast() {
        // smoke: a 1 s warm-up, one level of 1 s, two steps of 1 s and the second Gatling's tick leaves between them
        assertEquals(1 + 1 + 2 + 1, Profile.SMOKE.loadSeconds());
        // quick: at most 20 s of warm-up, 256 users for 3 s, four steps of 3 s and three seconds between them
        assertEquals(20 + 3 + 4 * 3 + 3, Profile.QUICK.loadSeconds());
    }

    @Test
    void aRunBeforeTheLadderHadOneRate() {
        Profile old = new Profile("quick", 20, 8, 64, List.of(16, 64, 256), 10, 2000, 500, 15, 1, null, 0, 0, false);
        assertEquals(List.of(2000), old.helloRates());
        assertEquals(List.of(500), old.fanoutRates(10));
    }
}
