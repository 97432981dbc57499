package concbench.runner;

import concbench.contract.Variant;
import concbench.formats.CpuLayout;
import concbench.formats.CpuSet;
import concbench.formats.Profile;
import concbench.formats.ResultFiles;
import concbench.formats.RunManifest;
import concbench.formats.TrialResult;
import concbench.runner.gatling.GatlingCommand;
import concbench.runner.hosts.HostsFile;
import concbench.runner.hosts.RemoteHosts;
import concbench.runner.hosts.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench run}: every (implementation, scenario) of the plan, trial after trial, interleaved across the
 * implementations (A B C D A B C D ...) so that a machine that drifts during the run does not favour one. Each
 * trial's result is written as soon as it is known; Ctrl-C or SIGTERM stops the children, keeps every finished
 * trial and marks the run interrupted.
 */
public final class BenchRun {
    static final int USAGE_ERROR = 2;
    static final int SOME_TRIAL_FAILED = 1;
    /** The report reads a few files and writes two: seconds. Far longer means something is wrong with it. */
    private static final long REPORT_TIMEOUT_SECONDS = 120;
    private static final Path PROC = Path.of("/proc");

    private final RunOptions options;
    private final PrintStream out;
    private final Launcher launcher;
    private final CpuLayout layout;
    private final List<TrialResult> results = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;
    private Trials trials;

    BenchRun(RunOptions options, Launcher launcher, CpuLayout layout, PrintStream out) {
        this.options = options;
        this.launcher = launcher;
        this.layout = layout;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("concbench.root", ".")).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(root);
        RunOptions options;
        CpuLayout layout;
        try {
            options = RunOptions.parse(args, root, launcher.implementations());
            layout = CpuLayout.derive(availableCpus()).override(options.serverCpus(), options.loadGeneratorCpus(),
                    options.backendCpus());
            ServerOptionsCheck.check(options.implementations(), launcher);
        } catch (IllegalArgumentException e) {
            System.err.println("bench run: " + e.getMessage());
            System.err.println("options:\n" + concbench.contract.CommandLine.usage(RunOptions.OPTIONS));
            System.exit(USAGE_ERROR);
            return;
        }
        BenchRun run = new BenchRun(options, launcher, layout, System.out);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run.interrupt(main), "interrupt"));
        System.exit(run.execute());
    }

    /** The CPUs this process may run on, as the kernel says ({@code Cpus_allowed_list}). */
    static CpuSet availableCpus() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> CpuSet.parse(line.substring(line.indexOf(':') + 1)))
                    .findFirst().orElseThrow();
        } catch (IOException | RuntimeException e) {
            return CpuSet.parse("0-" + (Runtime.getRuntime().availableProcessors() - 1));
        }
    }

    int execute() throws IOException, InterruptedException {
        try {
            return executeRun();
        } finally {
            finished.countDown();
        }
    }

    private int executeRun() throws IOException, InterruptedException {
        Files.createDirectories(options.out());
        Profile profile = options.profile();
        List<String> targets = targets();
        int total = targets.size() * options.scenarios().size() * profile.trials();
        boolean interactive = System.console() != null && System.console().isTerminal();
        Progress progress = new Progress(out, interactive, profile, total);
        if (options.hosts() != null) {
            return executeOnHosts(progress, total);
        }
        trials = new TrialRunner(options, layout, launcher, progress, PROC);
        RunManifest manifest = RunStart.manifest(options, layout, launcher, EnvironmentProbe.probe(options.root()));
        return execute(manifest, progress, total);
    }

    /**
     * A run on the machines of the hosts file: every host checked and given its files before anything starts on
     * any of them; one that cannot be used ends the run with the reason and {@link #USAGE_ERROR}.
     */
    private int executeOnHosts(Progress progress, int total) throws IOException, InterruptedException {
        HostsFile file;
        try {
            file = HostsFile.read(options.hosts());
        } catch (IllegalArgumentException e) {
            out.println("bench run: " + e.getMessage());
            return USAGE_ERROR;
        }
        RemoteHosts hosts;
        try {
            hosts = RemoteHosts.open(file, options.root(), filesByRole(), line -> out.println("hosts: " + line));
        } catch (RemoteHosts.HostsRefused e) {
            out.println("bench run: cannot run on the hosts of " + options.hosts() + ", nothing was started:");
            e.getMessage().lines().forEach(reason -> out.println("  " + reason));
            return USAGE_ERROR;
        }
        try (hosts) {
            RemoteTrialRunner remote = new RemoteTrialRunner(options, hosts, launcher, progress);
            trials = remote;
            RunManifest manifest = RunStart.manifest(options, remote.layout(), launcher,
                    EnvironmentProbe.probe(options.root())).on(hosts.records());
            return execute(manifest, progress, total);
        }
    }

    /** What each role runs, relative to the project root: its jars and the config they read. */
    private Map<Role, List<Path>> filesByRole() throws IOException {
        Path root = options.root();
        List<Path> server = new ArrayList<>(List.of(Path.of("config"),
                root.relativize(launcher.runnableJar(Launcher.BACKEND))));
        for (String implementation : options.implementations()) {
            server.add(root.relativize(launcher.runnableJar(
                    Launcher.serverModule(Variant.parse(implementation).implementation()))));
        }
        return Map.of(Role.SERVER, server,
                Role.BACKEND, List.of(Path.of("config"), root.relativize(launcher.runnableJar(Launcher.BACKEND))),
                Role.LOADGEN, List.of(Path.of("config"), GatlingCommand.MODULE_JAR, GatlingCommand.LIBRARIES,
                        root.relativize(launcher.runnableJar("runner"))));
    }

    private int execute(RunManifest manifest, Progress progress, int total) throws IOException, InterruptedException {
        Profile profile = options.profile();
        printHeader(manifest, total);
        ResultFiles.write(options.out().resolve(RunManifest.FILE), manifest);
        int index = 0;
        boolean complete = false;
        try {
            for (int trial = 1; trial <= profile.trials(); trial++) {
                for (Scenario scenario : options.scenarios()) {
                    for (String implementation : targets()) {
                        progress.trialStarted(++index, implementation, scenario, trial);
                        TrialResult result = trials.run(implementation, scenario, trial);
                        if (interrupted) {
                            return SOME_TRIAL_FAILED;
                        }
                        ResultFiles.write(options.out().resolve(result.fileName()), result);
                        results.add(result);
                        progress.trialFinished(Summary.outcome(result));
                    }
                }
            }
            ResultFiles.write(options.out().resolve(RunManifest.FILE), manifest.finished(RunManifest.COMPLETE, results));
            complete = true;
            out.println();
            out.print(Summary.table(results));
            out.println("results: " + options.out());
            writeReport();
            return results.stream().allMatch(TrialResult::ok) ? 0 : SOME_TRIAL_FAILED;
        } finally {
            if (interrupted && !complete) {
                ResultFiles.write(options.out().resolve(RunManifest.FILE),
                        manifest.finished(RunManifest.INTERRUPTED, results));
                // The shutdown hook interrupted this thread to stop the trial; the report must still be waited for.
                Thread.interrupted();
                writeReport();
            }
        }
    }

    /**
     * What each scenario of each trial round measures: every implementation, then the floor (the back end itself
     * through the same phases, on the server's CPUs), interleaved with them so that a machine that drifts moves
     * the floor with the servers.
     */
    private List<String> targets() {
        List<String> targets = new ArrayList<>(options.implementations());
        if (options.floor()) {
            targets.add(TrialResult.FLOOR);
        }
        return List.copyOf(targets);
    }

    /**
     * Writes {@code report.html} and {@code summary.md} into the run folder once {@code run.json} is final, and
     * prints where. The report is a view of the results: when it fails, the run says so and nothing else changes,
     * neither the results nor the exit status. Its output is kept in {@code logs/report.log}.
     */
    private void writeReport() {
        Path log = options.out().resolve("logs").resolve("report.log");
        try {
            Files.createDirectories(log.getParent());
            Process report = new ProcessBuilder(launcher.report(options.out())).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!report.waitFor(REPORT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                report.destroyForcibly();
                out.println("report: not written, it took over " + REPORT_TIMEOUT_SECONDS + " s (see " + log + ")");
                return;
            }
            String printed = Files.readString(log).strip();
            out.println(report.exitValue() == 0 ? printed
                    : "report: not written (exit " + report.exitValue() + "): " + printed);
        } catch (IOException e) {
            out.println("report: not written: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("report: not written, the run was stopped meanwhile; ./bench report " + options.out()
                    + " writes it");
        }
    }

    /** From the shutdown hook: stop the children, let the main loop record what was finished, then exit. */
    private void interrupt(Thread main) {
        if (finished.getCount() == 0) {
            return;
        }
        interrupted = true;
        out.println();
        out.println("interrupted: stopping the server and the load generator");
        if (trials != null) {
            trials.stopAll();
        }
        main.interrupt();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("kept " + results.size() + " finished trial(s) in " + options.out());
    }

    private void printHeader(RunManifest manifest, int total) {
        Profile profile = options.profile();
        out.printf("conc-bench run, profile %s: %s x %s x %d trial(s) = %d trials, up to about %s%n", profile.name(),
                targets(), options.scenarios().stream().map(Scenario::label).toList(),
                profile.trials(), total,
                Progress.clock(java.time.Duration.ofSeconds((long) total * (profile.loadSeconds() + 15)).toNanos()));
        if (manifest.topology() == null) {
            out.println("CPU layout: " + layout + (launcher.canPin() ? "" : " (NOT pinned: taskset is missing)"));
        } else {
            manifest.topology().forEach(host -> out.println("host:       " + host.label() + " " + host.destination()
                    + " (" + host.address() + "), CPUs " + host.cpus() + " of " + host.cores() + ", " + host.cpuModel()
                    + ", JDK " + host.jdk() + (host.rttToServerMs() == null ? ""
                    : String.format(", round trip to the server %.3f ms", host.rttToServerMs()))));
        }
        manifest.warnings().forEach(warning -> out.println("warning: " + warning));
        out.println("results:    " + options.out());
        out.println("started:    " + Instant.now());
    }
}
