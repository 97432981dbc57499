package concbench.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server, back end or load generator the runner started, exactly as a user would start it: its own process,
 * output kept in a log file, stopped with SIGTERM and, if it does not go, SIGKILL, its descendants included.
 */
final class ChildProcess implements AutoCloseable {
    /** What {@code ./bench serve} and {@code ./bench backend} print once they accept connections. */
    private static final Pattern LISTENING = Pattern.compile(" listening on http://([^:/ ]+):(\\d+)");
    private static final int TAIL_LINES = 40;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** A process a signal ended exits, as the JDK reports it, with 128 + the signal's number. */
    private static final int SIGNAL_EXIT_BASE = 128;
    private static final int SIGKILL = 9;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Integer> listeningPort = new CompletableFuture<>();
    private final Thread pump;

    private ChildProcess(String name, Process process, Path log, Consumer<String> onLine) throws IOException {
        this.name = name;
        this.process = process;
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        this.pump = Thread.ofPlatform().daemon().name(name + "-output").start(() -> pump(logWriter, onLine));
    }

    /**
     * Starts {@code command} with stderr merged into stdout, both written to {@code log}; every line also goes to
     * {@code onLine}.
     */
    static ChildProcess start(String name, List<String> command, Path log, Consumer<String> onLine)
            throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildProcess(name, process, log, onLine);
    }

    private void pump(Writer log, Consumer<String> onLine) {
        try (log; BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                remember(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    listeningPort.complete(Integer.parseInt(listening.group(2)));
                }
                onLine.accept(line);
            }
        } catch (IOException e) {
            remember("(output lost: " + e.getMessage() + ")");
        } finally {
            listeningPort.completeExceptionally(new IllegalStateException(name + " ended before it listened"));
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** The last lines it printed, for a failure report. */
    synchronized String tail() {
        return String.join("\n", tail);
    }

    /**
     * Waits until it prints that it listens, and returns the port.
     *
     * @throws StartFailure when it exits first or says nothing within {@code timeout}, with its last output
     */
    int awaitListening(Duration timeout) throws StartFailure, InterruptedException {
        try {
            return listeningPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StartFailure(name + " did not start listening within " + timeout.toSeconds() + " s", tail());
        } catch (ExecutionException e) {
            waitForOutput();
            String how = process.isAlive() ? "closed its output" : exitDescription();
            throw new StartFailure(name + " " + how + " before it started listening", tail());
        }
    }

    /**
     * Closes its standard input. A process started over SSH under the remote guard reads that as the end of the
     * connection and stops what it runs there, then exits.
     */
    void endInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // closed already: the end it means has come
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether it exits, by itself, within {@code timeout}. */
    boolean exitsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks until it exits by itself; its output is then complete. */
    int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        waitForOutput();
        return exit;
    }

    /** How it ended, e.g. {@code exited with code 1} or {@code was killed by signal 9 (SIGKILL)}. */
    String exitDescription() {
        int code = process.exitValue();
        return code > SIGNAL_EXIT_BASE
                ? "was killed by signal " + (code - SIGNAL_EXIT_BASE) + (code - SIGNAL_EXIT_BASE == SIGKILL ? " (SIGKILL)" : "")
                : "exited with code " + code;
    }

    private void waitForOutput() {
        try {
            pump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM to it and its descendants, then SIGKILL to whatever is left after the grace period. */
    @Override
    public void close() {
        List<ProcessHandle> family = process.descendants().toList();
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        waitForOutput();
    }

    /** A child that did not come up, with what it said. */
    static final class StartFailure extends Exception {
        private final String logTail;

        StartFailure(String message, String logTail) {
            super(message, null, false, false);
            this.logTail = logTail;
        }

        String logTail() {
            return logTail;
        }
    }
}
