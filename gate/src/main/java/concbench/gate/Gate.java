package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison;
import concbench.formats.Pool;
import concbench.formats.ResultFiles;
import concbench.formats.RunResults.UnusableResultsException;
import concbench.report.ComparisonSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate's two commands. {@link #compare} judges a run against a base, writes {@code RUN/compare.json}
 * and {@code RUN/compare.md}, prints a table, and returns 1 on a regression, 0 without, 2 on unusable input.
 * {@link #pool} pools runs of one revision into one run folder (for {@code ./bench ab}). Neither throws: every
 * failure becomes one line on {@code err} and status 2.
 */
public final class Gate {
    public static final int PASS = 0;
    public static final int REGRESSION = 1;
    public static final int UNUSABLE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public Gate(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * {@code ./bench compare BASE RUN [--threshold METRIC=PERCENT]...}.
     *
     * @param thresholds {@code METRIC=PERCENT} each, e.g. {@code throughput=5}
     */
    public int compare(Path baseDir, Path runDir, List<String> thresholds) {
        return unless("compare", () -> judge(baseDir, runDir, thresholds));
    }

    /** {@code pool OUT RUN...}: the trials of {@code runs} renumbered into one run folder {@code out}. */
    public int pool(Path outDir, List<Path> runs) {
        return unless("pool", () -> {
            int trials = Pool.pool(outDir, runs).trials().size();
            out.println("pooled " + trials + " trial(s) of " + runs.size() + " run(s) into " + outDir);
            return PASS;
        });
    }

    private interface Command {
        int run() throws UnusableResultsException, IOException;
    }

    /** The command's status, or {@link #UNUSABLE} with one line saying why. */
    private int unless(String name, Command command) {
        try {
            return command.run();
        } catch (IllegalArgumentException | UnusableResultsException e) {
            err.println("bench " + name + ": " + e.getMessage());
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("bench " + name + ": " + e);
            return UNUSABLE;
        }
    }

    private int judge(Path baseDir, Path runDir, List<String> thresholds) throws UnusableResultsException, IOException {
        Thresholds settings = Thresholds.parse(thresholds);
        Folder base = Folder.read(baseDir.toString());
        Folder head = Folder.read(runDir.toString());
        List<Row> rows = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (Rows part : List.of(
                base.run() != null && head.run() != null ? RunComparison.compare(base.run(), head.run(), settings)
                        : new Rows(List.of(), List.of()),
                base.jmh() != null && head.jmh() != null ? JmhComparison.compare(base.jmh(), head.jmh(), settings)
                        : new Rows(List.of(), List.of()))) {
            rows.addAll(part.rows());
            notCompared.addAll(part.notCompared());
        }
        if (rows.isEmpty()) {
            throw new UnusableResultsException("nothing in common to compare: " + base.given() + " holds "
                    + base.contents() + ", " + head.given() + " holds " + head.contents()
                    + (notCompared.isEmpty() ? "" : "; " + String.join("; ", notCompared)));
        }
        Comparison comparison = Comparisons.of(base, head, FamilyOfRows.judge(rows), settings);
        Path dir = Path.of(head.given());
        ResultFiles.write(dir.resolve(Comparison.FILE), comparison);
        ResultFiles.writeText(dir.resolve(ComparisonSummary.MARKDOWN_FILE),
                ComparisonSummary.markdown(comparison, notCompared));
        out.print(Summaries.text(comparison, notCompared));
        out.println("written: " + dir.resolve(Comparison.FILE) + ", " + dir.resolve(ComparisonSummary.MARKDOWN_FILE));
        return comparison.passed() ? PASS : REGRESSION;
    }
}
