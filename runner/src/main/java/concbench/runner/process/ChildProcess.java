package concbench.runner.process;

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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A process the runner started (a server, the back end, Gatling), exactly as a user would start it: its output,
 * stderr merged into stdout, written line by line to a log file, its last lines kept in memory for a failure
 * message, and one way to stop it: SIGTERM to it and every process it started, a grace period, then SIGKILL to
 * whatever is left, so that an interrupted run leaves nothing behind to disturb the next measurement.
 */
public final class ChildProcess implements AutoCloseable {
    /** What {@code ./bench serve} and {@code ./bench backend} print once they accept connections. */
    private static final Pattern LISTENING = Pattern.compile(" listening on http://([^:/ ]+):(\\d+)");
    /** Enough of the output to tell why it failed, few enough to fit a result file. */
    static final int TAIL_LINES = 40;
    /** Long enough for a JVM's shutdown hooks to close its connections, short enough not to hold up a run. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long SIGKILL may take to end a process: the kernel's work, not the process's. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    /** How long the rest of the output may take to reach the log once the process has ended. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);
    /** A process a signal ended exits, as the JDK reports it, with 128 + the signal's number. */
    private static final int SIGNAL_EXIT_BASE = 128;
    private static final int SIGKILL = 9;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Integer> listeningPort = new CompletableFuture<>();
    private final AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();
    private final Thread pump;

    private ChildProcess(String name, Process process, Writer log, Consumer<String> onLine) {
        this.name = name;
        this.process = process;
        this.pump = Thread.ofPlatform().daemon().name(name + "-output-" + process.pid())
                .start(() -> pump(log, onLine));
    }

    /**
     * Starts {@code command} with stderr merged into stdout, both written to {@code log} (its folder made if
     * need be); every line also goes to {@code onLine}, on a thread of its own. {@code onLine} should be quick: the
     * process waits while its output is not read. Should it throw, the output is still drained and
     * {@link #consumerFailure} says what it threw.
     *
     * @param name what failure messages call it, e.g. {@code netty} or {@code Gatling}
     */
    public static ChildProcess start(String name, ProcessBuilder command, Path log, Consumer<String> onLine)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Process process;
        try {
            process = command.redirectErrorStream(true).start();
        } catch (IOException e) {
            logWriter.close();
            throw e;
        }
        return new ChildProcess(name, process, logWriter, onLine);
    }

    /** {@link #start(String, ProcessBuilder, Path, Consumer)} of a command line, in the current folder. */
    public static ChildProcess start(String name, List<String> command, Path log, Consumer<String> onLine)
            throws IOException {
        return start(name, new ProcessBuilder(command), log, onLine);
    }

    private void pump(Writer log, Consumer<String> onLine) {
        try (log; BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.write(line);
                log.write('\n');
                log.flush();
                remember(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    listeningPort.complete(Integer.parseInt(listening.group(2)));
                }
                try {
                    onLine.accept(line);
                } catch (RuntimeException e) {
                    // The output must still be drained, or a full pipe would stall the process mid-run.
                    consumerFailure.compareAndSet(null, e);
                }
            }
        } catch (IOException e) {
            // The stream closes under the reader when the process is killed; what it said so far is all there is.
            remember("(output lost: " + e.getMessage() + ")");
        } finally {
            listeningPort.completeExceptionally(new IllegalStateException(name + " ended before it listened"));
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    /** Its last {@value #TAIL_LINES} lines of output at most, for a failure message. */
    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** What the line consumer threw first, if it threw. */
    public Optional<RuntimeException> consumerFailure() {
        return Optional.ofNullable(consumerFailure.get());
    }

    /**
     * Waits until it prints that it listens, and returns the port.
     *
     * @throws StartFailure when it exits first or says nothing within {@code timeout}, with its last output
     */
    public int awaitListening(Duration timeout) throws StartFailure, InterruptedException {
        try {
            return listeningPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StartFailure(name + " did not start listening within " + timeout.toSeconds() + " s", tail());
        } catch (ExecutionException e) {
            awaitOutput();
            String how = process.isAlive() ? "closed its output" : exitDescription();
            throw new StartFailure(name + " " + how + " before it started listening", tail());
        }
    }

    /**
     * Closes its standard input. A process started over SSH under the remote guard reads that as the end of the
     * connection: the guard stops what it runs on that host, then exits, and so does the ssh here.
     */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // closed already: the end it means has come
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether it exits, by itself, within {@code timeout}. */
    public boolean exitsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Blocks until it exits by itself and its output is all in the log, and returns its exit status.
     *
     * @throws InterruptedException when interrupted; it is {@linkplain #close stopped} first
     */
    public int waitFor() throws InterruptedException {
        try {
            int exit = process.waitFor();
            awaitOutput();
            return exit;
        } catch (InterruptedException e) {
            close();
            throw e;
        }
    }

    /** How it ended, e.g. {@code exited with code 1} or {@code was killed by signal 9 (SIGKILL)}. */
    public String exitDescription() {
        int code = process.exitValue();
        int signal = code - SIGNAL_EXIT_BASE;
        return code > SIGNAL_EXIT_BASE
                ? "was killed by signal " + signal + (signal == SIGKILL ? " (SIGKILL)" : "")
                : "exited with code " + code;
    }

    private void awaitOutput() {
        try {
            pump.join(OUTPUT_DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop} with {@link #STOP_GRACE}; nothing when it has ended and left no process behind. */
    @Override
    public void close() {
        stop(STOP_GRACE);
    }

    /**
     * Stops it and every process it started: SIGTERM to each, at most {@code grace} for them to end, then SIGKILL
     * to whatever is left, and waits until they are gone. The descendants are listed before any signal, since a
     * process whose parent has died is no longer its descendant. Safe to call from a shutdown hook and more than
     * once. An interrupt while waiting skips to SIGKILL.
     *
     * @throws IllegalStateException when a process survives SIGKILL
     */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        boolean interrupted = false;
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            for (ProcessHandle member : tree) {
                try {
                    member.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("process " + member.pid() + " of " + name + " did not die", e);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        awaitOutput();
    }

    /** A child that did not come up, with what it said. */
    public static final class StartFailure extends Exception {
        private final String logTail;

        StartFailure(String message, String logTail) {
            super(message, null, false, false);
            this.logTail = logTail;
        }

        public String logTail() {
            return logTail;
        }
    }
}
