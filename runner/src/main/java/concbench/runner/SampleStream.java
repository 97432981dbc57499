package concbench.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The runner's {@link ProcSampler} on another host of a run on several machines, started there over SSH under the
 * remote guard: {@code java -cp cli.jar concbench.runner.SampleStream SERVER_PID GENERATOR_PID BACKEND_PID
 * [SERVER_JAR]} ({@value ProcSampler#NO_PROCESS} for a process it does not watch) samples that host's server, its
 * Gatling, or its back end, as on one machine, and streams each sample to its standard output as a line
 * ({@link ProcSampler.Sample#line()}), which the runner reads back ({@link RemoteSampler}); its first line says
 * where it may run. The server's jar gives its thread roles. It runs until the guard stops it, or a process it
 * watches is gone: it says why on a last line and exits 1.
 */
final class SampleStream {
    /** What starts the last line, when sampling stopped before it was stopped. */
    static final String FAILURE = "failure: ";
    /** The position of the optional server jar among the arguments, after the three process ids. */
    private static final int SERVER_JAR = 3;

    /**
     * What starts the first line: the CPUs the sampler may run on ({@code Cpus_allowed_list}), so that its log shows
     * where it was pinned.
     */
    static final String CPUS = "cpus ";
    private static final String CPUS_ALLOWED = "Cpus_allowed_list:";

    private SampleStream() {
    }

    private static String cpusAllowed() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(CPUS_ALLOWED))
                .map(line -> line.substring(CPUS_ALLOWED.length()).strip()).findFirst().orElse("unknown");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long serverPid = Long.parseLong(args[0]);
        long generatorPid = Long.parseLong(args[1]);
        long backendPid = Long.parseLong(args[2]);
        ThreadRoles roles = args.length > SERVER_JAR ? ThreadRoles.ofJar(Path.of(args[SERVER_JAR]))
                : ThreadRoles.parse("", "none");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(CPUS + cpusAllowed());
        try (ProcSampler sampler = new ProcSampler(Path.of("/proc"), serverPid, generatorPid, backendPid, roles)) {
            int sent = 0;
            while (sampler.failure().isEmpty()) {
                Thread.sleep(ProcSampler.INTERVAL_MS);
                List<ProcSampler.Sample> samples = sampler.samples();
                samples.subList(sent, samples.size()).forEach(sample -> out.println(sample.line()));
                sent = samples.size();
            }
            out.println(FAILURE + sampler.failure().get());
        }
        System.exit(1);
    }
}
