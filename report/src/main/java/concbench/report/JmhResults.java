package concbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import concbench.formats.RunResults.UnusableResultsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jmh.json}: JMH's own JSON result format ({@code -rf json}), as {@code ./bench jmh} writes it. Read field by
 * field rather than bound to classes, since JMH writes an unavailable error as the string {@code "NaN"}.
 *
 * @param runs one per (benchmark, parameters), in the order JMH ran them
 */
record JmhResults(List<Benchmark> runs) {
    static final String FILE = "jmh.json";

    JmhResults {
        runs = List.copyOf(runs);
    }

    /**
     * One figure: its score, the half-width of JMH's 99.9% confidence interval ({@code scoreError}, NaN when the
     * run had too few iterations for one) and its unit.
     */
    record Metric(double score, double error, String unit) {
    }

    /**
     * One benchmark run with one set of parameters.
     *
     * @param benchmark the full name, e.g. {@code concbench.jmh.SpawnAndJoin.virtualThreadPerTask}
     * @param secondary further results by name, e.g. the footprint profiler's {@code heapBytes}
     */
    record Benchmark(String benchmark, String mode, Map<String, String> params, Metric primary,
            Map<String, Metric> secondary, String jdkVersion, String vmName, List<String> jvmArgs, int forks,
            int warmupIterations, String warmupTime, int measurementIterations, String measurementTime) {

        /** The benchmark class's simple name: {@code SpawnAndJoin}. */
        String className() {
            String owner = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
            return owner.substring(owner.lastIndexOf('.') + 1);
        }

        /** The benchmark method: {@code virtualThreadPerTask}. */
        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** {@code tasks=1000, mode=x}, or an empty string without parameters. */
        String paramsText() {
            List<String> pairs = new ArrayList<>();
            params.forEach((name, value) -> pairs.add(name + "=" + value));
            return String.join(", ", pairs);
        }
    }

    /** @throws UnusableResultsException when the file is not JMH's JSON output, with a message for the user */
    static JmhResults read(Path file) throws UnusableResultsException {
        JsonNode tree = ReportInputs.readJson(file);
        if (tree == null || !tree.isArray()) {
            throw new UnusableResultsException(file + " is not JMH's JSON output (./bench jmh writes it): "
                    + "expected a list of benchmark results");
        }
        List<Benchmark> runs = new ArrayList<>();
        for (JsonNode run : tree) {
            if (!run.path("benchmark").isTextual() || !run.path("primaryMetric").isObject()) {
                throw new UnusableResultsException(file + " is not JMH's JSON output (./bench jmh writes it): "
                        + "an entry has no benchmark name or primaryMetric");
            }
            Map<String, String> params = new LinkedHashMap<>();
            run.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            Map<String, Metric> secondary = new LinkedHashMap<>();
            run.path("secondaryMetrics").properties().forEach(p -> secondary.put(p.getKey(), metric(p.getValue())));
            List<String> jvmArgs = new ArrayList<>();
            run.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
            runs.add(new Benchmark(run.get("benchmark").asText(), run.path("mode").asText(""), params,
                    metric(run.get("primaryMetric")), secondary, run.path("jdkVersion").asText(""),
                    run.path("vmName").asText(""), jvmArgs, run.path("forks").asInt(),
                    run.path("warmupIterations").asInt(), run.path("warmupTime").asText(""),
                    run.path("measurementIterations").asInt(), run.path("measurementTime").asText("")));
        }
        if (runs.isEmpty()) {
            throw new UnusableResultsException(file + " holds no benchmark result");
        }
        return new JmhResults(runs);
    }

    /** JMH writes a number, or {@code "NaN"} as a string where it has none. */
    private static Metric metric(JsonNode node) {
        return new Metric(number(node.path("score")), number(node.path("scoreError")),
                node.path("scoreUnit").asText(""));
    }

    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The classes in the order their first benchmark ran, each with its runs. */
    Map<String, List<Benchmark>> byClass() {
        Map<String, List<Benchmark>> classes = new LinkedHashMap<>();
        runs.forEach(run -> classes.computeIfAbsent(run.className(), c -> new ArrayList<>()).add(run));
        return classes;
    }
}
