package concbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html opened in a real headless Chromium at 1366x768: the headline table inside the first screen, every
 * chart drawn, no JavaScript exception, no console or log error, no request to anything but the file itself; and
 * the report's own first-screen.png. Screenshots (first screen, whole screen, print) are left in target/ to look
 * at. Skipped, saying so, where Chromium is not installed.
 */
class BrowserTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** A PNG's width and height follow its signature, the IHDR chunk's length and type. */
    private static final int PNG_WIDTH_OFFSET = 16;

    @TempDir
    Path temp;

    @Test
    void headlineOnTheFirstScreenChartsDrawnNoErrorsNoRequests() throws Exception {
        assumeTrue(Files.isExecutable(Chromium.DEFAULT),
                "skipped: no " + Chromium.DEFAULT + " (on Debian: apt-get install chromium)");
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        Fixtures.widen(dir, 1, 100, 1000);
        Fixtures.copy("compare", dir);
        Fixtures.copy("jmh", dir);
        Fixtures.html(dir);

        try (Chromium browser = Chromium.start(Chromium.DEFAULT, temp, FirstScreen.WIDTH, FirstScreen.HEIGHT)) {
            browser.open(dir.resolve(Report.HTML_FILE));
            double bottom = browser.number("document.querySelector('table.headline').getBoundingClientRect().bottom");
            assertTrue(bottom > 0 && bottom <= FirstScreen.HEIGHT,
                    "the headline table ends at " + bottom + " px, not inside the first " + FirstScreen.HEIGHT);
            assertEquals(0, browser.number("document.documentElement.scrollWidth - window.innerWidth"),
                    "nothing wider than the window");
            double charts = browser.number("document.querySelectorAll('svg.chart').length");
            double scenarios = browser.number("document.querySelectorAll('section[id^=scenario-]').length");
            assertTrue(charts >= 4 * scenarios + 2, charts + " charts: at least four per scenario and two for widths");
            assertEquals(charts, browser.number("[...document.querySelectorAll('svg.chart')].filter(svg => {"
                    + " const box = svg.getBoundingClientRect(); return box.width > 100 && box.height > 50"
                    + " && svg.querySelectorAll('polyline, circle, rect, polygon').length > 1; }).length"),
                    "every chart drawn with a size and marks in it");
            assertEquals(1, browser.number("document.querySelectorAll('#jmh').length + "
                    + "document.querySelectorAll('#comparison').length - 1"), "the JMH and comparison sections");
            keep("first", browser.screenshot(FirstScreen.WIDTH, FirstScreen.HEIGHT));
            keep("screen", browser.screenshot(FirstScreen.WIDTH,
                    browser.number("document.documentElement.scrollHeight")));
            browser.media("print");
            keep("print", browser.screenshot(FirstScreen.WIDTH,
                    browser.number("document.documentElement.scrollHeight")));
            List<String> problems = browser.problems();
            assertTrue(problems.isEmpty(), "the page misbehaved:\n" + String.join("\n", problems));
        }
    }

    @Test
    void theReportKeepsAScreenshotOfItsFirstScreen() throws Exception {
        assumeTrue(Files.isExecutable(Chromium.DEFAULT),
                "skipped: no " + Chromium.DEFAULT + " (on Debian: apt-get install chromium)");
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        Fixtures.html(dir);

        String said = FirstScreen.write(dir, Chromium.DEFAULT);

        Path png = dir.resolve(FirstScreen.FILE);
        assertEquals("first screen: " + png, said);
        byte[] image = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image, PNG_SIGNATURE.length));
        ByteBuffer size = ByteBuffer.wrap(image, PNG_WIDTH_OFFSET, 2 * Integer.BYTES);
        assertEquals(FirstScreen.WIDTH, size.getInt());
        assertEquals(FirstScreen.HEIGHT, size.getInt());
    }

    @Test
    void withoutChromiumTheScreenshotIsSkippedSayingSo() throws Exception {
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        Fixtures.html(dir);

        String said = FirstScreen.write(dir, temp.resolve("no-chromium"));

        assertTrue(said.startsWith("first screen: skipped, no Chromium at "), said);
        assertTrue(Files.notExists(dir.resolve(FirstScreen.FILE)));
    }

    /** A PNG in target/, to look at. */
    private static void keep(String name, byte[] png) throws Exception {
        Path file = Path.of("target", "report-" + name + ".png");
        Files.write(file, png);
        System.out.println("screenshot: " + file.toAbsolutePath());
    }
}
