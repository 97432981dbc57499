package concbench.report;

import concbench.formats.ResultsFolder;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./bench report DIR}: writes {@code DIR/report.html} and {@code DIR/summary.md} from the run, JMH results
 * and comparison in DIR, and prints both paths. Exit status 0 when written, 2 for a bad folder or unusable input
 * (a one-line message, never a stack trace), 1 when the files cannot be written.
 */
public final class ReportMain {
    static final int WRITE_FAILED = 1;
    static final int USAGE_ERROR = 2;
    private static final String USAGE = "usage: ./bench report DIR   (DIR holds run.json, jmh.json and/or compare.json)";

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            (help ? System.out : System.err).println(USAGE);
            return help ? 0 : USAGE_ERROR;
        }
        try {
            List<Path> written = Report.write(ResultsFolder.read(Path.of(args[0])));
            System.out.println("report:  " + written.get(0));
            System.out.println("summary: " + written.get(1));
            return 0;
        } catch (UnusableResultsException e) {
            System.err.println("bench report: " + firstLine(e.getMessage()));
            return USAGE_ERROR;
        } catch (IOException e) {
            System.err.println("bench report: cannot write the report into " + args[0] + ": " + firstLine(String.valueOf(e)));
            return WRITE_FAILED;
        }
    }

    /** Jackson's messages go on with the source position on further lines; the first says what is wrong. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
