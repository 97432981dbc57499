package concbench.report;

import concbench.formats.Comparison;
import concbench.formats.Environment;
import concbench.formats.JmhResults;
import concbench.formats.Latency;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.Profile;
import concbench.formats.RunManifest;
import concbench.formats.ThreadRole;
import concbench.formats.TrialResult;
import concbench.report.RunView.Measured;
import concbench.report.Table.Cell;
import concbench.report.Table.Mark;
import concbench.report.Table.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The tables of the report, built from the results once for both the page and the summary. */
final class Tables {
    /** Marks a figure the load generator limited. */
    static final String BOUND = "†";
    static final String BOUND_NOTE = BOUND + " generator-bound: the load generator's CPUs were saturated while the "
            + "server's were not, so the throughput is a lower bound for the server (it measured Gatling).";
    static final String NONE = "–";
    static final String NOT_WARM = "not warm";
    static final String NOT_WARM_NOTE = NOT_WARM + ": the warm-up reached the profile's longest before the server "
            + "was at steady state (its JIT compiler still busy, or its throughput still moving), so JIT work may be "
            + "in these numbers; the compiler's CPU per request in the trial table shows how much.";
    /** Marks a fixed-rate latency whose phase did not keep its schedule. */
    static final String LATE = "‼";
    static final String LATE_NOTE = LATE + " the fixed-rate phase missed its schedule: Gatling sent late, its CPUs "
            + "were saturated, or the server completed fewer requests a second than arrived. Gatling timestamps the "
            + "actual send, so a late send hides the wait before it: the latency is not free of coordinated omission.";

    /** The cost columns of the trial table, each a dash for a phase too short to sample. */
    private static final int COST_COLUMNS = 7;

    private Tables() {
    }

    /** One line of the run's description: what, when, on what. */
    record Fact(String label, String value) {
    }

    static List<Fact> facts(RunView view) {
        RunManifest run = view.manifest();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("status", run.status() + (run.failedTrials() > 0 ? ", " + run.failedTrials()
                + " failed trial(s)" : "")));
        facts.add(new Fact("compared", String.join(", ", view.servers())
                + (view.hasFloor() ? " and the floor (the back end itself)" : "") + " on "
                + String.join(", ", view.scenarios()) + (view.scenarios().contains("fanout") ? " (fan-out: "
                + run.fanoutCalls() + " back-end calls of " + run.fanoutDelayMs() + " ms each per request)" : "")));
        facts.add(new Fact("started", run.startedAt() + (run.finishedAt() == null ? ", not finished"
                : ", finished " + run.finishedAt())));
        Environment env = run.environment();
        if (env != null) {
            facts.add(new Fact("machine", env.host() + ": " + env.cpuModel() + ", " + env.cores() + " cores, "
                    + Fmt.gib(env.memoryBytes()) + " memory, kernel " + env.kernel()));
            facts.add(new Fact("JDK", env.jdk() + " (" + env.jdkVendor() + ")"));
            facts.add(new Fact("versions", env.versions() == null ? "" : env.versions().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            facts.add(new Fact("suite commit", env.gitCommit()));
        }
        if (run.cpuLayout() != null) {
            facts.add(new Fact("CPU layout", "server " + run.cpuLayout().server() + ", load generator "
                    + run.cpuLayout().loadGenerator() + ", back end " + run.cpuLayout().backend()
                    + (run.pinned() ? " (pinned with taskset)" : " (NOT pinned)")));
        }
        if (run.topology() != null) {
            // A run on several machines: the machine above is the runner's; each host says what it ran on.
            run.topology().forEach(host -> facts.add(new Fact("host " + host.label(), host.destination() + " ("
                    + host.address() + ", " + host.hostName() + "): " + host.cpuModel() + ", " + host.cores()
                    + " cores, pinned to CPUs " + host.cpus() + ", kernel " + host.kernel() + ", JDK " + host.jdk()
                    + ", clock offset " + host.clockOffsetMs() + " ms" + (host.rttToServerMs() == null ? ""
                    : ", round trip to the server " + String.format(Locale.ROOT, "%.3f", host.rttToServerMs())
                    + " ms"))));
        }
        Profile profile = run.profile();
        if (profile != null) {
            String warmup = profile.warmupMinSeconds() > 0
                    ? "warm-up until steady state, " + profile.warmupMinSeconds() + " to " + profile.warmupSeconds()
                            + " s"
                    : "warm-up " + profile.warmupSeconds() + " s";
            facts.add(new Fact("profile", profile.name() + ": " + warmup + " at "
                    + profile.warmupUsers() + " users (excluded from every number), throughput sweep at "
                    + profile.levels().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " users x "
                    + profile.levelSeconds() + " s, fixed rate of " + profile.helloRate() + " (hello) / "
                    + profile.fanoutRate() + " (fan-out) req/s x " + profile.rateSeconds() + " s, "
                    + profile.trials() + " trial(s)"));
        }
        if (run.serverJvmFlags() != null) {
            facts.add(new Fact("server JVM flags", String.join(" ", run.serverJvmFlags())));
        }
        return facts;
    }

    /**
     * A scenario at a glance, one row per implementation: throughput at each level (mean and, over several trials,
     * min to max), the fixed-rate latency of every trial, the CPU a request cost, failed requests and trials.
     */
    static Table summary(RunView view, String scenario) {
        List<Integer> levels = view.levels(scenario);
        String rate = view.rate(scenario).map(r -> " at " + Fmt.count(r) + " req/s").orElse("");
        List<String> header = new ArrayList<>(List.of("implementation", "trials"));
        levels.forEach(users -> header.add("req/s, " + users + " users"));
        header.addAll(List.of("p50 ms" + rate, "p99 ms" + rate, "p99.9 ms" + rate, "server CPU µs/req" + rate,
                "failed requests", "warm-up", "caveats"));
        List<Row> rows = new ArrayList<>();
        boolean anyBound = false;
        boolean anyNearFloor = false;
        boolean anyNotWarm = false;
        boolean anyLate = false;
        FloorNoise floor = new FloorNoise(view, scenario);
        for (String impl : view.implementations(scenario)) {
            List<TrialResult> trials = view.trials(impl, scenario);
            List<TrialResult> failed = view.failedTrials(impl, scenario);
            List<String> caveats = new ArrayList<>();
            List<String> cells = new ArrayList<>(List.of(impl, (trials.size() - failed.size()) + " ok"
                    + (failed.isEmpty() ? "" : ", " + failed.size() + " failed")));
            List<Integer> boundLevels = new ArrayList<>();
            for (int users : levels) {
                List<Measured> sweep = view.sweep(impl, scenario, users);
                boolean bound = RunView.anyGeneratorBound(sweep);
                if (bound) {
                    boundLevels.add(users);
                }
                boolean nearFloor = floor.throughput(impl, users);
                anyNearFloor |= nearFloor;
                cells.add(spread(sweep, p -> p.stats().throughput(), Fmt::rate) + (bound ? " " + BOUND : "")
                        + (nearFloor ? " " + FloorNoise.MARK : ""));
            }
            List<Measured> ratePhases = view.rate(impl, scenario);
            boolean late = ratePhases.stream().anyMatch(m -> m.phase().missedSchedule());
            boolean p99NearFloor = floor.p99(impl);
            anyNearFloor |= p99NearFloor;
            anyLate |= late;
            String lateMark = late ? " " + LATE : "";
            cells.add(latencies(ratePhases, Latency::p50Ms) + lateMark);
            cells.add(latencies(ratePhases, Latency::p99Ms) + lateMark + (p99NearFloor ? " " + FloorNoise.MARK : ""));
            cells.add(latencies(ratePhases, Latency::p999Ms) + lateMark);
            List<Measured> costed = ratePhases.stream().filter(m -> m.phase().cost() != null).toList();
            cells.add(spread(costed, p -> p.cost().serverCpuMicrosPerRequest(), Fmt::micros));
            long ko = view.measuredPhases(impl, scenario).stream().mapToLong(m -> m.phase().stats().ko()).sum();
            cells.add(Fmt.count(ko));
            List<TrialResult> ok = trials.stream().filter(TrialResult::ok).toList();
            cells.add(warmups(ok));
            List<String> notWarm = ok.stream().filter(TrialResult::notWarm).map(t -> "trial " + t.trial()).toList();
            if (!notWarm.isEmpty()) {
                anyNotWarm = true;
                caveats.add(NOT_WARM + ": " + String.join(", ", notWarm));
            }
            if (late) {
                caveats.add(LATE + " the fixed rate missed its schedule");
            }
            if (!boundLevels.isEmpty()) {
                anyBound = true;
                caveats.add(BOUND + " generator-bound at " + boundLevels.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + " users");
            }
            if (RunView.anyGeneratorBound(ratePhases)) {
                caveats.add("the fixed-rate phase was generator-bound");
            }
            if (ko > 0) {
                caveats.add(Fmt.count(ko) + " failed requests (see the trial table)");
            }
            failed.forEach(t -> caveats.add("trial " + t.trial() + " failed: " + t.failure()));
            Mark mark = failed.size() == trials.size() ? Mark.FAILED : caveats.isEmpty() ? Mark.NONE : Mark.CAVEAT;
            if (impl.equals(TrialResult.FLOOR)) {
                caveats.addFirst("the floor: the back end itself, the best this machine can measure");
            }
            cells.add(String.join("; ", caveats));
            rows.add(Row.of(mark, cells.toArray(String[]::new)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Throughput: OK requests per second in the closed-model sweep; with several trials, the mean and "
                + "(min to max). Latency: the fixed-rate (open-model) phase, one value per trial in trial order; "
                + "Gatling's clock counts whole milliseconds, so <1 means under 1 ms. CPU per request: the fixed-rate "
                + "phase. The warm-up is excluded from every number.");
        if (anyBound) {
            notes.add(BOUND_NOTE);
        }
        if (anyNearFloor) {
            notes.add(FloorNoise.NOTE);
        }
        if (anyLate) {
            notes.add(LATE_NOTE);
        }
        if (anyNotWarm) {
            notes.add(NOT_WARM_NOTE);
        }
        return new Table(header, rows, notes);
    }

    /** Each ok trial's warm-up in seconds, {@code 12 s} or {@code 25 s, not warm}; a dash for results without one. */
    private static String warmups(List<TrialResult> trials) {
        List<String> each = trials.stream().filter(t -> t.warmup() != null)
                .map(t -> Fmt.plain(Math.round(t.warmup().seconds())) + " s" + (t.notWarm() ? ", " + NOT_WARM : ""))
                .toList();
        return each.isEmpty() ? NONE : String.join(" / ", each);
    }

    /** Every measured phase of every trial, failed trials included with their reason. */
    static Table trials(RunView view, String scenario) {
        List<String> header = List.of("implementation", "trial", "phase", "req/s", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "OK", "KO", "errors", "server CPU µs/req", "of it compiler µs/req", "server CPU",
                "generator CPU", "of it Gatling", "peak RSS", "peak threads", "Gatling", "caveats");
        List<Row> rows = new ArrayList<>();
        for (String impl : view.implementations(scenario)) {
            for (TrialResult trial : view.trials(impl, scenario)) {
                Cell report = reportLink(trial);
                if (!trial.ok()) {
                    List<Cell> cells = new ArrayList<>(List.of(Cell.of(impl), Cell.of(String.valueOf(trial.trial())),
                            Cell.of(NONE)));
                    for (int i = 3; i < header.size() - 2; i++) {
                        cells.add(Cell.of(NONE));
                    }
                    cells.add(report);
                    cells.add(Cell.of("trial failed: " + trial.failure()));
                    rows.add(new Row(cells, Mark.FAILED));
                    continue;
                }
                boolean first = true;
                for (PhaseResult phase : trial.phases()) {
                    if (!phase.isSweep() && !phase.isRate()) {
                        continue;
                    }
                    rows.add(phaseRow(impl, trial, phase, first ? report : Cell.of(""),
                            first ? trialCaveats(trial) : ""));
                    first = false;
                }
            }
        }
        return new Table(header, rows, List.of(
                "Sweep phases (closed model) are for throughput: their latencies, greyed, include coordinated "
                        + "omission and are not latency figures. The rate phase (open model, fixed arrivals) is for "
                        + "latency. <1 ms: under Gatling's 1 ms resolution. Server CPU: share of the server's CPUs "
                        + "busy; generator CPU: share of the load generator's CPUs busy. The warm-up phase is "
                        + "excluded. Compiler µs/req: the JIT compiler threads' part of the server CPU per request, "
                        + "warm-up that leaked into the phase. Of it Gatling: Gatling's own part of the generator CPU.",
                BOUND_NOTE, LATE_NOTE, NOT_WARM_NOTE));
    }

    private static Row phaseRow(String impl, TrialResult trial, PhaseResult phase, Cell report, String trialCaveat) {
        Latency latency = phase.stats().latency();
        boolean sweep = phase.isSweep();
        PhaseCost cost = phase.cost();
        List<String> caveats = new ArrayList<>();
        if (phase.generatorBound()) {
            caveats.add(BOUND + " generator-bound");
        }
        if (phase.missedSchedule()) {
            caveats.add(LATE + " missed its schedule: " + phase.schedule().missed());
        }
        if (cost == null) {
            caveats.add("too short to sample its cost");
        }
        if (phase.stats().ko() > 0) {
            caveats.add(Fmt.count(phase.stats().ko()) + " failed requests");
        }
        if (!trialCaveat.isEmpty()) {
            caveats.add(trialCaveat);
        }
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(impl), Cell.of(String.valueOf(trial.trial())),
                Cell.of(phase.name()),
                Cell.of(Fmt.rate(phase.stats().throughput()) + (phase.generatorBound() ? " " + BOUND : "")),
                new Cell(Fmt.ms(latency.p50Ms()), null, sweep), new Cell(Fmt.ms(latency.p90Ms()), null, sweep),
                new Cell(Fmt.ms(latency.p99Ms()), null, sweep), new Cell(Fmt.ms(latency.p999Ms()), null, sweep),
                new Cell(Fmt.ms(latency.maxMs()), null, sweep),
                Cell.of(Fmt.count(phase.stats().ok())), Cell.of(Fmt.count(phase.stats().ko())),
                Cell.of(errors(phase.stats().errors()))));
        if (cost == null) {
            for (int i = 0; i < COST_COLUMNS; i++) {
                cells.add(Cell.of(NONE));
            }
        } else {
            Double compiler = cost.cpuMicrosPerRequest(ThreadRole.COMPILER);
            cells.addAll(List.of(Cell.of(Fmt.micros(cost.serverCpuMicrosPerRequest())),
                    Cell.of(compiler == null ? NONE : Fmt.micros(compiler)),
                    Cell.of(Fmt.percent(cost.serverCpuUtilisation())), Cell.of(Fmt.percent(cost.generatorCpuUtilisation())),
                    Cell.of(cost.gatlingCpuUtilisation() == null ? NONE : Fmt.percent(cost.gatlingCpuUtilisation())),
                    Cell.of(Fmt.mib(cost.peakRssBytes())), Cell.of(String.valueOf(cost.peakThreads()))));
        }
        cells.add(report);
        cells.add(Cell.of(String.join("; ", caveats)));
        return new Row(cells, caveats.isEmpty() ? Mark.NONE : Mark.CAVEAT);
    }

    /** What the reader must know of a whole trial, on its first row: Gatling's own errors, a warm-up cut short. */
    private static String trialCaveats(TrialResult trial) {
        List<String> caveats = new ArrayList<>();
        if (!gatlingErrors(trial.gatlingErrors()).isEmpty()) {
            caveats.add(gatlingErrors(trial.gatlingErrors()));
        }
        if (trial.notWarm()) {
            caveats.add(NOT_WARM + ": the warm-up ran out after " + Fmt.plain(Math.round(trial.warmup().seconds()))
                    + " s");
        }
        return String.join("; ", caveats);
    }

    /** A link to the trial's Gatling report, relative to the run folder so that the folder can move. */
    private static Cell reportLink(TrialResult trial) {
        String href = Html.relativeHref(trial.gatlingReport() == null ? null : trial.gatlingReport() + "/index.html");
        return href == null ? Cell.of(NONE) : new Cell("report", href, false);
    }

    private static String errors(Map<String, Long> errors) {
        return errors == null || errors.isEmpty() ? "" : errors.entrySet().stream()
                .map(e -> e.getKey() + " x" + Fmt.count(e.getValue())).collect(Collectors.joining("; "));
    }

    private static String gatlingErrors(Map<String, Long> errors) {
        String text = errors(errors);
        return text.isEmpty() ? "" : "Gatling logged errors outside any request: " + text;
    }

    /** {@code 14,290}, or over several values {@code 14,000 (13,500 to 14,290)}; a dash when there is none. */
    private static String spread(List<Measured> measured, ToDoubleFunction<PhaseResult> value,
            DoubleFunction<String> format) {
        if (measured.isEmpty()) {
            return NONE;
        }
        String mean = format.apply(RunView.mean(measured, value));
        return measured.size() == 1 ? mean : mean + " (" + format.apply(RunView.min(measured, value)) + " to "
                + format.apply(RunView.max(measured, value)) + ")";
    }

    private static String latencies(List<Measured> rate, ToDoubleFunction<Latency> value) {
        return rate.isEmpty() ? NONE : Fmt.msList(rate.stream()
                .map(m -> value.applyAsDouble(m.phase().stats().latency())).toList())
                + (RunView.anyGeneratorBound(rate) ? " " + BOUND : "");
    }

    /** One JMH benchmark class: each benchmark and parameter set with its score, error and secondary results. */
    static Table jmh(List<JmhResults.Benchmark> runs) {
        List<Row> rows = new ArrayList<>();
        boolean anyWithoutError = false;
        for (JmhResults.Benchmark run : runs) {
            anyWithoutError |= Double.isNaN(run.primary().error());
            String secondary = run.secondary().entrySet().stream()
                    .map(e -> e.getKey() + " " + Fmt.decimal(e.getValue().score())
                            + (Double.isNaN(e.getValue().error()) ? "" : " ± " + Fmt.decimal(e.getValue().error()))
                            + " " + e.getValue().unit())
                    .collect(Collectors.joining("; "));
            rows.add(Row.of(Mark.NONE, run.method(), run.paramsText(), run.mode(), Fmt.decimal(run.primary().score()),
                    Double.isNaN(run.primary().error()) ? NONE : Fmt.decimal(run.primary().error()),
                    run.primary().unit(), secondary));
        }
        List<String> notes = new ArrayList<>(List.of("mode, as JMH names it: avgt average time per operation, thrpt "
                + "operations per time, sample sampled time, ss single shot (one operation per iteration).",
                "± error: JMH's scoreError, the half-width of the 99.9% "
                + "confidence interval over every measured iteration of every fork; two scores whose intervals "
                + "overlap are not different."));
        if (anyWithoutError) {
            notes.add(NONE + " in ± error: too few iterations for an interval (e.g. ./bench jmh --quick): a rough "
                    + "figure.");
        }
        return new Table(List.of("benchmark", "params", "mode", "score", "± error (99.9%)", "unit",
                "secondary results"), rows, notes);
    }

    /** The gate's rows, regressions and improvements marked; the gate's own figures, never recomputed. */
    static Table comparison(Comparison comparison) {
        List<Row> rows = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            Mark mark = Comparison.Row.REGRESSION.equals(row.verdict()) ? Mark.REGRESSION
                    : Comparison.Row.IMPROVEMENT.equals(row.verdict()) ? Mark.IMPROVEMENT : Mark.NONE;
            rows.add(Row.of(mark, row.implementation(), row.scenario(), row.phase(),
                    row.metric() + " (" + row.unit() + ", " + row.better() + " is better)", side(row.base()),
                    side(row.head()), row.changePercent() == null ? "from 0" : Fmt.change(row.changePercent()),
                    Fmt.plain(row.thresholdPercent()) + "%",
                    row.pValue() == null ? NONE : Fmt.pValue(row.pValue()),
                    row.adjustedPValue() == null ? NONE : Fmt.pValue(row.adjustedPValue()), row.evidence(),
                    row.notGatedReason() == null ? row.verdict() : row.verdict() + ": " + row.notGatedReason(),
                    row.note() == null ? "" : row.note()));
        }
        return new Table(List.of("implementation", "scenario", "phase", "metric", "base", "head", "change",
                "threshold", "p", "adjusted p", "evidence", "verdict", "note"), rows, List.of("base and head: mean "
                + "[interval low, high]; the value of every trial after the colon. change: the head mean against the "
                + "base mean. p: the row's own evidence; adjusted p: Holm's, over every row the gate judged together, "
                + "which its verdict used."));
    }

    private static String side(Comparison.Side values) {
        if (values == null) {
            return NONE;
        }
        return Fmt.decimal(values.mean()) + " [" + Fmt.decimal(values.low()) + ", " + Fmt.decimal(values.high())
                + "]: " + values.values().stream().map(Fmt::decimal).collect(Collectors.joining(", "));
    }
}
