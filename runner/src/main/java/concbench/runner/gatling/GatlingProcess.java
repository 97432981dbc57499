package concbench.runner.gatling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One forked Gatling JVM running one simulation: started from a {@link GatlingCommand}, its output streamed line
 * by line to a consumer while it runs, and on {@link #await} the {@code simulation.log} and HTML report it left.
 * {@link #close} kills it with every process it started, so that an interrupted run leaves no load generator
 * behind to disturb the next measurement.
 */
public final class GatlingProcess implements AutoCloseable {
    public static final String SIMULATION_LOG = "simulation.log";
    public static final String REPORT_INDEX = "index.html";
    /** Enough of the output to tell why a run failed. */
    private static final int LINES_KEPT = 40;
    private static final long KILL_WAIT_SECONDS = 10;

    /**
     * What a finished run left behind.
     *
     * @param runFolder     the folder Gatling made for the run inside the results folder
     * @param simulationLog the raw per-request records
     * @param htmlReport    Gatling's HTML report, a folder whose entry page is {@code index.html}; empty when the
     *                      command asked for none
     */
    public record Result(Path runFolder, Path simulationLog, Optional<Path> htmlReport) {
    }

    private final GatlingCommand command;
    private final Process process;
    private final Thread outputPump;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();
    private final Set<Path> foldersBefore;

    private GatlingProcess(GatlingCommand command, Process process, Set<Path> foldersBefore,
            Consumer<String> output) {
        this.command = command;
        this.process = process;
        this.foldersBefore = foldersBefore;
        this.outputPump = Thread.ofPlatform().daemon().name("gatling-output-" + process.pid())
                .start(() -> pump(output));
    }

    /**
     * Starts the JVM; {@code output} receives each line it prints (stdout and stderr), on a thread of its own. It
     * should be quick: Gatling waits while its output is not read. Should it throw, the output is still drained
     * and {@link #await} reports the failure.
     *
     * @throws IOException when the command cannot be built or started, or the results folder cannot be made
     */
    public static GatlingProcess start(GatlingCommand command, Consumer<String> output) throws IOException {
        Files.createDirectories(command.resultsFolder());
        Set<Path> before = runFolders(command.resultsFolder());
        return new GatlingProcess(command, command.processBuilder().start(), before, output);
    }

    /** The running JVM (or its prefix, e.g. {@code taskset}, which becomes the JVM): its pid, to sample it. */
    public Process process() {
        return process;
    }

    /**
     * Waits for the run to end and returns what it left.
     *
     * @throws InterruptedException when interrupted; the JVM and its children are killed first
     * @throws IOException          when Gatling failed (the message ends with its last lines of output) or left
     *                              no single new run folder with a {@code simulation.log}
     * @throws IllegalStateException when the output consumer threw
     */
    public Result await() throws InterruptedException, IOException {
        int status;
        try {
            status = process.waitFor();
            outputPump.join();
        } catch (InterruptedException e) {
            close();
            throw e;
        }
        if (consumerFailure.get() != null) {
            throw new IllegalStateException("the consumer of Gatling's output failed", consumerFailure.get());
        }
        if (status != 0) {
            throw new IOException("Gatling exited with status " + status + "; its last lines:\n" + lastLines());
        }
        Set<Path> created = runFolders(command.resultsFolder());
        created.removeAll(foldersBefore);
        List<Path> runs = created.stream().filter(folder -> Files.isRegularFile(folder.resolve(SIMULATION_LOG))).toList();
        if (runs.size() != 1) {
            throw new IOException("expected one new run folder with a " + SIMULATION_LOG + " in "
                    + command.resultsFolder() + ", found " + runs + "; Gatling's last lines:\n" + lastLines());
        }
        Path run = runs.getFirst();
        if (command.htmlReport() && !Files.isRegularFile(run.resolve(REPORT_INDEX))) {
            throw new IOException("Gatling wrote no HTML report in " + run + "; its last lines:\n" + lastLines());
        }
        return new Result(run, run.resolve(SIMULATION_LOG), command.htmlReport() ? Optional.of(run) : Optional.empty());
    }

    /** Kills the JVM and every process it started, and waits for them to be gone; nothing when it has ended. */
    @Override
    public void close() {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("process " + handle.pid() + " of the Gatling run did not die", e);
            }
        }
    }

    private void pump(Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lastLines) {
                    if (lastLines.size() == LINES_KEPT) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                try {
                    output.accept(line);
                } catch (RuntimeException e) {
                    // The output must still be drained, or a full pipe would stall Gatling in the middle of a run.
                    consumerFailure.compareAndSet(null, e);
                }
            }
        } catch (IOException e) {
            // The stream closes under the reader when the process is killed; its last lines are all there is.
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private static Set<Path> runFolders(Path resultsFolder) throws IOException {
        try (Stream<Path> entries = Files.list(resultsFolder)) {
            return entries.filter(Files::isDirectory).collect(Collectors.toSet());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
