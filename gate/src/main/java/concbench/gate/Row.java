package concbench.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code compare.json}: one metric of one (implementation, scenario, phase) on both sides, and its
 * verdict. {@link #judge} is the whole decision rule; the {@code method} text of the file explains it.
 *
 * @param changePercent    head mean against base mean, signed (positive: a bigger number); null when the base mean
 *                         is 0 and the head's is not, since no percentage of 0 exists
 * @param thresholdPercent how far the mean must move, in percent of the base mean, to count at all
 * @param pValue           Welch's one-sided p-value, for rows judged by it with two trials or more a side
 * @param evidence         {@code weak} when a side has a single trial (or a JMH score without an interval): the
 *                         verdict then rests on the threshold alone
 */
record Row(
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
        String evidence,
        String verdict,
        String note) {

    static final String REGRESSION = "regression";
    static final String IMPROVEMENT = "improvement";
    static final String NO_SIGNIFICANT_CHANGE = "no significant change";
    static final String NOT_GATED = "not gated";
    static final String STRONG = "strong";
    static final String WEAK = "weak";

    private static final double PERCENT = 100;
    static final String SINGLE_TRIAL = "a single trial on a side";

    /** Where a row comes from: the implementation (or JMH benchmark), the scenario ({@code jmh}) and the phase. */
    record Origin(String implementation, String scenario, String phase) {
    }

    /**
     * @param gated     false where the numbers do not measure the server (a generator-bound phase's throughput):
     *                  the row is shown with its change but never judged
     * @param weakReason why the evidence is weak (the threshold alone then decides), or null when it is not
     * @param notes      what the reader must know about this row, kept in order
     */
    static Row judge(Origin origin, Measure measure, Side base, Side head, double thresholdPercent, boolean gated,
            String weakReason, List<String> notes) {
        List<String> allNotes = new ArrayList<>(notes);
        double difference = head.mean() - base.mean();
        Double change = null;
        if (base.mean() != 0) {
            change = difference / Math.abs(base.mean()) * PERCENT;
        } else if (difference == 0) {
            change = 0.0;
        } else {
            allNotes.add("the base is 0, so any change is beyond every threshold");
        }
        boolean weak = weakReason != null;
        Double p = !weak && measure.evidence() == Evidence.WELCH ? Welch.oneSidedP(base, head) : null;
        String verdict;
        if (!gated) {
            verdict = NOT_GATED;
        } else if (!beyond(change, thresholdPercent) || difference == 0) {
            verdict = NO_SIGNIFICANT_CHANGE;
        } else if (Math.abs(difference) <= measure.resolution()) {
            verdict = NO_SIGNIFICANT_CHANGE;
            allNotes.add("within the instrument's resolution (" + Format.number(measure.resolution()) + " "
                    + measure.unit() + ")");
        } else if (weak || evidenced(measure.evidence(), base, head, p)) {
            verdict = measure.better().worse(base.mean(), head.mean()) ? REGRESSION : IMPROVEMENT;
        } else {
            verdict = NO_SIGNIFICANT_CHANGE;
        }
        if (weak && gated) {
            allNotes.add(weakReason + ": the threshold alone decides, weak evidence");
        }
        return new Row(origin.implementation(), origin.scenario(), origin.phase(), measure.metric(), measure.unit(),
                measure.better(), base, head, change, thresholdPercent, p, weak ? WEAK : STRONG, verdict,
                allNotes.isEmpty() ? null : String.join("; ", allNotes));
    }

    /** A change beyond the threshold; a rise from 0 is beyond any. */
    private static boolean beyond(Double change, double thresholdPercent) {
        return change == null || Math.abs(change) > thresholdPercent;
    }

    private static boolean evidenced(Evidence evidence, Side base, Side head, Double p) {
        boolean up = head.mean() > base.mean();
        return switch (evidence) {
            case WELCH -> p < Evidence.ALPHA;
            case EVERY_TRIAL -> up ? head.min() > base.max() : head.max() < base.min();
            case DISJOINT_INTERVALS -> up ? head.low() > base.high() : head.high() < base.low();
            case ANY_CHANGE -> true;
        };
    }

    @JsonIgnore
    boolean isRegression() {
        return verdict.equals(REGRESSION);
    }

    @JsonIgnore
    boolean isImprovement() {
        return verdict.equals(IMPROVEMENT);
    }
}
