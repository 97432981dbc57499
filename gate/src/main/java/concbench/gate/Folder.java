package concbench.gate;

import concbench.formats.Comparison;
import concbench.formats.JmhResults;
import concbench.formats.ResultsFolder.Content;
import concbench.formats.ResultsFolder;
import concbench.formats.RunManifest;
import concbench.formats.RunResults.UnusableResultsException;
import concbench.formats.RunResults;
import java.nio.file.Path;
import java.util.EnumSet;

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
        ResultsFolder folder = ResultsFolder.read(Path.of(given), EnumSet.of(Content.RUN, Content.JMH));
        return new Folder(given, folder.run(), folder.jmh());
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
