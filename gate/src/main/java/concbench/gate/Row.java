package concbench.gate;

import concbench.report.Fmt;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code compare.json}: one metric of one (implementation, scenario, phase) on both sides, and its
 * verdict. {@link #judge} is the rule for the row alone; {@link FamilyOfRows} then decides the rows judged by the
 * t-test together, so that a whole comparison risks one false alarm in a hundred. The {@code method} text of the
 * file explains both.
 *
 * @param changePercent    head mean against base mean, signed (positive: a bigger number); null when the base mean
 *                         is 0 and the head's is not, since no percentage of 0 exists
 * @param thresholdPercent how far the mean must move, in percent of the base mean, to count at all
 * @param pValue           the t-test's one-sided p-value in the direction the mean moved, for rows judged by it with
 *                         two trials or more a side: this row's evidence alone
 * @param adjustedPValue   the same after Holm's correction over every gated row of the comparison: the evidence
 *                         the verdict used; null for rows outside that family
 * @param detectableChangePercent the smallest change this row could show at the family's evidence bar, from the
 *                         base trials' spread; null for rows not judged by the t-test
 * @param evidence         {@code weak} when a side has a single trial (or a JMH score without an interval): the
 *                         verdict then rests on the threshold alone
 * @param notGatedReason   why a row is shown but never judged (e.g. {@value #TOO_FEW_SAMPLES}); null when gated
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
        Double adjustedPValue,
        Double detectableChangePercent,
        String evidence,
        String verdict,
        String notGatedReason,
        String note) {

    static final String REGRESSION = "regression";
    static final String IMPROVEMENT = "improvement";
    static final String NO_SIGNIFICANT_CHANGE = "no significant change";
    static final String NOT_GATED = "not gated";
    static final String STRONG = "strong";
    static final String WEAK = "weak";
    /** The reasons a row is not gated, as {@code notGatedReason} gives them. */
    static final String GENERATOR_BOUND = "generator-bound";
    static final String TOO_FEW_SAMPLES = "too few samples to gate";
    static final String TOO_NOISY = "too noisy to gate";
    static final String TIMES_A_FOOTPRINT = "times a footprint";
    static final String THREAD_ROLE = "a thread role's part";
    static final String FLOOR = "the floor";

    private static final double PERCENT = 100;
    static final String SINGLE_TRIAL = "a single trial on a side";

    /** Where a row comes from: the implementation (or JMH benchmark), the scenario ({@code jmh}) and the phase. */
    record Origin(String implementation, String scenario, String phase) {
    }

    /**
     * @param notGatedReason null for a row to judge; else why it is shown with its change but never judged (the
     *                       numbers do not measure the server, as a generator-bound phase's throughput, or are too
     *                       few to mean anything)
     * @param weakReason     why the evidence is weak (the threshold alone then decides), or null when it is not
     * @param notes          what the reader must know about this row, kept in order
     */
    static Row judge(Origin origin, Measure measure, Side base, Side head, double thresholdPercent,
            String notGatedReason, String weakReason, List<String> notes) {
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
        boolean gated = notGatedReason == null;
        Double p = !weak && measure.evidence() == Evidence.T_TEST ? TTest.oneSidedP(base, head) : null;
        String verdict;
        if (!gated) {
            verdict = NOT_GATED;
        } else if (!beyond(change, thresholdPercent) || difference == 0) {
            verdict = NO_SIGNIFICANT_CHANGE;
        } else if (Math.abs(difference) <= measure.resolution()) {
            verdict = NO_SIGNIFICANT_CHANGE;
            allNotes.add("within the instrument's resolution (" + Fmt.plain(measure.resolution()) + " "
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
                measure.better(), base, head, change, thresholdPercent, p, null, null, weak ? WEAK : STRONG, verdict,
                notGatedReason, allNotes.isEmpty() ? null : String.join("; ", allNotes));
    }

    /** This row, judged by the t-test, with the evidence of its family: it stands or becomes no change. */
    Row inFamily(Double detectable, double adjustedP, boolean stands, String why) {
        return new Row(implementation, scenario, phase, metric, unit, better, base, head, changePercent,
                thresholdPercent, pValue, adjustedP, detectable, evidence, stands ? verdict : NO_SIGNIFICANT_CHANGE,
                null, noted(why));
    }

    /** This row, judged by the t-test, left out of the family: its trials cannot show a change of its threshold. */
    Row tooNoisy(Double detectable, String why) {
        return new Row(implementation, scenario, phase, metric, unit, better, base, head, changePercent,
                thresholdPercent, pValue, null, detectable, evidence, NOT_GATED, TOO_NOISY, noted(why));
    }

    private String noted(String more) {
        return more == null ? note : note == null ? more : note + "; " + more;
    }

    /** A change beyond the threshold; a rise from 0 is beyond any. */
    private static boolean beyond(Double change, double thresholdPercent) {
        return change == null || Math.abs(change) > thresholdPercent;
    }

    private static boolean evidenced(Evidence evidence, Side base, Side head, Double p) {
        boolean up = head.mean() > base.mean();
        return switch (evidence) {
            case T_TEST -> p < Evidence.ALPHA;
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
