package concbench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code compare.json}, which {@code ./bench compare BASE RUN} writes into the run folder: how this run differs
 * from a base run, row by row, with the gate's verdicts. The report shows it; it never recomputes a verdict.
 */
record Comparison(int formatVersion, Side base, Side head, List<String> environmentWarnings, String method,
        int regressions, int improvements, List<Row> rows) {
    static final String FILE = "compare.json";
    /** Version 2 added each row's adjustedPValue, detectableChangePercent and notGatedReason; 1 reads without. */
    static final int FORMAT_VERSION = 2;
    private static final int OLDEST_VERSION = 1;
    static final String REGRESSION = "regression";
    static final String IMPROVEMENT = "improvement";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    Comparison {
        environmentWarnings = environmentWarnings == null ? List.of() : List.copyOf(environmentWarnings);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** One of the two runs compared; every field but {@code dir} may be null. */
    record Side(String dir, String gitCommit, String profile, String startedAt) {
    }

    /** One side's figures for a row: every trial's value, their mean and the interval the gate used. */
    record Values(List<Double> values, double mean, double low, double high) {
        Values {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * One compared figure.
     *
     * @param changePercent null when the base mean is 0 (a rise from nothing has no percentage)
     * @param pValue         null when the gate computed none: the row's own evidence
     * @param adjustedPValue null outside the rows the gate judged together: the evidence its verdict used
     * @param notGatedReason null when the row was gated, else why not (e.g. "too few samples to gate")
     * @param note           null when there is nothing to add
     */
    record Row(String implementation, String scenario, String phase, String metric, String unit, String better,
            Values base, Values head, Double changePercent, double thresholdPercent, Double pValue,
            Double adjustedPValue, String evidence, String verdict, String notGatedReason, String note) {
    }

    /** @throws UnusableResultsException for broken JSON, another format version or a missing field */
    static Comparison read(Path file) throws UnusableResultsException {
        JsonNode tree = ReportInputs.readJson(file);
        int version = tree == null ? -1 : tree.path("formatVersion").asInt(-1);
        if (version < OLDEST_VERSION || version > FORMAT_VERSION) {
            throw new UnusableResultsException(file + " has comparison format version "
                    + (version < 0 ? "(none)" : version) + ", this suite reads versions " + OLDEST_VERSION + " to "
                    + FORMAT_VERSION);
        }
        Comparison comparison;
        try {
            comparison = JSON.treeToValue(tree, Comparison.class);
        } catch (IOException e) {
            throw new UnusableResultsException(file + " does not match comparison format version " + FORMAT_VERSION
                    + ": " + e.getMessage());
        }
        if (comparison.base() == null || comparison.head() == null) {
            throw new UnusableResultsException(file + " names no base or head run");
        }
        return comparison;
    }
}
