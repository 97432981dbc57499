package concbench.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trial's latency ladder: the fixed arrival rates it was to run one after another, each a {@code rate-<rate>}
 * phase, the same for every implementation in a run, and where the server could not keep up. The first rate a
 * server could not keep (achieved or completed under {@value RateSchedule#KEPT} of the offered rate, or any error,
 * or a backlog that outgrew {@code Ladder#BACKLOG_SECONDS} of arrivals) ends its ladder: the rates above it are not
 * run for it.
 *
 * @param rates         the rates planned, requests per second, ascending
 * @param saturatedRate the rate that ended the ladder, where the server saturated; null when it kept every rate
 * @param saturation    why that rate was not kept, in words; null when every rate was kept
 */
public record Ladder(List<Integer> rates, Integer saturatedRate, String saturation) {

    public Ladder {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    /** Whether the server kept every rate of the ladder. */
    public boolean keptEveryRate() {
        return saturatedRate == null;
    }

    /**
     * Why the step at {@code rate} was not kept, from its records ({@link #why}), where the load generator failed
     * requests of it itself; empty otherwise, when the reason recorded for it stands.
     */
    public static Optional<String> generatorsEnd(List<PhaseResult> phases, int rate) {
        return phases.stream().filter(p -> p.isRate() && p.rate() == rate && p.stats().generatorErrors() > 0)
                .findFirst().map(Ladder::why);
    }

    /**
     * Why a step was not kept, from its records: the load generator's own failures first ({@link GeneratorError}),
     * as they make every other figure of the step the generator's; then its missed schedule; then the server's
     * failed requests, e.g. {@code the load generator ran out of file descriptors: 11208 requests failed to open a
     * socket; Gatling sent 4836 of 20000 req/s}. Null when nothing says why.
     */
    public static String why(PhaseResult step) {
        List<String> reasons = new ArrayList<>(GeneratorError.reasons(step.stats().errors()));
        if (step.schedule() != null && step.schedule().missed() != null) {
            reasons.add(step.schedule().missed());
        }
        if (step.stats().serverErrors() > 0) {
            reasons.add(step.stats().serverErrors() + " request(s) failed");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
