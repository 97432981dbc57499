package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.RunResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capacity and CPU per request against fan-out width: drawn for a run of several widths, and only then. */
class WidthChartsTest {
    @TempDir
    Path temp;

    @Test
    void aRunOfSeveralWidthsGetsBothChartsWithEveryWidthOnTheAxis() throws Exception {
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        Fixtures.widen(dir, 1, 100);
        RunView view = new RunView(RunResults.read(dir));
        assertEquals(List.of(1, 10, 100), List.copyOf(WidthCharts.widths(view).keySet()),
                "the fixture's own trials, recorded before widths, read as width 10");

        String html = Fixtures.html(dir);

        int section = html.indexOf("<section id=\"widths\">");
        assertTrue(section > 0);
        String widths = html.substring(section, html.indexOf("</section>", section));
        assertTrue(widths.contains("<title>Capacity against fan-out width</title>"));
        assertTrue(widths.contains("<title>Server CPU per request against fan-out width</title>"));
        for (String tick : List.of(">1<", ">10<", ">100<")) {
            assertTrue(widths.contains(tick), tick);
        }
        assertTrue(widths.contains("<polyline"), "a line per server");
    }

    @Test
    void aRunOfOneWidthHasNoWidthSection() throws Exception {
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        assertTrue(!Fixtures.html(dir).contains("<section id=\"widths\">"));
    }
}
