package concbench.gate;

/**
 * Welch's t-test on two sides' trial values: the t-test that does not assume equal variances, since a change can
 * make a server steadier or jumpier as well as faster or slower.
 */
final class Welch {
    private Welch() {
    }

    /**
     * The one-sided p-value for the direction the mean moved in: the chance of a difference at least this large
     * in that direction if the two sides had the same mean. Both sides need two trials or more.
     */
    static double oneSidedP(Side base, Side head) {
        if (base.trials() < 2 || head.trials() < 2) {
            throw new IllegalArgumentException("Welch's test needs two trials a side");
        }
        double difference = head.mean() - base.mean();
        double baseTerm = base.variance() / base.trials();
        double headTerm = head.variance() / head.trials();
        double squaredError = baseTerm + headTerm;
        if (squaredError == 0) {
            // No spread on either side: any difference is certain; none is t = 0, the middle of the distribution.
            return difference == 0 ? 0.5 : 0;
        }
        double t = Math.abs(difference) / Math.sqrt(squaredError);
        double df = squaredError * squaredError
                / (baseTerm * baseTerm / (base.trials() - 1) + headTerm * headTerm / (head.trials() - 1));
        return StudentT.cdf(-t, df);
    }
}
