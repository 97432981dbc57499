package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.PhaseResult;
import concbench.formats.RunResults;
import concbench.formats.ThreadRole;
import concbench.formats.TrialResult;
import concbench.report.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of two run folders: for every (implementation, scenario) and every measured phase both have, each
 * metric from one value per successful trial. Warm-up phases never count. What only one side has is listed as
 * not compared, never silently dropped.
 */
final class RunComparison {
    private static final double PERCENT = 100;
    static final String GENERATOR_BOUND_NOTE = "generator-bound: the load generator, not the server, was the limit; "
            + "shown, never gates";
    static final String BACKEND_BOUND_NOTE = "back-end-bound: the back end's CPUs were saturated, so the back end, "
            + "not the server, may have been the limit; shown, never gates";
    static final String SATURATED_NOTE = "a ladder step the server did not keep: its latency and cost are a growing "
            + "queue's; shown, never gates (its failed requests do)";
    static final String ROLE_NOTE = "one thread role's part of cpuPerRequest, which gates; shown, never gates itself";
    static final String FLOOR_NOTE = "the floor: the back end itself, the machine's limit, not a server; shown, never "
            + "gates";
    static final String TOO_FEW_SAMPLES_NOTE = "too few samples to gate: %s needs %s responses in every trial, the "
            + "fewest here is %s";

    private final Thresholds thresholds;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notCompared = new ArrayList<>();

    private RunComparison(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** A metric of a phase, per trial; empty where a trial has none (a phase too short to cost). */
    private record Metric(Measure measure, Function<PhaseResult, Optional<Double>> value) {
    }

    private static final List<Metric> SWEEP = List.of(
            new Metric(Measure.THROUGHPUT_OF_SWEEP, p -> Optional.of(p.stats().throughput())),
            cpu(), cpuWithoutJit(), errors());
    private static final List<Metric> RATE = List.of(
            new Metric(Measure.LATENCY_P50, p -> Optional.of(p.stats().latency().p50Ms())),
            new Metric(Measure.LATENCY_P90, p -> Optional.of(p.stats().latency().p90Ms())),
            new Metric(Measure.LATENCY_P99, p -> Optional.of(p.stats().latency().p99Ms())),
            new Metric(Measure.LATENCY_P999, p -> Optional.of(p.stats().latency().p999Ms())),
            cpu(), cpuWithoutJit(), errors());

    private static Metric cpu() {
        return new Metric(Measure.CPU, p -> Optional.ofNullable(p.cost()).map(c -> c.serverCpuMicrosPerRequest()));
    }

    /** Results of version 2 only: the thread roles are what tells the compiler's threads apart. */
    private static Metric cpuWithoutJit() {
        return new Metric(Measure.CPU_WITHOUT_JIT, p -> Optional.ofNullable(p.cost())
                .filter(c -> c.cpuMicrosPerRequest(ThreadRole.COMPILER) != null)
                .map(c -> c.serverCpuMicrosPerRequest() - c.cpuMicrosPerRequest(ThreadRole.COMPILER)));
    }

    /**
     * The rate phase's metrics and, after them, the CPU per request of each thread role (results of version 2):
     * the fixed rate is where the report draws them, and one phase of them is enough to name the threads a change
     * of the total came from.
     */
    private static final List<Metric> RATE_WITH_ROLES = withRoles(RATE);

    private static List<Metric> withRoles(List<Metric> metrics) {
        List<Metric> all = new ArrayList<>(metrics);
        CpuRoleMetrics.MEASURES.forEach((role, measure) -> all.add(new Metric(measure,
                p -> Optional.ofNullable(p.cost()).map(c -> c.cpuMicrosPerRequest(role)))));
        return all;
    }

    /**
     * The server's failed requests as a share of all: those the load generator failed itself (out of file
     * descriptors, say: {@code PhaseStats.generatorErrors}) are its limit, not the server's, and never gate.
     */
    private static Metric errors() {
        return new Metric(Measure.ERRORS, p -> {
            long all = p.stats().ok() + p.stats().ko();
            return all == 0 ? Optional.empty() : Optional.of(p.stats().serverErrors() * PERCENT / all);
        });
    }

    static Rows compare(RunResults base, RunResults head, Thresholds thresholds) {
        RunComparison comparison = new RunComparison(thresholds);
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (TrialResult trial : concat(base.trials(), head.trials())) {
            // A row per scenario and width: fanout10 and fanout100 are rows of their own (older runs: fanout10).
            pairs.add(List.of(trial.scenarioKey(), trial.implementation()));
        }
        pairs.stream().sorted(Comparator.comparing((List<String> pair) -> pair.get(0)).thenComparing(p -> p.get(1)))
                .forEach(pair -> comparison.compare(pair.get(1), pair.get(0), base.trials(pair.get(1), pair.get(0)),
                        head.trials(pair.get(1), pair.get(0))));
        return new Rows(List.copyOf(comparison.rows), List.copyOf(comparison.notCompared));
    }

    private void compare(String implementation, String scenario, List<TrialResult> base, List<TrialResult> head) {
        String what = implementation + " " + scenario;
        if (base.isEmpty() || head.isEmpty()) {
            notCompared.add(what + ": measured in the " + (base.isEmpty() ? "head" : "base") + " run only");
            return;
        }
        if (base.stream().anyMatch(t -> !t.ok()) || head.stream().anyMatch(t -> !t.ok())) {
            rows.add(failures(new Judge.Origin(implementation, scenario, ""), base, head));
        }
        List<TrialResult> baseOk = base.stream().filter(TrialResult::ok).toList();
        List<TrialResult> headOk = head.stream().filter(TrialResult::ok).toList();
        if (baseOk.isEmpty() || headOk.isEmpty()) {
            notCompared.add(what + ": no successful trial in the " + (baseOk.isEmpty() ? "base" : "head") + " run");
            return;
        }
        Map<String, String> phases = new LinkedHashMap<>();
        for (TrialResult trial : concat(baseOk, headOk)) {
            trial.phases().stream().filter(p -> p.isSweep() || p.isRate()).forEach(p -> phases.putIfAbsent(p.name(),
                    p.kind()));
        }
        phases.forEach((phase, kind) -> {
            List<PhaseResult> basePhases = phases(baseOk, phase);
            List<PhaseResult> headPhases = phases(headOk, phase);
            if (basePhases.isEmpty() || headPhases.isEmpty()) {
                notCompared.add(what + " " + phase + ": measured in the " + (basePhases.isEmpty() ? "head" : "base")
                        + " run only" + ladderEnd(basePhases.isEmpty() ? baseOk : headOk));
                return;
            }
            List<PhaseResult> both = concat(basePhases, headPhases);
            boolean bound = both.stream().anyMatch(PhaseResult::generatorBound);
            boolean backendBound = both.stream().anyMatch(PhaseResult::backendBound);
            boolean saturated = both.stream().anyMatch(p -> p.schedule() != null && p.schedule().saturated());
            for (Metric metric : basePhases.getFirst().isSweep() ? SWEEP : RATE_WITH_ROLES) {
                List<Double> baseValues = values(basePhases, metric);
                List<Double> headValues = values(headPhases, metric);
                String measured = what + " " + phase + " " + metric.measure().metric();
                if (baseValues.isEmpty() != headValues.isEmpty()) {
                    notCompared.add(measured + ": no value in the " + (baseValues.isEmpty() ? "base" : "head")
                            + " run (a phase too short to sample)");
                }
                if (baseValues.isEmpty() || headValues.isEmpty()) {
                    continue;
                }
                Measure measure = metric.measure();
                List<String> notes = new ArrayList<>();
                String notGated = null;
                if (implementation.equals(TrialResult.FLOOR)) {
                    notGated = Row.FLOOR;
                    notes.add(FLOOR_NOTE);
                } else if (CpuRoleMetrics.isRole(measure)) {
                    notGated = Row.THREAD_ROLE;
                    notes.add(ROLE_NOTE);
                } else if (bound && measure == Measure.THROUGHPUT_OF_SWEEP) {
                    notGated = Row.GENERATOR_BOUND;
                    notes.add(GENERATOR_BOUND_NOTE);
                } else if (backendBound) {
                    notGated = Row.BACKEND_BOUND;
                    notes.add(BACKEND_BOUND_NOTE);
                } else if (saturated && measure != Measure.ERRORS) {
                    notGated = Row.SATURATED;
                    notes.add(SATURATED_NOTE);
                } else if (measure.percentile().isPresent()) {
                    long needed = PercentileSamples.needed(measure.percentile().getAsDouble());
                    long fewest = concat(basePhases, headPhases).stream()
                            .mapToLong(p -> p.stats().latency().count()).min().orElse(0);
                    if (fewest < needed) {
                        notGated = Row.TOO_FEW_SAMPLES;
                        notes.add(String.format(Locale.ROOT, TOO_FEW_SAMPLES_NOTE, measure.metric(),
                                Fmt.count(needed), Fmt.count(fewest)));
                    }
                }
                rows.add(Judge.row(new Judge.Origin(implementation, scenario, phase), measure,
                        Intervals.ofTrials(baseValues), Intervals.ofTrials(headValues), thresholds.of(measure.metric()),
                        notGated, weakReason(baseValues, headValues), notes));
            }
        });
    }

    /** Where the ladders of the side that lacks a step ended, which is why it lacks it. */
    private static String ladderEnd(List<TrialResult> trials) {
        List<String> ends = trials.stream().filter(t -> t.ladder() != null && !t.ladder().keptEveryRate())
                .map(t -> "trial " + t.trial() + "'s ladder ended at " + t.ladder().saturatedRate() + " req/s ("
                        + t.ladderEnd() + ")").toList();
        return ends.isEmpty() ? "" : ": " + String.join("; ", ends);
    }

    /**
     * A trial that failed (the server would not start, failed the contract, died, or Gatling failed) is worth
     * 100% against an ok trial's 0%: a server that stops working is the worst regression, and no noise.
     */
    private Row failures(Judge.Origin origin, List<TrialResult> base, List<TrialResult> head) {
        List<String> reasons = head.stream().filter(t -> !t.ok())
                .map(t -> "head trial " + t.trial() + " failed: " + firstLine(t.failure())).toList();
        return Judge.row(origin, Measure.FAILURES, Intervals.ofTrials(failed(base)), Intervals.ofTrials(failed(head)),
                thresholds.of(Measure.FAILED_TRIALS), null, weakReason(base, head), reasons);
    }

    /** With one trial on a side there is no spread to judge a change against. */
    private static String weakReason(List<?> base, List<?> head) {
        return base.size() < 2 || head.size() < 2 ? Judge.SINGLE_TRIAL : null;
    }

    /** A failure's first line says what happened; the rest (the server's or Gatling's output) is in the trial file. */
    private static String firstLine(String failure) {
        return failure == null ? "(no reason recorded)" : failure.lines().findFirst().orElse("");
    }

    private static List<Double> failed(List<TrialResult> trials) {
        return trials.stream().map(t -> t.ok() ? 0.0 : PERCENT).toList();
    }

    private static List<PhaseResult> phases(List<TrialResult> trials, String phase) {
        return trials.stream().flatMap(t -> t.phases().stream()).filter(p -> p.name().equals(phase)).toList();
    }

    private static List<Double> values(List<PhaseResult> phases, Metric metric) {
        return phases.stream().map(metric.value()).flatMap(Optional::stream).toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
