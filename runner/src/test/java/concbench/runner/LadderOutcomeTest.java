package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Ladder;
import concbench.formats.Latency;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.RateSchedule;
import concbench.formats.Timeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LadderOutcomeTest {
    private static final List<Integer> RATES = List.of(100, 200, 400);

    private static final String EMFILE =
            "i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files";

    private static PhaseResult step(int rate, long ko, boolean saturated, String missed) {
        return step(rate, ko == 0 ? Map.of() : Map.of("status.find.is(200), but actually found 500", ko), saturated,
                missed);
    }

    private static PhaseResult step(int rate, Map<String, Long> errors, boolean saturated, String missed) {
        long ko = errors.values().stream().mapToLong(Long::longValue).sum();
        PhaseStats stats = new PhaseStats("rate-" + rate, rate, ko, errors, 0, 1000, rate,
                new Latency(rate, 1, 2, 3, 4, 5), new Timeline(0, List.of(), List.of()));
        return new PhaseResult("rate-" + rate, "rate", 0, rate, stats, null,
                new RateSchedule(rate, rate, rate, missed == null, missed, saturated));
    }

    @Test
    void whatGatlingWroteWhenItEndedTheLadderIsWhereTheServerSaturated() {
        Ladder ladder = LadderOutcome.of(RATES, List.of(step(100, 0, false, null), step(200, 0, false, null)),
                Optional.of("200 the server fell behind: 900 requests unanswered"));
        assertEquals(new Ladder(RATES, 200, "the server fell behind: 900 requests unanswered"), ladder);
    }

    @Test
    void aLastStepNotKeptEndsTheLadderWithNothingWritten() {
        Ladder ladder = LadderOutcome.of(RATES, List.of(step(100, 0, false, null), step(200, 0, false, null),
                step(400, 3, true, "the server completed 300 of 400 req/s")), Optional.empty());
        assertEquals(400, ladder.saturatedRate());
        assertEquals("the server completed 300 of 400 req/s; 3 request(s) failed", ladder.saturation());
    }

    @Test
    void aStepTheLoadGeneratorFailedEndsWithTheGeneratorNamedNotAsTheServersFailures() {
        Ladder ladder = LadderOutcome.of(RATES, List.of(step(100, 0, false, null), step(200, 0, false, null),
                step(400, Map.of(EMFILE, 11_208L, "status.find.is(200), but actually found 500", 2L), true,
                        "Gatling sent 96 of 400 req/s")), Optional.empty());
        assertEquals(400, ladder.saturatedRate());
        assertEquals("the load generator ran out of file descriptors: 11208 requests failed to open a socket; "
                + "Gatling sent 96 of 400 req/s; 2 request(s) failed", ladder.saturation());
    }

    @Test
    void gatlingsOwnJudgeCountsFailedRequestsAndTheRecordsSayTheyWereTheGenerators() {
        Ladder generators = LadderOutcome.of(RATES, List.of(step(100, 0, false, null),
                step(200, Map.of(EMFILE, 7L), true, null)), Optional.of("200 7 request(s) failed"));
        assertEquals(new Ladder(RATES, 200,
                "the load generator ran out of file descriptors: 7 requests failed to open a socket"), generators);
        Ladder servers = LadderOutcome.of(RATES, List.of(step(100, 0, false, null), step(200, 7, true, null)),
                Optional.of("200 7 request(s) failed"));
        assertEquals(new Ladder(RATES, 200, "7 request(s) failed"), servers);
    }

    @Test
    void aLadderKeptToItsTopSaturatedNowhere() {
        Ladder ladder = LadderOutcome.of(RATES, List.of(step(100, 0, false, null), step(200, 0, false, null),
                step(400, 0, false, null)), Optional.empty());
        assertTrue(ladder.keptEveryRate());
        assertEquals(RATES, ladder.rates());
    }
}
