package concbench.cli;

import concbench.contract.Contract;
import concbench.report.ReportCommand;
import concbench.runner.BenchRun;
import concbench.runner.RunChoices;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./bench run}: the benchmark (runner/README.md), then its report, written in this JVM. */
@Command(name = "run", sortOptions = false,
        description = {"The main job: start every server, verify it, load it with Gatling, write results and "
                + "their report.", "Exit status: 0 every trial passed, 1 a trial failed or the run was "
                + "interrupted, 2 bad options."})
final class Run implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;
    @ParentCommand
    Bench bench;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "smoke (CI, under 3 min), ci (the regression gate's rounds), quick (default, under 15 min) "
                    + "or full (3 trials, long phases)")
    String profile;

    @Option(names = "--impls", split = ",", paramLabel = "IMPL",
            description = "comma-separated servers to measure, an implementation or a variant IMPL:OPTION=VALUE "
                    + "(e.g. netty,loom,loom:client=jdk; default: every implementation with its default options)")
    List<String> impls;

    @Option(names = "--scenarios", split = ",", paramLabel = "SCENARIO",
            description = "hello, fanout or both (default: hello,fanout)")
    List<String> scenarios;

    @Option(names = "--fanout-calls", paramLabel = "N[,N...]",
            description = "comma-separated fan-out widths, back-end calls per request, each a row of its own, "
                    + Contract.MIN_CALLS + " to " + Contract.MAX_CALLS + " (default: the profile's; quick 10,100)")
    String fanoutCalls;

    @Option(names = "--trials", paramLabel = "K",
            description = "repeat each (server, scenario) K times, interleaved (default: the profile's)")
    Integer trials;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<timestamp>-<host>)")
    String out;

    @Option(names = "--server-cpus", paramLabel = "CPUS",
            description = "CPUs of the server, e.g. 0-3 (default: derived from the core count)")
    String serverCpus;

    @Option(names = "--loadgen-cpus", paramLabel = "CPUS", description = "CPUs of Gatling")
    String loadgenCpus;

    @Option(names = "--backend-cpus", paramLabel = "CPUS", description = "CPUs of the fan-out back end")
    String backendCpus;

    @Option(names = "--floor", paramLabel = "yes|no",
            description = "yes (default): each scenario also measures the floor, the back end itself through the "
                    + "same phases; no: the servers only")
    YesNo floor = YesNo.yes;

    @Option(names = "--hosts", paramLabel = "FILE",
            description = "a hosts file: the server, the back end and the load generators on other machines over "
                    + "SSH (README: Several machines; default: everything on this machine)")
    String hosts;

    /** An option's answer as the user writes it; picocli names the two when given anything else. */
    enum YesNo { yes, no }

    /** What the user chose, as the runner takes it. */
    RunChoices choices() {
        return new RunChoices(profile, trials, impls, scenarios, fanoutCalls, out, serverCpus, loadgenCpus, backendCpus,
                floor == YesNo.yes, hosts);
    }

    @Override
    public Integer call() throws Exception {
        BenchRun run;
        try {
            run = BenchRun.prepare(choices(), Bench.root(), bench.out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "bench run: " + e.getMessage());
        }
        // The report is a view of the results: when it cannot be written, the run says so and nothing else changes.
        return run.execute(folder -> ReportCommand.write(folder, bench.out, bench.out));
    }
}
