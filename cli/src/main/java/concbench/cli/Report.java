package concbench.cli;

import concbench.report.ReportCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./bench report DIR} (report/README.md); run, compare and jmh write the same report when they end. */
@Command(name = "report",
        description = {"Write DIR/report.html (one self-contained page) and DIR/summary.md (Markdown) from the "
                + "run.json, jmh.json and compare.json in DIR, and print both paths; run, compare and jmh do it "
                + "themselves.", "Exit status: 0 written, 1 the files cannot be written, 2 nothing usable in DIR."})
final class Report implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    Bench bench;

    @Parameters(paramLabel = "DIR", description = "a folder holding run.json, jmh.json and/or compare.json")
    Path dir;

    @Override
    public Integer call() {
        return ReportCommand.write(dir, bench.out, bench.err);
    }
}
