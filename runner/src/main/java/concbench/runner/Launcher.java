package concbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the command lines of the processes a run starts: the same JDK as the runner, the JVM flags of
 * {@code config/*-jvm.flags}, the runnable jars {@code ./bench} builds, each process pinned to its CPU set with
 * {@code taskset} and told its CPU count, so that every thread pool sizes itself to the set it runs on.
 */
final class Launcher {
    static final String SERVER_FLAGS = "config/server-jvm.flags";
    private static final String TASKSET = "/usr/bin/taskset";

    private final Path root;
    private final String java;
    private final boolean taskset;

    Launcher(Path root) {
        this.root = root;
        this.java = ProcessHandle.current().info().command().orElse("java");
        this.taskset = Files.isExecutable(Path.of(TASKSET));
    }

    boolean canPin() {
        return taskset;
    }

    /** A server jar on an ephemeral port; it prints the port it got. */
    List<String> server(String implementation, CpuSet cpus, String backendUrl) throws IOException {
        List<String> command = javaOn(cpus, jvmFlags(SERVER_FLAGS));
        command.addAll(List.of("-jar", runnableJar(implementation + "-impl").toString(),
                "--port", "0", "--backend", backendUrl, "--io-threads", Integer.toString(cpus.size())));
        return command;
    }

    /** The delay back end on an ephemeral port, one event loop per CPU of its set. */
    List<String> backend(CpuSet cpus) throws IOException {
        List<String> command = javaOn(cpus, jvmFlags(SERVER_FLAGS));
        command.addAll(List.of("-jar", runnableJar("backend").toString(),
                "--port", "0", "--threads", Integer.toString(cpus.size())));
        return command;
    }

    /** {@code taskset -c CPUS java -XX:ActiveProcessorCount=N FLAGS}; without taskset, unpinned. */
    List<String> javaOn(CpuSet cpus, List<String> flags) {
        List<String> command = new ArrayList<>();
        if (taskset) {
            command.addAll(List.of(TASKSET, "-c", cpus.toString()));
        }
        command.add(java);
        command.add("-XX:ActiveProcessorCount=" + cpus.size());
        command.addAll(flags);
        return command;
    }

    /** The flags of a {@code config/*-jvm.flags} file: one a line, blank lines and {@code #} comments skipped. */
    List<String> jvmFlags(String file) throws IOException {
        try (Stream<String> lines = Files.lines(root.resolve(file))) {
            return lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    /** {@code <module>/target/<module>-<version>-all.jar}, which {@code ./bench} builds before a run. */
    Path runnableJar(String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> jars = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return jars.filter(p -> p.getFileName().toString().matches(module + "-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no runnable jar in " + target + "; build it with ./bench"));
        }
    }

    /** The implementations: every {@code *-impl} module of the project, by name. */
    List<String> implementations() throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith("-impl"))
                    .map(name -> name.substring(0, name.length() - "-impl".length()))
                    .sorted()
                    .toList();
        }
    }
}
