package concbench.report;

import concbench.formats.ResultsFolder;
import concbench.formats.RunResults.UnusableResultsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./bench report DIR}: writes {@code DIR/report.html} and {@code DIR/summary.md} from the run, JMH results
 * and comparison in DIR, and {@code first-screen.png} when Chromium is there ({@link FirstScreen}), and prints the
 * paths. Status 0 when written, 2 for a bad folder or unusable input (a
 * one-line message, never a stack trace), 1 when the files cannot be written. The run, compare and jmh commands
 * call it in-process once their results are written.
 */
public final class ReportCommand {
    public static final int WRITTEN = 0;
    public static final int WRITE_FAILED = 1;
    public static final int UNUSABLE = 2;

    private ReportCommand() {
    }

    public static int write(Path dir, PrintStream out, PrintStream err) {
        try {
            List<Path> written = Report.write(ResultsFolder.read(dir));
            out.println("report:  " + written.get(0));
            out.println("summary: " + written.get(1));
            // A picture of the first screen, for a person to look at before reading; skipped, saying so, without
            // Chromium, and never a reason to fail the report.
            out.println(FirstScreen.write(dir, FirstScreen.chromium()));
            return WRITTEN;
        } catch (UnusableResultsException e) {
            err.println("bench report: " + firstLine(e.getMessage()));
            return UNUSABLE;
        } catch (IOException e) {
            err.println("bench report: cannot write the report into " + dir + ": " + firstLine(String.valueOf(e)));
            return WRITE_FAILED;
        }
    }

    /** Jackson's messages go on with the source position on further lines; the first says what is wrong. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
