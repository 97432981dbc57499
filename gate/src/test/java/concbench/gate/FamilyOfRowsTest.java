package concbench.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyOfRowsTest {
    private static final Side BASE = Intervals.ofTrials(List.of(100.0, 101.0, 99.0));
    /** 15% above BASE, scattered: p = 0.0037 alone (t = 5.0 at 4 degrees of freedom). */
    private static final Side SCATTERED_UP = Intervals.ofTrials(List.of(109.9, 115.0, 120.1));

    private static Row throughput(Side base, Side head) {
        return Judge.row(new Judge.Origin("netty", "fanout", "sweep-64"), Measure.THROUGHPUT_OF_SWEEP, base, head, 10,
                null, null, List.of());
    }

    private static Row cpu(Side base, Side head) {
        return Judge.row(new Judge.Origin("vertx", "fanout", "rate-200"), Measure.CPU, base, head, 10, null, null,
                List.of());
    }

    @Test
    void holmsAdjustedPValuesMatchTheTextbook() {
        // Sorted: 0.005 x 4, 0.01 x 3, 0.03 x 2, 0.04 x 1, each at least the one before.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, FamilyOfRows.holm(new double[] {0.01, 0.04, 0.03,
                0.005}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, FamilyOfRows.holm(new double[] {0.6, 0.7}), 1e-12);
    }

    @Test
    void evidenceEnoughForOneRowAloneIsNotEnoughAmongTwenty() {
        Row alone = FamilyOfRows.judge(List.of(throughput(BASE, SCATTERED_UP))).getFirst();
        assertEquals(0.0037, alone.pValue(), 0.0001);
        assertEquals(alone.pValue(), alone.adjustedPValue(), 1e-12);
        assertEquals(Row.IMPROVEMENT, alone.verdict());

        List<Row> rows = new ArrayList<>(List.of(cpu(BASE, SCATTERED_UP)));
        for (int i = 0; i < 19; i++) {
            rows.add(throughput(BASE, BASE));
        }
        Row among = FamilyOfRows.judge(rows).getFirst();
        assertEquals(20 * among.pValue(), among.adjustedPValue(), 1e-12);
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, among.verdict(), "a 15% rise in CPU, p = 0.0037 alone");
        assertTrue(among.note().contains("not evidence among 20 gated rows (Holm's adjusted p = 0.07"),
                among.note());
    }

    @Test
    void regressionsAndImprovementsAreFamiliesOfTheirOwn() {
        Side far = Intervals.ofTrials(List.of(130.0, 131.0, 129.0));
        List<Row> rows = FamilyOfRows.judge(List.of(cpu(BASE, far), throughput(BASE, far), throughput(BASE, BASE)));
        assertEquals(Row.REGRESSION, rows.get(0).verdict(), "more CPU per request");
        assertEquals(Row.IMPROVEMENT, rows.get(1).verdict(), "more throughput");
        assertEquals(Row.NO_SIGNIFICANT_CHANGE, rows.get(2).verdict());
        assertEquals(1, rows.get(2).adjustedPValue(), 1e-12);
    }

    @Test
    void theDetectableChangeIsTheStrictestBarInStandardErrors() {
        // CV 1%, 3 + 3 trials, bar 0.01: t(0.99, 4) = 3.747 standard errors of sqrt(2/3) CVs.
        assertEquals(3.747 * Math.sqrt(2.0 / 3), FamilyOfRows.detectablePercent(BASE, 3, 0.01), 0.001);
        assertEquals(0, FamilyOfRows.detectablePercent(Intervals.ofTrials(List.of(5.0, 5.0)), 2, 0.01));
        Row judged = FamilyOfRows.judge(List.of(throughput(BASE, BASE))).getFirst();
        assertEquals(3.747 * Math.sqrt(2.0 / 3), judged.detectableChangePercent(), 0.001);
    }

    @Test
    void rowsOutsideTheTTestAreLeftAsTheyWere() {
        Row weak = Judge.row(new Judge.Origin("netty", "hello", "sweep-64"), Measure.THROUGHPUT_OF_SWEEP,
                Intervals.ofTrials(List.of(100.0)), Intervals.ofTrials(List.of(50.0)), 10, null, Judge.SINGLE_TRIAL, List.of());
        Row judged = FamilyOfRows.judge(List.of(weak)).getFirst();
        assertEquals(weak, judged);
        assertNull(judged.adjustedPValue());
    }
}
