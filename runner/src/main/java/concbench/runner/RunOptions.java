package concbench.runner;

import concbench.contract.Contract;
import concbench.contract.Variant;
import concbench.formats.CpuSet;
import concbench.formats.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./bench run}.
 *
 * @param implementations the servers to measure: implementations and variants, by their {@link Variant} names
 * @param out             the run's results folder, {@code results/<timestamp>-<host>} unless given
 * @param serverCpus      CPU sets given on the command line, null where the default layout decides
 * @param floor           whether each scenario of each round also measures the floor (the back end itself)
 * @param hosts           the hosts file of a run on several machines; null for this machine alone
 */
public record RunOptions(
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

    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_TRIALS = 100;
    private static final List<String> SCENARIOS = List.of(Scenario.HELLO.label(), Scenario.FANOUT.label());

    /**
     * @param root      the project folder
     * @param available the implementations the project has
     * @throws IllegalArgumentException naming the bad choice
     */
    public static RunOptions of(RunChoices given, Path root, List<String> available) {
        Profile profile = Profile.named(given.profile() == null ? Profile.QUICK.name() : given.profile());
        if (given.trials() != null) {
            if (given.trials() < 1 || given.trials() > MAX_TRIALS) {
                throw new IllegalArgumentException("--trials must be between 1 and " + MAX_TRIALS + ", got "
                        + given.trials());
            }
            profile = profile.withTrials(given.trials());
        }
        List<String> implementations = list(given.impls(), available).stream()
                .map(name -> variant(name, available).name()).distinct().toList();
        List<Scenario> scenarios = list(given.scenarios(), SCENARIOS).stream().map(Scenario::named).toList();
        if (given.fanoutCalls() != null) {
            profile = profile.withFanoutCalls(widths(given.fanoutCalls()));
        }
        String defaultOut = "results/" + LocalDateTime.now().format(RUN_STAMP) + "-" + EnvironmentProbe.localHostName();
        return new RunOptions(root, profile, implementations, scenarios,
                root.resolve(given.out() == null ? defaultOut : given.out()).normalize(),
                cpus("server-cpus", given.serverCpus()), cpus("loadgen-cpus", given.loadgenCpus()),
                cpus("backend-cpus", given.backendCpus()), given.floor(), hostsFile(given.hosts()));
    }

    /** The hosts file as given, from the folder the user ran the command in; it must exist. */
    private static Path hostsFile(String given) {
        if (given == null) {
            return null;
        }
        Path file = Path.of(System.getProperty("user.dir")).resolve(given).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--hosts: no such file: " + given);
        }
        return file;
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

    /**
     * The fan-out widths of {@code --fanout-calls}, ascending, each within the contract's bounds on N.
     *
     * @throws IllegalArgumentException with the contract's limits, before anything starts
     */
    static List<Integer> widths(String commaSeparated) {
        List<Integer> widths = new ArrayList<>();
        for (String width : commaSeparated.split(",", -1)) {
            int calls;
            try {
                calls = Integer.parseInt(width.strip());
            } catch (NumberFormatException e) {
                calls = Contract.MIN_CALLS - 1;
            }
            if (calls < Contract.MIN_CALLS || calls > Contract.MAX_CALLS) {
                throw new IllegalArgumentException("--fanout-calls takes widths from " + Contract.MIN_CALLS + " to "
                        + Contract.MAX_CALLS + " calls (the contract's bounds on n), comma-separated, e.g. 10,100; got '"
                        + width.strip() + "' in '" + commaSeparated + "'");
            }
            if (!widths.contains(calls)) {
                widths.add(calls);
            }
        }
        return widths.stream().sorted().toList();
    }

    /** The items given, without blanks and repeats; {@code defaults} when none were given. */
    private static List<String> list(List<String> given, List<String> defaults) {
        if (given.isEmpty()) {
            return defaults;
        }
        List<String> items = given.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an empty list: '" + String.join(",", given) + "'");
        }
        return items;
    }

    private static CpuSet cpus(String option, String value) {
        try {
            return value == null ? null : CpuSet.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + option + ": " + e.getMessage());
        }
    }
}
