package concbench.cli;

import concbench.gate.Gate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./bench pool OUT RUN...}: the rounds of {@code ./bench ab} of one revision, pooled into one run folder. */
@Command(name = "pool",
        description = {"Pool runs of one revision (ab's rounds) into one run folder, their trials renumbered.",
                "Exit status: 0 pooled, 2 runs it cannot pool (another profile or commit, no results)."})
final class Pool implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    Bench bench;

    @Parameters(index = "0", paramLabel = "OUT", description = "the run folder to write")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RUN", description = "the run folders to pool, in order")
    List<Path> runs;

    @Override
    public Integer call() {
        return new Gate(bench.out, bench.err).pool(out, runs);
    }
}
