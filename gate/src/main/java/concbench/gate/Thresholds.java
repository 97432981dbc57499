package concbench.gate;

import concbench.report.Fmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each metric's mean must move, in percent of the base mean, before a change can be a regression or an
 * improvement: {@value #DEFAULT_PERCENT}% unless given ({@code --threshold p99=20}). The error rate and failed
 * trials default to 0: any rise of either is a regression once the evidence shows it.
 */
record Thresholds(Map<String, Double> percent) {
    static final double DEFAULT_PERCENT = 10;
    static final List<String> METRICS = List.of(Measure.THROUGHPUT, Measure.P50, Measure.P90, Measure.P99, Measure.P999,
            Measure.CPU_PER_REQUEST, Measure.ERROR_RATE, Measure.FAILED_TRIALS, Measure.SCORE);
    private static final Map<String, Double> DEFAULTS = Map.of(Measure.ERROR_RATE, 0.0, Measure.FAILED_TRIALS, 0.0);

    Thresholds {
        percent = Map.copyOf(percent);
    }

    static Thresholds defaults() {
        return new Thresholds(Map.of());
    }

    /**
     * @param settings {@code METRIC=PERCENT} each, e.g. {@code throughput=5}
     * @throws IllegalArgumentException naming the bad setting and the metrics there are
     */
    static Thresholds parse(List<String> settings) {
        Map<String, Double> given = new LinkedHashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            String metric = eq < 0 ? setting : setting.substring(0, eq).strip();
            if (eq < 0 || !METRICS.contains(metric)) {
                throw new IllegalArgumentException("--threshold takes METRIC=PERCENT with METRIC one of "
                        + String.join(", ", METRICS) + ", not '" + setting + "'");
            }
            double value;
            try {
                value = Double.parseDouble(setting.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("--threshold " + metric + " needs a percentage of 0 or more, not '"
                        + setting.substring(eq + 1) + "'");
            }
            if (given.put(metric, value) != null) {
                throw new IllegalArgumentException("--threshold " + metric + " is given twice");
            }
        }
        return new Thresholds(given);
    }

    double of(String metric) {
        return percent.getOrDefault(metric, DEFAULTS.getOrDefault(metric, DEFAULT_PERCENT));
    }

    /** For the method text: every metric's threshold, e.g. "throughput 10%, p50 10%, ...". */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (String metric : METRICS) {
            text.append(text.isEmpty() ? "" : ", ").append(metric).append(' ')
                    .append(Fmt.plain(of(metric))).append('%');
        }
        return text.toString();
    }
}
