package concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.runner.RunChoices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as {@code ./bench} runs it, on copies of checked-in run folders: what each command parses,
 * prints, writes and exits with. The run itself, which starts servers, is tests/runner-test.sh's.
 */
class BenchCommandsTest {
    private static final Path FIXTURES = Path.of(System.getProperty("concbench.fixtures"));

    @TempDir
    Path temp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String rootBefore;

    @BeforeEach
    void projectRootIsTheTestsOwn() {
        rootBefore = System.getProperty(Bench.ROOT_PROPERTY);
        System.setProperty(Bench.ROOT_PROPERTY, temp.toString());
    }

    @AfterEach
    void restoreTheRoot() {
        if (rootBefore == null) {
            System.clearProperty(Bench.ROOT_PROPERTY);
        } else {
            System.setProperty(Bench.ROOT_PROPERTY, rootBefore);
        }
    }

    private CommandLine commandLine() {
        return Bench.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int bench(String... args) {
        return commandLine().execute(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A copy of the fixture run folder {@code name} (report/src/test/resources) at {@code into}. */
    private static Path copy(String name, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(FIXTURES.resolve(name))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
        return into;
    }

    private static List<String> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        }
    }

    private static Run parsedRun(CommandLine commandLine, String... args) {
        return (Run) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void runTakesEveryOptionAsTheRunnerDoes() {
        Run run = parsedRun(commandLine(), "run", "--profile", "smoke", "--impls", "netty,loom:client=jdk",
                "--scenarios", "fanout", "--trials", "3", "--out", "/tmp/out", "--server-cpus", "0-1",
                "--loadgen-cpus", "2", "--backend-cpus", "3", "--floor", "no", "--hosts", "lab.hosts");
        assertEquals(new RunChoices("smoke", 3, List.of("netty", "loom:client=jdk"), List.of("fanout"), null, "/tmp/out",
                "0-1", "2", "3", false, "lab.hosts"), run.choices());
        assertEquals(RunChoices.defaults(), parsedRun(commandLine(), "run").choices());
        assertEquals(true, parsedRun(commandLine(), "run", "--floor=yes").choices().floor());
    }

    @Test
    void aBadOptionIsAUsageErrorThatNamesIt() throws IOException {
        assertEquals(Bench.UNUSABLE, bench("run", "--floor", "maybe"));
        assertTrue(errors().contains("expected one of [yes, no] (case-sensitive) but was 'maybe'"), errors());
        err.reset();
        assertEquals(Bench.UNUSABLE, bench("run", "--bogus", "1"));
        assertTrue(errors().contains("--bogus"), errors());
        assertTrue(errors().contains("Usage: bench run"), "with the command's usage: " + errors());
        err.reset();
        Files.createDirectories(temp.resolve("netty-impl"));
        assertEquals(Bench.UNUSABLE, bench("run", "--impls", "netty,jetty"), "refused before anything starts");
        assertTrue(errors().startsWith("bench run: unknown implementation 'jetty'; choose from [netty]"), errors());
        assertTrue(errors().contains("Usage: bench run"), errors());
        err.reset();
        assertEquals(Bench.UNUSABLE, bench("compare", temp.toString()));
        assertTrue(errors().contains("RUN_DIR"), "compare needs two folders: " + errors());
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, bench("help"));
        for (String command : List.of("run", "report", "compare", "pool", "baseline", "status", "profiles", "jmh",
                "test", "serve", "backend", "ab")) {
            assertTrue(printed().contains("\n  " + command + " "), command + " in\n" + printed());
        }
    }

    @Test
    void profilesAreListedOneALine() {
        assertEquals(0, bench("profiles"));
        assertEquals(List.of("smoke", "ci", "quick", "full"), printed().lines().toList());
    }

    @Test
    void statusSaysHowARunEnded() throws IOException {
        Path run = copy("smoke2", temp.resolve("run"));
        assertEquals(Status.NOT_CLEAN, bench("status", run.toString()), "the fixture has a failed trial");
        assertEquals("complete: 16 trial(s), 1 failed", printed().strip());

        Path interrupted = copy("smoke2", temp.resolve("interrupted"));
        Path manifest = interrupted.resolve("run.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"interrupted\""));
        out.reset();
        assertEquals(Status.NOT_CLEAN, bench("status", interrupted.toString()));
        assertTrue(printed().startsWith("interrupted: "), printed());

        assertEquals(Bench.UNUSABLE, bench("status", temp.resolve("nope").toString()));
        assertEquals("bench status: " + temp.resolve("nope") + " is not a folder", errors().strip());
    }

    @Test
    void baselineKeepsWhatTheGateReadsAndNothingElse() throws IOException {
        Path run = copy("smoke2", temp.resolve("results").resolve("run"));
        Files.createDirectories(run.resolve("logs"));
        Files.writeString(run.resolve("logs").resolve("netty-hello-1.server.log"), "netty listening\n");
        Files.writeString(run.resolve("report.html"), "<html></html>");
        Path baseline = temp.resolve("results").resolve("baseline");
        Files.createDirectories(baseline);
        Files.writeString(baseline.resolve("stale-hello-1.json"), "{}");

        assertEquals(0, bench("baseline", run.toString()), errors());
        List<String> results = jsonFiles(FIXTURES.resolve("smoke2"));
        assertEquals(17, results.size(), "run.json and 16 trials: " + results);
        assertEquals(results, jsonFiles(baseline), "the stale file is gone, no log, no report");
        try (Stream<Path> files = Files.list(baseline)) {
            assertEquals(results.size(), files.count());
        }
        assertTrue(errors().contains("results/baseline/ now holds 17 file(s)"), errors());

        Path empty = Files.createDirectories(temp.resolve("empty"));
        err.reset();
        assertEquals(Bench.UNUSABLE, bench("baseline", empty.toString()));
        assertTrue(errors().startsWith("bench baseline: " + empty + " holds neither run.json"), errors());
        assertEquals(Bench.UNUSABLE, bench("baseline", baseline.toString()));
        assertTrue(Files.exists(baseline.resolve("run.json")), "a refused baseline leaves the old one");
    }

    @Test
    void compareJudgesThenWritesTheRunsReport() throws IOException {
        Path base = copy("smoke2", temp.resolve("base"));
        Path head = copy("smoke2", temp.resolve("head"));
        int verdict = bench("compare", base.toString(), head.toString(), "--threshold", "throughput=5");
        assertEquals(0, verdict, "the same trials are no regression: " + errors());
        assertTrue(Files.isRegularFile(head.resolve("compare.json")));
        assertTrue(Files.isRegularFile(head.resolve("compare.md")));
        assertTrue(Files.readString(head.resolve("report.html")).contains("Comparison with "),
                "the report, written in-process, shows the comparison");
        assertTrue(printed().contains("report:  " + head.resolve("report.html")), printed());

        Path missing = temp.resolve("missing");
        err.reset();
        assertEquals(Bench.UNUSABLE, bench("compare", missing.toString(), head.toString()));
        assertTrue(errors().startsWith("bench compare: "), errors());
        assertFalse(errors().contains("could not be written"), "no report on unusable input: " + errors());
    }

    @Test
    void launchGivesTheForegroundServersCommandLineForTheShellToExec() throws IOException {
        Files.createDirectories(temp.resolve("config"));
        Files.writeString(temp.resolve("config").resolve("server-jvm.flags"), "# the heap\n-Xmx1g\n\n-XX:+UseG1GC\n");
        Files.writeString(temp.resolve("config").resolve("netty.properties"), "# why\nio.netty.leak=disabled\n");
        Path jar = Files.createFile(Files.createDirectories(temp.resolve("netty-impl/target"))
                .resolve("netty-impl-1-all.jar"));
        Path backendJar = Files.createFile(Files.createDirectories(temp.resolve("backend/target"))
                .resolve("backend-1-all.jar"));

        assertEquals(0, bench("launch", "serve", "netty", "--port", "0", "--help"), errors());
        List<String> words = List.of(printed().split("\0"));
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC", "-Dio.netty.leak=disabled", "-jar", jar.toString(), "--port",
                "0", "--help"), words.subList(1, words.size()), "the server's own options pass as they are");
        assertTrue(words.getFirst().endsWith("java"), words.getFirst());

        out.reset();
        assertEquals(0, bench("launch", "backend", "--threads", "2"), errors());
        List<String> backend = List.of(printed().split("\0"));
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC", "-jar", backendJar.toString(), "--threads", "2"),
                backend.subList(1, backend.size()), "the back end has no framework properties");

        assertEquals(Launch.UNKNOWN, bench("launch", "serve", "jetty"));
        assertEquals("bench: unknown implementation 'jetty'; choose one of: netty", errors().strip());
    }

    @Test
    void reportWritesBothFilesOrSaysWhyNot() throws IOException {
        Path run = copy("smoke2", temp.resolve("run"));
        assertEquals(0, bench("report", run.toString()));
        assertTrue(Files.isRegularFile(run.resolve("report.html")) && Files.isRegularFile(run.resolve("summary.md")));
        assertEquals(Bench.UNUSABLE, bench("report", temp.resolve("nope").toString()));
        assertEquals("bench report: " + temp.resolve("nope") + " is not a folder", errors().strip());
    }
}
