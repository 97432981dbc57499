package concbench.runner;

import concbench.formats.Ladder;
import concbench.formats.PhaseResult;
import java.util.List;
import java.util.Optional;

/**
 * Where a trial's latency ladder ended. Gatling ends it as soon as a step was not kept ({@code concbench.gatling
 * .Ladder}), so that no server is loaded far past what it can serve, and writes the step and why into
 * {@value TrialRunner#LADDER_END}; a ladder whose last step was not kept ends there with nothing written.
 */
final class LadderOutcome {
    private LadderOutcome() {
    }

    /**
     * @param rates     the rates planned
     * @param phases    the trial's phases, its ladder steps among them in the order run
     * @param ladderEnd what Gatling wrote when it ended the ladder: {@code <rate> <why>}; empty when it did not
     */
    static Ladder of(List<Integer> rates, List<PhaseResult> phases, Optional<String> ladderEnd) {
        if (ladderEnd.isPresent()) {
            String[] rateAndWhy = ladderEnd.get().split(" ", 2);
            return new Ladder(rates, Integer.valueOf(rateAndWhy[0]), rateAndWhy.length > 1 ? rateAndWhy[1] : null);
        }
        return phases.stream().filter(p -> p.isRate() && p.schedule() != null && p.schedule().saturated())
                .findFirst().map(p -> new Ladder(rates, p.rate(), why(p)))
                .orElse(new Ladder(rates, null, null));
    }

    /** Why a step was not kept: its missed schedule, and its failed requests. */
    private static String why(PhaseResult step) {
        String failed = step.stats().ko() > 0 ? step.stats().ko() + " request(s) failed" : null;
        String missed = step.schedule().missed();
        return missed == null ? failed : failed == null ? missed : missed + "; " + failed;
    }
}
