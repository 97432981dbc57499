package concbench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code jmh.json}, JMH's own JSON output ({@code -rf json}), as far as the gate reads it: each benchmark's
 * primary score with its 99.9% confidence interval and the mean of each fork, and what it ran on.
 *
 * <p>A secondary result in bytes per something ({@code B/task}, from {@code concbench.jmh.FootprintProfiler}) is a
 * memory footprint, and becomes a score of its own named {@code <benchmark>:<result>}: it is what such a benchmark
 * measures, while its primary score only times the measuring (full GCs included), so that one is marked
 * {@code timesAFootprint} and never gates.
 *
 * @param jdk      the JDK of the first benchmark's forks
 * @param settings the forks, iterations and their times of the first benchmark, to warn when the sides differ
 */
record JmhResults(String jdk, String settings, List<Score> scores) {
    static final String FILE = "jmh.json";
    /** The unit of a footprint: bytes per task, per connection... */
    static final String BYTES_PER = "B/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param benchmark the benchmark without its package, e.g. {@code SpawnAndJoin.virtualThreadPerTask}
     * @param params    the parameters as {@code name=value}, comma-separated in name order; "" when none
     * @param forkMeans each fork's mean of its measured iterations: the trials of this side
     * @param low       the low end of JMH's 99.9% confidence interval; NaN when JMH had too few iterations
     * @param timesAFootprint the primary score of a benchmark that measures memory: a time that means nothing
     */
    record Score(String benchmark, String mode, String params, String unit, double score, double low, double high,
            List<Double> forkMeans, boolean timesAFootprint) {

        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        Side side() {
            return hasInterval() ? new Side(forkMeans, score, low, high) : new Side(forkMeans, score, score, score);
        }
    }

    /** @throws UnusableResultsException when the file is not JMH's JSON output */
    static JmhResults read(Path file) throws UnusableResultsException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnusableResultsException(file + " is not JMH's JSON output: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new UnusableResultsException(file + " is not JMH's JSON output (an array of benchmark results)");
        }
        List<Score> scores = new ArrayList<>();
        for (JsonNode result : root) {
            JsonNode primary = result.path("primaryMetric");
            if (!result.path("benchmark").isTextual() || !primary.path("score").isNumber()
                    || !primary.path("scoreUnit").isTextual()) {
                throw new UnusableResultsException(file + " is not JMH's JSON output: a result without benchmark, "
                        + "primaryMetric.score or primaryMetric.scoreUnit");
            }
            String benchmark = shortName(result.path("benchmark").asText());
            String mode = result.path("mode").asText("");
            String params = params(result.path("params"));
            List<Score> footprints = new ArrayList<>();
            result.path("secondaryMetrics").properties().forEach(secondary -> {
                if (secondary.getValue().path("scoreUnit").asText("").startsWith(BYTES_PER)) {
                    footprints.add(score(benchmark + ":" + secondary.getKey(), mode, params, secondary.getValue(),
                            false));
                }
            });
            scores.add(score(benchmark, mode, params, primary, !footprints.isEmpty()));
            scores.addAll(footprints);
        }
        JsonNode first = root.get(0);
        return new JmhResults(first.path("vmVersion").asText(first.path("jdkVersion").asText("unknown")),
                first.path("forks").asText("?") + " fork(s), " + first.path("warmupIterations").asText("?")
                        + " x " + first.path("warmupTime").asText("?") + " warm-up, "
                        + first.path("measurementIterations").asText("?") + " x "
                        + first.path("measurementTime").asText("?") + " measured",
                List.copyOf(scores));
    }

    private static Score score(String benchmark, String mode, String params, JsonNode metric,
            boolean timesAFootprint) {
        return new Score(benchmark, mode, params, metric.path("scoreUnit").asText(), metric.path("score").asDouble(),
                number(metric.path("scoreConfidence").path(0)), number(metric.path("scoreConfidence").path(1)),
                forkMeans(metric.path("rawData"), metric.path("score").asDouble()), timesAFootprint);
    }

    /** {@code concbench.jmh.SpawnAndJoin.virtualThreadPerTask} is {@code SpawnAndJoin.virtualThreadPerTask}. */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method < 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static String params(JsonNode params) {
        Map<String, String> sorted = new TreeMap<>();
        params.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join(",", pairs);
    }

    /** JMH writes a missing interval as the string "NaN". */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** Each fork's mean; the score alone when JMH left out its raw data. */
    private static List<Double> forkMeans(JsonNode rawData, double score) {
        List<Double> means = new ArrayList<>();
        for (JsonNode fork : rawData) {
            double sum = 0;
            for (JsonNode iteration : fork) {
                sum += iteration.asDouble();
            }
            if (!fork.isEmpty()) {
                means.add(sum / fork.size());
            }
        }
        return means.isEmpty() ? List.of(score) : List.copyOf(means);
    }
}
