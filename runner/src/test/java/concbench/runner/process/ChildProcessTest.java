package concbench.runner.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes, started through {@code sh}: their output, their listening port, how they are stopped. */
class ChildProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Short, so that a child that ignores SIGTERM does not hold up the test long; its length is not asserted. */
    private static final Duration SHORT_GRACE = Duration.ofMillis(300);
    private static final int LINES = 100;

    @TempDir
    Path folder;

    private ChildProcess sh(String script, Path log, List<String> lines) throws Exception {
        return ChildProcess.start("child", List.of("sh", "-c", script), log, lines::add);
    }

    @Test
    void everyLineReachesTheLogAndTheConsumerAndTheTailKeepsTheLast() throws Exception {
        Path log = folder.resolve("logs").resolve("child.log");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ChildProcess child = sh("i=1; while [ $i -le " + LINES + " ]; do echo line $i; i=$((i+1)); done; "
                + "echo oops >&2; exit 3", log, lines)) {
            assertEquals(3, child.waitFor());
            List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, LINES).mapToObj(i -> "line " + i).toList());
            expected.add("oops");
            assertEquals(expected, Files.readAllLines(log), "stdout and stderr, in order, in the log");
            assertEquals(expected, lines);
            assertEquals(String.join("\n", expected.subList(expected.size() - ChildProcess.TAIL_LINES,
                    expected.size())), child.tail());
            assertEquals("exited with code 3", child.exitDescription());
        }
    }

    @Test
    void aConsumerThatThrowsDoesNotStopTheOutput() throws Exception {
        Path log = folder.resolve("child.log");
        try (ChildProcess child = ChildProcess.start("child", List.of("sh", "-c", "echo one; echo two"), log,
                line -> {
                    throw new IllegalStateException("consumer broke on " + line);
                })) {
            assertEquals(0, child.waitFor());
            assertEquals(List.of("one", "two"), Files.readAllLines(log));
            assertEquals("consumer broke on one", child.consumerFailure().orElseThrow().getMessage());
        }
    }

    @Test
    void thePortItSaysItListensOn() throws Exception {
        try (ChildProcess child = sh("echo starting; echo 'netty listening on http://127.0.0.1:43210'; sleep 600",
                folder.resolve("server.log"), new ArrayList<>())) {
            assertEquals(43210, child.awaitListening(TIMEOUT));
        }
    }

    @Test
    void aChildThatEndsBeforeListeningFailsWithItsLastWords() throws Exception {
        try (ChildProcess child = sh("echo 'port 1 is taken'; exit 1", folder.resolve("server.log"),
                new ArrayList<>())) {
            ChildProcess.StartFailure failure = assertThrows(ChildProcess.StartFailure.class,
                    () -> child.awaitListening(TIMEOUT));
            assertEquals("child exited with code 1 before it started listening", failure.getMessage());
            assertEquals("port 1 is taken", failure.logTail());
        }
    }

    @Test
    void stopAsksFirstThenLeavesNothingOfTheTree() throws Exception {
        // A child that ends cleanly on SIGTERM, and a grandchild of its own that would outlive it.
        Path log = folder.resolve("child.log");
        ChildProcess child = sh("sleep 600 & trap 'echo stopping; exit 0' TERM; echo ready; "
                + "while true; do sleep 0.05; done", log, new ArrayList<>());
        List<ProcessHandle> tree = awaitTree(child, 2);
        child.stop(ChildProcess.STOP_GRACE);
        for (ProcessHandle process : tree) {
            assertFalse(process.isAlive(), "process " + process.pid() + " " + process.info().commandLine());
        }
        assertTrue(Files.readAllLines(log).contains("stopping"), "it was asked with SIGTERM first");
        assertEquals("exited with code 0", child.exitDescription());
    }

    @Test
    void aChildThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        ChildProcess child = sh("trap '' TERM; echo ready; while true; do sleep 0.05; done",
                folder.resolve("child.log"), new ArrayList<>());
        List<ProcessHandle> tree = awaitTree(child, 1);
        child.stop(SHORT_GRACE);
        assertFalse(tree.getFirst().isAlive());
        assertEquals("was killed by signal 9 (SIGKILL)", child.exitDescription());
        child.close();
    }

    /** The child and its descendants once it has said it is ready and they number at least {@code size}. */
    private static List<ProcessHandle> awaitTree(ChildProcess child, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = new ArrayList<>(List.of(handle));
            tree.addAll(handle.descendants().toList());
            if (child.tail().contains("ready") && tree.size() >= size) {
                return tree;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child did not get ready: " + child.tail());
    }
}
