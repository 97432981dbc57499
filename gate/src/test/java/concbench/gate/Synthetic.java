package concbench.gate;

import concbench.formats.CpuLayout;
import concbench.formats.CpuSet;
import concbench.formats.Environment;
import concbench.formats.Latency;
import concbench.formats.PhaseCost;
import concbench.formats.PhaseResult;
import concbench.formats.PhaseStats;
import concbench.formats.Profile;
import concbench.formats.ResultFiles;
import concbench.formats.RunManifest;
import concbench.formats.RunResults;
import concbench.formats.Timeline;
import concbench.formats.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthetic runs for the gate's tests: netty hello trials whose every number is chosen by the test, built from the
 * runner's own records so that they are exactly what {@code RunResults.read} gives back.
 */
final class Synthetic {
    static final String IMPL = "netty";
    static final String SCENARIO = "hello";

    private Synthetic() {
    }

    /**
     * One trial's numbers: sweep-64 throughput (and whether the load generator bound it), the rate phase's
     * latency percentiles (p90 is p99's) and how many responses it had, CPU per request in both phases, failed
     * requests in both and the message they failed with.
     */
    record Trial(double throughput, boolean generatorBound, double p50, double p99, double p999, long responses,
            double cpu, long ko, String koMessage, boolean ok) {
        /** A failure of the server's. */
        static final String SERVER_ERROR = "status.find.is(200), but actually found 500";
        /** A failure of the load generator's own: it ran out of file descriptors. */
        static final String GENERATOR_ERROR =
                "i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files";


        /** Responses enough for every percentile the gate judges, p99.9 included (10,000). */
        static final long ENOUGH_RESPONSES = 20_000;

        static Trial typical() {
            return new Trial(10_000, false, 2, 10, 20, ENOUGH_RESPONSES, 50, 0, SERVER_ERROR, true);
        }

        Trial throughput(double value) {
            return new Trial(value, generatorBound, p50, p99, p999, responses, cpu, ko, koMessage, ok);
        }

        Trial bound() {
            return new Trial(throughput, true, p50, p99, p999, responses, cpu, ko, koMessage, ok);
        }

        Trial latency(double newP50, double newP99, double newP999) {
            return new Trial(throughput, generatorBound, newP50, newP99, newP999, responses, cpu, ko, koMessage, ok);
        }

        Trial responses(long value) {
            return new Trial(throughput, generatorBound, p50, p99, p999, value, cpu, ko, koMessage, ok);
        }

        Trial cpu(double value) {
            return new Trial(throughput, generatorBound, p50, p99, p999, responses, value, ko, koMessage, ok);
        }

        Trial failedRequests(long value) {
            return new Trial(throughput, generatorBound, p50, p99, p999, responses, cpu, value, koMessage, ok);
        }

        /** {@code value} requests the load generator failed itself, in both measured phases. */
        Trial generatorFailedRequests(long value) {
            return new Trial(throughput, generatorBound, p50, p99, p999, responses, cpu, value, GENERATOR_ERROR, ok);
        }

        Trial failed() {
            return new Trial(throughput, generatorBound, p50, p99, p999, responses, cpu, ko, koMessage, false);
        }
    }

    static List<Trial> throughputs(double... values) {
        List<Trial> trials = new ArrayList<>();
        for (double value : values) {
            trials.add(Trial.typical().throughput(value));
        }
        return trials;
    }

    static RunResults run(List<Trial> trials) {
        return run(trials, Profile.SMOKE, "cpu");
    }

    static RunResults run(List<Trial> trials, Profile profile, String cpuModel) {
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            results.add(trial(i + 1, trials.get(i)));
        }
        return new RunResults(Path.of("synthetic"), manifest(profile, cpuModel, results.size()), results);
    }

    static RunManifest manifest(Profile profile, String cpuModel, int trials) {
        Environment environment = new Environment("h", cpuModel, 2, 1L << 30, "k", "25", "v", Map.of(), "abc");
        return new RunManifest(2, RunManifest.COMPLETE, "2026-11-26T00:00:00Z", "2026-11-26T00:01:00Z", environment,
                profile.withTrials(Math.max(1, trials)), List.of(IMPL), List.of(SCENARIO), List.of(10), 20,
                new CpuLayout(CpuSet.parse("0"), CpuSet.parse("1"), CpuSet.parse("1")), true, List.of(), List.of(),
                List.of(), 0);
    }

    static TrialResult trial(int number, Trial t) {
        if (!t.ok()) {
            return new TrialResult(2, IMPL, SCENARIO, number, Map.of(), Map.of(), TrialResult.FAILED,
                    "the server died\nits last lines: ...", "tail",
                    "2026-11-26T00:00:0" + number + "Z", "e", null, Map.of(), List.of(), null, null);
        }
        return new TrialResult(2, IMPL, SCENARIO, number, Map.of(), Map.of(), TrialResult.OK, null, null,
                "2026-11-26T00:00:0" + number + "Z", "e", "gatling/netty-hello-" + number, Map.of(), List.of(
                        phase("warmup", "warmup", 16, 0, t.throughput() / 3, 0, "", 99, t.cpu() * 3, false),
                        phase("sweep-64", "sweep", 64, 0, t.throughput(), t.ko(), t.koMessage(), t.p99(), t.cpu(),
                                t.generatorBound()),
                        phase("rate-500", "rate", 0, 500, t.responses() / 2.0, t.ko(), t.koMessage(), t.p50(), t.p99(),
                                t.p999(), t.cpu(), false)), null, null);
    }

    private static PhaseResult phase(String name, String kind, int users, int rate, double throughput, long ko,
            String koMessage, double p99, double cpu, boolean bound) {
        return phase(name, kind, users, rate, throughput, ko, koMessage, p99 / 2, p99, p99 * 2, cpu, bound);
    }

    private static PhaseResult phase(String name, String kind, int users, int rate, double throughput, long ko,
            String koMessage, double p50, double p99, double p999, double cpu, boolean bound) {
        long ok = Math.round(throughput * 2);
        PhaseStats stats = new PhaseStats(name, ok, ko, ko == 0 ? Map.of() : Map.of(koMessage, ko), 0, 2000,
                throughput, new Latency(ok, p50, p99, p99, p999, p999),
                new Timeline(0, List.of(ok), List.of(ko)));
        return new PhaseResult(name, kind, users, rate, stats,
                new PhaseCost(0.5, cpu, 1L << 27, 20, bound ? 0.99 : 0.5, bound));
    }

    /** Writes a run as the runner would: run.json and one file per trial. */
    static Path write(Path dir, RunResults run) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        ResultFiles.write(dir.resolve(RunManifest.FILE), run.manifest());
        for (TrialResult trial : run.trials()) {
            ResultFiles.write(dir.resolve(trial.implementation() + "-" + trial.scenario() + "-" + trial.trial()
                    + ".json"), trial);
        }
        return dir;
    }
}
