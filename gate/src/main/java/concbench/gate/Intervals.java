package concbench.gate;

import concbench.formats.Comparison.Side;
import java.util.List;

/**
 * A side of a row from its trials: a value per trial, their mean, and the interval the verdict used, the
 * {@value #CONFIDENCE} confidence interval of the mean by Student's t (the trials are few, so the normal
 * approximation would be far too narrow); a single trial has no spread, and its interval is the value itself.
 */
final class Intervals {
    static final double CONFIDENCE = 0.99;

    private Intervals() {
    }

    static Side ofTrials(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a side needs at least one trial");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (values.size() == 1) {
            return new Side(values, mean, mean, mean);
        }
        Side spread = new Side(values, mean, mean, mean);
        double standardError = Math.sqrt(spread.variance() / values.size());
        double half = StudentT.quantile(1 - (1 - CONFIDENCE) / 2, values.size() - 1) * standardError;
        return new Side(values, mean, mean - half, mean + half);
    }
}
