package concbench.cli;

import concbench.formats.JmhResults;
import concbench.report.ReportCommand;
import concbench.runner.Launcher;
import concbench.runner.process.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./bench jmh} (jmh/README.md): the microbenchmarks jar as a process of its own, its forks started with the
 * servers' JVM flags, its JSON written to a fresh results folder, then the report of it, written in this JVM.
 */
@Command(name = "jmh",
        description = {"Run the microbenchmarks into results/jmh-<time>/jmh.json (or DIR), then report on them.",
                "Arguments after the options go to JMH as they are: a benchmark regex, -prof gc, -p tasks=1000, ...",
                "Exit status: JMH's."})
final class Jmh implements Callable<Integer> {
    @Mixin
    HelpOption help;

    /**
     * One fork per benchmark, short warm-up and measurement, three task counts, and a failing benchmark fails the
     * run: rough figures in under 3 minutes on 2 cores, for CI. The benchmarks' own defaults are the honest ones.
     */
    static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "300ms", "-i", "2", "-r", "300ms",
            "-p", "tasks=1,100,1000", "-foe", "true");
    static final String PROFILER = "concbench.jmh.FootprintProfiler";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @ParentCommand
    Bench bench;

    @Option(names = "--quick", description = "rough figures in about 80 s on 2 cores, for CI")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/jmh-<time>)")
    Path out;

    @Parameters(paramLabel = "JMH_ARGS", description = "for JMH: a benchmark regex, its options")
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = Bench.root();
        Path dir = out != null ? out : root.resolve("results").resolve("jmh-" + LocalDateTime.now().format(STAMP));
        Files.createDirectories(dir);
        Path json = dir.resolve(JmhResults.FILE);
        Path log = dir.resolve("jmh.log");
        Launcher launcher = new Launcher(root);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", launcher.runnableJar("jmh").toString()));
        if (quick) {
            command.addAll(QUICK);
        }
        command.addAll(List.of("-jvmArgsAppend", String.join(" ", launcher.jvmFlags(Launcher.SERVER_FLAGS)),
                "-prof", PROFILER, "-rf", "json", "-rff", json.toString()));
        command.addAll(jmhArgs);
        int status;
        try (ChildProcess jmh = ChildProcess.start("JMH", command, log, bench.out::println)) {
            // Ctrl-C reaches JMH too (it shares the terminal); this stops it should only this JVM be told to stop.
            Thread stop = new Thread(jmh::close, "stop-jmh");
            Runtime.getRuntime().addShutdownHook(stop);
            status = jmh.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        if (!Files.isRegularFile(json)) {
            bench.err.println("bench: no results written (log: " + log + ")");
            return status;
        }
        bench.err.println("bench: results: " + json + " (log: " + log + ")");
        if (ReportCommand.write(dir, bench.out, bench.err) != ReportCommand.WRITTEN) {
            bench.err.println("bench: the report could not be written");
        }
        return status;
    }
}
