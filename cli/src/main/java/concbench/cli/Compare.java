package concbench.cli;

import concbench.gate.Gate;
import concbench.report.ReportCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./bench compare BASE_DIR RUN_DIR}: the regression gate (gate/README.md), then RUN_DIR's report. */
@Command(name = "compare",
        description = {"The regression gate: judge a run (or JMH results) against a base, write its verdict to "
                + "compare.json and compare.md in RUN_DIR, then RUN_DIR's report.",
                "Exit status: 0 no regression, 1 a regression, 2 input it cannot use."})
final class Compare implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    Bench bench;

    @Parameters(index = "0", paramLabel = "BASE_DIR", description = "the base: a run folder, or JMH results")
    Path base;

    @Parameters(index = "1", paramLabel = "RUN_DIR", description = "the run to judge, where the verdict is written")
    Path run;

    @Option(names = "--threshold", paramLabel = "METRIC=PERCENT",
            description = "the change that counts for a metric, repeatable: throughput=5 p99=20 ... (default 10)")
    List<String> thresholds = new ArrayList<>();

    @Override
    public Integer call() {
        int verdict = new Gate(bench.out, bench.err).compare(base, run, thresholds);
        if (verdict != Gate.UNUSABLE && ReportCommand.write(run, bench.out, bench.err) != ReportCommand.WRITTEN) {
            bench.err.println("bench: the report of " + run + " could not be written; the gate's verdict stands");
        }
        return verdict;
    }
}
