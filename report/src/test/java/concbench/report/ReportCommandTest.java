package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bench report DIR}: both files and their paths, or exit 2 with one clear line, never a stack trace. */
class ReportCommandTest {
    @TempDir
    Path temp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int report(Path dir) {
        return ReportCommand.write(dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesBothFilesAndPrintsTheirPaths() throws Exception {
        Path run = Fixtures.copy("smoke2", temp.resolve("run"));
        assertEquals(0, report(run));
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
        assertTrue(Files.isRegularFile(run.resolve("summary.md")));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains(run.resolve("report.html").toString()));
        assertTrue(printed.contains(run.resolve("summary.md").toString()));
        try (var files = Files.list(run)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aMissingFolder() {
        assertFails(temp.resolve("nope").toString(), "is not a folder");
    }

    @Test
    void aFolderWithNothingToReport() {
        assertFails(temp.toString(), "holds none of run.json (./bench run writes it), jmh.json (./bench jmh writes it) or "
                + "compare.json (./bench compare writes it)");
    }

    @Test
    void brokenJson() throws Exception {
        Files.writeString(temp.resolve("run.json"), "{ \"formatVersion\" : 1, \"status\" ");
        assertFails(temp.toString(), "run.json is not a results file");
    }

    @Test
    void anotherFormatVersion() throws Exception {
        Path run = Fixtures.copy("smoke2", temp.resolve("run"));
        Files.writeString(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
                .replace("\"formatVersion\": 2", "\"formatVersion\": 3"));
        assertFails(run.toString(), "has results format version 3, this suite reads versions 1 to 2");
    }

    @Test
    void aComparisonOfAnotherVersion() throws Exception {
        Files.writeString(temp.resolve("compare.json"), "{\"formatVersion\": 7, \"rows\": []}");
        assertFails(temp.toString(), "compare.json has comparison format version 7, this suite reads versions 1 to 2");
    }

    @Test
    void somethingElseCalledJmhJson() throws Exception {
        Files.writeString(temp.resolve("jmh.json"), "{\"benchmark\": \"x\"}");
        assertFails(temp.toString(), "is not JMH's JSON output");
    }

    private void assertFails(String dir, String message) {
        assertEquals(2, report(Path.of(dir)));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("bench report: "), printed);
        assertTrue(printed.contains(message), printed);
        assertEquals(1, printed.lines().count(), "one line: " + printed);
        assertFalse(printed.contains("Exception"), printed);
    }
}
