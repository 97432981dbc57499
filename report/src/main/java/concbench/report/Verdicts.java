package concbench.report;

import concbench.formats.PhaseResult;
import concbench.formats.TrialResult;
import concbench.report.RunView.Measured;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The verdicts of a scenario in plain sentences, each with the numbers it rests on and, in the same sentence, what
 * weakens it: a generator-bound measurement (a lower bound, which may rank the load generator instead of the
 * servers) or an implementation with failed trials. The same sentences go to the page and to the summary.
 */
final class Verdicts {
    /** Starts every sentence that weakens a verdict, so both renderings can make it stand out. */
    static final String CAVEAT = "Caveat:";
    private static final ToDoubleFunction<PhaseResult> THROUGHPUT = p -> p.stats().throughput();
    private static final ToDoubleFunction<PhaseResult> P99 = p -> p.stats().latency().p99Ms();
    private static final ToDoubleFunction<PhaseResult> CPU_PER_REQUEST = p -> p.cost().serverCpuMicrosPerRequest();

    private Verdicts() {
    }

    /** One implementation's phases behind a verdict and the mean of the figure compared. */
    private record Candidate(String implementation, List<Measured> measured, double mean) {
    }

    /** The scenario's verdicts; one sentence saying so when nothing was measured. */
    static List<String> of(RunView view, String scenario) {
        List<String> verdicts = new ArrayList<>();
        String failures = failureCaveat(view, scenario);
        for (int users : view.levels(scenario)) {
            List<Candidate> candidates = candidates(view, scenario, impl -> view.sweep(impl, scenario, users),
                    THROUGHPUT);
            if (candidates.isEmpty()) {
                continue;
            }
            Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::mean)).orElseThrow();
            Candidate slowest = candidates.stream().min(Comparator.comparingDouble(Candidate::mean)).orElseThrow();
            String text = candidates.size() == 1
                    ? "At " + users + " users, only " + best.implementation() + " was measured: "
                            + Fmt.rate(best.mean()) + " req/s " + trialsNote(candidates) + "."
                    : "At " + users + " users, " + best.implementation() + " served the most requests per second: "
                            + Fmt.rate(best.mean()) + " req/s, " + Fmt.factor(best.mean() / slowest.mean())
                            + " the slowest, " + slowest.implementation() + " at " + Fmt.rate(slowest.mean())
                            + " req/s " + trialsNote(candidates) + ".";
            verdicts.add(text + boundCaveat(candidates, "a lower bound for the server",
                    "lower bounds for the servers, and this ranking may measure the load generator rather than them")
                    + failures);
        }
        view.rate(scenario).ifPresent(rate -> {
            List<Candidate> latency = candidates(view, scenario, impl -> view.rate(impl, scenario), P99);
            if (!latency.isEmpty()) {
                verdicts.add(latencyVerdict(rate, latency) + boundCaveat(latency, "not the server's latency alone",
                        "not the servers' latency alone") + failures);
            }
            List<Candidate> cpu = candidates(view, scenario, impl -> view.rate(impl, scenario).stream()
                    .filter(m -> m.phase().cost() != null).toList(), CPU_PER_REQUEST);
            if (!cpu.isEmpty()) {
                verdicts.add(cpuVerdict(rate, cpu) + failures);
            }
        });
        if (verdicts.isEmpty()) {
            verdicts.add("Nothing was measured: every trial of this scenario failed." + failures);
        }
        floor(view, scenario).ifPresent(verdicts::add);
        return verdicts;
    }

    private static List<Candidate> candidates(RunView view, String scenario, Function<String, List<Measured>> phases,
            ToDoubleFunction<PhaseResult> figure) {
        List<Candidate> candidates = new ArrayList<>();
        for (String impl : view.implementations(scenario)) {
            if (impl.equals(TrialResult.FLOOR)) {
                continue; // the floor is the machine's, not a server: it is never ranked
            }
            List<Measured> measured = phases.apply(impl);
            if (!measured.isEmpty()) {
                candidates.add(new Candidate(impl, measured, RunView.mean(measured, figure)));
            }
        }
        return candidates;
    }

    private static String latencyVerdict(int rate, List<Candidate> candidates) {
        double lowest = candidates.stream().mapToDouble(Candidate::mean).min().orElseThrow();
        Candidate highest = candidates.stream().max(Comparator.comparingDouble(Candidate::mean)).orElseThrow();
        List<String> winners = candidates.stream().filter(c -> c.mean() == lowest).map(Candidate::implementation)
                .toList();
        String where = "At the fixed rate of " + Fmt.count(rate) + " req/s, ";
        String resolution = " " + trialsNote(candidates, "; Gatling's clock counts whole milliseconds, <1 means "
                + "under 1 ms");
        if (winners.size() == candidates.size()) {
            return where + (candidates.size() == 1 ? "the only one measured, " + winners.getFirst() + ", had"
                    : "all " + candidates.size() + " had the same") + " p99: " + Fmt.ms(lowest) + " ms" + resolution
                    + ".";
        }
        Candidate first = candidates.stream().filter(c -> c.mean() == lowest).findFirst().orElseThrow();
        return where + and(winners) + (winners.size() == 1 ? " had" : " tied for") + " the lowest p99: "
                + Fmt.ms(lowest) + " ms" + perTrial(first) + ", against " + Fmt.ms(highest.mean()) + " ms"
                + perTrial(highest) + " for " + highest.implementation() + ", the highest" + resolution + ".";
    }

    private static String cpuVerdict(int rate, List<Candidate> candidates) {
        Candidate least = candidates.stream().min(Comparator.comparingDouble(Candidate::mean)).orElseThrow();
        Candidate most = candidates.stream().max(Comparator.comparingDouble(Candidate::mean)).orElseThrow();
        String where = "At the fixed rate of " + Fmt.count(rate) + " req/s, ";
        if (candidates.size() == 1) {
            return where + "only " + least.implementation() + "'s server CPU was measured: "
                    + Fmt.micros(least.mean()) + " µs per request " + trialsNote(candidates) + ".";
        }
        return where + least.implementation() + " used the least server CPU per request: " + Fmt.micros(least.mean())
                + " µs, against " + Fmt.micros(most.mean()) + " µs for " + most.implementation() + " ("
                + Fmt.factor(most.mean() / least.mean()) + ") " + trialsNote(candidates) + ".";
    }

    /** Each trial's p99 when a mean stands for several: {@code  (trials: 2 / 34)}. */
    private static String perTrial(Candidate candidate) {
        return candidate.measured().size() < 2 ? ""
                : " (trials: " + Fmt.msList(RunView.values(candidate.measured(), P99)) + ")";
    }

    /** Whether the figures are single trials or means, so a reader knows how much one number stands for. */
    private static String trialsNote(List<Candidate> candidates) {
        return trialsNote(candidates, "");
    }

    private static String trialsNote(List<Candidate> candidates, String more) {
        boolean single = candidates.stream().allMatch(c -> c.measured().size() == 1);
        String trials = single ? (candidates.size() == 1 ? "one trial" : "one trial each")
                : "means over the trials; every trial's value is in the tables";
        return "(" + trials + more + ")";
    }

    private static String boundCaveat(List<Candidate> candidates, String one, String several) {
        List<String> bound = candidates.stream().filter(c -> RunView.anyGeneratorBound(c.measured()))
                .map(Candidate::implementation).toList();
        if (bound.isEmpty()) {
            return "";
        }
        return " " + CAVEAT + " the load generator, not the server, was the limit (generator-bound) for " + and(bound)
                + ", so " + (bound.size() == 1 ? "that figure is " + one : "those figures are " + several) + ".";
    }

    /** Names every implementation of the scenario with failed trials, and what became of it in the verdicts. */
    private static String failureCaveat(RunView view, String scenario) {
        StringBuilder caveat = new StringBuilder();
        for (String impl : view.implementations(scenario)) {
            List<TrialResult> failed = view.failedTrials(impl, scenario);
            if (failed.isEmpty()) {
                continue;
            }
            boolean allFailed = failed.size() == view.trials(impl, scenario).size();
            caveat.append(' ').append(CAVEAT).append(' ').append(impl).append(allFailed ? " is not ranked: " : " counts its ok trials only: ");
            List<String> reasons = failed.stream().map(t -> "trial " + t.trial() + " failed (" + t.failure() + ")").toList();
            caveat.append(String.join(", ", reasons)).append('.');
        }
        return caveat.toString();
    }

    /** What the floor measured: the best any server could show here, the yardstick of every figure above. */
    private static Optional<String> floor(RunView view, String scenario) {
        List<Integer> levels = view.levels(scenario);
        List<String> figures = new ArrayList<>();
        for (int users : levels) {
            List<Measured> sweep = view.sweep(TrialResult.FLOOR, scenario, users);
            if (!sweep.isEmpty()) {
                figures.add(Fmt.rate(RunView.mean(sweep, THROUGHPUT)) + " req/s at " + users + " users");
            }
        }
        List<Measured> rate = view.rate(TrialResult.FLOOR, scenario);
        if (!rate.isEmpty()) {
            figures.add("a p99 of " + Fmt.ms(RunView.mean(rate, P99)) + " ms at " + Fmt.count(rate.getFirst().phase()
                    .rate()) + " req/s");
        }
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The floor, the back end itself measured the same way on the server's CPUs, reached "
                + and(figures) + ": what this machine, CPU layout and load generator measure for a server that does "
                + "next to nothing. A server figure within its noise is marked " + FloorNoise.MARK + " in the table.");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}
