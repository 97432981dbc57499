package concbench.runner.gatling;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line that runs one simulation in a JVM of its own, as a plain {@code java} process with no build
 * tool in between: the {@code gatling} module's jar and the libraries it copies beside it at {@code package}, the
 * flags of {@code config/loadgen-jvm.flags}, the simulation's parameters as system properties, and Gatling's own
 * launcher.
 *
 * @param projectRoot     the conc-bench checkout, where {@code gatling/target} and {@code config/} are
 * @param simulationClass e.g. {@link concbench.gatling.names.Simulations#HELLO}
 * @param properties      the simulation's parameters, e.g. {@code levels=16,64,256}; see {@code gatling/README.md}
 * @param resultsFolder   where Gatling makes the run's folder: {@code simulation.log} and the HTML report
 * @param prefix          what runs the JVM, e.g. {@code taskset -c 1} to pin it; empty for nothing
 * @param htmlReport      whether Gatling writes its HTML report after the run
 * @param cacheFlags      JVM flags beside the flags file's that start it from, or make, its {@link AotCache}
 */
public record GatlingCommand(Path projectRoot, String simulationClass, Map<String, String> properties,
        Path resultsFolder, List<String> prefix, boolean htmlReport, List<String> cacheFlags) {

    /** Gatling's command-line entry point, the one its bundle and build plugins start. */
    static final String LAUNCHER = "io.gatling.app.Gatling";
    static final Path FLAGS_FILE = Path.of("config", "loadgen-jvm.flags");
    public static final Path MODULE_JAR = Path.of("gatling", "target", "gatling.jar");
    public static final Path LIBRARIES = Path.of("gatling", "target", "lib");

    public GatlingCommand {
        projectRoot = projectRoot.toAbsolutePath();
        resultsFolder = resultsFolder.toAbsolutePath();
        properties = Map.copyOf(properties);
        prefix = List.copyOf(prefix);
        cacheFlags = List.copyOf(cacheFlags);
    }

    /** With no AOT cache. */
    public GatlingCommand(Path projectRoot, String simulationClass, Map<String, String> properties,
            Path resultsFolder, List<String> prefix, boolean htmlReport) {
        this(projectRoot, simulationClass, properties, resultsFolder, prefix, htmlReport, List.of());
    }

    /** No prefix, with the HTML report. */
    public static GatlingCommand of(Path projectRoot, String simulationClass, Map<String, String> properties,
            Path resultsFolder) {
        return new GatlingCommand(projectRoot, simulationClass, properties, resultsFolder, List.of(), true);
    }

    public GatlingCommand withPrefix(List<String> newPrefix) {
        return new GatlingCommand(projectRoot, simulationClass, properties, resultsFolder, newPrefix, htmlReport,
                cacheFlags);
    }

    public GatlingCommand withHtmlReport(boolean newHtmlReport) {
        return new GatlingCommand(projectRoot, simulationClass, properties, resultsFolder, prefix, newHtmlReport,
                cacheFlags);
    }

    /**
     * The whole command line.
     *
     * @throws IOException when the flags file cannot be read, or the {@code gatling} module is not built
     */
    public List<String> toList() throws IOException {
        return toList(projectRoot, localJava());
    }

    /** The {@code java} that runs Gatling on this machine: the runner's own JDK. */
    public static String localJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The flags of {@code config/loadgen-jvm.flags} in {@code projectRoot}. */
    public static List<String> flags(Path projectRoot) throws IOException {
        return JvmFlags.read(projectRoot.toAbsolutePath().resolve(FLAGS_FILE));
    }

    /**
     * The command line for a host the project's files were shipped to: its jars under {@code hostRoot}, run by
     * {@code java}; the results folder as given.
     */
    public List<String> toList(Path hostRoot, String java) throws IOException {
        if (!Files.isRegularFile(projectRoot.resolve(MODULE_JAR))
                || !Files.isDirectory(projectRoot.resolve(LIBRARIES))) {
            throw new IOException("the gatling module is not built (no " + projectRoot.resolve(MODULE_JAR) + " or "
                    + projectRoot.resolve(LIBRARIES) + "): build it with ./mvnw -pl gatling -am package");
        }
        Path jar = hostRoot.resolve(MODULE_JAR);
        Path libraries = hostRoot.resolve(LIBRARIES);
        List<String> command = new ArrayList<>(prefix);
        command.add(java);
        command.addAll(flags(projectRoot));
        command.addAll(cacheFlags);
        // The JVM expands a class-path entry ending in '*' to every jar of that folder.
        command.add("-cp");
        command.add(jar + File.pathSeparator + libraries.resolve("*"));
        new TreeMap<>(properties).forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(LAUNCHER);
        command.add("--simulation");
        command.add(simulationClass);
        command.add("--results-folder");
        command.add(resultsFolder.toString());
        if (!htmlReport) {
            command.add("--no-reports");
        }
        return command;
    }

    /** A process builder for {@link #toList}, run from the project root, with stderr merged into stdout. */
    public ProcessBuilder processBuilder() throws IOException {
        return new ProcessBuilder(toList())
                .directory(projectRoot.toFile())
                .redirectErrorStream(true);
    }
}
