package concbench.gate;

import static concbench.gate.Synthetic.run;
import static concbench.gate.Synthetic.throughputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Comparison;
import concbench.formats.ResultFiles;
import concbench.formats.ResultsFolder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare.json from the gate to the report: what the gate writes, the report's reader
 * ({@link ResultsFolder#read(Path)}, as {@code ./bench report} calls it) reads back whole, field for field.
 */
class CompareRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void theReportReadsBackExactlyTheComparisonTheGateWrote() throws Exception {
        Folder base = Folder.read(Synthetic.write(dir.resolve("base"), run(throughputs(10_000, 10_100, 9_900)))
                .toString());
        Folder head = Folder.read(Synthetic.write(dir.resolve("head"), run(throughputs(8_000, 8_050, 7_950)))
                .toString());
        Rows rows = RunComparison.compare(base.run(), head.run(), Thresholds.defaults());
        Comparison written = Comparisons.of(base, head, FamilyOfRows.judge(rows.rows()), Thresholds.defaults());
        ResultFiles.write(dir.resolve("head").resolve(Comparison.FILE), written);

        Comparison read = ResultsFolder.read(dir.resolve("head")).comparison();

        assertEquals(written, read);
        assertTrue(read.rows().stream().anyMatch(Comparison.Row::isRegression), read.rows().toString());
    }

    @Test
    void theCommandsFileIsTheOneTheReportReads() throws Exception {
        Path base = Synthetic.write(dir.resolve("base"), run(throughputs(10_000, 10_100, 9_900)));
        Path head = Synthetic.write(dir.resolve("head"), run(throughputs(8_000, 8_050, 7_950)));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

        assertEquals(Gate.REGRESSION, new Gate(quiet, quiet).compare(base, head, List.of()));

        ResultsFolder folder = ResultsFolder.read(head);
        assertNotNull(folder.run());
        assertEquals(1, folder.comparison().regressions());
        assertEquals(base.toString(), folder.comparison().base().dir());
    }
}
