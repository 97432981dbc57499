package concbench.runner;

import concbench.contract.CommandLine;
import concbench.contract.Variant;
import concbench.formats.CpuSet;
import concbench.formats.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./bench run}.
 *
 * @param implementations the servers to measure: implementations and variants, by their {@link Variant} names
 * @param out             the run's results folder, {@code results/<timestamp>-<host>} unless given
 * @param serverCpus      CPU sets given on the command line, null where the default layout decides
 * @param floor           whether each scenario of each round also measures the floor (the back end itself)
 * @param hosts           the hosts file of a run on several machines; null for this machine alone
 */
record RunOptions(
        Path root,
        Profile profile,
        List<String> implementations,
        List<Scenario> scenarios,
        Path out,
        CpuSet serverCpus,
        CpuSet loadGeneratorCpus,
        CpuSet backendCpus,
        boolean floor,
        Path hosts) {

    static final Map<String, String> OPTIONS = CommandLine.options(
            "profile", "smoke (CI, under 3 min), ci (the regression gate's rounds), quick (default, under 15 min) or full "
                    + "(3 trials, long phases)",
            "impls", "comma-separated servers to measure, an implementation or a variant IMPL:OPTION=VALUE "
                    + "(e.g. netty,loom,loom:client=jdk; default: every implementation with its default options)",
            "scenarios", "hello, fanout or both (default: hello,fanout)",
            "trials", "repeat each (server, scenario) K times, interleaved (default: the profile's)",
            "out", "results folder (default: results/<timestamp>-<host>)",
            "server-cpus", "CPUs of the server, e.g. 0-3 (default: derived from the core count)",
            "loadgen-cpus", "CPUs of Gatling",
            "backend-cpus", "CPUs of the fan-out back end",
            "floor", "yes (default): each scenario also measures the floor, the back end itself through the same "
                    + "phases; no: the servers only",
            "hosts", "a hosts file: the server, the back end and the load generators on other machines over SSH "
                    + "(README: Several machines; default: everything on this machine)");

    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_TRIALS = 100;

    /**
     * @param root      the project folder
     * @param available the implementations the project has
     * @throws IllegalArgumentException naming the bad option
     */
    static RunOptions parse(String[] args, Path root, List<String> available) {
        CommandLine line = CommandLine.parse(args, OPTIONS);
        Profile profile = Profile.named(line.string("profile", Profile.QUICK.name()));
        profile = profile.withTrials(line.integer("trials", profile.trials(), 1, MAX_TRIALS));
        List<String> implementations = list(line.string("impls", String.join(",", available))).stream()
                .map(name -> variant(name, available).name()).distinct().toList();
        List<Scenario> scenarios = list(line.string("scenarios", "hello,fanout")).stream().map(Scenario::named).toList();
        String defaultOut = "results/" + LocalDateTime.now().format(RUN_STAMP) + "-" + EnvironmentProbe.localHostName();
        return new RunOptions(root, profile, implementations, scenarios,
                root.resolve(line.string("out", defaultOut)).normalize(),
                cpus(line, "server-cpus"), cpus(line, "loadgen-cpus"), cpus(line, "backend-cpus"),
                yesOrNo(line, "floor"), hostsFile(line));
    }

    private static Path hostsFile(CommandLine line) {
        String value = line.string("hosts", null);
        if (value == null) {
            return null;
        }
        Path file = Path.of(System.getProperty("user.dir")).resolve(value).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--hosts: no such file: " + value);
        }
        return file;
    }

    private static boolean yesOrNo(CommandLine line, String option) {
        String value = line.string(option, "yes");
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--" + option + " must be yes or no, got '" + value + "'");
        };
    }

    /** The variant a name means, in its one spelling; its options are checked by the server itself. */
    private static Variant variant(String name, List<String> available) {
        Variant variant = Variant.parse(name);
        if (!available.contains(variant.implementation())) {
            throw new IllegalArgumentException("unknown implementation '" + variant.implementation() + "'; choose from "
                    + available);
        }
        return variant;
    }

    private static List<String> list(String commaSeparated) {
        List<String> items = Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an empty list: '" + commaSeparated + "'");
        }
        return items;
    }

    private static CpuSet cpus(CommandLine line, String option) {
        String value = line.string(option, null);
        try {
            return value == null ? null : CpuSet.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + option + ": " + e.getMessage());
        }
    }
}
