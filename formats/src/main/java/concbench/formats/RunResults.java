package concbench.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run folder read back: its {@code run.json} and every trial file in it, for the report and the regression
 * gate. {@code results/README.md} documents the format.
 *
 * <p>The trials are every {@code <implementation>-<scenario>-<trial>.json} in the folder, not only those
 * {@code run.json} lists: a runner killed with SIGKILL never rewrites {@code run.json}, and the trials it finished
 * before that are still results. They are ordered as they ran.
 *
 * @param dir the run folder
 */
public record RunResults(Path dir, RunManifest manifest, List<TrialResult> trials) {

    /** {@code <variant file id>-<scenario>-<trial>.json}, the id as {@link concbench.contract.Variant#fileId()}. */
    private static final Pattern TRIAL_FILE = Pattern.compile("[a-z0-9]+(\\+[a-z0-9]+=[a-z0-9]+)*-[a-z0-9]+-[0-9]+\\.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunResults {
        trials = List.copyOf(trials);
    }

    /**
     * @throws UnusableResultsException when the folder is not a run folder, a file is not valid JSON, or a file
     *                                  has another format version than this suite reads; the message says which
     */
    public static RunResults read(Path dir) throws UnusableResultsException {
        if (!Files.isDirectory(dir)) {
            throw new UnusableResultsException(dir + " is not a folder");
        }
        Path runFile = dir.resolve(RunManifest.FILE);
        if (!Files.isRegularFile(runFile)) {
            throw new UnusableResultsException(dir + " is not a run folder: it has no " + RunManifest.FILE
                    + " (./bench run writes one)");
        }
        RunManifest manifest = readFile(runFile, RunManifest.class);
        List<TrialResult> trials = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> TRIAL_FILE.matcher(f.getFileName().toString()).matches()).toList()) {
                trials.add(readFile(file, TrialResult.class));
            }
        } catch (IOException e) {
            throw new UnusableResultsException("cannot list " + dir + ": " + e.getMessage());
        }
        trials.sort(Comparator.comparing((TrialResult t) -> t.startedAt() == null ? "" : t.startedAt())
                .thenComparing(TrialResult::implementation).thenComparing(TrialResult::scenario)
                .thenComparingInt(TrialResult::trial));
        return new RunResults(dir, manifest, trials);
    }

    private static <T> T readFile(Path file, Class<T> type) throws UnusableResultsException {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnusableResultsException(file + " is not a results file: " + e.getMessage());
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version < ResultFiles.OLDEST_READABLE_VERSION || version > ResultFiles.FORMAT_VERSION) {
            throw new UnusableResultsException(file + " has results format version "
                    + (version < 0 ? "(none)" : version) + ", this suite reads versions "
                    + ResultFiles.OLDEST_READABLE_VERSION + " to " + ResultFiles.FORMAT_VERSION);
        }
        try {
            return JSON.treeToValue(tree, type);
        } catch (IOException e) {
            throw new UnusableResultsException(file + " does not match results format version " + version + ": "
                    + e.getMessage());
        }
    }

    /**
     * The trials of one implementation and scenario row, in trial order.
     *
     * @param scenarioKey the scenario and, for fan-out, its width: {@link TrialResult#scenarioKey()}
     */
    public List<TrialResult> trials(String implementation, String scenarioKey) {
        return trials.stream()
                .filter(t -> t.implementation().equals(implementation) && t.scenarioKey().equals(scenarioKey))
                .sorted(Comparator.comparingInt(TrialResult::trial))
                .toList();
    }

    /** Results that cannot be read, or not by this version of the suite; the message is for the user. */
    public static final class UnusableResultsException extends Exception {
        public UnusableResultsException(String message) {
            super(message);
        }
    }
}
