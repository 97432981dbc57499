package concbench.runner.gatling;

import concbench.runner.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One forked Gatling JVM running one simulation: started from a {@link GatlingCommand} as a {@link ChildProcess},
 * its output written to a log file and streamed line by line to a consumer while it runs, and on {@link #await}
 * the {@code simulation.log} and HTML report it left. {@link #close} stops it with every process it started, so
 * that an interrupted run leaves no load generator behind to disturb the next measurement.
 */
public final class GatlingProcess implements AutoCloseable {
    public static final String SIMULATION_LOG = "simulation.log";
    public static final String REPORT_INDEX = "index.html";

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
    private final ChildProcess process;
    private final Set<Path> foldersBefore;

    private GatlingProcess(GatlingCommand command, ChildProcess process, Set<Path> foldersBefore) {
        this.command = command;
        this.process = process;
        this.foldersBefore = foldersBefore;
    }

    /**
     * Starts the JVM; its output (stdout and stderr) goes to {@code log}, and each line to {@code output}, on a
     * thread of its own. It should be quick: Gatling waits while its output is not read. Should it throw, the
     * output is still drained and {@link #await} reports the failure.
     *
     * @throws IOException when the command cannot be built or started, or the results folder cannot be made
     */
    public static GatlingProcess start(GatlingCommand command, Path log, Consumer<String> output) throws IOException {
        Files.createDirectories(command.resultsFolder());
        Set<Path> before = runFolders(command.resultsFolder());
        return new GatlingProcess(command, ChildProcess.start("Gatling", command.processBuilder(), log, output),
                before);
    }

    /** The running JVM (or its prefix, e.g. {@code taskset}, which becomes the JVM): to sample it, to watch it. */
    public ChildProcess process() {
        return process;
    }

    /**
     * Waits for the run to end and returns what it left.
     *
     * @throws InterruptedException when interrupted; the JVM and its children are stopped first
     * @throws IOException          when Gatling failed (the message ends with its last lines of output) or left
     *                              no single new run folder with a {@code simulation.log}
     * @throws IllegalStateException when the output consumer threw
     */
    public Result await() throws InterruptedException, IOException {
        int status = process.waitFor();
        if (process.consumerFailure().isPresent()) {
            throw new IllegalStateException("the consumer of Gatling's output failed",
                    process.consumerFailure().get());
        }
        if (status != 0) {
            throw new IOException("Gatling " + process.exitDescription() + "; its last lines:\n" + process.tail());
        }
        Set<Path> created = runFolders(command.resultsFolder());
        created.removeAll(foldersBefore);
        List<Path> runs = created.stream().filter(folder -> Files.isRegularFile(folder.resolve(SIMULATION_LOG)))
                .toList();
        if (runs.size() != 1) {
            throw new IOException("expected one new run folder with a " + SIMULATION_LOG + " in "
                    + command.resultsFolder() + ", found " + runs + "; Gatling's last lines:\n" + process.tail());
        }
        Path run = runs.getFirst();
        if (command.htmlReport() && !Files.isRegularFile(run.resolve(REPORT_INDEX))) {
            throw new IOException("Gatling wrote no HTML report in " + run + "; its last lines:\n" + process.tail());
        }
        return new Result(run, run.resolve(SIMULATION_LOG), command.htmlReport() ? Optional.of(run) : Optional.empty());
    }

    /** Stops the JVM and every process it started ({@link ChildProcess#close}); nothing when it has ended. */
    @Override
    public void close() {
        process.close();
    }

    private static Set<Path> runFolders(Path resultsFolder) throws IOException {
        try (Stream<Path> entries = Files.list(resultsFolder)) {
            return entries.filter(Files::isDirectory).collect(Collectors.toSet());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
