package concbench.runner;

import concbench.contract.ServerLauncher;
import concbench.contract.ServerProperties;
import concbench.contract.Variant;
import concbench.formats.CpuSet;
import concbench.runner.gatling.JvmFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the command lines of the processes a run starts: the same JDK as the runner, the JVM flags of
 * {@code config/*-jvm.flags}, the runnable jars {@code ./bench} builds, each process pinned to its CPU set with
 * {@code taskset} and told its CPU count, so that every thread pool sizes itself to the set it runs on.
 */
public final class Launcher {
    public static final String SERVER_FLAGS = "config/server-jvm.flags";
    public static final String BACKEND = "backend";
    /** The module whose runnable jar holds the runner, for what runs it on another host (the contract check). */
    static final String CLI = "cli";
    /** The configuration every process reads, relative to the project root. */
    static final Path CONFIG = Path.of("config");
    private static final String SERVER_SUFFIX = "-impl";
    private static final String TASKSET = "/usr/bin/taskset";
    private static final String SETSID = "/usr/bin/setsid";

    private final Path root;
    /** Where the commands find the project's files: the root itself, or a host's folder they were shipped to. */
    private final Path commandRoot;
    private final String java;
    private final boolean taskset;
    private final boolean setsid;
    /** The open-file limit the load generator gets; empty where it is not known (no {@code /proc}), or not local. */
    private final Optional<OpenFileLimit> openFiles;
    private final boolean prlimit;

    public Launcher(Path root) {
        this(root, root, ProcessHandle.current().info().command().orElse("java"),
                Files.isExecutable(Path.of(TASKSET)), Files.isExecutable(Path.of(SETSID)),
                OpenFileLimit.ofThisProcess(), Files.isExecutable(Path.of(OpenFileLimit.PRLIMIT)));
    }

    private Launcher(Path root, Path commandRoot, String java, boolean taskset, boolean setsid,
            Optional<OpenFileLimit> openFiles, boolean prlimit) {
        this.root = root;
        this.commandRoot = commandRoot;
        this.java = java;
        this.taskset = taskset;
        this.setsid = setsid;
        this.openFiles = openFiles;
        this.prlimit = prlimit;
    }

    /**
     * The same commands for a host the project's files were shipped to, under {@code hostRoot}, run with that
     * host's {@code java}. No setsid: the remote guard gives each process its group and stops it. No raised
     * open-file limit: this process's limits say nothing of that host's.
     */
    Launcher on(Path hostRoot, String hostJava, boolean hostTaskset) {
        return new Launcher(root, hostRoot, hostJava, hostTaskset, false, Optional.empty(), false);
    }

    boolean canPin() {
        return taskset;
    }

    /**
     * A server jar on an ephemeral port; it prints the port it got. The JVM flags every server shares, then the
     * implementation's own system properties ({@link ServerProperties}), then the variant's server options.
     */
    List<String> server(Variant variant, CpuSet cpus, String backendUrl) throws IOException {
        return server(variant, cpus, backendUrl, null);
    }

    /** @param listenHost the address to listen on; null for the servers' default, the loopback */
    List<String> server(Variant variant, CpuSet cpus, String backendUrl, String listenHost) throws IOException {
        List<String> flags = new ArrayList<>(jvmFlags(SERVER_FLAGS));
        flags.addAll(ServerProperties.jvmArguments(serverProperties(variant)));
        List<String> command = javaOn(cpus, flags);
        command.addAll(List.of("-jar", jarCommand(serverModule(variant.implementation())),
                "--port", "0", "--backend", backendUrl, "--io-threads", Integer.toString(cpus.size())));
        if (listenHost != null) {
            command.addAll(List.of("--host", listenHost));
        }
        command.addAll(variant.args());
        return command;
    }

    /**
     * The variant's server jar asked to check its options and list them ({@link ServerLauncher#HELP}): exit status 0
     * when the server takes them, {@link ServerLauncher#USAGE_ERROR} with the reason otherwise. Nothing starts.
     */
    List<String> optionsCheck(Variant variant) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-jar",
                runnableJar(serverModule(variant.implementation())).toString()));
        command.addAll(variant.args());
        command.add(ServerLauncher.HELP);
        return command;
    }

    /**
     * A server's jar (or the back end's, for {@link #BACKEND}) in the foreground, as {@code ./bench serve} and
     * {@code ./bench backend} start it: this JVM's {@code java}, the flags every server shares, the implementation's
     * own system properties ({@link ServerProperties}), then {@code args} for the jar. Unpinned: it is the user's.
     *
     * @param module {@link #BACKEND} or an implementation's module, {@code <implementation>-impl}
     */
    public List<String> foreground(String module, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmFlags(SERVER_FLAGS));
        if (!module.equals(BACKEND)) {
            String implementation = module.substring(0, module.length() - SERVER_SUFFIX.length());
            command.addAll(ServerProperties.jvmArguments(serverProperties(Variant.parse(implementation))));
        }
        command.addAll(List.of("-jar", runnableJar(module).toString()));
        command.addAll(args);
        return command;
    }

    /** The system properties the variant's implementation starts with: {@code config/<implementation>.properties}. */
    Map<String, String> serverProperties(Variant variant) throws IOException {
        return ServerProperties.read(ServerProperties.file(root, variant.implementation()));
    }

    /** The module of an implementation: {@code <name>-impl}. */
    public static String serverModule(String implementation) {
        return implementation + SERVER_SUFFIX;
    }

    /** The delay back end on an ephemeral port, one event loop per CPU of its set. */
    List<String> backend(CpuSet cpus) throws IOException {
        return backend(cpus, null);
    }

    /** @param listenHost the address to listen on; null for the back end's default, the loopback */
    List<String> backend(CpuSet cpus, String listenHost) throws IOException {
        List<String> command = javaOn(cpus, jvmFlags(SERVER_FLAGS));
        command.addAll(List.of("-jar", jarCommand(BACKEND),
                "--port", "0", "--threads", Integer.toString(cpus.size())));
        if (listenHost != null) {
            command.addAll(List.of("--host", listenHost));
        }
        return command;
    }

    /** The runnable jar of a module where the commands find it. */
    String jarCommand(String module) throws IOException {
        return commandRoot.resolve(root.relativize(runnableJar(module))).toString();
    }

    /** The JVM the commands run. */
    String java() {
        return java;
    }

    /**
     * What every child command starts with: {@code setsid}, so that the child has a session of its own and a
     * Ctrl-C on the terminal reaches the runner alone, which then stops its children in order and records what
     * happened; then {@code taskset -c CPUS}, which pins it to its CPU set. Each part is left out where its tool
     * is missing.
     */
    List<String> prefixFor(CpuSet cpus) {
        List<String> prefix = new ArrayList<>();
        if (setsid) {
            prefix.add(SETSID);
        }
        if (taskset) {
            prefix.addAll(List.of(TASKSET, "-c", cpus.toString()));
        }
        return prefix;
    }

    /**
     * What the load generator starts with: {@link #prefixFor} its CPUs, then {@code prlimit --nofile=N:N} where that
     * raises its open-file limit ({@link OpenFileLimit}): each connection it opens is a file descriptor.
     */
    List<String> loadGeneratorPrefixFor(CpuSet cpus) {
        List<String> prefix = new ArrayList<>(prefixFor(cpus));
        openFiles.ifPresent(limit -> prefix.addAll(limit.prefix(prlimit)));
        return prefix;
    }

    /** The load generator's open-file limit in words, for the run's header; empty where it is not known. */
    Optional<String> loadGeneratorOpenFiles() {
        return openFiles.map(limit -> limit.describe(prlimit));
    }

    /** {@code taskset -c CPUS java -XX:ActiveProcessorCount=N FLAGS}; without taskset, unpinned. */
    List<String> javaOn(CpuSet cpus, List<String> flags) {
        List<String> command = new ArrayList<>(prefixFor(cpus));
        command.add(java);
        command.add("-XX:ActiveProcessorCount=" + cpus.size());
        command.addAll(flags);
        return command;
    }

    public List<String> jvmFlags(String file) throws IOException {
        return JvmFlags.read(root.resolve(file));
    }

    /** {@code <module>/target/<module>-<version>-all.jar}, which {@code ./bench} builds before a run. */
    public Path runnableJar(String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> jars = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return jars.filter(p -> p.getFileName().toString().matches(module + "-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no runnable jar in " + target + "; build it with ./bench"));
        }
    }

    /** The implementations: every {@code *-impl} module of the project, by name. */
    public List<String> implementations() throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(SERVER_SUFFIX))
                    .map(name -> name.substring(0, name.length() - SERVER_SUFFIX.length()))
                    .sorted()
                    .toList();
        }
    }
}
