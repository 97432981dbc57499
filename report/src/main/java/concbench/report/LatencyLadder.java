package concbench.report;

import concbench.formats.PhaseResult;
import concbench.formats.RateSchedule;
import concbench.report.RunView.Measured;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * A scenario's latency ladder: its fixed-rate (open-model) phases, the same offered rates for every
 * implementation, ascending. A server sustained a rate when in every ok trial Gatling sent and the server completed
 * at least 95% of the offered rate, with no failed request; the first rate it did not
 * sustain is where it saturated, and its ladder ends there. A run with one fixed-rate phase is a ladder of one step.
 * A step the load generator failed requests of itself ({@code GeneratorError}: out of file descriptors, say) is not
 * sustained either and ends the ladder, but it is the generator's limit, not where the server saturated: how the
 * server would have done there is unknown.
 */
final class LatencyLadder {
    /** The share of the offered rate a server must keep up with, as {@code RateSchedule} counts it kept. */

    private final RunView view;
    private final String scenario;

    LatencyLadder(RunView view, String scenario) {
        this.view = view;
        this.scenario = scenario;
    }

    /** Every offered rate any trial of the scenario measured, ascending. */
    List<Integer> rates() {
        TreeSet<Integer> rates = new TreeSet<>();
        view.implementations(scenario).forEach(impl -> steps(impl).forEach(m -> rates.add(m.phase().rate())));
        return List.copyOf(rates);
    }

    /** The implementation's phases at the offered rate, one per ok trial that measured it. */
    List<Measured> at(String implementation, int rate) {
        return steps(implementation).stream().filter(m -> m.phase().rate() == rate).toList();
    }

    /** Every fixed-rate phase of the implementation's ok trials: each trial's steps of the ladder. */
    List<Measured> steps(String implementation) {
        return view.measuredPhases(implementation, scenario).stream().filter(m -> m.phase().isRate()).toList();
    }

    /** Whether every trial's phase at the rate kept its schedule without a failed request. */
    boolean sustained(String implementation, int rate) {
        List<Measured> phases = at(implementation, rate);
        return !phases.isEmpty() && phases.stream().map(Measured::phase).allMatch(LatencyLadder::kept);
    }

    /**
     * Where the implementation saturated: the first rate it measured and did not sustain, unless the load generator
     * failed requests there itself ({@link #generatorLimit}); empty when its ladder did not end for the server.
     */
    OptionalInt saturation(String implementation) {
        OptionalInt end = end(implementation);
        return end.isPresent() && !generatorFailed(implementation, end.getAsInt()) ? end : OptionalInt.empty();
    }

    /**
     * Where the load generator ended the implementation's ladder: the first rate it did not sustain, when the
     * generator failed requests there itself; empty otherwise.
     */
    OptionalInt generatorLimit(String implementation) {
        OptionalInt end = end(implementation);
        return end.isPresent() && generatorFailed(implementation, end.getAsInt()) ? end : OptionalInt.empty();
    }

    /** The first rate the implementation measured and did not sustain: where its ladder ends, for whatever reason. */
    private OptionalInt end(String implementation) {
        return rates().stream().filter(rate -> !at(implementation, rate).isEmpty() && !sustained(implementation, rate))
                .mapToInt(Integer::intValue).findFirst();
    }

    /** Whether the load generator failed requests itself at the rate, in any trial. */
    boolean generatorFailed(String implementation, int rate) {
        return at(implementation, rate).stream().anyMatch(m -> m.phase().stats().generatorErrors() > 0);
    }

    /**
     * The highest rate every one of the implementations sustained, each at every rate below it too (a ladder ends
     * where it first saturated); empty when they share none.
     */
    OptionalInt commonlySustained(List<String> implementations) {
        OptionalInt highest = OptionalInt.empty();
        for (int rate : rates()) {
            boolean all = !implementations.isEmpty();
            for (String impl : implementations) {
                OptionalInt end = saturation(impl);
                all &= sustained(impl, rate) && (end.isEmpty() || end.getAsInt() > rate);
            }
            if (all) {
                highest = OptionalInt.of(rate);
            }
        }
        return highest;
    }

    /**
     * Gatling sent, and the server completed, at least {@value RateSchedule#KEPT} of the offered rate, with no failed
     * request, and the runner did not record the rate as saturated (which also counts a step cut short for its
     * backlog). A busy load generator alone (which also makes {@code schedule.kept} false) does not end a server's ladder.
     */
    private static boolean kept(PhaseResult phase) {
        RateSchedule schedule = phase.schedule();
        return phase.stats().ko() == 0 && (schedule == null || schedule.onRate() && !schedule.saturated());
    }
}
