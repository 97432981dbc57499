package concbench.gate;

import static concbench.gate.RecordedTrials.combinations;
import static concbench.gate.RecordedTrials.rest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison.Side;
import concbench.formats.RunResults;
import concbench.report.Fmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate on real recorded trials of identical code ({@link RecordedTrials}): every split of the 12 trials into
 * a base of 6 and a head of 6 (924 of them) passes; the same with a 20% slowdown injected into one
 * implementation's head fails on that implementation's rows and on no other. Deterministic: the same trials, the
 * same splits, every time. It also measures what gate/README.md states, into {@code gate/target/calibration.md}:
 * the false alarms and the slowdowns caught with 3 rounds a side (every base of 3 trials against every head of 3
 * of the other 9: 18,480 comparisons) and 6, and each figure's spread from trial to trial. Skipped, saying so,
 * while the test resources hold no fixture.
 */
class CalibrationTest {
    private static final int TRIALS = 12;
    private static final int SIDE = TRIALS / 2;
    private static final int ROUNDS = 3;
    private static final int MOST_ROUNDS = 30;
    /** By default every 7th pair of 3 rounds against 3 (2,640 of 18,480), to keep ./bench test short. */
    private static final int STRIDE = 7;
    private static final boolean FULL = "full".equals(System.getProperty("gate.calibration"));
    private static final double SLOWDOWN = 1.2;
    private static final double[] SLOWDOWNS = {1.05, 1.10, 1.15, 1.20, 1.30, 1.50};
    private static final double[] CPU_SLOWDOWNS = {1.20, 1.30, 1.50};
    /** The default thresholds (""), and a CPU threshold wide enough for this machine's spread with 6 rounds. */
    private static final List<String> CPU_THRESHOLDS = List.of("", "cpuPerRequest=25", "cpuPerRequest=35");
    /** Maven runs tests in the module's folder: this is gate/target/calibration.md. */
    private static final Path REPORT = Path.of("target", "calibration.md");

    private static RecordedTrials trials;

    @BeforeAll
    static void read() {
        trials = RecordedTrials.read();
    }

    /** Each test is skipped, saying why, while there is no fixture. */
    @BeforeEach
    void needsTheFixture() {
        assumeTrue(trials != null, "no fixture in gate/src/test/resources/concbench/gate/" + RecordedTrials.FOLDER
                + "/: record one with " + RecordedTrials.COMMAND + " on a quiet machine and copy its run.json and "
                + "trial files there");
    }

    /** The gate's rows for a base and a head, as ./bench compare decides them. */
    private static List<Row> gate(RunResults base, RunResults head) {
        return gate(base, head, Thresholds.defaults());
    }

    private static List<Row> gate(RunResults base, RunResults head, Thresholds thresholds) {
        return FamilyOfRows.judge(RunComparison.compare(base, head, thresholds).rows());
    }

    private static String describe(Row row) {
        return row.implementation() + " " + row.scenario() + " " + row.phase() + " " + row.metric() + " "
                + Fmt.change(row.changePercent()) + " p " + Fmt.pValue(row.pValue()) + " adj. "
                + Fmt.pValue(row.adjustedPValue());
    }

    @Test
    void theFixtureIsTwelveTrialsOfEachImplementationAndScenario() {
        assertEquals(TRIALS, trials.trialNumbers().size());
        assertEquals(List.of("netty", "vertx"), trials.implementations());
        assertEquals(List.of("hello", "fanout"), trials.run().manifest().scenarios());
        assertEquals("ci", trials.run().manifest().profile().name());
        assertTrue(trials.run().trials().stream().allMatch(t -> t.ok()), "every recorded trial succeeded");
    }

    @Test
    void everySplitOfIdenticalCodeIntoSixAndSixPasses() {
        List<Integer> numbers = trials.trialNumbers();
        List<String> alarms = new ArrayList<>();
        for (List<Integer> base : combinations(numbers, SIDE)) {
            gate(trials.side(base), trials.side(rest(numbers, base))).stream().filter(Row::isRegression)
                    .forEach(r -> alarms.add("base " + base + ": " + describe(r)));
        }
        assertEquals(List.of(), alarms, "false alarms over " + combinations(numbers, SIDE).size() + " splits");
    }

    @Test
    void aTwentyPercentSlowdownFailsOnThatImplementationAndNoOther() {
        List<Integer> numbers = trials.trialNumbers();
        for (String slowed : trials.implementations()) {
            List<String> wrong = new ArrayList<>();
            for (List<Integer> base : combinations(numbers, SIDE)) {
                List<Row> regressions = gate(trials.side(base),
                        trials.side(rest(numbers, base), slowed, SLOWDOWN)).stream().filter(Row::isRegression).toList();
                if (regressions.isEmpty()) {
                    wrong.add("base " + base + ": no regression");
                }
                regressions.stream().filter(r -> !r.implementation().equals(slowed))
                        .forEach(r -> wrong.add("base " + base + ": " + describe(r)));
            }
            assertEquals(List.of(), wrong, slowed + " slowed by 20%");
        }
    }

    /** Every base of 3 trials against every head of 3 of the others; every {@code stride}-th of them. */
    private static List<List<List<Integer>>> threeAndThree(List<Integer> numbers, int stride) {
        List<List<List<Integer>>> pairs = new ArrayList<>();
        int index = 0;
        for (List<Integer> base : combinations(numbers, ROUNDS)) {
            for (List<Integer> head : combinations(rest(numbers, base), ROUNDS)) {
                if (index++ % stride == 0) {
                    pairs.add(List.of(base, head));
                }
            }
        }
        return pairs;
    }

    @Test
    void threeRoundsOfIdenticalCodeFailAtMostOnceInAHundred() {
        List<List<List<Integer>>> pairs = threeAndThree(trials.trialNumbers(), FULL ? 1 : STRIDE);
        List<String> alarms = new ArrayList<>();
        for (List<List<Integer>> pair : pairs) {
            gate(trials.side(pair.get(0)), trials.side(pair.get(1))).stream().filter(Row::isRegression)
                    .forEach(r -> alarms.add(pair + ": " + describe(r)));
        }
        assertTrue(alarms.stream().map(a -> a.substring(0, a.indexOf(':'))).distinct().count()
                <= Evidence.ALPHA * pairs.size(), pairs.size() + " comparisons: " + alarms);
    }

    /**
     * What gate/README.md states, with {@code -Dgate.calibration=full} only (a few minutes): with 3 rounds a side
     * (all 18,480 pairs) and 6, how often identical code fails, and how often a slowdown of one implementation is
     * caught (a regression of that implementation, and of no other); each figure's spread. Into
     * gate/target/calibration.md.
     */
    @Test
    void measured() throws IOException {
        assumeTrue(FULL, "the full calibration runs with -Dgate.calibration=full");
        List<Integer> numbers = trials.trialNumbers();
        List<List<List<Integer>>> pairs = threeAndThree(numbers, 1);
        int falseAlarms = 0;
        int falseImprovements = 0;
        Map<String, Integer> gated = new LinkedHashMap<>();
        Map<String, Integer> nothingGated = new LinkedHashMap<>();
        for (List<List<Integer>> pair : pairs) {
            List<Row> rows = gate(trials.side(pair.get(0)), trials.side(pair.get(1)));
            rows.stream().filter(r -> r.adjustedPValue() != null).forEach(r -> gated.merge(figure(r), 1, Integer::sum));
            for (String implementation : trials.implementations()) {
                boolean none = rows.stream().noneMatch(r -> r.implementation().equals(implementation)
                        && r.adjustedPValue() != null);
                nothingGated.merge(implementation, none ? 1 : 0, Integer::sum);
            }
            falseAlarms += rows.stream().anyMatch(Row::isRegression) ? 1 : 0;
            falseImprovements += rows.stream().anyMatch(Row::isImprovement) ? 1 : 0;
        }
        StringBuilder md = new StringBuilder("# The gate calibrated on " + RecordedTrials.FOLDER + "\n\n");
        md.append(String.format(Locale.ROOT, "3 rounds a side, identical code, %,d comparisons: %d failed (%.2f%%), "
                + "%d reported an improvement (%.2f%%).%n", pairs.size(), falseAlarms,
                100.0 * falseAlarms / pairs.size(), falseImprovements, 100.0 * falseImprovements / pairs.size()));
        nothingGated.forEach((implementation, count) -> md.append(String.format(Locale.ROOT, "%s had no gated row "
                + "in %.1f%% of them (every row too noisy for the base's 3 trials).%n", implementation,
                100.0 * count / pairs.size())));
        md.append("\n| slowdown injected |");
        trials.implementations().forEach(i -> md.append(" ").append(i).append(" caught, 3 rounds |"));
        trials.implementations().forEach(i -> md.append(" ").append(i).append(" caught, 6 rounds |"));
        md.append("\n|---|").append("---|".repeat(2 * trials.implementations().size())).append('\n');
        for (double factor : SLOWDOWNS) {
            md.append(String.format(Locale.ROOT, "| %.0f%% |", (factor - 1) * 100));
            for (String slowed : trials.implementations()) {
                md.append(String.format(Locale.ROOT, " %.1f%% |", 100 * caught(pairs, slowed, factor)));
            }
            for (String slowed : trials.implementations()) {
                md.append(String.format(Locale.ROOT, " %.1f%% |", 100 * caught(sixAndSix(numbers), slowed, factor)));
            }
            md.append('\n');
        }
        md.append('\n').append(cpuOnly(numbers, threeAndThree(numbers, STRIDE)));
        md.append('\n').append(spread(numbers, gated, pairs.size()));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md);
    }

    /**
     * A slowdown of the CPU per request alone, as a busy loop makes it (what {@code ./bench ab} had to catch live): at
     * the default thresholds and with the CPU threshold raised to what this machine's spread allows.
     */
    private static String cpuOnly(List<Integer> numbers, List<List<List<Integer>>> pairs) {
        StringBuilder md = new StringBuilder("A slowdown of the CPU per request only (throughput and latency "
                + "unchanged):\n\n| slowdown injected | thresholds |");
        trials.implementations().forEach(i -> md.append(" ").append(i).append(" caught, 3 rounds |"));
        trials.implementations().forEach(i -> md.append(" ").append(i).append(" caught, 6 rounds |"));
        md.append("\n|---|---|").append("---|".repeat(2 * trials.implementations().size())).append('\n');
        for (String setting : CPU_THRESHOLDS) {
            Thresholds thresholds = setting.isEmpty() ? Thresholds.defaults() : Thresholds.parse(List.of(setting));
            for (double factor : CPU_SLOWDOWNS) {
                md.append(String.format(Locale.ROOT, "| %.0f%% | %s |", (factor - 1) * 100,
                        setting.isEmpty() ? "defaults" : setting));
                for (List<List<List<Integer>>> split : List.of(pairs, sixAndSix(numbers))) {
                    for (String slowed : trials.implementations()) {
                        md.append(String.format(Locale.ROOT, " %.1f%% |", 100 * caught(split, slowed, factor,
                                RecordedTrials.Slowdown.CPU_ONLY, thresholds)));
                    }
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static List<List<List<Integer>>> sixAndSix(List<Integer> numbers) {
        return combinations(numbers, SIDE).stream().map(b -> List.of(b, rest(numbers, b))).toList();
    }

    /** The share of comparisons that fail on {@code slowed}'s rows and on no other's. */
    private static double caught(List<List<List<Integer>>> pairs, String slowed, double factor) {
        return caught(pairs, slowed, factor, RecordedTrials.Slowdown.EVERYWHERE, Thresholds.defaults());
    }

    private static double caught(List<List<List<Integer>>> pairs, String slowed, double factor,
            RecordedTrials.Slowdown kind, Thresholds thresholds) {
        int caught = 0;
        for (List<List<Integer>> pair : pairs) {
            List<Row> regressions = gate(trials.side(pair.get(0)), trials.side(pair.get(1), slowed, factor, kind),
                    thresholds).stream().filter(Row::isRegression).toList();
            caught += !regressions.isEmpty() && regressions.stream().allMatch(r -> r.implementation().equals(slowed))
                    ? 1 : 0;
        }
        return (double) caught / pairs.size();
    }

    /**
     * Each figure the t-test judges: its mean and coefficient of variation over the 12 trials, and the smallest
     * change 3 and 6 rounds a side could show at the family's strictest bar (what the precision rule compares with
     * the threshold), from a comparison of all 12 trials with themselves; then why a row is not gated, if it is not.
     */
    private static String spread(List<Integer> numbers, Map<String, Integer> gated, int pairs) {
        List<Row> rows = gate(trials.side(numbers), trials.side(numbers));
        long candidates = rows.stream().filter(r -> r.pValue() != null
                && (r.notGatedReason() == null || r.notGatedReason().equals(Row.TOO_NOISY))).count();
        double bar = Evidence.ALPHA / candidates;
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Spread from trial to trial, %d trials; "
                + "detectable: the smallest change that reaches p < %s / %d rows with n rounds a side.%n%n",
                numbers.size(), Fmt.plain(Evidence.ALPHA), candidates));
        md.append("| implementation | scenario | phase | metric | mean | CV | detectable, 3 rounds "
                + "| detectable, 6 rounds"
                + " | rounds for 10% | gated, 3 rounds | not gated |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Row> byFigure = new LinkedHashMap<>();
        rows.stream().filter(r -> r.pValue() != null || Row.NOT_GATED.equals(r.verdict()))
                .forEach(r -> byFigure.put(figure(r), r));
        for (Row row : byFigure.values()) {
            Side base = row.base();
            double cv = base.mean() == 0 ? 0 : Math.sqrt(base.variance()) / Math.abs(base.mean()) * 100;
            md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s %s | %.1f%% | %s | %s | %s | %.0f%% | %s |%n",
                    row.implementation(), row.scenario(), row.phase(), row.metric(), Fmt.decimal(base.mean()),
                    row.unit(), cv, detectable(base, ROUNDS, bar), detectable(base, SIDE, bar),
                    roundsFor(base, row.thresholdPercent(), bar),
                    100.0 * gated.getOrDefault(figure(row), 0) / pairs,
                    row.notGatedReason() == null || row.notGatedReason().equals(Row.TOO_NOISY) ? ""
                            : row.notGatedReason()));
        }
        return md.toString();
    }

    private static String figure(Row row) {
        return String.join(" ", row.implementation(), row.scenario(), row.phase(), row.metric());
    }

    /** The fewest rounds a side with which a change of the threshold could reach the bar, up to 30. */
    private static String roundsFor(Side twelve, double thresholdPercent, double bar) {
        OptionalInt rounds = FamilyOfRows.roundsFor(twelve, thresholdPercent, bar);
        return rounds.isPresent() && rounds.getAsInt() <= MOST_ROUNDS ? Integer.toString(rounds.getAsInt())
                : "> " + MOST_ROUNDS;
    }

    /** The precision rule's figure for n rounds a side, had the base spread as these 12 trials do. */
    private static String detectable(Side twelve, int rounds, double bar) {
        if (twelve.mean() == 0) {
            return "-";
        }
        double t = StudentT.quantile(1 - bar, TTest.degreesOfFreedom(rounds, rounds));
        return Fmt.decimal(t * Math.sqrt(twelve.variance()) / Math.abs(twelve.mean()) * Math.sqrt(2.0 / rounds)
                * 100) + "%";
    }
}
