package concbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concbench.formats.Comparison.Side;
import org.junit.jupiter.api.Test;

/** Against values from published t tables: the gate's p-values and intervals are only as good as these. */
class StudentTTest {
    @Test
    void cdfMatchesTheTables() {
        assertEquals(0.5, StudentT.cdf(0, 3), 1e-12);
        // One-sided 1% critical values: df 2 -> 6.965, df 4 -> 3.747, df 10 -> 2.764.
        assertEquals(0.99, StudentT.cdf(6.965, 2), 1e-4);
        assertEquals(0.99, StudentT.cdf(3.747, 4), 1e-4);
        assertEquals(0.01, StudentT.cdf(-2.764, 10), 1e-4);
        // Two-sided 5% at df 10: 2.228.
        assertEquals(0.975, StudentT.cdf(2.228, 10), 1e-4);
        // df 1 is the Cauchy distribution: P(T <= 1) = 3/4 exactly.
        assertEquals(0.75, StudentT.cdf(1, 1), 1e-10);
    }

    @Test
    void quantileInvertsTheCdf() {
        assertEquals(63.657, StudentT.quantile(0.995, 1), 1e-3);
        assertEquals(9.925, StudentT.quantile(0.995, 2), 1e-3);
        assertEquals(-4.604, StudentT.quantile(0.005, 4), 1e-3);
    }

    @Test
    void lnGammaIsExactAtKnownPoints() {
        assertEquals(Math.log(24), StudentT.lnGamma(5), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), StudentT.lnGamma(0.5), 1e-12);
    }

    @Test
    void theTTestGivesTheTextbookPValue() {
        // Means 10 and 12, variances 1 and 4, 3 trials each: pooled variance 2.5, t = 2 / sqrt(2.5 x 2/3) = 1.549
        // at 4 degrees of freedom (Welch's would be 2.94 from these same variances).
        Side base = Intervals.ofTrials(java.util.List.of(9.0, 10.0, 11.0));
        Side head = Intervals.ofTrials(java.util.List.of(10.0, 12.0, 14.0));
        assertEquals(StudentT.cdf(-2 / Math.sqrt(5.0 / 3), 4), TTest.oneSidedP(base, head), 1e-12);
        assertEquals(0.098, TTest.oneSidedP(base, head), 0.001);
        assertEquals(0.5, TTest.oneSidedP(base, base), 1e-12);
    }
}
