package concbench.report;

import concbench.formats.Environment;
import concbench.formats.HostRecord;
import concbench.formats.Profile;
import concbench.formats.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run's description: what was compared, when, on what machine, with which profile and flags. */
final class RunFacts {
    private RunFacts() {
    }

    /** One line of the run's description: what, when, on what. */
    record Fact(String label, String value) {
    }

    /** The latency ladder of a profile, or the one fixed rate of runs before the ladder. */
    private static String ladder(Profile profile) {
        if (profile.ladderSteps() <= 1) {
            return "fixed rate of " + profile.helloRate() + " (hello) / " + profile.fanoutRate() + " (fan-out at "
                    + Profile.FANOUT_RATE_CALLS + " calls) req/s x " + profile.rateSeconds() + " s";
        }
        return "latency ladder of " + profile.ladderSteps() + " rates, each " + Fmt.factor(profile.ladderFactor())
                + " the one before, from " + profile.helloRate() + " (hello) / " + profile.fanoutRate()
                + " (fan-out at " + Profile.FANOUT_RATE_CALLS + " calls, scaled by " + Profile.FANOUT_RATE_CALLS
                + "/N at N calls) req/s, each " + profile.rateSeconds() + " s";
    }

    /** A host of a run on several machines: where it is, what it is, how it was pinned, its clock and round trip. */
    private static Fact host(HostRecord host) {
        return new Fact("host " + host.label(), host.destination() + " (" + host.address() + ", " + host.hostName()
                + "): " + host.cpuModel() + ", " + host.cores() + " cores, pinned to CPUs " + host.cpus()
                + ", kernel " + host.kernel() + ", JDK " + host.jdk() + ", clock offset " + host.clockOffsetMs()
                + " ms" + (host.rttToServerMs() == null ? ""
                : ", round trip to the server " + String.format(Locale.ROOT, "%.3f", host.rttToServerMs()) + " ms"));
    }

    static List<Fact> of(RunView view) {
        RunManifest run = view.manifest();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("status", run.status() + (run.failedTrials() > 0 ? ", " + run.failedTrials()
                + " failed trial(s)" : "")));
        facts.add(new Fact("compared", String.join(", ", view.servers())
                + (view.hasFloor() ? " and the floor (the back end itself)" : "") + " on "
                + String.join(", ", view.scenarios()) + (run.fanoutCalls() != null && !run.fanoutCalls().isEmpty()
                ? " (fan-out: " + run.fanoutCalls().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " back-end calls of " + run.fanoutDelayMs() + " ms each per request)" : "")));
        facts.add(new Fact("started", Times.span(run.startedAt(), run.finishedAt())));
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
            run.topology().forEach(host -> facts.add(host(host)));
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
                    + profile.levelSeconds() + " s, " + ladder(profile) + ", " + profile.trials() + " trial(s)"));
        }
        if (run.serverJvmFlags() != null) {
            facts.add(new Fact("server JVM flags", String.join(" ", run.serverJvmFlags())));
        }
        return facts;
    }
}
