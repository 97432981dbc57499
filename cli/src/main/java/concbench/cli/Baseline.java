package concbench.cli;

import concbench.formats.JmhResults;
import concbench.formats.RunManifest;
import concbench.formats.ResultFiles;
import concbench.formats.ResultsFolder;
import concbench.formats.ResultsFolder.Content;
import concbench.formats.RunResults.UnusableResultsException;
import concbench.formats.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./bench baseline RUN_DIR}: a run becomes {@code results/baseline/}, the one results folder git keeps, to
 * compare later runs against. It takes what the gate reads ({@code run.json}, the trial files, {@code jmh.json}),
 * not Gatling's reports or the logs, which are large.
 */
@Command(name = "baseline",
        description = {"Make a run (or JMH results) results/baseline/, to commit and compare against: "
                + "./bench compare results/baseline RUN_DIR.", "Exit status: 0 done, 2 nothing usable in RUN_DIR."})
final class Baseline implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @ParentCommand
    Bench bench;

    @Parameters(paramLabel = "RUN_DIR",
            description = "a folder holding run.json (./bench run) or jmh.json (./bench jmh)")
    Path run;

    @Override
    public Integer call() throws IOException {
        Path baseline = Bench.root().resolve("results").resolve("baseline");
        List<Path> files;
        try {
            files = filesOf(run, baseline);
        } catch (UnusableResultsException e) {
            bench.err.println("bench baseline: " + e.getMessage().lines().findFirst().orElse(""));
            return Bench.UNUSABLE;
        }
        ResultFiles.deleteTree(baseline);
        Files.createDirectories(baseline);
        List<String> copied = new ArrayList<>();
        for (Path file : files) {
            Files.copy(file, baseline.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            copied.add(file.getFileName().toString());
        }
        bench.err.println("bench: results/baseline/ now holds " + copied.size() + " file(s) of " + run + ": "
                + String.join(" ", copied));
        bench.err.println("bench: commit it: git add -A results/baseline && git commit -m 'perf baseline from "
                + run.getFileName() + "'");
        bench.err.println("bench: then: ./bench compare results/baseline RUN_DIR");
        return 0;
    }

    /** The files of {@code run} the baseline keeps, read through the results' own reader so that they are results. */
    private List<Path> filesOf(Path run, Path baseline) throws UnusableResultsException, IOException {
        ResultsFolder folder = ResultsFolder.read(run, EnumSet.of(Content.RUN, Content.JMH));
        if (Files.isDirectory(baseline) && Files.isSameFile(run, baseline)) {
            throw new UnusableResultsException(run + " is the baseline already");
        }
        List<Path> files = new ArrayList<>();
        if (folder.run() != null) {
            if (RunManifest.RUNNING.equals(folder.run().manifest().status())) {
                bench.err.println("bench: warning: " + run.resolve(RunManifest.FILE) + " says the run is still running "
                        + "(or was killed): its trials may be incomplete");
            }
            files.add(run.resolve(RunManifest.FILE));
            folder.run().trials().stream().map(TrialResult::fileName).map(run::resolve).forEach(files::add);
        }
        if (folder.jmh() != null) {
            files.add(run.resolve(JmhResults.FILE));
        }
        return files;
    }
}
