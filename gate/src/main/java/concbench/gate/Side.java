package concbench.gate;

import java.util.List;

/**
 * One side of a row: a value per trial, their mean, and the interval the verdict used. For trials, the interval
 * is the {@value #CONFIDENCE} confidence interval of the mean by Student's t (the trials are few, so the normal
 * approximation would be far too narrow); a single trial has no spread, and its interval is the value itself.
 */
record Side(List<Double> values, double mean, double low, double high) {
    static final double CONFIDENCE = 0.99;

    Side {
        values = List.copyOf(values);
    }

    static Side ofTrials(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a side needs at least one trial");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (values.size() == 1) {
            return new Side(values, mean, mean, mean);
        }
        double half = StudentT.quantile(1 - (1 - CONFIDENCE) / 2, values.size() - 1) * standardError(values, mean);
        return new Side(values, mean, mean - half, mean + half);
    }

    int trials() {
        return values.size();
    }

    double variance() {
        return variance(values, mean);
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double variance(List<Double> values, double mean) {
        return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
    }

    private static double standardError(List<Double> values, double mean) {
        return Math.sqrt(variance(values, mean) / values.size());
    }
}
