package concbench.report;

import java.util.Map;

/**
 * The marks beside a figure that a caveat weakens, shared by the tables, the verdicts and the notes under the
 * tables that explain them.
 */
final class Marks {
    /** Marks a figure the load generator limited. */
    static final String BOUND = "†";
    static final String BOUND_NOTE = Texts.paragraph(Marks.class, "bound-note", Map.of("mark", BOUND));
    /** Names a trial whose warm-up ran out before the server was at steady state. */
    static final String NOT_WARM = "not warm";
    static final String NOT_WARM_NOTE = Texts.paragraph(Marks.class, "not-warm-note", Map.of("mark", NOT_WARM));
    /** Marks a fixed-rate latency whose phase did not keep its schedule. */
    static final String LATE = "‼";
    static final String LATE_NOTE = Texts.paragraph(Marks.class, "late-note", Map.of("mark", LATE));

    private Marks() {
    }
}
