package concbench.report;

import concbench.formats.GeneratorError;
import concbench.formats.Latency;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.ThreadRole;
import concbench.formats.TrialResult;
import concbench.report.Table.Cell;
import concbench.report.Table.Mark;
import concbench.report.Table.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every measured phase of every trial of a scenario, failed trials included with their reason: the page only. */
final class TrialTable {
    private static final String NOTE = Texts.paragraph(TrialTable.class, "trials-note");
    /** What marks a failure the load generator raised itself in the errors column. */
    private static final String GENERATOR_FAILURE = "(the load generator's own) ";
    /** The cost columns of the trial table, each a dash for a phase too short to sample. */
    private static final int COST_COLUMNS = 7;

    private TrialTable() {
    }

    static Table of(RunView view, String scenario) {
        List<String> header = List.of("implementation", "trial", "phase", "req/s", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "OK", "KO", "errors", "server CPU µs/req", "of it compiler µs/req",
                "server CPU",
                "generator CPU", "of it Gatling", "peak RSS", "peak threads", "Gatling", "caveats");
        List<Row> rows = new ArrayList<>();
        for (String impl : view.implementations(scenario)) {
            for (TrialResult trial : view.trials(impl, scenario)) {
                Cell report = reportLink(trial);
                if (!trial.ok()) {
                    List<Cell> cells = new ArrayList<>(List.of(Cell.of(impl), Cell.of(String.valueOf(trial.trial())),
                            Cell.of(Fmt.NONE)));
                    for (int i = 3; i < header.size() - 2; i++) {
                        cells.add(Cell.of(Fmt.NONE));
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
        return new Table(header, rows, List.of(NOTE, Marks.BOUND_NOTE, Marks.LATE_NOTE, Marks.NOT_WARM_NOTE));
    }

    private static Row phaseRow(String impl, TrialResult trial, PhaseResult phase, Cell report, String trialCaveat) {
        Latency latency = phase.stats().latency();
        boolean sweep = phase.isSweep();
        PhaseCost cost = phase.cost();
        List<String> caveats = new ArrayList<>();
        if (phase.generatorBound()) {
            caveats.add(Marks.BOUND + " generator-bound");
        }
        if (phase.backendBound()) {
            caveats.add(Marks.BOUND + " back-end-bound: the back end's CPUs were saturated");
        }
        boolean generatorFailed = phase.stats().generatorErrors() > 0;
        if (phase.schedule() != null && phase.schedule().saturated()) {
            caveats.add(generatorFailed ? "the load generator failed requests itself at this rate: its ladder ended "
                    + "here, for the generator's limit, not the server's"
                    : "the server did not keep this rate: its ladder ended here");
        }
        if (phase.missedSchedule()) {
            caveats.add(Marks.LATE + " missed its schedule: " + phase.schedule().missed());
        }
        if (cost == null) {
            caveats.add("too short to sample its cost");
        }
        if (phase.stats().serverErrors() > 0) {
            caveats.add(Fmt.count(phase.stats().serverErrors()) + " failed requests");
        }
        GeneratorError.reasons(phase.stats().errors()).forEach(reason -> caveats.add(Marks.BOUND + " " + reason
                + ": not the server's errors"));
        if (!trialCaveat.isEmpty()) {
            caveats.add(trialCaveat);
        }
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(impl), Cell.of(String.valueOf(trial.trial())),
                Cell.of(phase.name()),
                Cell.of(Fmt.rate(phase.stats().throughput())
                        + (phase.generatorBound() || phase.backendBound() ? " " + Marks.BOUND : "")),
                new Cell(Fmt.ms(latency.p50Ms()), null, sweep), new Cell(Fmt.ms(latency.p90Ms()), null, sweep),
                new Cell(Fmt.ms(latency.p99Ms()), null, sweep), new Cell(Fmt.ms(latency.p999Ms()), null, sweep),
                new Cell(Fmt.ms(latency.maxMs()), null, sweep),
                Cell.of(Fmt.count(phase.stats().ok())), Cell.of(Fmt.count(phase.stats().serverErrors())
                        + (generatorFailed ? " + " + Fmt.count(phase.stats().generatorErrors()) + " the generator's"
                        : "")),
                Cell.of(errors(phase.stats().errors()))));
        if (cost == null) {
            for (int i = 0; i < COST_COLUMNS; i++) {
                cells.add(Cell.of(Fmt.NONE));
            }
        } else {
            Double compiler = cost.cpuMicrosPerRequest(ThreadRole.COMPILER);
            cells.addAll(List.of(Cell.of(Fmt.micros(cost.serverCpuMicrosPerRequest())),
                    Cell.of(compiler == null ? Fmt.NONE : Fmt.micros(compiler)),
                    Cell.of(Fmt.percent(cost.serverCpuUtilisation())),
                    Cell.of(Fmt.percent(cost.generatorCpuUtilisation())),
                    Cell.of(cost.gatlingCpuUtilisation() == null ? Fmt.NONE
                            : Fmt.percent(cost.gatlingCpuUtilisation())),
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
            caveats.add(Marks.NOT_WARM + ": the warm-up ran out after "
                    + Fmt.plain(Math.round(trial.warmup().seconds())) + " s");
        }
        return String.join("; ", caveats);
    }

    /** A link to the trial's Gatling report, relative to the run folder so that the folder can move. */
    private static Cell reportLink(TrialResult trial) {
        String href = Html.relativeHref(trial.gatlingReport() == null ? null : trial.gatlingReport() + "/index.html");
        return href == null ? Cell.of(Fmt.NONE) : new Cell("report", href, false);
    }

    /** Each failure's message and count, those the load generator raised itself marked as its own. */
    private static String errors(Map<String, Long> errors) {
        return errors == null || errors.isEmpty() ? "" : errors.entrySet().stream()
                .map(e -> (GeneratorError.of(e.getKey()).isPresent() ? GENERATOR_FAILURE : "") + e.getKey() + " x"
                        + Fmt.count(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String gatlingErrors(Map<String, Long> errors) {
        String text = errors(errors);
        return text.isEmpty() ? "" : "Gatling logged errors outside any request: " + text;
    }
}
