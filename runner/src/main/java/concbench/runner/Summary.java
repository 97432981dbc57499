package concbench.runner;

import concbench.formats.Ladder;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.TrialResult;
import concbench.gatling.names.PhaseName;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The end-of-run table on the terminal, one row per trial: the best closed-model throughput of the sweep, the
 * latency at the ladder's first rate (the same for every server), how far up the ladder the server kept up, and what
 * a request cost it at its best sweep level. A throughput the load generator limited is marked, since it is only a
 * lower bound for the server; a back-end-bound phase too.
 */
final class Summary {
    static final String GENERATOR_BOUND_MARK = "*";
    static final String NOT_WARM = "NOT WARM";
    static final String MISSED_SCHEDULE_MARK = "!";
    static final String BACKEND_BOUND = "back-end-bound";
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    /** The row, with the width of the server column, as wide as the longest name (a variant's can be long). */
    private static final String ROW = "%%-10s %%-%ds %%5s  %%18s  %%9s %%9s %%9s  %%10s %%9s %%7s  %%-22s %%s%%n";
    private static final int SERVER_WIDTH = 10;

    private Summary() {
    }

    /** One line for the progress display once a trial ends. */
    static String outcome(TrialResult result) {
        if (!result.ok()) {
            return "FAILED: " + result.failure();
        }
        StringBuilder text = new StringBuilder("done");
        bestSweep(result).ifPresent(best -> text.append(String.format(Locale.ROOT, ", best %,.0f req/s at %d users%s",
                best.stats().throughput(), best.users(), best.generatorBound() ? " (load generator bound)" : "")));
        ratePhase(result).ifPresent(rate -> text.append(String.format(Locale.ROOT, ", at %d req/s p50 %s ms p99 %s ms",
                rate.rate(), ms(rate.stats().latency().p50Ms()), ms(rate.stats().latency().p99Ms()))));
        if (result.ladder() != null) {
            text.append(", ladder kept ").append(ladder(result)).append(" req/s")
                    .append(result.ladder().keptEveryRate() ? "" : " (" + result.ladder().saturation() + ")");
        }
        if (koCount(result) > 0) {
            text.append(String.format(Locale.ROOT, ", %,d failed requests", koCount(result)));
        }
        if (generatorErrors(result) > 0) {
            text.append(String.format(Locale.ROOT, ", %s", generatorFailed(result)));
        }
        ratePhase(result).filter(PhaseResult::missedSchedule)
                .ifPresent(rate -> text.append(", the first rate missed its schedule: ")
                        .append(rate.schedule().missed()));
        if (result.notWarm()) {
            text.append(String.format(Locale.ROOT, ", %s: the warm-up ran out after %.0f s", NOT_WARM,
                    result.warmup().seconds()));
        }
        return text.toString();
    }

    static String table(List<TrialResult> results) {
        String row = String.format(ROW, results.stream().mapToInt(r -> r.implementation().length())
                .reduce(SERVER_WIDTH, Math::max));
        StringBuilder table = new StringBuilder(String.format(row, "scenario", "server", "trial", "best req/s (users)",
                "p50 ms", "p99 ms", "p99.9 ms", "CPU us/req", "RSS MiB", "threads", "ladder req/s", "status"));
        boolean anyBound = false;
        boolean anyMissed = false;
        boolean anyBackendBound = false;
        List<TrialResult> sorted = results.stream()
                .sorted(Comparator.comparing(TrialResult::scenario).thenComparingInt(TrialResult::width)
                        .thenComparing(TrialResult::implementation)
                        .thenComparingInt(TrialResult::trial))
                .toList();
        for (TrialResult result : sorted) {
            if (!result.ok()) {
                table.append(String.format(row, result.scenarioKey(), result.implementation(), result.trial(), "-",
                        "-", "-", "-", "-", "-", "-", "-", "FAILED: " + result.failure()));
                continue;
            }
            Optional<PhaseResult> best = bestSweep(result);
            Optional<PhaseResult> rate = ratePhase(result);
            anyBound |= best.map(PhaseResult::generatorBound).orElse(false);
            boolean missed = rate.map(PhaseResult::missedSchedule).orElse(false);
            anyMissed |= missed;
            String late = missed ? MISSED_SCHEDULE_MARK : "";
            anyBackendBound |= result.phases().stream().anyMatch(PhaseResult::backendBound);
            table.append(String.format(Locale.ROOT, row, result.scenarioKey(), result.implementation(), result.trial(),
                    best.map(b -> String.format(Locale.ROOT, "%,.0f (%d)%s", b.stats().throughput(), b.users(),
                            b.generatorBound() ? GENERATOR_BOUND_MARK : "")).orElse("-"),
                    rate.map(r -> ms(r.stats().latency().p50Ms()) + late).orElse("-"),
                    rate.map(r -> ms(r.stats().latency().p99Ms()) + late).orElse("-"),
                    rate.map(r -> ms(r.stats().latency().p999Ms()) + late).orElse("-"),
                    best.map(PhaseResult::cost).map(c -> String.format(Locale.ROOT, "%.1f", c.serverCpuMicrosPerRequest()))
                            .orElse("-"),
                    best.map(PhaseResult::cost).map(c -> String.format(Locale.ROOT, "%.0f", c.peakRssBytes() / BYTES_PER_MIB))
                            .orElse("-"),
                    best.map(PhaseResult::cost).map(c -> Integer.toString(c.peakThreads())).orElse("-"),
                    ladder(result),
                    (koCount(result) == 0 ? "ok" : String.format(Locale.ROOT, "ok, %,d failed requests", koCount(result)))
                            + (generatorErrors(result) > 0 ? ", " + generatorFailed(result) : "")
                            + (result.notWarm() ? ", " + NOT_WARM : "")
                            + (result.phases().stream().anyMatch(PhaseResult::backendBound)
                                    ? ", " + BACKEND_BOUND : "")));
        }
        table.append("latency: the ladder's first rate (Gatling's clock has 1 ms resolution); ladder: the highest rate "
                + "kept and the one that ended it; CPU per request, RSS and threads: the best sweep level\n");
        if (anyBackendBound) {
            table.append(BACKEND_BOUND + ": the back end's CPUs were saturated in a phase while the server's were not: "
                    + "the back end may have been the limit\n");
        }
        if (anyMissed) {
            table.append(MISSED_SCHEDULE_MARK + " the ladder's first rate missed its schedule (Gatling sent late or the "
                    + "server fell behind): its latency is not free of coordinated omission\n");
        }
        if (anyBound) {
            table.append(GENERATOR_BOUND_MARK + " the load generator's CPUs were saturated while the server's were "
                    + "not, or it failed requests itself: the server can do more than this\n");
        }
        return table.toString();
    }

    /**
     * The ladder in a few words: the highest rate the server kept and the one it could not ({@code 4,000 / 8,000}),
     * or every rate kept up to the top ({@code all to 8,000}).
     */
    static String ladder(TrialResult result) {
        Ladder ladder = result.ladder();
        if (ladder == null || ladder.rates().isEmpty()) {
            return "-";
        }
        if (ladder.keptEveryRate()) {
            return String.format(Locale.ROOT, "all to %,d", ladder.rates().getLast());
        }
        int saturated = ladder.saturatedRate();
        String kept = ladder.rates().stream().filter(rate -> rate < saturated).reduce((a, b) -> b)
                .map(rate -> String.format(Locale.ROOT, "%,d", rate)).orElse("none");
        return String.format(Locale.ROOT, "%s / not %,d", kept, saturated);
    }

    /** Gatling's clock counts whole milliseconds: a response faster than that reads 0, shown as {@code <1}. */
    private static String ms(double value) {
        return value < 1 ? "<1" : String.format(Locale.ROOT, "%.0f", value);
    }

    /**
     * The server's failed requests in the measured phases; the warm-up's do not count, nor those the load generator
     * failed itself ({@link #generatorErrors}).
     */
    static long koCount(TrialResult result) {
        return measured(result).mapToLong(PhaseStats::serverErrors).sum();
    }

    /** The requests of the measured phases the load generator failed itself: out of file descriptors, say. */
    static long generatorErrors(TrialResult result) {
        return measured(result).mapToLong(PhaseStats::generatorErrors).sum();
    }

    private static String generatorFailed(TrialResult result) {
        return String.format(Locale.ROOT, "%,d requests failed by the load generator itself (not the server's)",
                generatorErrors(result));
    }

    private static Stream<PhaseStats> measured(TrialResult result) {
        return result.phases().stream().filter(p -> !p.kind().equals(PhaseName.Kind.WARMUP.label()))
                .map(PhaseResult::stats);
    }

    static Optional<PhaseResult> bestSweep(TrialResult result) {
        return result.phases().stream().filter(PhaseResult::isSweep)
                .max(Comparator.comparingDouble(p -> p.stats().throughput()));
    }

    static Optional<PhaseResult> ratePhase(TrialResult result) {
        return result.phases().stream().filter(PhaseResult::isRate).findFirst();
    }
}
