package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison.Side;
import concbench.report.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule for one row of {@code compare.json} alone: {@link FamilyOfRows} then decides the rows judged by the
 * t-test together, so that a whole comparison risks one false alarm in a hundred. The {@code method} text of the
 * file explains both.
 */
final class Judge {
    /** Why a row's evidence is weak when a side has one trial. */
    static final String SINGLE_TRIAL = "a single trial on a side";
    private static final double PERCENT = 100;

    private Judge() {
    }

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
    static Row row(Origin origin, Measure measure, Side base, Side head, double thresholdPercent,
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
            verdict = Row.NOT_GATED;
        } else if (!beyond(change, thresholdPercent) || difference == 0) {
            verdict = Row.NO_SIGNIFICANT_CHANGE;
        } else if (Math.abs(difference) <= measure.resolution()) {
            verdict = Row.NO_SIGNIFICANT_CHANGE;
            allNotes.add("within the instrument's resolution (" + Fmt.plain(measure.resolution()) + " "
                    + measure.unit() + ")");
        } else if (weak || evidenced(measure.evidence(), base, head, p)) {
            verdict = measure.better().worse(base.mean(), head.mean()) ? Row.REGRESSION : Row.IMPROVEMENT;
        } else {
            verdict = Row.NO_SIGNIFICANT_CHANGE;
        }
        if (weak && gated) {
            allNotes.add(weakReason + ": the threshold alone decides, weak evidence");
        }
        return new Row(origin.implementation(), origin.scenario(), origin.phase(), measure.metric(), measure.unit(),
                measure.better(), base, head, change, thresholdPercent, p, null, null, weak ? Row.WEAK : Row.STRONG, verdict,
                notGatedReason, allNotes.isEmpty() ? null : String.join("; ", allNotes));
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
}
