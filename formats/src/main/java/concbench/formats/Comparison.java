package concbench.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code compare.json}, which {@code ./bench compare BASE RUN} writes into the run folder and the report shows
 * without recomputing a verdict; {@code gate/README.md} documents every field. Read strictly: a field this suite
 * does not know (a renamed one, say) makes the file unusable rather than silently null.
 *
 * @param environmentWarnings how the two runs' machines and settings differ: a difference there can explain any
 *                            row
 * @param method              one paragraph: how the intervals and the evidence were computed, and why
 * @param alpha               the chance of a false alarm the whole comparison takes (for regressions; improvements
 *                            alike): the level of Holm's correction; 0 in files of version 1
 * @param familySize          the rows the t-test judged together under that correction; 0 in files of version 1
 */
public record Comparison(
        int formatVersion,
        End base,
        End head,
        List<String> environmentWarnings,
        String method,
        double alpha,
        int familySize,
        int regressions,
        int improvements,
        List<Row> rows) {

    public static final String FILE = "compare.json";
    /** Version 2 added alpha, familySize and each row's adjustedPValue, detectableChangePercent and notGatedReason. */
    public static final int FORMAT_VERSION = 2;
    /** Version 1 only lacks fields of version 2, so it reads with them absent. */
    public static final int OLDEST_READABLE_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Comparison {
        environmentWarnings = environmentWarnings == null ? List.of() : List.copyOf(environmentWarnings);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** Whether the head passed the gate: no row is a regression. */
    public boolean passed() {
        return regressions == 0;
    }

    /** One of the two runs compared, as given: its folder, and the commit, profile and start of a run folder. */
    public record End(String dir, String gitCommit, String profile, String startedAt) {
    }

    /** One side of a row: a value per trial, their mean, and the interval the verdict used. */
    public record Side(List<Double> values, double mean, double low, double high) {
        public Side {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public int trials() {
            return values.size();
        }

        /** The sample variance of the trial values (n - 1 in the denominator). */
        public double variance() {
            return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        }

        public double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        public double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    /**
     * One compared figure: one metric of one (implementation, scenario, phase), or of one JMH benchmark, on both
     * sides, and its verdict.
     *
     * @param changePercent    head mean against base mean, signed (positive: a bigger number); null when the base
     *                         mean is 0 and the head's is not, since no percentage of 0 exists
     * @param thresholdPercent how far the mean must move, in percent of the base mean, to count at all
     * @param pValue           the t-test's one-sided p-value in the direction the mean moved, for rows judged by it
     *                         with two trials or more a side: this row's evidence alone
     * @param adjustedPValue   the same after Holm's correction over every gated row of the comparison: the evidence
     *                         the verdict used; null for rows outside that family
     * @param detectableChangePercent the smallest change this row could show at the family's evidence bar, from the
     *                         base trials' spread; null for rows not judged by the t-test
     * @param evidence         {@value #WEAK} when a side has a single trial (or a JMH score without an interval):
     *                         the verdict then rests on the threshold alone; else {@value #STRONG}
     * @param verdict          {@value #REGRESSION}, {@value #IMPROVEMENT}, {@value #NO_SIGNIFICANT_CHANGE} or
     *                         {@value #NOT_GATED}
     * @param notGatedReason   why a row is shown but never judged (e.g. {@value #TOO_FEW_SAMPLES}); null when gated
     * @param note             what the reader must know about this row; null when there is nothing to add
     */
    public record Row(
            String implementation,
            String scenario,
            String phase,
            String metric,
            String unit,
            Better better,
            Side base,
            Side head,
            Double changePercent,
            double thresholdPercent,
            Double pValue,
            Double adjustedPValue,
            Double detectableChangePercent,
            String evidence,
            String verdict,
            String notGatedReason,
            String note) {

        /** The verdicts. */
        public static final String REGRESSION = "regression";
        public static final String IMPROVEMENT = "improvement";
        public static final String NO_SIGNIFICANT_CHANGE = "no significant change";
        public static final String NOT_GATED = "not gated";
        /** The evidence. */
        public static final String STRONG = "strong";
        public static final String WEAK = "weak";
        /** The reasons a row is not gated. */
        public static final String GENERATOR_BOUND = "generator-bound";
        public static final String BACKEND_BOUND = "back-end-bound";
        public static final String SATURATED = "a ladder step not kept";
        public static final String TOO_FEW_SAMPLES = "too few samples to gate";
        public static final String TOO_NOISY = "too noisy to gate";
        public static final String TIMES_A_FOOTPRINT = "times a footprint";
        public static final String THREAD_ROLE = "a thread role's part";
        public static final String FLOOR = "the floor";

        @JsonIgnore
        public boolean isRegression() {
            return REGRESSION.equals(verdict);
        }

        @JsonIgnore
        public boolean isImprovement() {
            return IMPROVEMENT.equals(verdict);
        }
    }

    /**
     * @throws UnusableResultsException for broken JSON, another format version, a field this suite does not know,
     *                                  or a file that names no base or head run; the message says which
     */
    public static Comparison read(Path file) throws UnusableResultsException {
        JsonNode tree = ResultFiles.readTree(file);
        int version = tree.path("formatVersion").asInt(-1);
        if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
            throw new UnusableResultsException(file + " has comparison format version "
                    + (version < 0 ? "(none)" : version) + ", this suite reads versions " + OLDEST_READABLE_VERSION
                    + " to " + FORMAT_VERSION);
        }
        Comparison comparison;
        try {
            comparison = JSON.treeToValue(tree, Comparison.class);
        } catch (IOException e) {
            throw new UnusableResultsException(file + " does not match comparison format version " + version + ": "
                    + e.getMessage());
        }
        if (comparison.base() == null || comparison.head() == null) {
            throw new UnusableResultsException(file + " names no base or head run");
        }
        return comparison;
    }
}
