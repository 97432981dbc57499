package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.Better;
import concbench.formats.Comparison;
import concbench.formats.Comparison.End;
import concbench.formats.Comparison.Row;
import concbench.formats.Comparison.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare.md, rendered by the report from compare.json's record (the hand-written fixture), for the gate. */
class ComparisonSummaryTest {
    private static final String HOSTILE = "x | y `z` <script>alert(1)</script>\nnext";

    @Test
    void theVerdictFirstThenTheChangedRowsThenEveryRowFoldedAway() throws Exception {
        Comparison comparison = Comparison.read(Fixtures.resource("compare").resolve(Comparison.FILE));
        String md = ComparisonSummary.markdown(comparison, List.of("vertx fanout: only in the base"));
        assertTrue(md.startsWith("**Performance gate FAIL: 2 regressions, 1 improvement in 5 rows (0 judged together "
                + "at a family-wise 0; 1 not gated: 1 generator-bound; 2 on weak evidence: a single trial or no "
                + "interval on a side)**\n\n"), md);
        assertTrue(md.contains("Base `results/base-run @ 3304380aaaaa, profile smoke`, head `results/head-run, "
                + "profile smoke`.\n"), md);
        assertTrue(md.contains("> **Warning:** CPU model differs: Intel(R) Xeon(R) Processor &lt;base&gt; against "
                + "AMD EPYC &lt;head&gt;\n"), md);
        assertTrue(md.indexOf("### Regressions and improvements") < md.indexOf("<details><summary>All 5 rows"), md);
        assertTrue(md.contains("| hello | netty | sweep-64 | throughput req/s | 14,195 \\[13,901, 14,490\\] | "
                + "11,000 \\[10,950, 11,050\\] | -22.5% | 0.0031 | 0.0062 | **regression** |  |\n"), md);
        assertTrue(md.contains("| fanout | undertow | rate-100 | errorRate % | 0 | 0.375 \\[0.25, 0.5\\] | from 0 "
                + "| – | – | **regression** | a rise from 0: every head trial above every base trial |\n"), md);
        assertTrue(md.contains("| hello | vertx | sweep-64 | throughput req/s | 13,295 | 13,345 | +0.4% | – | – | "
                + "not gated | generator-bound: shown, never gates |\n"), md);
        assertTrue(md.contains("Not compared:\n\n- vertx fanout: only in the base\n"), md);
        assertTrue(md.endsWith("**Method.** Hand-written for the report's tests: Welch's t-test over the trials, "
                + "95% intervals of the mean.\n\n</details>\n"), md);
    }

    @Test
    void theTerminalTableShowsTheSameCells() throws Exception {
        Comparison comparison = Comparison.read(Fixtures.resource("compare").resolve(Comparison.FILE));
        assertEquals(List.of("hello", "vertx", "sweep-64", "throughput req/s", "13,295", "13,345", "+0.4%", "–",
                "–", "not gated (generator-bound)"), ComparisonSummary.cells(comparison.rows().get(2)));
        assertEquals(ComparisonSummary.HEADINGS.size(), ComparisonSummary.cells(comparison.rows().get(2)).size());
    }

    @Test
    void textFromTheFilesCannotBreakTheTableOrBecomeMarkup() {
        Side side = new Side(List.of(1.0, 2.0), 1.5, 1.0, 2.0);
        Row row = new Row(HOSTILE, "hello", "", "p99", "ms", Better.LOWER, side, side, 0.0, 10, 0.5, 0.9, null,
                Row.STRONG, Row.NO_SIGNIFICANT_CHANGE, null, HOSTILE);
        Comparison comparison = new Comparison(Comparison.FORMAT_VERSION, new End("base ``dir", null, null, null),
                new End("head", "0123456789abcdef0123456789abcdef01234567-dirty", null, null), List.of(HOSTILE),
                HOSTILE, 0.01, 1, 0, 0, List.of(row));
        String md = ComparisonSummary.markdown(comparison, List.of(HOSTILE));
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("Base ```base ``dir```, head `head @ 0123456789ab-dirty`."), md);
        String tableRow = md.lines().filter(line -> line.startsWith("| hello |")).findFirst().orElseThrow();
        assertEquals(12, tableRow.replace("\\|", "").chars().filter(c -> c == '|').count(),
                "eleven columns whatever the cells hold: " + tableRow);
        assertTrue(tableRow.contains("| x \\| y \\`z\\` &lt;script&gt;alert(1)&lt;/script&gt; next | – | p99 ms |"),
                tableRow);
        assertTrue(md.contains("> **Warning:** x \\| y \\`z\\` &lt;script&gt;"), md);
        assertTrue(md.contains("- x \\| y \\`z\\`"), md);
    }
}
