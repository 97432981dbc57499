package concbench.gate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import concbench.formats.RunManifest;
import concbench.formats.RunResults;
import concbench.formats.TrialResult;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real trials of {@code fixture-ci/} (this package's test resources): the {@code run.json} and trial files,
 * nothing else, of identical code: the 12 rounds, base and head alike, of two {@code ./bench ab HEAD --impls
 * netty,vertx}, pooled in the order they ran (gate/README.md, "Calibration"; {@value #COMMAND} records an
 * equivalent one). Any set of its trial numbers is a side as {@code ./bench ab} pools its rounds: trial k of every
 * (implementation, scenario) ran back to back, as a round does. A side may carry a slowdown injected into one
 * implementation: its throughput divided by the factor, its latencies and CPU per request multiplied by it, in
 * every phase.
 */
final class RecordedTrials {
    static final String FOLDER = "fixture-ci";
    static final String COMMAND = "./bench run --profile ci --impls netty,vertx --trials 12";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final List<String> LATENCIES = List.of("p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs");

    private final RunResults run;
    private final Map<List<Object>, Map<Integer, List<TrialResult>>> slowed = new ConcurrentHashMap<>();

    private RecordedTrials(RunResults run) {
        this.run = run;
    }

    /** @return null when no fixture has been recorded into the test resources */
    static RecordedTrials read() {
        URL folder = RecordedTrials.class.getResource(FOLDER + "/" + RunManifest.FILE);
        if (folder == null) {
            return null;
        }
        try {
            return new RecordedTrials(RunResults.read(Path.of(folder.toURI()).getParent()));
        } catch (URISyntaxException | RunResults.UnusableResultsException e) {
            throw new IllegalStateException("the recorded trials of " + FOLDER + " cannot be read", e);
        }
    }

    RunResults run() {
        return run;
    }

    /** The trial numbers, 1 to 12. */
    List<Integer> trialNumbers() {
        return List.copyOf(new TreeSet<>(run.trials().stream().map(TrialResult::trial).toList()));
    }

    /** The servers the run measured, as its run.json lists them. */
    List<String> implementations() {
        return run.manifest().implementations();
    }

    /** The trials numbered {@code numbers}, of every (implementation, scenario), as it was recorded. */
    RunResults side(Collection<Integer> numbers) {
        return side(numbers, "", 1);
    }

    /** The same, {@code implementation}'s trials slowed down by {@code factor} (1.2: 20% slower). */
    RunResults side(Collection<Integer> numbers, String implementation, double factor) {
        Map<Integer, List<TrialResult>> trials = slowed.computeIfAbsent(List.of(implementation, factor),
                key -> slowedDown(implementation, factor));
        List<TrialResult> chosen = new ArrayList<>();
        numbers.forEach(n -> chosen.addAll(trials.getOrDefault(n, List.of())));
        return new RunResults(run.dir(), run.manifest(), chosen);
    }

    private Map<Integer, List<TrialResult>> slowedDown(String implementation, double factor) {
        Map<Integer, List<TrialResult>> byNumber = new ConcurrentHashMap<>();
        for (TrialResult trial : run.trials()) {
            TrialResult kept = trial.implementation().equals(implementation) ? slowedDown(trial, factor) : trial;
            byNumber.computeIfAbsent(trial.trial(), n -> new ArrayList<>()).add(kept);
        }
        return byNumber;
    }

    private static TrialResult slowedDown(TrialResult trial, double factor) {
        JsonNode tree = JSON.valueToTree(trial);
        for (JsonNode phase : tree.path("phases")) {
            ObjectNode stats = (ObjectNode) phase.get("stats");
            stats.put("throughput", stats.get("throughput").asDouble() / factor);
            ObjectNode latency = (ObjectNode) stats.get("latency");
            LATENCIES.forEach(p -> latency.put(p, latency.get(p).asDouble() * factor));
            if (phase.path("cost").isObject()) {
                ObjectNode cost = (ObjectNode) phase.get("cost");
                cost.put("serverCpuMicrosPerRequest", cost.get("serverCpuMicrosPerRequest").asDouble() * factor);
            }
        }
        try {
            return JSON.treeToValue(tree, TrialResult.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every way to choose {@code k} of {@code from}, in lexicographic order. */
    static List<List<Integer>> combinations(List<Integer> from, int k) {
        List<List<Integer>> all = new ArrayList<>();
        choose(from, k, 0, new ArrayList<>(), all);
        return all;
    }

    private static void choose(List<Integer> from, int k, int start, List<Integer> chosen, List<List<Integer>> all) {
        if (chosen.size() == k) {
            all.add(List.copyOf(chosen));
            return;
        }
        for (int i = start; i <= from.size() - (k - chosen.size()); i++) {
            chosen.add(from.get(i));
            choose(from, k, i + 1, chosen, all);
            chosen.removeLast();
        }
    }

    /** {@code from} without {@code taken}, in order. */
    static List<Integer> rest(List<Integer> from, Collection<Integer> taken) {
        return from.stream().filter(n -> !taken.contains(n)).toList();
    }
}
