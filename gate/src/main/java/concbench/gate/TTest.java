package concbench.gate;

import concbench.formats.Comparison.Side;

/**
 * The two-sample t-test on two sides' trial values, with the variance pooled over both sides (Student's form).
 * The null hypothesis the gate tests is "the head performs as the base does": identical code, whose trials come
 * from one distribution, one spread included, which is what Student's form assumes. Welch's form, which does not
 * assume equal spreads, estimates its degrees of freedom from the very variances it divides by: with 3 trials a
 * side they fall anywhere between 2 and 4 by chance, and at the strict levels a whole-comparison correction asks
 * for, the critical t at 2 degrees of freedom is three times the one at 4 (p < 0.0005: 31.6 against 8.6). With as
 * many trials a side, the t statistic of the two forms is the same number; only Welch's lottery of degrees of
 * freedom goes.
 */
final class TTest {
    private TTest() {
    }

    /** The degrees of freedom of a test of {@code base} against {@code head} trials. */
    static int degreesOfFreedom(int baseTrials, int headTrials) {
        return baseTrials + headTrials - 2;
    }

    /**
     * The one-sided p-value for the direction the mean moved in: the chance of a difference at least this large
     * in that direction if the two sides had the same mean. Both sides need two trials or more.
     */
    static double oneSidedP(Side base, Side head) {
        if (base.trials() < 2 || head.trials() < 2) {
            throw new IllegalArgumentException("the t-test needs two trials a side");
        }
        double difference = head.mean() - base.mean();
        int df = degreesOfFreedom(base.trials(), head.trials());
        double pooledVariance = ((base.trials() - 1) * base.variance() + (head.trials() - 1) * head.variance()) / df;
        double squaredError = pooledVariance * (1.0 / base.trials() + 1.0 / head.trials());
        if (squaredError == 0) {
            // No spread on either side: any difference is certain; none is t = 0, the middle of the distribution.
            return difference == 0 ? 0.5 : 0;
        }
        return StudentT.cdf(-Math.abs(difference) / Math.sqrt(squaredError), df);
    }
}
