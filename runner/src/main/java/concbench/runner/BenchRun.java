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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./bench run}: every (implementation, scenario) of the plan, trial after trial, interleaved across the
 * implementations (A B C D A B C D ...) so that a machine that drifts during the run does not favour one. Each
 * trial's result is written as soon as it is known; Ctrl-C or SIGTERM stops the children, keeps every finished
 * trial and marks the run interrupted.
 */
public final class BenchRun {
    static final int SOME_TRIAL_FAILED = 1;
    /** The hosts file or a host cannot be used: refused before anything starts, as a bad option is. */
    static final int HOSTS_REFUSED = 2;
    private static final Path PROC = Path.of("/proc");

    private final RunOptions options;
    private final PrintStream out;
    private final Launcher launcher;
    private final CpuLayout layout;
    private final List<TrialResult> results = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;
    private Trials trials;

    private BenchRun(RunOptions options, Launcher launcher, CpuLayout layout, PrintStream out) {
        this.options = options;
        this.launcher = launcher;
        this.layout = layout;
        this.out = out;
    }

    /** Writes the report of a run folder and prints where, or why it could not: {@code ./bench report}. */
    @FunctionalInterface
    public interface ReportWriter {
        void write(Path runFolder);
    }

    /**
     * A run of what the user chose, checked before anything starts: its options, its CPU layout and each variant's
     * server options (the variant's server jar asked).
     *
     * @param root the conc-bench checkout, whose jars and {@code config/} the run uses
     * @throws IllegalArgumentException naming what is wrong with the choices
     */
    public static BenchRun prepare(RunChoices choices, Path root, PrintStream out)
            throws IOException, InterruptedException {
        Launcher launcher = new Launcher(root);
        RunOptions options = RunOptions.of(choices, root, launcher.implementations());
        CpuLayout layout = CpuLayout.derive(availableCpus()).override(options.serverCpus(),
                options.loadGeneratorCpus(), options.backendCpus());
        ServerOptionsCheck.check(options.implementations(), launcher);
        return new BenchRun(options, launcher, layout, out);
    }

    /**
     * Runs it to the end, or until Ctrl-C or SIGTERM (a shutdown hook stops the children and waits for the
     * finished trials to be kept), then has {@code report} write the report.
     *
     * @return 0 when every trial passed, 1 when one failed or the run was interrupted
     */
    public int execute(ReportWriter report) throws IOException, InterruptedException {
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> interrupt(main), "interrupt");
        // Left in place when the run ends: it does nothing once the run has finished.
        Runtime.getRuntime().addShutdownHook(hook);
        return execute(() -> report.write(options.out()));
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

    private int execute(Runnable writeReport) throws IOException, InterruptedException {
        try {
            Files.createDirectories(options.out());
            Profile profile = options.profile();
            List<ScenarioRow> rows = ScenarioRow.of(options.scenarios(), profile.fanoutCalls());
            int total = targets().size() * rows.size() * profile.trials();
            boolean interactive = System.console() != null && System.console().isTerminal();
            Progress progress = new Progress(out, interactive, profile, total);
            if (options.hosts() != null) {
                return executeOnHosts(progress, rows, total, writeReport);
            }
            trials = new TrialRunner(options, layout, launcher, progress, PROC);
            RunManifest manifest = RunStart.manifest(options, layout, launcher,
                    EnvironmentProbe.probe(options.root()));
            return execute(manifest, progress, rows, total, writeReport);
        } finally {
            finished.countDown();
        }
    }

    /**
     * A run on the machines of the hosts file: every host checked and given its files before anything starts on
     * any of them; one that cannot be used ends the run with the reason and {@link #HOSTS_REFUSED}.
     */
    private int executeOnHosts(Progress progress, List<ScenarioRow> rows, int total, Runnable writeReport)
            throws IOException, InterruptedException {
        HostsFile file;
        try {
            file = HostsFile.read(options.hosts());
        } catch (IllegalArgumentException e) {
            out.println("bench run: " + e.getMessage());
            return HOSTS_REFUSED;
        }
        RemoteHosts hosts;
        try {
            hosts = RemoteHosts.open(file, options.root(), filesByRole(), line -> out.println("hosts: " + line));
        } catch (RemoteHosts.HostsRefused | IOException e) {
            // Refused, or a host failed while it was made ready (shipping, clocks): no process of the run started.
            out.println("bench run: cannot run on the hosts of " + options.hosts() + ", nothing was started:");
            e.getMessage().lines().forEach(reason -> out.println("  " + reason));
            return HOSTS_REFUSED;
        }
        try (hosts) {
            RemoteTrialRunner remote = new RemoteTrialRunner(options, hosts, launcher, progress);
            trials = remote;
            RunManifest manifest = RunStart.manifest(options, remote.layout(), launcher,
                    EnvironmentProbe.probe(options.root())).on(hosts.records());
            return execute(manifest, progress, rows, total, writeReport);
        }
    }

    /**
     * What each role runs, relative to the project root: its jars and the config they read, and on every host the
     * runner's jar, whose sampler reads the host's process there.
     */
    private Map<Role, List<Path>> filesByRole() throws IOException {
        Path root = options.root();
        Path backend = root.relativize(launcher.runnableJar(Launcher.BACKEND));
        Path runner = root.relativize(launcher.runnableJar(Launcher.CLI));
        List<Path> server = new ArrayList<>(List.of(Launcher.CONFIG, backend, runner));
        for (String implementation : options.implementations()) {
            server.add(root.relativize(launcher.runnableJar(
                    Launcher.serverModule(Variant.parse(implementation).implementation()))));
        }
        return Map.of(Role.SERVER, server,
                Role.BACKEND, List.of(Launcher.CONFIG, backend, runner),
                Role.LOADGEN, List.of(Launcher.CONFIG, GatlingCommand.MODULE_JAR, GatlingCommand.LIBRARIES, runner));
    }

    /** The trials of the plan, round after round, each result written as it comes; then the report. */
    private int execute(RunManifest manifest, Progress progress, List<ScenarioRow> rows, int total,
            Runnable writeReport) throws IOException, InterruptedException {
        Profile profile = options.profile();
        List<String> targets = targets();
        printHeader(manifest, rows, total);
        ResultFiles.write(options.out().resolve(RunManifest.FILE), manifest);
        int index = 0;
        boolean complete = false;
        try {
            trials.prepare(out::println);
            if (interrupted) {
                return SOME_TRIAL_FAILED;
            }
            for (int trial = 1; trial <= profile.trials(); trial++) {
                for (ScenarioRow row : rows) {
                    for (String implementation : targets) {
                        progress.trialStarted(++index, implementation, row.key(), trial);
                        TrialResult result = trials.run(implementation, row.scenario(), row.width(), trial);
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
            writeReport.run();
            return results.stream().allMatch(TrialResult::ok) ? 0 : SOME_TRIAL_FAILED;
        } finally {
            if (interrupted && !complete) {
                ResultFiles.write(options.out().resolve(RunManifest.FILE),
                        manifest.finished(RunManifest.INTERRUPTED, results));
                // The shutdown hook interrupted this thread to stop the trial; the report must still be waited for.
                Thread.interrupted();
                writeReport.run();
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

    private void printHeader(RunManifest manifest, List<ScenarioRow> rows, int total) {
        Profile profile = options.profile();
        out.printf("conc-bench run, profile %s: %s x %s x %d trial(s) = %d trials, up to %s%n", profile.name(),
                targets(), rows.stream().map(ScenarioRow::key).toList(), profile.trials(), total,
                Progress.clock(java.time.Duration.ofSeconds(profile.worstCaseSeconds(targets().size(), rows.size()))
                        .toNanos()));
        for (ScenarioRow row : rows) {
            out.printf("ladder %-10s %s req/s, %d s a step%n", row.key(), row.scenario().rates(profile, row.width()),
                    profile.rateSeconds());
        }
        if (manifest.topology() == null) {
            out.println("CPU layout: " + layout + (launcher.canPin() ? "" : " (NOT pinned: taskset is missing)"));
            launcher.loadGeneratorOpenFiles().ifPresent(limit -> out.println("open files: " + limit
                    + " for the load generator"));
        } else {
            manifest.topology().forEach(host -> out.println("host:       " + host.label() + " " + host.destination()
                    + " (" + host.address() + "), CPUs " + host.cpus() + " of " + host.cores() + ", " + host.cpuModel()
                    + ", JDK " + host.jdk() + (host.rttToServerMs() == null ? ""
                    : String.format(Locale.ROOT, ", round trip to the server %.3f ms", host.rttToServerMs()))));
        }
        manifest.warnings().forEach(warning -> out.println("warning: " + warning));
        out.println("results:    " + options.out());
        out.println("started:    " + Instant.now());
    }
}
