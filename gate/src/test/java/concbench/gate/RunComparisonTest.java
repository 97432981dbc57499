package concbench.gate;

import static concbench.gate.Synthetic.Trial;
import static concbench.gate.Synthetic.run;
import static concbench.gate.Synthetic.throughputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Better;
import concbench.formats.Comparison.Row;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
    /** The rows as ./bench compare decides them: each alone, then those the t-test judges together. */
    private static Rows compare(List<Trial> base, List<Trial> head) {
        return together(RunComparison.compare(run(base), run(head), Thresholds.defaults()));
    }

    private static Rows together(Rows rows) {
        return new Rows(FamilyOfRows.judge(rows.rows()), rows.notCompared());
    }

    private static Row row(Rows rows, String phase, String metric) {
        return rows.rows().stream().filter(r -> r.phase().equals(phase) && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + phase + " " + metric + " in " + rows.rows()));
    }

    private static List<Trial> times(int n, Trial trial) {
        return Collections.nCopies(n, trial);
    }

    @Test
    void aTwentyPercentDropWithTightTrialsIsARegression() {
        Row throughput = row(compare(throughputs(10_000, 10_100, 9_900), throughputs(8_000, 8_050, 7_950)),
                "sweep-64", "throughput");
        assertEquals(Row.REGRESSION, throughput.verdict());
        assertEquals(-20, throughput.changePercent(), 0.01);
        assertTrue(throughput.pValue() < 0.01, "p = " + throughput.pValue());
        assertEquals(Row.STRONG, throughput.evidence());
        assertEquals(List.of(10_000.0, 10_100.0, 9_900.0), throughput.base().values());
        assertTrue(throughput.base().low() < 10_000 && throughput.base().high() > 10_000);
    }

    @Test
    void aDropThatTheHeadsScatteredTrialsDoNotShowIsNot() {
        Row throughput = row(compare(throughputs(10_000, 10_150, 9_850), throughputs(8_800, 7_000, 10_600)),
                "sweep-64", "throughput");
        assertEquals(-12, throughput.changePercent(), 0.01);
        assertTrue(throughput.pValue() > 0.01, "p = " + throughput.pValue());
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, throughput.verdict());
    }

    @Test
    void trialsTooNoisyForTheirThresholdAreShownButNeverJudged() {
        // A CV of 40%: with 3 trials a side only a change of several times the mean could reach the evidence bar.
        Row throughput = row(compare(throughputs(10_000, 6_000, 14_000), throughputs(5_000, 3_000, 7_000)),
                "sweep-64", "throughput");
        assertEquals(-50, throughput.changePercent(), 0.01);
        assertEquals(Row.NOT_GATED, throughput.verdict());
        assertEquals(Row.TOO_NOISY, throughput.notGatedReason());
        assertTrue(throughput.detectableChangePercent() > 100, throughput.toString());
        assertTrue(throughput.note().startsWith("too noisy to gate: the base's trials spread 40% "), throughput.note());
        assertNull(throughput.adjustedPValue(), "outside the family");
    }

    @Test
    void onlyTheBasesSpreadDecidesWhetherARowIsTooNoisy() {
        // The head went jumpy as well as slower: that must not switch off its own gate.
        Row throughput = row(compare(throughputs(10_000, 10_100, 9_900), throughputs(7_000, 4_000, 8_000)),
                "sweep-64", "throughput");
        assertEquals(null, throughput.notGatedReason());
        assertTrue(throughput.detectableChangePercent() < 10, throughput.toString());
    }

    @Test
    void aPercentileOnTooFewResponsesIsNeverJudged() {
        Trial ok = Trial.typical();
        // p99 of 800 responses is set by the 8 slowest; p999 of 9,999 by the 10 slowest.
        Rows rows = compare(times(3, ok.responses(800)), times(3, ok.responses(800).latency(4, 30, 60)));
        Row p99 = row(rows, "rate-500", "p99");
        assertEquals(Row.NOT_GATED, p99.verdict(), "200% slower, but on 8 responses beyond it");
        assertEquals(Row.TOO_FEW_SAMPLES, p99.notGatedReason());
        assertEquals("too few samples to gate: p99 needs 1,000 responses in every trial, the fewest here is 800",
                p99.note());
        assertEquals(Row.REGRESSION, row(rows, "rate-500", "p50").verdict(), "p50 needs only 20");
        assertEquals(Row.REGRESSION, row(rows, "rate-500", "p90").verdict(), "p90 needs only 100");
        List<Trial> head = new java.util.ArrayList<>(times(3, ok.latency(2, 10, 60)));
        head.set(2, head.get(2).responses(9_999));
        Row p999 = row(compare(times(3, ok), head), "rate-500", "p999");
        assertEquals(Row.TOO_FEW_SAMPLES, p999.notGatedReason(), "one trial of one side short is enough");
        assertEquals(Row.REGRESSION, row(compare(times(3, ok.responses(10_000)), times(3, ok.latency(2, 10, 60))),
                "rate-500", "p999").verdict());
    }

    @Test
    void aTightChangeBelowTheThresholdIsNot() {
        Row throughput = row(compare(throughputs(10_000, 10_001, 9_999), throughputs(9_500, 9_501, 9_499)),
                "sweep-64", "throughput");
        assertTrue(throughput.pValue() < 0.01);
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, throughput.verdict());
        Rows stricter = together(RunComparison.compare(run(throughputs(10_000, 10_001, 9_999)),
                run(throughputs(9_500, 9_501, 9_499)), Thresholds.parse(List.of("throughput=4"))));
        assertEquals(Row.REGRESSION, row(stricter, "sweep-64", "throughput").verdict());
        assertEquals(4, row(stricter, "sweep-64", "throughput").thresholdPercent());
    }

    @Test
    void anImprovementIsNoFailure() {
        Rows rows = compare(throughputs(10_000, 10_100, 9_900), throughputs(12_000, 12_100, 11_900));
        assertEquals(Row.IMPROVEMENT, row(rows, "sweep-64", "throughput").verdict());
        assertTrue(rows.rows().stream().noneMatch(Row::isRegression));
    }

    @Test
    void everyMetricKnowsWhichWayIsWorse() {
        Trial base = Trial.typical();
        Trial worse = base.throughput(7_000).latency(5, 20, 40).cpu(80).failedRequests(50);
        Rows rows = compare(List.of(base, base.throughput(10_010), base.throughput(9_990)),
                List.of(worse, worse.throughput(7_010), worse.throughput(6_990)));
        for (String[] phaseAndMetric : new String[][] {{"sweep-64", "throughput"}, {"rate-500", "p50"},
                {"rate-500", "p90"}, {"rate-500", "p99"}, {"rate-500", "p999"}, {"sweep-64", "cpuPerRequest"},
                {"rate-500", "cpuPerRequest"}, {"sweep-64", "errorRate"}, {"rate-500", "errorRate"}}) {
            Row row = row(rows, phaseAndMetric[0], phaseAndMetric[1]);
            assertEquals(Row.REGRESSION, row.verdict(), row.toString());
        }
        assertEquals(Better.HIGHER, row(rows, "sweep-64", "throughput").better());
        assertEquals(Better.LOWER, row(rows, "rate-500", "p99").better());
        Rows back = compare(List.of(worse, worse.throughput(7_010), worse.throughput(6_990)),
                List.of(base, base.throughput(10_010), base.throughput(9_990)));
        assertTrue(back.rows().stream().allMatch(Row::isImprovement), back.rows().toString());
    }

    @Test
    void warmUpNeverCounts() {
        Rows rows = compare(throughputs(10_000, 10_000), throughputs(10_000, 10_000));
        assertTrue(rows.rows().stream().noneMatch(r -> r.phase().equals("warmup")));
        assertEquals(List.of("sweep-64", "rate-500"), rows.rows().stream().map(Row::phase).distinct().toList());
    }

    @Test
    void generatorBoundThroughputIsShownButNeverGates() {
        List<Trial> head = throughputs(5_000, 5_010, 4_990);
        head.set(1, head.get(1).bound());
        Row throughput = row(compare(throughputs(10_000, 10_010, 9_990), head), "sweep-64", "throughput");
        assertEquals(Row.NOT_GATED, throughput.verdict());
        assertEquals(-50, throughput.changePercent(), 0.01);
        assertTrue(throughput.note().startsWith("generator-bound"), throughput.note());
    }

    @Test
    void aSingleTrialRestsOnTheThresholdAloneAndSaysSo() {
        Row drop = row(compare(throughputs(10_000), throughputs(8_000)), "sweep-64", "throughput");
        assertEquals(Row.REGRESSION, drop.verdict());
        assertEquals(Row.WEAK, drop.evidence());
        assertNull(drop.pValue());
        assertTrue(drop.note().contains("threshold alone"), drop.note());
        Row small = row(compare(throughputs(10_000), throughputs(9_500)), "sweep-64", "throughput");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, small.verdict());
        assertEquals(Row.WEAK, small.evidence());
    }

    @Test
    void errorsRisingFromZeroInEveryHeadTrialAreARegression() {
        Trial ok = Trial.typical();
        Row rise = row(compare(times(3, ok), List.of(ok.failedRequests(2), ok.failedRequests(5), ok.failedRequests(1))),
                "rate-500", "errorRate");
        assertEquals(Row.REGRESSION, rise.verdict());
        assertNull(rise.changePercent(), "no percentage of 0");
        assertTrue(rise.note().contains("base is 0"), rise.note());
        Row once = row(compare(times(3, ok), List.of(ok, ok.failedRequests(5), ok)), "rate-500", "errorRate");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, once.verdict(), "one trial of three is not a consistent rise");
        Row none = row(compare(times(3, ok), times(3, ok)), "rate-500", "errorRate");
        assertEquals(0, none.changePercent());
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, none.verdict());
    }

    @Test
    void requestsTheLoadGeneratorFailedItselfAreNoErrorsOfTheServer() {
        Trial ok = Trial.typical();
        List<Trial> head = List.of(ok.generatorFailedRequests(2_000), ok.generatorFailedRequests(5_000),
                ok.generatorFailedRequests(1_000));
        Rows rows = compare(times(3, ok), head);
        Row errors = row(rows, "rate-500", "errorRate");
        assertEquals(0, errors.changePercent(), "the server failed none");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, errors.verdict());
        Row throughput = row(rows, "sweep-64", "throughput");
        assertEquals(Row.GENERATOR_BOUND, throughput.notGatedReason(),
                "a generator that failed requests was the limit");
        Row servers = row(compare(times(3, ok), List.of(ok.failedRequests(2_000), ok.failedRequests(5_000),
                ok.failedRequests(1_000))), "rate-500", "errorRate");
        assertEquals(Row.REGRESSION, servers.verdict(), "the same counts as the server's own are a regression");
    }

    @Test
    void aLatencyChangeWithinGatlingsClockNeverGates() {
        Trial ok = Trial.typical();
        Row p50 = row(compare(times(3, ok.latency(1, 10, 20)), times(3, ok.latency(2, 10, 20))), "rate-500", "p50");
        assertEquals(100, p50.changePercent());
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, p50.verdict());
        assertTrue(p50.note().contains("resolution"), p50.note());
        Row fromZero = row(compare(times(3, ok.latency(0, 10, 20)), times(3, ok.latency(3, 10, 20))), "rate-500",
                "p50");
        assertEquals(Row.REGRESSION, fromZero.verdict());
        assertNotNull(fromZero.pValue());
    }

    @Test
    void aHeadTrialThatFailedWhereTheBaseHadNoneIsARegression() {
        Trial ok = Trial.typical();
        Rows rows = compare(times(3, ok), List.of(ok, ok.failed(), ok));
        Row failures = row(rows, "", "failedTrials");
        assertEquals(Row.REGRESSION, failures.verdict());
        assertTrue(failures.note().contains("head trial 2 failed: the server died"), failures.note());
        assertTrue(!failures.note().contains("\n"), "a note is one line: " + failures.note());
        assertEquals(2, row(rows, "sweep-64", "throughput").head().trials(), "metrics from the ok trials only");

        Rows allFailed = compare(times(2, ok), times(2, ok.failed()));
        assertEquals(List.of("failedTrials"), allFailed.rows().stream().map(Row::metric).toList());
        assertEquals(List.of("netty hello: no successful trial in the head run"), allFailed.notCompared());
    }

    @Test
    void whatOnlyOneSideMeasuredIsListedNotCompared() {
        Rows rows = RunComparison.compare(run(throughputs(10_000, 10_000)),
                new concbench.formats.RunResults(java.nio.file.Path.of("x"), Synthetic.manifest(
                        concbench.formats.Profile.SMOKE, "cpu", 0), List.of()), Thresholds.defaults());
        assertTrue(rows.rows().isEmpty());
        assertEquals(List.of("netty hello: measured in the base run only"), rows.notCompared());
    }
}
