package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import concbench.report.Lead.Candidate;
import concbench.report.Lead.Rule;
import concbench.report.Lead.Trust;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who leads, by how much, and when the margin can be trusted. */
class LeadTest {
    private static final Rule CAPACITY = new Rule(true, null, 0, v -> Fmt.rate(v) + " req/s");
    private static final Rule CAPACITY_WITH_FLOOR = new Rule(true, 0.10, 0, v -> Fmt.rate(v) + " req/s");
    private static final Rule P99 = new Rule(false, null, 1, v -> Fmt.ms(v) + " ms");

    private static Candidate of(String name, double... trials) {
        return new Candidate(name, java.util.Arrays.stream(trials).average().orElseThrow(),
                java.util.Arrays.stream(trials).boxed().toList(), false);
    }

    @Test
    void theHighestCapacityLeadsBeyondTheSpreadWhenNoTrialsOverlap() {
        Lead lead = Lead.of(List.of(of("netty", 900, 1000), of("vertx", 1100, 1300), of("loom", 500, 600)),
                CAPACITY, "");
        assertEquals("vertx", lead.leader());
        assertEquals("1,200 req/s", lead.value());
        assertEquals("netty", lead.runnerUp());
        assertEquals("+26.3%", lead.margin());
        assertEquals(Trust.SURE, lead.verdict().trust());
    }

    @Test
    void overlappingTrialsAreATie() {
        Lead lead = Lead.of(List.of(of("netty", 900, 1150), of("vertx", 1100, 1300)), CAPACITY, "");
        assertEquals("vertx", lead.leader());
        assertEquals(Trust.TIE, lead.verdict().trust());
        assertEquals("tie: within the trials' spread", lead.verdict().text());
    }

    @Test
    void oneTrialLeavesTheSpreadUnknown() {
        Lead lead = Lead.of(List.of(of("netty", 900), of("vertx", 1300, 1350)), CAPACITY, "");
        assertEquals(Trust.UNSURE, lead.verdict().trust());
        assertEquals("one trial: spread unknown", lead.verdict().text());
    }

    @Test
    void aMarginWithinTheFloorsNoiseIsATie() {
        Lead lead = Lead.of(List.of(of("netty", 1000, 1001), of("vertx", 1080, 1081)), CAPACITY_WITH_FLOOR, "");
        assertEquals(Trust.TIE, lead.verdict().trust());
        assertEquals("tie: within the floor's noise (10%)", lead.verdict().text());
        Lead clear = Lead.of(List.of(of("netty", 1000, 1001), of("vertx", 1200, 1201)), CAPACITY_WITH_FLOOR, "");
        assertEquals("✓ beyond the trials' spread and the floor's noise", clear.verdict().text());
    }

    @Test
    void aRunnerUpThatIsALowerBoundEstablishesNoLead() {
        Candidate bound = new Candidate("netty", 1000, List.of(1000.0, 1000.0), true);
        Lead lead = Lead.of(List.of(bound, of("vertx", 1200, 1201)), CAPACITY, "");
        assertEquals("vertx", lead.leader());
        assertEquals(Trust.UNSURE, lead.verdict().trust());
        Lead boundLeader = Lead.of(List.of(new Candidate("netty", 1300, List.of(1300.0, 1300.0), true),
                of("vertx", 1200, 1201)), CAPACITY, "");
        assertEquals("≥1,300 req/s" + Lead.LOWER_BOUND, boundLeader.value());
        assertEquals(Trust.SURE, boundLeader.verdict().trust());
    }

    @Test
    void theLowestP99LeadsAndLessThanTheClocksResolutionIsATie() {
        Lead lead = Lead.of(List.of(of("netty", 5, 5), of("vertx", 2, 2)), P99, "at 500 req/s");
        assertEquals("vertx", lead.leader());
        assertEquals("+150.0%", lead.margin());
        assertEquals(Trust.SURE, lead.verdict().trust());
        Lead close = Lead.of(List.of(of("netty", 3, 3), of("vertx", 2, 2)), P99, "");
        assertEquals("tie: within the 1 ms resolution", close.verdict().text());
    }

    @Test
    void theSameFigureSharesTheLead() {
        Lead lead = Lead.of(List.of(of("netty", 1, 1), of("vertx", 1, 1), of("loom", 4, 4)), P99, "");
        assertEquals("netty = vertx", lead.leader());
        assertEquals("loom", lead.runnerUp());
        Lead all = Lead.of(List.of(of("netty", 1), of("vertx", 1)), P99, "");
        assertNull(all.runnerUp());
        assertEquals(Trust.TIE, all.verdict().trust());
    }
}
