package concbench.formats;

import com.fasterxml.jackson.databind.JsonNode;
import concbench.formats.RunResults.UnusableResultsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code jmh.json}: JMH's own JSON result format ({@code -rf json}), as {@code ./bench jmh} writes it, for the
 * report and the gate. Read field by field rather than bound to classes: JMH writes a number it does not have (an
 * error with too few iterations, a score a benchmark could not produce) as the string {@code "NaN"}, which reads as
 * {@link Double#NaN}; any other text where a number belongs makes the file unusable.
 *
 * @param runs one per (benchmark, parameters, mode), in the order JMH ran them; never empty
 */
public record JmhResults(List<Benchmark> runs) {
    public static final String FILE = "jmh.json";
    /** What JMH writes where it has no number. */
    private static final String NOT_A_NUMBER = "NaN";
    private static final String NOT_JMH = " is not JMH's JSON output (./bench jmh writes it): ";

    public JmhResults {
        runs = List.copyOf(runs);
    }

    /**
     * One figure.
     *
     * @param error   the half-width of JMH's 99.9% confidence interval ({@code scoreError}); NaN when the run had too
     *                few iterations for one
     * @param low     the low end of that interval ({@code scoreConfidence[0]}); NaN likewise
     * @param high    its high end; NaN likewise
     * @param rawData every measured iteration, fork by fork; empty when JMH left it out
     */
    public record Metric(double score, double error, double low, double high, String unit,
            List<List<Double>> rawData) {
        public Metric {
            rawData = rawData.stream().map(List::copyOf).toList();
        }

        /** Whether JMH gave a confidence interval. */
        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        /** Each fork's mean of its measured iterations; empty when JMH left out its raw data. */
        public List<Double> forkMeans() {
            return rawData.stream().filter(fork -> !fork.isEmpty())
                    .map(fork -> fork.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                    .toList();
        }
    }

    /**
     * One benchmark run with one set of parameters.
     *
     * @param benchmark the full name, e.g. {@code concbench.jmh.SpawnAndJoin.virtualThreadPerTask}
     * @param params    the parameters by name, in name order
     * @param secondary further results by name, e.g. the footprint profiler's {@code heapBytes}, in JMH's order
     */
    public record Benchmark(String benchmark, String mode, SortedMap<String, String> params, Metric primary,
            Map<String, Metric> secondary, String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs,
            int forks, int warmupIterations, String warmupTime, int measurementIterations, String measurementTime) {

        public Benchmark {
            params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
            secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
            jvmArgs = List.copyOf(jvmArgs);
        }

        /** The benchmark class's simple name: {@code SpawnAndJoin}. */
        public String className() {
            String owner = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
            return owner.substring(owner.lastIndexOf('.') + 1);
        }

        /** The benchmark method: {@code virtualThreadPerTask}. */
        public String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** Class and method without the package: {@code SpawnAndJoin.virtualThreadPerTask}. */
        public String shortName() {
            return className().isEmpty() ? method() : className() + "." + method();
        }

        /** {@code mode=x, tasks=1000}: the parameters in name order; an empty string without parameters. */
        public String paramsText() {
            List<String> pairs = new ArrayList<>();
            params.forEach((name, value) -> pairs.add(name + "=" + value));
            return String.join(", ", pairs);
        }
    }

    /** The JDK the first benchmark's forks ran on: JMH's {@code vmVersion}, else its {@code jdkVersion}. */
    public String jdk() {
        Benchmark first = runs.getFirst();
        return !first.vmVersion().isEmpty() ? first.vmVersion()
                : !first.jdkVersion().isEmpty() ? first.jdkVersion() : "unknown";
    }

    /** The forks, iterations and their times of the first benchmark, to tell when two runs were set up apart. */
    public String settings() {
        Benchmark first = runs.getFirst();
        return first.forks() + " fork(s), " + first.warmupIterations() + " x " + first.warmupTime() + " warm-up, "
                + first.measurementIterations() + " x " + first.measurementTime() + " measured";
    }

    /** The classes in the order their first benchmark ran, each with its runs. */
    public Map<String, List<Benchmark>> byClass() {
        Map<String, List<Benchmark>> classes = new LinkedHashMap<>();
        runs.forEach(run -> classes.computeIfAbsent(run.className(), c -> new ArrayList<>()).add(run));
        return classes;
    }

    /**
     * @throws UnusableResultsException when the file is empty, not JSON, not a list of JMH results, holds no result,
     *                                  or has text where a number belongs; the message says which
     */
    public static JmhResults read(Path file) throws UnusableResultsException {
        JsonNode tree = ResultFiles.readTree(file);
        if (!tree.isArray()) {
            throw new UnusableResultsException(file + NOT_JMH + "expected a list of benchmark results");
        }
        if (tree.isEmpty()) {
            throw new UnusableResultsException(file + " holds no benchmark result");
        }
        List<Benchmark> runs = new ArrayList<>();
        for (JsonNode run : tree) {
            if (!run.path("benchmark").isTextual() || !run.path("primaryMetric").isObject()) {
                throw new UnusableResultsException(file + NOT_JMH + "an entry has no benchmark name or primaryMetric");
            }
            String name = run.get("benchmark").asText();
            SortedMap<String, String> params = new TreeMap<>();
            run.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            Map<String, Metric> secondary = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : run.path("secondaryMetrics").properties()) {
                secondary.put(p.getKey(), metric(file, name + " " + p.getKey(), p.getValue()));
            }
            List<String> jvmArgs = new ArrayList<>();
            run.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
            runs.add(new Benchmark(name, run.path("mode").asText(""), params,
                    metric(file, name, run.get("primaryMetric")), secondary, run.path("jdkVersion").asText(""),
                    run.path("vmName").asText(""), run.path("vmVersion").asText(""), jvmArgs, run.path("forks").asInt(),
                    run.path("warmupIterations").asInt(), run.path("warmupTime").asText(""),
                    run.path("measurementIterations").asInt(), run.path("measurementTime").asText("")));
        }
        return new JmhResults(runs);
    }

    /** A metric needs a score and a unit; its error, interval and raw data are optional. */
    private static Metric metric(Path file, String what, JsonNode node) throws UnusableResultsException {
        if (node.path("score").isMissingNode() || !node.path("scoreUnit").isTextual()) {
            throw new UnusableResultsException(file + NOT_JMH + what + " has no score or scoreUnit");
        }
        List<List<Double>> rawData = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                iterations.add(number(file, what + " rawData", iteration));
            }
            rawData.add(iterations);
        }
        JsonNode confidence = node.path("scoreConfidence");
        return new Metric(number(file, what + " score", node.get("score")),
                optional(file, what + " scoreError", node.path("scoreError")),
                optional(file, what + " scoreConfidence", confidence.path(0)),
                optional(file, what + " scoreConfidence", confidence.path(1)), node.get("scoreUnit").asText(),
                rawData);
    }

    private static double optional(Path file, String what, JsonNode node) throws UnusableResultsException {
        return node.isMissingNode() || node.isNull() ? Double.NaN : number(file, what, node);
    }

    /** A number, or JMH's {@code "NaN"} for none. */
    private static double number(Path file, String what, JsonNode node) throws UnusableResultsException {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual() && node.asText().equals(NOT_A_NUMBER)) {
            return Double.NaN;
        }
        throw new UnusableResultsException(file + NOT_JMH + what + " is " + node + ", not a number");
    }
}
