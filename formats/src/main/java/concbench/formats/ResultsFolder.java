package concbench.formats;

import concbench.formats.RunResults.UnusableResultsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a results folder holds: a load-test run ({@code run.json} and its trial files), JMH's results
 * ({@code jmh.json}), a comparison with a base run ({@code compare.json}), or several of them. Each is null when
 * absent or not asked for; at least one asked for is present.
 */
public record ResultsFolder(Path dir, RunResults run, JmhResults jmh, Comparison comparison) {

    /** The files a folder may hold, each with the command that writes it. */
    public enum Content {
        RUN(RunManifest.FILE, "./bench run"),
        JMH(JmhResults.FILE, "./bench jmh"),
        COMPARISON(Comparison.FILE, "./bench compare");

        private final String file;
        private final String writer;

        Content(String file, String writer) {
            this.file = file;
            this.writer = writer;
        }

        public String file() {
            return file;
        }

        private String described() {
            return file + " (" + writer + " writes it)";
        }
    }

    /** Reads every file the folder holds (the report's view). */
    public static ResultsFolder read(Path dir) throws UnusableResultsException {
        return read(dir, EnumSet.allOf(Content.class));
    }

    /**
     * Reads the files of {@code wanted} that the folder holds, and only those: a comparison left in a run folder is
     * not read by the gate that is about to replace it.
     *
     * @throws UnusableResultsException when the folder is missing, holds none of {@code wanted}, or one of them is
     *                                  unreadable; the message says which
     */
    public static ResultsFolder read(Path dir, Set<Content> wanted) throws UnusableResultsException {
        if (!Files.isDirectory(dir)) {
            throw new UnusableResultsException(dir + " is not a folder");
        }
        List<Content> present = wanted.stream().filter(c -> Files.isRegularFile(dir.resolve(c.file()))).toList();
        if (present.isEmpty()) {
            throw new UnusableResultsException(dir + " holds " + noneOf(wanted));
        }
        return new ResultsFolder(dir, present.contains(Content.RUN) ? RunResults.read(dir) : null,
                present.contains(Content.JMH) ? JmhResults.read(dir.resolve(JmhResults.FILE)) : null,
                present.contains(Content.COMPARISON) ? Comparison.read(dir.resolve(Comparison.FILE)) : null);
    }

    /** {@code neither A nor B}, {@code none of A, B or C}, {@code no A}. */
    private static String noneOf(Set<Content> wanted) {
        List<String> files = new ArrayList<>(wanted.stream().sorted().map(Content::described).toList());
        if (files.size() == 1) {
            return "no " + files.getFirst();
        }
        String last = files.removeLast();
        return files.size() == 1 ? "neither " + files.getFirst() + " nor " + last
                : "none of " + String.join(", ", files) + " or " + last;
    }
}
