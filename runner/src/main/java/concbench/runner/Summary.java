package concbench.runner;

import concbench.formats.PhaseResult;
import concbench.formats.TrialResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The end-of-run table on the terminal, one row per trial: the best closed-model throughput of the sweep, the
 * latency of the fixed-rate run, and what a request cost the server at that rate. A throughput the load generator
 * limited is marked, since it is only a lower bound for the server.
 */
final class Summary {
    static final String GENERATOR_BOUND_MARK = "*";
    static final String NOT_WARM = "NOT WARM";
    static final String MISSED_SCHEDULE_MARK = "!";
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    /** The row, with the width of the server column, as wide as the longest name (a variant's can be long). */
    private static final String ROW = "%%-8s %%-%ds %%5s  %%18s  %%9s %%9s %%9s  %%10s %%9s %%7s  %%s%%n";
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
        if (koCount(result) > 0) {
            text.append(String.format(Locale.ROOT, ", %,d failed requests", koCount(result)));
        }
        ratePhase(result).filter(PhaseResult::missedSchedule)
                .ifPresent(rate -> text.append(", the fixed rate missed its schedule: ").append(rate.schedule().missed()));
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
                "p50 ms", "p99 ms", "p99.9 ms", "CPU us/req", "RSS MiB", "threads", "status"));
        boolean anyBound = false;
        boolean anyMissed = false;
        List<TrialResult> sorted = results.stream()
                .sorted(Comparator.comparing(TrialResult::scenario).thenComparing(TrialResult::implementation)
                        .thenComparingInt(TrialResult::trial))
                .toList();
        for (TrialResult result : sorted) {
            if (!result.ok()) {
                table.append(String.format(row, result.scenario(), result.implementation(), result.trial(), "-", "-",
                        "-", "-", "-", "-", "-", "FAILED: " + result.failure()));
                continue;
            }
            Optional<PhaseResult> best = bestSweep(result);
            Optional<PhaseResult> rate = ratePhase(result);
            anyBound |= best.map(PhaseResult::generatorBound).orElse(false);
            boolean missed = rate.map(PhaseResult::missedSchedule).orElse(false);
            anyMissed |= missed;
            String late = missed ? MISSED_SCHEDULE_MARK : "";
            table.append(String.format(Locale.ROOT, row, result.scenario(), result.implementation(), result.trial(),
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
                    (koCount(result) == 0 ? "ok" : String.format(Locale.ROOT, "ok, %,d failed requests", koCount(result)))
                            + (result.notWarm() ? ", " + NOT_WARM : "")));
        }
        table.append("latency: the fixed-rate run (Gatling's clock has 1 ms resolution); CPU per request, RSS and "
                + "threads: the best sweep level\n");
        if (anyMissed) {
            table.append(MISSED_SCHEDULE_MARK + " the fixed-rate phase missed its schedule (Gatling sent late or the "
                    + "server fell behind): its latency is not free of coordinated omission\n");
        }
        if (anyBound) {
            table.append(GENERATOR_BOUND_MARK + " the load generator's CPUs were saturated while the server's were not: "
                    + "the server can do more than this\n");
        }
        return table.toString();
    }

    /** Gatling's clock counts whole milliseconds: a response faster than that reads 0, shown as {@code <1}. */
    private static String ms(double value) {
        return value < 1 ? "<1" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Failed requests of the measured phases; the warm-up's do not count. */
    static long koCount(TrialResult result) {
        return result.phases().stream().filter(p -> !p.kind().equals("warmup")).mapToLong(p -> p.stats().ko()).sum();
    }

    static Optional<PhaseResult> bestSweep(TrialResult result) {
        return result.phases().stream().filter(PhaseResult::isSweep)
                .max(Comparator.comparingDouble(p -> p.stats().throughput()));
    }

    static Optional<PhaseResult> ratePhase(TrialResult result) {
        return result.phases().stream().filter(PhaseResult::isRate).findFirst();
    }
}
