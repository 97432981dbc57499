package concbench.cli;

import concbench.formats.RunManifest;
import concbench.formats.RunResults;
import concbench.formats.RunResults.UnusableResultsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./bench status RUN_DIR}: how a run ended, from its {@code run.json} read by the one reader of the format,
 * so that a script (CI's {@code .ci/run}) asks rather than reads JSON by its spacing.
 */
@Command(name = "status",
        description = {"Print how a run ended: its status (running, complete, interrupted), its trials and how many "
                + "failed.", "Exit status: 0 complete with no failed trial, 1 otherwise, 2 not a run folder."})
final class Status implements Callable<Integer> {
    @Mixin
    HelpOption help;

    static final int NOT_CLEAN = 1;

    @ParentCommand
    Bench bench;

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder")
    Path dir;

    @Override
    public Integer call() {
        RunResults run;
        try {
            run = RunResults.read(dir);
        } catch (UnusableResultsException e) {
            bench.err.println("bench status: " + e.getMessage().lines().findFirst().orElse(""));
            return Bench.UNUSABLE;
        }
        RunManifest manifest = run.manifest();
        long failed = run.trials().stream().filter(trial -> !trial.ok()).count();
        bench.out.println(manifest.status() + ": " + run.trials().size() + " trial(s), " + failed + " failed");
        return RunManifest.COMPLETE.equals(manifest.status()) && failed == 0 ? 0 : NOT_CLEAN;
    }
}
