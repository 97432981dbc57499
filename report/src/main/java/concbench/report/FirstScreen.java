package concbench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code first-screen.png}: what a person sees on opening {@code report.html} in a 1366x768 window (the most common
 * laptop screen), taken with a headless Chromium where one is installed, since a person looks before reading. A
 * missing browser or a screenshot that fails costs a line of output, never the report.
 */
final class FirstScreen {
    static final String FILE = "first-screen.png";
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;
    /** Where a run may name another Chromium; the default is {@link Chromium#DEFAULT}. */
    static final String CHROMIUM_PROPERTY = "concbench.chromium";

    private FirstScreen() {
    }

    /** The Chromium to use: the system property's, or Debian's. */
    static Path chromium() {
        String configured = System.getProperty(CHROMIUM_PROPERTY);
        return configured == null || configured.isBlank() ? Chromium.DEFAULT : Path.of(configured);
    }

    /** Takes the screenshot of {@code dir}'s report.html into {@code dir}; returns the line to print. */
    static String write(Path dir, Path chromium) {
        if (!Files.isExecutable(chromium)) {
            return "first screen: skipped, no Chromium at " + chromium + " (Debian: apt-get install chromium)";
        }
        Path png = dir.resolve(FILE);
        try (Chromium browser = Chromium.start(chromium, Path.of(System.getProperty("java.io.tmpdir")), WIDTH,
                HEIGHT)) {
            browser.open(dir.resolve(Report.HTML_FILE).toAbsolutePath());
            Path temporary = png.resolveSibling("." + FILE + ".tmp");
            Files.write(temporary, browser.screenshot(WIDTH, HEIGHT));
            Files.move(temporary, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return "first screen: " + png;
        } catch (Exception e) {
            return "first screen: not written (" + e + ")";
        }
    }
}
