package concbench.gate;

import concbench.formats.RunManifest;
import concbench.formats.RunResults.UnusableResultsException;
import concbench.formats.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One side of a comparison: a results folder with a run ({@code run.json} and its trial files), JMH's
 * {@code jmh.json}, or both.
 *
 * @param given the folder as the user gave it, for messages and {@code compare.json}
 * @param run   null when the folder holds no run
 * @param jmh   null when the folder holds no JMH results
 */
record Folder(String given, RunResults run, JmhResults jmh) {

    /** @throws UnusableResultsException when the folder is missing, holds neither, or holds unreadable results */
    static Folder read(String given) throws UnusableResultsException {
        Path dir = Path.of(given);
        if (!Files.isDirectory(dir)) {
            throw new UnusableResultsException(given + " is not a folder");
        }
        boolean hasRun = Files.isRegularFile(dir.resolve(RunManifest.FILE));
        boolean hasJmh = Files.isRegularFile(dir.resolve(JmhResults.FILE));
        if (!hasRun && !hasJmh) {
            throw new UnusableResultsException(given + " holds neither " + RunManifest.FILE
                    + " (./bench run writes it) nor " + JmhResults.FILE + " (./bench jmh writes it)");
        }
        return new Folder(given, hasRun ? RunResults.read(dir) : null,
                hasJmh ? JmhResults.read(dir.resolve(JmhResults.FILE)) : null);
    }

    /** What {@code compare.json} says of this side. */
    Comparison.End end() {
        if (run == null) {
            return new Comparison.End(given, null, null, null);
        }
        RunManifest manifest = run.manifest();
        return new Comparison.End(given, manifest.environment() == null ? null : manifest.environment().gitCommit(),
                manifest.profile() == null ? null : manifest.profile().name(), manifest.startedAt());
    }

    /** For "nothing in common": what this folder holds. */
    String contents() {
        return run == null ? "JMH results" : jmh == null ? "a run" : "a run and JMH results";
    }
}
