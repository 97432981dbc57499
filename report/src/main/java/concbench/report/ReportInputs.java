package concbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concbench.formats.RunResults.UnusableResultsException;
import concbench.formats.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a folder holds for the report: a load-test run ({@code run.json} and its trial files), JMH's results
 * ({@code jmh.json}), a comparison with a base run ({@code compare.json}), or several of them. Each is null when
 * absent; at least one is present.
 */
record ReportInputs(Path dir, RunResults run, JmhResults jmh, Comparison comparison) {
    static final String RUN_FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws UnusableResultsException when the folder is missing, holds none of the three, or one is unreadable */
    static ReportInputs read(Path dir) throws UnusableResultsException {
        if (!Files.isDirectory(dir)) {
            throw new UnusableResultsException(dir + " is not a folder");
        }
        RunResults run = Files.exists(dir.resolve(RUN_FILE)) ? RunResults.read(dir) : null;
        JmhResults jmh = Files.exists(dir.resolve(JmhResults.FILE)) ? JmhResults.read(dir.resolve(JmhResults.FILE)) : null;
        Comparison comparison = Files.exists(dir.resolve(Comparison.FILE))
                ? Comparison.read(dir.resolve(Comparison.FILE)) : null;
        if (run == null && jmh == null && comparison == null) {
            throw new UnusableResultsException(dir + " holds nothing to report: no " + RUN_FILE + " (./bench run), "
                    + JmhResults.FILE + " (./bench jmh) or " + Comparison.FILE + " (./bench compare)");
        }
        return new ReportInputs(dir, run, jmh, comparison);
    }

    /** A JSON file's tree; an empty file is a missing node. */
    static JsonNode readJson(Path file) throws UnusableResultsException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnusableResultsException(file + " is not valid JSON: " + e.getMessage());
        }
    }
}
