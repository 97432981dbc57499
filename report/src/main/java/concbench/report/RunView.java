package concbench.report;

import concbench.formats.PhaseResult;
import concbench.formats.RunManifest;
import concbench.formats.RunResults;
import concbench.formats.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A run as the report reads it: the measured phases of each (implementation, scenario) across its trials, with
 * the warm-up left out of everything and failed trials kept apart, so every table, chart and verdict draws the
 * same numbers from the same place.
 */
final class RunView {
    private final RunResults results;

    RunView(RunResults results) {
        this.results = results;
    }

    /** One measured phase of one trial. */
    record Measured(int trial, PhaseResult phase) {
    }

    RunManifest manifest() {
        return results.manifest();
    }

    List<TrialResult> allTrials() {
        return results.trials();
    }

    /** The implementations in the order the run lists them, then any found only in a trial file. */
    List<String> implementations() {
        Set<String> names = new LinkedHashSet<>(nonNull(manifest().implementations()));
        results.trials().forEach(t -> names.add(t.implementation()));
        return List.copyOf(names);
    }

    /** The servers compared: the implementations without the floor, which is the machine's yardstick. */
    List<String> servers() {
        return implementations().stream().filter(impl -> !impl.equals(TrialResult.FLOOR)).toList();
    }

    /** Whether the run measured the floor too. */
    boolean hasFloor() {
        return implementations().contains(TrialResult.FLOOR);
    }

    /**
     * The scenario rows, by {@link TrialResult#scenarioKey()}: hello, and fan-out once per width ({@code fanout10},
     * {@code fanout100}), in the order the run lists them, then any found only in a trial file.
     */
    List<String> scenarios() {
        Set<String> names = new LinkedHashSet<>();
        List<Integer> widths = manifest().fanoutCalls() == null || manifest().fanoutCalls().isEmpty()
                ? List.of(TrialResult.UNRECORDED_FANOUT_CALLS) : manifest().fanoutCalls();
        for (String scenario : nonNull(manifest().scenarios())) {
            if (scenario.equals(TrialResult.FANOUT)) {
                widths.forEach(width -> names.add(TrialResult.scenarioKey(scenario, width)));
            } else {
                names.add(scenario);
            }
        }
        results.trials().forEach(t -> names.add(t.scenarioKey()));
        return List.copyOf(names);
    }

    /** The implementations with at least one trial, ok or failed, of the scenario. */
    List<String> implementations(String scenario) {
        return implementations().stream().filter(impl -> !trials(impl, scenario).isEmpty()).toList();
    }

    List<TrialResult> trials(String implementation, String scenario) {
        return results.trials(implementation, scenario);
    }

    List<TrialResult> failedTrials(String implementation, String scenario) {
        return trials(implementation, scenario).stream().filter(t -> !t.ok()).toList();
    }

    /** The closed-model levels any trial of the scenario measured, ascending. */
    List<Integer> levels(String scenario) {
        Set<Integer> levels = new TreeSet<>();
        results.trials().stream().filter(t -> t.scenarioKey().equals(scenario) && t.ok())
                .flatMap(t -> t.phases().stream()).filter(PhaseResult::isSweep).forEach(p -> levels.add(p.users()));
        return List.copyOf(levels);
    }

    /**
     * The first (lowest) rate of the scenario's latency ladder, if any trial measured one: the rate every
     * implementation ran (before the ladder: the one fixed rate), which the tables and verdicts compare at.
     */
    Optional<Integer> rate(String scenario) {
        return results.trials().stream().filter(t -> t.scenarioKey().equals(scenario) && t.ok())
                .flatMap(t -> t.phases().stream()).filter(PhaseResult::isRate).map(PhaseResult::rate)
                .min(Integer::compare);
    }

    /** The sweep phase at {@code users} of every ok trial that has one, in trial order. */
    List<Measured> sweep(String implementation, String scenario, int users) {
        return measured(implementation, scenario, p -> p.isSweep() && p.users() == users);
    }

    /** The ladder's first step ({@link #rate(String)}) of every ok trial that has one, in trial order. */
    List<Measured> rate(String implementation, String scenario) {
        Optional<Integer> first = rate(scenario);
        return measured(implementation, scenario, p -> p.isRate() && first.isPresent() && p.rate() == first.get());
    }

    /** Every measured (sweep and rate) phase of every ok trial, trial by trial, each in the order it ran. */
    List<Measured> measuredPhases(String implementation, String scenario) {
        return measured(implementation, scenario, p -> p.isSweep() || p.isRate());
    }

    private List<Measured> measured(String implementation, String scenario, Predicate<PhaseResult> which) {
        List<Measured> found = new ArrayList<>();
        for (TrialResult trial : trials(implementation, scenario)) {
            if (trial.ok()) {
                trial.phases().stream().filter(which).forEach(p -> found.add(new Measured(trial.trial(), p)));
            }
        }
        return found;
    }

    /** The names of the measured phases of the scenario, in the order they ran. */
    List<String> phaseNames(String scenario) {
        Set<String> names = new LinkedHashSet<>();
        implementations(scenario).forEach(impl -> measuredPhases(impl, scenario)
                .forEach(m -> names.add(m.phase().name())));
        return List.copyOf(names);
    }

    /** Position of the implementation in the run, for a colour and a marker that stay the same in every chart. */
    int index(String implementation) {
        return implementations().indexOf(implementation);
    }

    static double mean(List<Measured> measured, ToDoubleFunction<PhaseResult> value) {
        return measured.stream().mapToDouble(m -> value.applyAsDouble(m.phase())).average().orElse(Double.NaN);
    }

    static double min(List<Measured> measured, ToDoubleFunction<PhaseResult> value) {
        return measured.stream().mapToDouble(m -> value.applyAsDouble(m.phase())).min().orElse(Double.NaN);
    }

    static double max(List<Measured> measured, ToDoubleFunction<PhaseResult> value) {
        return measured.stream().mapToDouble(m -> value.applyAsDouble(m.phase())).max().orElse(Double.NaN);
    }

    static List<Double> values(List<Measured> measured, ToDoubleFunction<PhaseResult> value) {
        return measured.stream().map(m -> value.applyAsDouble(m.phase())).toList();
    }

    static boolean anyGeneratorBound(List<Measured> measured) {
        return measured.stream().anyMatch(m -> m.phase().generatorBound());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
