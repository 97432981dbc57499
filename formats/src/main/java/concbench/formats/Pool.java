package concbench.formats;

import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several runs of one revision (the rounds of {@code ./bench ab}, one trial each) pooled into one run folder,
 * so that everything that reads a run, the gate and the report, reads the pooled one. Trials are renumbered in
 * the order of the runs; each trial's Gatling report stays where it is and is pointed to from the pooled folder.
 */
public final class Pool {
    private Pool() {
    }

    /**
     * @throws UnusableResultsException when a run cannot be read, or the runs were made with different profiles
     *                                  or on different commits and so are not trials of one thing
     */
    public static RunResults pool(Path out, List<Path> runs) throws UnusableResultsException, IOException {
        if (runs.isEmpty()) {
            throw new UnusableResultsException("no run to pool");
        }
        List<RunResults> read = new ArrayList<>();
        for (Path run : runs) {
            read.add(RunResults.read(run));
        }
        RunManifest first = read.getFirst().manifest();
        Files.createDirectories(out);
        Map<String, Integer> numbers = new HashMap<>();
        List<TrialResult> trials = new ArrayList<>();
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        boolean complete = true;
        for (RunResults run : read) {
            RunManifest manifest = run.manifest();
            if (!sameSettings(first.profile(), manifest.profile())) {
                throw new UnusableResultsException(run.dir() + " was run with another profile than " + runs.getFirst()
                        + ": its trials are not trials of the same measurement");
            }
            if (!Objects.equals(first.environment().gitCommit(), manifest.environment().gitCommit())) {
                throw new UnusableResultsException(run.dir() + " measured commit " + manifest.environment().gitCommit()
                        + ", " + runs.getFirst() + " commit " + first.environment().gitCommit());
            }
            complete &= RunManifest.COMPLETE.equals(manifest.status());
            warnings.addAll(manifest.warnings());
            for (TrialResult trial : run.trials()) {
                int number = numbers.merge(trial.implementation() + "-" + trial.scenarioKey(), 1, Integer::sum);
                String report = trial.gatlingReport() == null ? null : out.toAbsolutePath()
                        .relativize(run.dir().toAbsolutePath().resolve(trial.gatlingReport())).toString();
                TrialResult renumbered = trial.renumbered(number, report);
                trials.add(renumbered);
                ResultFiles.write(out.resolve(renumbered.fileName()), renumbered);
            }
        }
        int trialsEach = numbers.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        RunManifest pooled = new RunManifest(first.formatVersion(), complete ? RunManifest.COMPLETE
                : RunManifest.INTERRUPTED, first.startedAt(), read.getLast().manifest().finishedAt(),
                first.environment(), first.profile().withTrials(Math.max(1, trialsEach)), first.implementations(),
                first.scenarios(), first.fanoutCalls(), first.fanoutDelayMs(), first.cpuLayout(), first.pinned(),
                List.copyOf(warnings), first.serverJvmFlags(),
                trials.stream().map(TrialResult::fileName).toList(),
                (int) trials.stream().filter(t -> !t.ok()).count());
        ResultFiles.write(out.resolve(RunManifest.FILE), pooled);
        return RunResults.read(out);
    }

    private static boolean sameSettings(Profile a, Profile b) {
        return a.withTrials(1).equals(b.withTrials(1));
    }
}
