package concbench.gate;

import concbench.formats.Comparison.Row;
import concbench.formats.Comparison;
import concbench.formats.Pool;
import concbench.formats.ResultFiles;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate's command line. {@code compare BASE RUN [--threshold METRIC=PERCENT]...} judges RUN against
 * BASE, writes {@code RUN/compare.json} and {@code RUN/compare.md}, prints a table, and exits 1 on a regression,
 * 0 without, 2 on unusable input. {@code pool OUT RUN...} pools runs of one revision into one run folder (for
 * {@code ./bench ab}).
 */
public final class Gate {
    static final int PASS = 0;
    static final int REGRESSION = 1;
    static final int UNUSABLE = 2;
    private static final String USAGE = "usage: ./bench compare BASE_DIR RUN_DIR [--threshold METRIC=PERCENT]...";

    private final PrintStream out;
    private final PrintStream err;

    Gate(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Gate(System.out, System.err).execute(args));
    }

    /** Never throws: every failure becomes one line on {@code err} and exit status 2. */
    int execute(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        try {
            return switch (command) {
                case "compare" -> compare(List.of(args).subList(1, args.length));
                case "pool" -> pool(List.of(args).subList(1, args.length));
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("bench " + command + ": " + e.getMessage());
            if (command.equals("compare")) {
                err.println(USAGE);
            }
            return UNUSABLE;
        } catch (UnusableResultsException e) {
            err.println("bench " + command + ": " + e.getMessage());
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("bench " + command + ": " + e);
            return UNUSABLE;
        }
    }

    private int compare(List<String> args) throws UnusableResultsException, IOException {
        List<String> folders = new ArrayList<>();
        List<String> thresholds = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--threshold") && i + 1 < args.size()) {
                thresholds.add(args.get(++i));
            } else if (arg.startsWith("--threshold=")) {
                thresholds.add(arg.substring("--threshold=".length()));
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                folders.add(arg);
            }
        }
        if (folders.size() != 2) {
            throw new IllegalArgumentException("needs two folders, the base and the run to judge");
        }
        Thresholds settings = Thresholds.parse(thresholds);
        Folder base = Folder.read(folders.get(0));
        Folder head = Folder.read(folders.get(1));
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
        ResultFiles.writeText(dir.resolve(Summaries.MARKDOWN_FILE), Summaries.markdown(comparison, notCompared));
        out.print(Summaries.text(comparison, notCompared));
        out.println("written: " + dir.resolve(Comparison.FILE) + ", " + dir.resolve(Summaries.MARKDOWN_FILE));
        return comparison.passed() ? PASS : REGRESSION;
    }

    private int pool(List<String> args) throws UnusableResultsException, IOException {
        if (args.size() < 2) {
            throw new IllegalArgumentException("pool needs the folder to write and at least one run");
        }
        Path out = Path.of(args.getFirst());
        int trials = Pool.pool(out, args.subList(1, args.size()).stream().map(Path::of).toList()).trials().size();
        this.out.println("pooled " + trials + " trial(s) of " + (args.size() - 1) + " run(s) into " + out);
        return PASS;
    }
}
