package concbench.gate;

/**
 * What counts as statistical evidence for a row's change, besides the change being beyond its threshold. Each
 * metric has the rule that fits how its numbers vary; the method text of {@code compare.json} explains them all.
 */
enum Evidence {
    /**
     * The t-test on the trial values ({@link TTest}), one-sided in the direction the mean moved, at p below
     * {@link #ALPHA} after Holm's correction over every row judged so ({@link FamilyOfRows}).
     */
    T_TEST,
    /**
     * Every head trial beyond every base trial. For error rates: a sound server has none, so their spread is no
     * noise a t-test could model, and a rise that every trial shows is the signal.
     */
    EVERY_TRIAL,
    /** The two sides' intervals do not overlap: JMH's own 99.9% confidence intervals. */
    DISJOINT_INTERVALS,
    /** Any change: a trial that failed is no noise. */
    ANY_CHANGE;

    /** The chance of a false alarm a whole comparison may take: one comparison of identical code in a hundred. */
    static final double ALPHA = 0.01;
}
