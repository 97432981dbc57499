package concbench.report;

import concbench.formats.Latency;
import concbench.formats.PhaseResult;
import concbench.formats.TrialResult;
import concbench.report.RunView.Measured;
import concbench.report.Table.Mark;
import concbench.report.Table.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** A scenario's summary table, on the page and in the summary. */
final class SummaryTable {
    private static final String NOTE = Texts.paragraph(SummaryTable.class, "summary-note");

    private SummaryTable() {
    }

    /**
     * A scenario at a glance, one row per implementation: throughput at each level (mean and, over several trials,
     * min to max), the fixed-rate latency of every trial, the CPU a request cost, failed requests and trials.
     */
    static Table of(RunView view, String scenario) {
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
                cells.add(spread(sweep, p -> p.stats().throughput(), Fmt::rate) + (bound ? " " + Marks.BOUND : "")
                        + (nearFloor ? " " + FloorNoise.MARK : ""));
            }
            List<Measured> ratePhases = view.rate(impl, scenario);
            boolean late = ratePhases.stream().anyMatch(m -> m.phase().missedSchedule());
            boolean p99NearFloor = floor.p99(impl);
            anyNearFloor |= p99NearFloor;
            anyLate |= late;
            String lateMark = late ? " " + Marks.LATE : "";
            cells.add(latencies(ratePhases, Latency::p50Ms) + lateMark);
            cells.add(latencies(ratePhases, Latency::p99Ms) + lateMark + (p99NearFloor ? " " + FloorNoise.MARK : ""));
            cells.add(latencies(ratePhases, Latency::p999Ms) + lateMark);
            List<Measured> costed = ratePhases.stream().filter(m -> m.phase().cost() != null).toList();
            cells.add(spread(costed, p -> p.cost().serverCpuMicrosPerRequest(), Fmt::micros));
            long ko = view.measuredPhases(impl, scenario).stream().mapToLong(m -> m.phase().stats().serverErrors())
                    .sum();
            long generatorErrors = view.measuredPhases(impl, scenario).stream()
                    .mapToLong(m -> m.phase().stats().generatorErrors()).sum();
            cells.add(Fmt.count(ko));
            List<TrialResult> ok = trials.stream().filter(TrialResult::ok).toList();
            cells.add(warmups(ok));
            List<String> notWarm = ok.stream().filter(TrialResult::notWarm).map(t -> "trial " + t.trial()).toList();
            if (!notWarm.isEmpty()) {
                anyNotWarm = true;
                caveats.add(Marks.NOT_WARM + ": " + String.join(", ", notWarm));
            }
            if (late) {
                caveats.add(Marks.LATE + " the fixed rate missed its schedule");
            }
            if (!boundLevels.isEmpty()) {
                anyBound = true;
                caveats.add(Marks.BOUND + " generator-bound at " + boundLevels.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + " users");
            }
            if (RunView.anyGeneratorBound(ratePhases)) {
                caveats.add("the fixed-rate phase was generator-bound");
            }
            List<String> backendBound = view.measuredPhases(impl, scenario).stream()
                    .filter(m -> m.phase().backendBound()).map(m -> m.phase().name()).distinct().toList();
            if (!backendBound.isEmpty()) {
                anyBound = true;
                caveats.add(Marks.BOUND + " back-end-bound (the back end's CPUs saturated) in " + String.join(", ",
                        backendBound));
            }
            ok.stream().filter(t -> t.ladder() != null && !t.ladder().keptEveryRate())
                    .forEach(t -> caveats.add("trial " + t.trial() + "'s latency ladder ended at "
                            + Fmt.count(t.ladder().saturatedRate()) + " req/s: " + t.ladderEnd()));
            if (ko > 0) {
                caveats.add(Fmt.count(ko) + " failed requests (see the trial table)");
            }
            if (generatorErrors > 0) {
                anyBound = true;
                caveats.add(Marks.BOUND + " " + Fmt.count(generatorErrors) + " requests the load generator failed "
                        + "itself (its own limits, see the trial table): not the server's errors");
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
        notes.add(NOTE);
        if (anyBound) {
            notes.add(Marks.BOUND_NOTE);
        }
        if (anyNearFloor) {
            notes.add(FloorNoise.NOTE);
        }
        if (anyLate) {
            notes.add(Marks.LATE_NOTE);
        }
        if (anyNotWarm) {
            notes.add(Marks.NOT_WARM_NOTE);
        }
        return new Table(header, rows, notes);
    }

    /** Each ok trial's warm-up in seconds, {@code 12 s} or {@code 25 s, not warm}; a dash for results without one. */
    private static String warmups(List<TrialResult> trials) {
        List<String> each = trials.stream().filter(t -> t.warmup() != null)
                .map(t -> Fmt.plain(Math.round(t.warmup().seconds())) + " s"
                        + (t.notWarm() ? ", " + Marks.NOT_WARM : ""))
                .toList();
        return each.isEmpty() ? Fmt.NONE : String.join(" / ", each);
    }

    /** {@code 14,290}, or over several values {@code 14,000 (13,500 to 14,290)}; a dash when there is none. */
    private static String spread(List<Measured> measured, ToDoubleFunction<PhaseResult> value,
            DoubleFunction<String> format) {
        if (measured.isEmpty()) {
            return Fmt.NONE;
        }
        String mean = format.apply(RunView.mean(measured, value));
        return measured.size() == 1 ? mean : mean + " (" + format.apply(RunView.min(measured, value)) + " to "
                + format.apply(RunView.max(measured, value)) + ")";
    }

    private static String latencies(List<Measured> rate, ToDoubleFunction<Latency> value) {
        return rate.isEmpty() ? Fmt.NONE : Fmt.msList(rate.stream()
                .map(m -> value.applyAsDouble(m.phase().stats().latency())).toList())
                + (RunView.anyGeneratorBound(rate) ? " " + Marks.BOUND : "");
    }
}
