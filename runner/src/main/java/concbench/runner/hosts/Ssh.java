package concbench.runner.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The user's own OpenSSH, as the run uses it: never a prompt (BatchMode), a bounded connect, a dead connection
 * noticed within seconds, and one master connection per host that every later command reuses (ControlMaster), so
 * that the many short commands of a run do not each pay a handshake.
 */
public final class Ssh {
    /**
     * Generous, like the two below: a host whose sshd is starved of CPU for a while (a loaded machine, a test bed
     * of namespaces at the lowest priority) is slow, not gone; a host that is down refuses at once.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** A host that stops answering is given up after ALIVE_INTERVAL x ALIVE_COUNT. */
    private static final int ALIVE_INTERVAL_SECONDS = 10;
    private static final int ALIVE_COUNT = 6;
    /**
     * How long the master connection outlives its last command: longer than the pauses between a run's commands,
     * so that a command never meets a master on its way out. The run closes the masters at its end.
     */
    private static final int CONTROL_PERSIST_SECONDS = 300;
    private static final String SSH = "ssh";

    private final Path config;
    private final Path controlDir;

    /**
     * @param config     the ssh config file to read, null for the user's own
     * @param controlDir where the master connections' sockets live: a short path, since a socket's is limited
     */
    public Ssh(Path config, Path controlDir) {
        this.config = config;
        this.controlDir = controlDir;
    }

    /** The options every ssh (and rsync's) takes, without the program's name. */
    List<String> options() {
        List<String> options = new ArrayList<>();
        if (config != null) {
            options.addAll(List.of("-F", config.toString()));
        }
        for (String option : List.of("BatchMode=yes", "ConnectTimeout=" + CONNECT_TIMEOUT.toSeconds(),
                "ServerAliveInterval=" + ALIVE_INTERVAL_SECONDS, "ServerAliveCountMax=" + ALIVE_COUNT,
                "ControlMaster=auto", "ControlPath=" + controlDir.resolve("%C"),
                "ControlPersist=" + CONTROL_PERSIST_SECONDS)) {
            options.addAll(List.of("-o", option));
        }
        return options;
    }

    /** {@code ssh OPTIONS DESTINATION -- COMMAND}: the remote shell runs the words, each quoted. */
    public List<String> command(String destination, List<String> words) {
        List<String> command = new ArrayList<>();
        command.add(SSH);
        command.addAll(options());
        command.add(destination);
        command.add("--");
        command.add(String.join(" ", words.stream().map(Ssh::quote).toList()));
        return command;
    }

    /** {@code ssh -G DESTINATION}: the host name the user's config resolves an alias to. */
    String resolvedHostName(String destination) throws IOException, InterruptedException {
        return resolved(destination, "hostname").orElse(destination);
    }

    /** {@code ssh -G DESTINATION}: the port its sshd listens on, as the user's config says. */
    Optional<String> resolvedPort(String destination) throws IOException, InterruptedException {
        return resolved(destination, "port");
    }

    private Optional<String> resolved(String destination, String key) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SSH, "-G"));
        if (config != null) {
            command.addAll(List.of("-F", config.toString()));
        }
        command.add(destination);
        Result result = run(command, null, CONNECT_TIMEOUT);
        return result.output().lines().filter(line -> line.startsWith(key + " "))
                .map(line -> line.substring(key.length() + 1)).findFirst();
    }

    /** What the rsync of {@link Shipping} is told to reach the hosts with: {@code -e "ssh OPTIONS"}. */
    String rsyncShell() {
        List<String> words = new ArrayList<>(List.of(SSH));
        words.addAll(options());
        return String.join(" ", words.stream().map(Ssh::quote).toList());
    }

    /** The single-quoted word a POSIX shell reads back as {@code word}. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** What a short command printed (standard output and error together) and its exit status. */
    public record Result(int status, String output) {
        public boolean ok() {
            return status == 0;
        }
    }

    /** Runs a short command to its end, {@code input} on its standard input (none when null). */
    static Result run(List<String> command, String input, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "(no answer within " + timeout.toSeconds() + " s)");
            }
        } catch (InterruptedException e) {
            // The run is being stopped: so is this command (its ssh's end ends what it ran under the guard).
            process.destroy();
            throw e;
        }
        try {
            // A process it left behind may hold the output open: what was written until now is all there is.
            byte[] bytes = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (ExecutionException | TimeoutException e) {
            return new Result(process.exitValue(), "");
        }
    }

    /** Closes the master connections the run opened ({@code ssh -O exit}), best effort. */
    public void closeMasters(List<String> destinations) {
        for (String destination : destinations) {
            List<String> command = new ArrayList<>(List.of(SSH));
            command.addAll(options());
            command.addAll(List.of("-O", "exit", destination));
            try {
                run(command, null, CONNECT_TIMEOUT);
            } catch (IOException e) {
                // a master that is gone already is what we want
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            Files.deleteIfExists(controlDir);
        } catch (IOException e) {
            // a socket left behind by a master that did not exit is removed by the next run's cleanup
        }
    }
}
