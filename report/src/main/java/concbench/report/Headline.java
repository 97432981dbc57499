package concbench.report;

import concbench.formats.PhaseResult;
import concbench.formats.TrialResult;
import concbench.report.Lead.Candidate;
import concbench.report.Lead.Rule;
import concbench.report.RunView.Measured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The answer on the first screen: per scenario, which model leads on capacity, on p99 at a load every model
 * sustained, on CPU per request at that load and on memory, each with its margin over the runner-up and whether the
 * margin can be trusted ({@link Lead}). The floor is never ranked. Rendered by {@link HeadlineHtml} and
 * {@link HeadlineMarkdown} from the same rows, so the page and the summary say the same.
 */
final class Headline {
    static final List<String> HEADER = List.of("scenario", "capacity (best sweep level)",
            "p99 at a load every model sustained", "CPU per request at that load", "memory (peak RSS)");
    static final String NOTE = Texts.paragraph(Headline.class, "headline-note", Map.of(
            "throughput", Fmt.percent(FloorNoise.THROUGHPUT_NOISE), "p99", Fmt.percent(FloorNoise.P99_NOISE),
            "mark", Lead.LOWER_BOUND));
    private static final double GATLING_RESOLUTION_MS = 1;

    /**
     * One scenario's row: its name, what a request does (a fan-out's width and delay; empty for hello), a short note
     * (failed trials), and one lead per figure, null where none with the reason in {@code missing}.
     */
    record Row(String scenario, String request, String note, List<Lead> leads, List<String> missing) {
    }

    private Headline() {
    }

    static List<Row> rows(RunView view) {
        return view.scenarios().stream().map(scenario -> row(view, scenario)).toList();
    }

    private static Row row(RunView view, String scenario) {
        List<String> servers = servers(view, scenario);
        boolean floor = !view.measuredPhases(TrialResult.FLOOR, scenario).isEmpty();
        List<Lead> leads = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        LatencyLadder ladder = new LatencyLadder(view, scenario);
        OptionalInt common = ladder.commonlySustained(servers);
        add(leads, missing, capacity(view, scenario, servers, floor), "no sweep measured");
        String noCommon = ladder.rates().isEmpty() ? "no fixed-rate phase measured"
                : "no rate that every model sustained: " + saturatedFirst(ladder, servers);
        add(leads, missing, common.isEmpty() ? null : p99(ladder, servers, common.getAsInt(), floor), noCommon);
        add(leads, missing, common.isEmpty() ? null : cpu(ladder, servers, common.getAsInt()),
                common.isEmpty() ? noCommon : "no CPU measured");
        add(leads, missing, memory(view, scenario, servers), "no memory measured");
        long failed = view.servers().stream().mapToLong(impl -> view.failedTrials(impl, scenario).size()).sum();
        return new Row(scenario, request(view, scenario), failed == 0 ? "" : failed + " failed trial(s) left out",
                leads, missing);
    }

    /** A fan-out row's request: {@code 100 calls of 20 ms}, its widths as its trials recorded them. */
    private static String request(RunView view, String scenario) {
        Set<Integer> widths = new TreeSet<>();
        view.allTrials().stream().filter(t -> TrialResult.FANOUT.equals(t.scenario())
                && (t.scenario().equals(scenario) || t.scenarioKey().equals(scenario)))
                .forEach(t -> widths.add(t.width()));
        return widths.isEmpty() ? "" : widths.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (widths.equals(Set.of(1)) ? " call" : " calls") + " of " + view.manifest().fanoutDelayMs() + " ms";
    }

    /**
     * Which models saturated at the ladder's first rate, e.g. {@code loom saturated at 100 req/s}, and for which the
     * load generator failed requests itself there: that is the generator's limit, not the model's.
     */
    private static String saturatedFirst(LatencyLadder ladder, List<String> servers) {
        int first = ladder.rates().getFirst();
        Map<Boolean, List<String>> byGenerator = servers.stream().filter(impl -> !ladder.sustained(impl, first))
                .collect(Collectors.partitioningBy(impl -> ladder.generatorFailed(impl, first)));
        List<String> ends = new ArrayList<>();
        if (!byGenerator.get(false).isEmpty()) {
            ends.add(String.join(", ", byGenerator.get(false)) + " saturated at " + Fmt.rate(first) + " req/s");
        }
        if (!byGenerator.get(true).isEmpty()) {
            ends.add("the load generator failed requests itself at " + Fmt.rate(first) + " req/s for "
                    + String.join(", ", byGenerator.get(true)));
        }
        return String.join("; ", ends);
    }

    private static void add(List<Lead> leads, List<String> missing, Lead lead, String why) {
        leads.add(lead);
        missing.add(lead == null ? why : null);
    }

    /** The servers (not the floor) with at least one ok trial of the scenario: the models ranked. */
    static List<String> servers(RunView view, String scenario) {
        return view.servers().stream()
                .filter(impl -> view.trials(impl, scenario).stream().anyMatch(TrialResult::ok)).toList();
    }

    /**
     * The server's capacity: its best sweep level by the mean of its trials, a lower bound where that level was
     * generator-bound or back-end-bound (the load generator or the back end, not the server, was the limit); null
     * without a sweep.
     */
    static Candidate capacity(RunView view, String scenario, String impl) {
        Candidate best = null;
        for (int users : view.levels(scenario)) {
            List<Measured> sweep = view.sweep(impl, scenario, users);
            double mean = RunView.mean(sweep, p -> p.stats().throughput());
            if (!sweep.isEmpty() && (best == null || mean > best.mean())) {
                best = new Candidate(impl, mean, RunView.values(sweep, p -> p.stats().throughput()),
                        sweep.stream().anyMatch(m -> m.phase().generatorBound() || m.phase().backendBound()));
            }
        }
        return best;
    }

    private static Lead capacity(RunView view, String scenario, List<String> servers, boolean floor) {
        List<Candidate> candidates = servers.stream().map(impl -> capacity(view, scenario, impl))
                .filter(Objects::nonNull).toList();
        return candidates.isEmpty() ? null : Lead.of(candidates,
                new Rule(true, floor ? FloorNoise.THROUGHPUT_NOISE : null, 0, v -> Fmt.rate(v) + " req/s"), "");
    }

    private static Lead p99(LatencyLadder ladder, List<String> servers, int rate, boolean floor) {
        List<Candidate> candidates = servers.stream().map(impl -> candidate(impl, ladder.at(impl, rate),
                p -> p.stats().latency().p99Ms())).toList();
        return Lead.of(candidates, new Rule(false, floor ? FloorNoise.P99_NOISE : null, GATLING_RESOLUTION_MS,
                v -> Fmt.ms(v) + " ms"), "at " + Fmt.rate(rate) + " req/s");
    }

    private static Lead cpu(LatencyLadder ladder, List<String> servers, int rate) {
        List<Candidate> candidates = new ArrayList<>();
        for (String impl : servers) {
            List<Measured> costed = ladder.at(impl, rate).stream().filter(m -> m.phase().cost() != null).toList();
            if (!costed.isEmpty()) {
                candidates.add(candidate(impl, costed, p -> p.cost().serverCpuMicrosPerRequest()));
            }
        }
        return candidates.isEmpty() ? null : Lead.of(candidates, new Rule(false, null, 0,
                v -> Fmt.micros(v) + " µs"), "at " + Fmt.rate(rate) + " req/s");
    }

    /** Each trial's peak RSS over all its measured phases, the mean of the trials per server. */
    private static Lead memory(RunView view, String scenario, List<String> servers) {
        List<Candidate> candidates = new ArrayList<>();
        for (String impl : servers) {
            List<Double> peaks = new ArrayList<>();
            for (TrialResult trial : view.trials(impl, scenario).stream().filter(TrialResult::ok).toList()) {
                trial.phases().stream().filter(p -> (p.isSweep() || p.isRate()) && p.cost() != null)
                        .mapToLong(p -> p.cost().peakRssBytes()).max()
                        .ifPresent(peak -> peaks.add((double) peak));
            }
            if (!peaks.isEmpty()) {
                candidates.add(new Candidate(impl, peaks.stream().mapToDouble(Double::doubleValue).average()
                        .orElseThrow(), peaks, false));
            }
        }
        return candidates.isEmpty() ? null : Lead.of(candidates, new Rule(false, null, 0,
                v -> Fmt.mib((long) v)), "");
    }

    private static Candidate candidate(String impl, List<Measured> phases,
            ToDoubleFunction<PhaseResult> figure) {
        return new Candidate(impl, RunView.mean(phases, figure), RunView.values(phases, figure), false);
    }
}
