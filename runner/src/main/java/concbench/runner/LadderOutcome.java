package concbench.runner;

import concbench.formats.GeneratorError;
import concbench.formats.Ladder;
import concbench.formats.PhaseResult;
import java.util.List;
import java.util.Optional;

/**
 * Where a trial's latency ladder ended. Gatling ends it as soon as a step was not kept ({@code concbench.gatling
 * .Ladder}), so that no server is loaded far past what it can serve, and writes the step and why into
 * {@value TrialRunner#LADDER_END}; a ladder whose last step was not kept ends there with nothing written.
 *
 * <p>Gatling's judge knows that requests failed, not why: a Gatling session carries no error message. Where the
 * step's records say the load generator failed them itself ({@link GeneratorError}: out of file descriptors, say),
 * the reason is the records', which names the generator, and not "N request(s) failed", which would read as the
 * server's.
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
            int rate = Integer.parseInt(rateAndWhy[0]);
            String gatlingWhy = rateAndWhy.length > 1 ? rateAndWhy[1] : null;
            return new Ladder(rates, rate, Ladder.generatorsEnd(phases, rate).orElse(gatlingWhy));
        }
        return phases.stream().filter(p -> p.isRate() && p.schedule() != null && p.schedule().saturated())
                .findFirst().map(p -> new Ladder(rates, p.rate(), Ladder.why(p)))
                .orElse(new Ladder(rates, null, null));
    }
}
