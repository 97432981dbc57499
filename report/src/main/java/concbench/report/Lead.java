package concbench.report;

import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * Which model leads on one figure of one scenario, by how much over the runner-up, and whether that margin can be
 * trusted: it must exceed the spread between trials (the leader's worst trial better than the runner-up's best),
 * the measurement floor's noise where the run measured a floor, and the figure's resolution.
 *
 * @param leader       the implementation with the best mean figure; several joined by {@code " = "} when their
 *                     figures are exactly the same
 * @param value        its figure, formatted
 * @param runnerUp     the second best, or null when only one model has the figure
 * @param runnerUpValue its figure, formatted; null with it
 * @param margin       how far the runner-up trails, as {@code +12%}; null with it
 * @param verdict      whether the margin can be trusted, in words
 * @param context      where the figure was measured ({@code at 64 users}, {@code at 500 req/s}); may be empty
 */
record Lead(String leader, String value, String runnerUp, String runnerUpValue, String margin, Verdict verdict,
        String context) {

    /** How much a margin can be trusted. */
    enum Trust { SURE, TIE, UNSURE }

    record Verdict(Trust trust, String text) {
    }

    /**
     * One model's figure: the mean of its trials, each trial's value, and whether it is only a lower bound (its
     * load generator was saturated).
     */
    record Candidate(String implementation, double mean, List<Double> trials, boolean lowerBound) {
    }

    /**
     * How a figure is compared.
     *
     * @param higherIsBetter capacity: the highest leads; latency, CPU and memory: the lowest
     * @param floorNoise     the relative margin the floor's noise allows (e.g. 0.20), or null where the run has no
     *                       floor for the figure
     * @param resolution     the smallest difference the figure can show (Gatling's 1 ms), 0 for none
     * @param format         the figure as shown, with its unit
     */
    record Rule(boolean higherIsBetter, Double floorNoise, double resolution, DoubleFunction<String> format) {
    }

    static final String LOWER_BOUND = "†";

    /** The lead among the candidates, which must not be empty. */
    static Lead of(List<Candidate> candidates, Rule rule, String context) {
        Comparator<Candidate> best = Comparator.comparingDouble(Candidate::mean);
        List<Candidate> ranked = candidates.stream().sorted(rule.higherIsBetter() ? best.reversed() : best).toList();
        Candidate first = ranked.getFirst();
        // Models with exactly the same figure (whole milliseconds often coincide) share the lead.
        List<Candidate> tied = ranked.stream().takeWhile(c -> c.mean() == first.mean()).toList();
        String leader = tied.stream().map(Candidate::implementation).collect(Collectors.joining(" = "));
        if (tied.size() == ranked.size()) {
            return new Lead(leader, shown(first, rule), null, null, null, new Verdict(tied.size() == 1 ? Trust.UNSURE
                    : Trust.TIE, tied.size() == 1 ? "the only model with this figure" : "tie: the same figure"),
                    context);
        }
        Candidate second = ranked.get(tied.size());
        double margin = margin(first, second, rule);
        return new Lead(leader, shown(first, rule), second.implementation(), shown(second, rule),
                Double.isFinite(margin) ? Fmt.change(100 * margin) : "n/a", verdict(first, second, margin, rule),
                context);
    }

    /** The runner-up's figure over the leader's, minus one: how much more (less, for capacity) it takes. */
    private static double margin(Candidate first, Candidate second, Rule rule) {
        if (rule.higherIsBetter()) {
            return first.mean() / second.mean() - 1;
        }
        return second.mean() / Math.max(first.mean(), rule.resolution()) - 1;
    }

    private static Verdict verdict(Candidate first, Candidate second, double margin, Rule rule) {
        if (rule.higherIsBetter() && second.lowerBound()) {
            return new Verdict(Trust.UNSURE, "not established: the runner-up's figure is a lower bound");
        }
        // Gatling's clock counts whole milliseconds: two p99s 1 ms apart may be one reading apart (the gate's rule).
        if (rule.resolution() > 0 && Math.abs(first.mean() - second.mean()) <= rule.resolution()) {
            return new Verdict(Trust.TIE, "tie: within the " + rule.format().apply(rule.resolution())
                    + " resolution");
        }
        String noise = rule.floorNoise() == null ? "" : Fmt.percent(rule.floorNoise());
        if (rule.floorNoise() != null && !(margin > rule.floorNoise())) {
            return new Verdict(Trust.TIE, "tie: within the floor's noise (" + noise + ")");
        }
        if (first.trials().size() < 2 || second.trials().size() < 2) {
            return new Verdict(Trust.UNSURE, "one trial: spread unknown"
                    + (rule.floorNoise() == null ? "" : "; beyond the floor's noise"));
        }
        boolean apart = rule.higherIsBetter()
                ? min(first.trials()) > max(second.trials())
                : max(first.trials()) < min(second.trials());
        if (!apart) {
            return new Verdict(Trust.TIE, "tie: within the trials' spread");
        }
        return new Verdict(Trust.SURE, "✓ beyond the trials' spread"
                + (rule.floorNoise() == null ? "" : " and the floor's noise"));
    }

    private static String shown(Candidate candidate, Rule rule) {
        String figure = rule.format().apply(candidate.mean());
        return candidate.lowerBound() ? "≥" + figure + LOWER_BOUND : figure;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
