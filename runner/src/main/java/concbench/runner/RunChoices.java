package concbench.runner;

import java.util.List;

/**
 * What the user chose for a run on the command line, as given: null (or an empty list) where the default decides.
 * {@link RunOptions#of} checks it and fills in the defaults.
 *
 * @param profile     smoke, ci, quick or full
 * @param trials      how many times each (server, scenario) runs, interleaved
 * @param impls       implementations and variants, e.g. {@code netty}, {@code loom:client=jdk}
 * @param scenarios   hello, fanout
 * @param fanoutCalls the fan-out widths as given, comma-separated (e.g. {@code 10,100}); checked against the
 *                    contract's bounds by {@link RunOptions#of}
 * @param out         the results folder, relative to the project root unless absolute
 * @param serverCpus  a CPU set such as {@code 0-3}, and the two below likewise
 * @param floor       whether each scenario of each round also measures the floor
 * @param hosts       a hosts file (README: Several machines), relative to the current folder unless absolute; null
 *                    for a run on this machine alone
 */
public record RunChoices(String profile, Integer trials, List<String> impls, List<String> scenarios,
        String fanoutCalls, String out, String serverCpus, String loadgenCpus, String backendCpus, boolean floor,
        String hosts) {

    public RunChoices {
        impls = impls == null ? List.of() : List.copyOf(impls);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /** Every default: the quick profile, every implementation, both scenarios, the floor. */
    public static RunChoices defaults() {
        return new RunChoices(null, null, null, null, null, null, null, null, null, true, null);
    }
}
