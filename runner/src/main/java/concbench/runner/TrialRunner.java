package concbench.runner;

import concbench.contract.Variant;
import concbench.formats.CpuLayout;
import concbench.formats.PhaseResult;
import concbench.formats.Profile;
import concbench.formats.ResultFiles;
import concbench.formats.TrialResult;
import concbench.runner.gatling.GatlingCommand;
import concbench.runner.gatling.GatlingProcess;
import concbench.runner.gatling.PhaseName;
import concbench.runner.gatling.SimulationStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one trial the way a user would: the back end and the server as their own pinned JVMs, a
 * live contract check, Gatling forked on its own CPUs while {@link ProcSampler} watches the cost, then the
 * numbers read from Gatling's records. Whatever fails becomes a failed result with its reason; only an interrupt
 * of the whole run escapes.
 */
final class TrialRunner implements Trials {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVER_WATCH = Duration.ofMillis(250);
    /**
     * How long after the profile's longest warm-up Gatling ends its warm-up by itself: only if the runner could
     * not tell it to, since the runner ends it at the longest warm-up.
     */
    private static final int WARMUP_BACKSTOP_SECONDS = 10;
    static final String WARMUP_PROGRESS = "warmup.progress";
    static final String WARMUP_DONE = "warmup.done";
    static final String FLOOR_SIMULATION = "concbench.gatling.FloorSimulation";
    /** A server that dies makes its threads unreadable a moment before the runner sees it exit. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final RunOptions options;
    private final CpuLayout layout;
    private final Launcher launcher;
    private final Progress progress;
    private final Path procRoot;
    /** The children of the trial in progress, so that an interrupt of the run can stop them. */
    private final List<AutoCloseable> running = new ArrayList<>();

    TrialRunner(RunOptions options, CpuLayout layout, Launcher launcher, Progress progress, Path procRoot) {
        this.options = options;
        this.layout = layout;
        this.launcher = launcher;
        this.progress = progress;
        this.procRoot = procRoot;
    }

    /**
     * One trial of a server, or of the floor when {@code implementation} is {@value TrialResult#FLOOR}.
     *
     * @param implementation an implementation or a variant, by its {@link Variant} name, or the floor
     */
    @Override
    public TrialResult run(String implementation, Scenario scenario, int trial) throws InterruptedException {
        Variant variant = Variant.parse(implementation);
        String id = TrialResult.id(implementation, scenario.label(), trial);
        Instant started = Instant.now();
        Path logs = options.out().resolve("logs");
        Path gatlingDir = options.out().resolve("gatling").resolve(id);
        boolean floor = implementation.equals(TrialResult.FLOOR);
        ChildProcess server = null;
        try {
            Files.createDirectories(logs);
            Files.createDirectories(gatlingDir);
            ThreadRoles roles = ThreadRoles.ofJar(launcher.runnableJar(floor ? Launcher.BACKEND
                    : Launcher.serverModule(variant.implementation())));
            if (floor) {
                // The floor: the back end itself as the target, on the server's CPUs, calling nothing.
                progress.step("starting the back end as the floor on CPUs " + layout.server());
                server = track(ChildProcess.start(implementation, launcher.backend(layout.server()),
                        logs.resolve(id + ".server.log"), line -> { }));
                int port = server.awaitListening(START_TIMEOUT);
                return load(implementation, scenario, trial, started, server, null, port, gatlingDir, roles);
            }
            // Started for hello too: the contract check before measuring includes a fan-out. It idles then.
            ChildProcess backend = track(ChildProcess.start("backend", launcher.backend(layout.backend()),
                    logs.resolve(id + ".backend.log"), line -> { }));
            String backendUrl = "http://127.0.0.1:" + backend.awaitListening(START_TIMEOUT);
            progress.step("starting the server on CPUs " + layout.server());
            server = track(ChildProcess.start(implementation,
                    launcher.server(variant, layout.server(), backendUrl),
                    logs.resolve(id + ".server.log"), line -> { }));
            int port = server.awaitListening(START_TIMEOUT);
            // The Server header names the implementation, whatever its options.
            Optional<String> wrong = ContractCheck.failure(variant.implementation(), port);
            if (wrong.isPresent()) {
                return failed(implementation, scenario, trial, started, "failed verification: " + wrong.get(),
                        server.tail());
            }
            return load(implementation, scenario, trial, started, server, backend, port, gatlingDir, roles);
        } catch (ChildProcess.StartFailure e) {
            return failed(implementation, scenario, trial, started, e.getMessage(), e.logTail());
        } catch (IOException | RuntimeException e) {
            return failed(implementation, scenario, trial, started, e.toString(), server == null ? "" : server.tail());
        } finally {
            stopAll();
        }
    }

    /** @param backend null for the floor, which calls no back end */
    private TrialResult load(String implementation, Scenario scenario, int trial, Instant started,
            ChildProcess server, ChildProcess backend, int port, Path gatlingDir, ThreadRoles roles)
            throws IOException, InterruptedException {
        progress.step((backend == null ? "" : "verified; ") + "loading it with Gatling on CPUs "
                + layout.loadGenerator());
        Profile profile = options.profile();
        Path warmupProgress = gatlingDir.resolve(WARMUP_PROGRESS);
        Path warmupDone = gatlingDir.resolve(WARMUP_DONE);
        // Threads that cannot be read fail the trial before any load, with the reason.
        try {
            new ThreadCpu(procRoot, server.pid(), roles).read();
        } catch (IOException e) {
            return failed(implementation, scenario, trial, started, "cannot read the server's threads from "
                    + procRoot + ": " + e, server.tail());
        }
        progress.loadStarted();
        GatlingCommand command = new GatlingCommand(options.root(),
                implementation.equals(TrialResult.FLOOR) ? FLOOR_SIMULATION : scenario.simulation(),
                simulationProperties(options.profile(), scenario, "http://127.0.0.1:" + port,
                        implementation.equals(TrialResult.FLOOR), warmupProgress, warmupDone),
                gatlingDir, launcher.prefixFor(layout.loadGenerator()), true);
        GatlingProcess gatling = track(GatlingProcess.start(command, progress::gatlingSaid));
        ProcSampler sampler = new ProcSampler(procRoot, server.pid(), gatling.process().pid(),
                backend == null ? ProcSampler.NO_PROCESS : backend.pid(), roles);
        WarmupMonitor warmup = new WarmupMonitor(warmupProgress, warmupDone, sampler,
                Duration.ofSeconds(profile.warmupMinSeconds()), Duration.ofSeconds(profile.warmupSeconds()));
        GatlingProcess.Result run;
        try (sampler) {
            while (!gatling.process().waitFor(SERVER_WATCH.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!server.isAlive() || sampler.failure().isPresent() && server.exitsWithin(EXIT_GRACE)) {
                    return failed(implementation, scenario, trial, started, "the server "
                            + server.exitDescription() + " during the load", server.tail());
                }
                if (sampler.failure().isPresent()) {
                    return failed(implementation, scenario, trial, started, sampler.failure().get(), server.tail());
                }
                if (warmup.poll()) {
                    progress.warmupEnded(warmup.result());
                }
            }
            run = gatling.await();
        }
        SimulationStats simulation = SimulationStats.read(run.simulationLog());
        List<String> missing = expectedPhases(options.profile(), scenario).stream()
                .filter(phase -> !simulation.phases().containsKey(phase)).toList();
        if (!missing.isEmpty()) {
            return failed(implementation, scenario, trial, started, "Gatling recorded no request of phase(s) "
                    + missing, server.tail());
        }
        boolean backendSharesGenerator = backend != null && layout.backend().overlaps(layout.loadGenerator());
        List<PhaseResult> phases = PhaseResults.of(simulation, sampler.samples(), layout, backendSharesGenerator);
        return new TrialResult(ResultFiles.FORMAT_VERSION, implementation, scenario.label(), trial,
                Variant.parse(implementation).options(), serverProperties(launcher, implementation), TrialResult.OK,
                null, null, started.toString(), Instant.now().toString(),
                options.out().relativize(run.htmlReport().orElse(run.runFolder())).toString(),
                simulation.errorsOutsideRequests(), phases, warmup.result(), roles.declared());
    }

    /** The phases a simulation of the profile runs, by the names its requests carry. */
    static List<String> expectedPhases(Profile profile, Scenario scenario) {
        List<String> phases = new ArrayList<>();
        phases.add(PhaseName.WARMUP.toString());
        profile.levels().forEach(level -> phases.add(PhaseName.sweep(level).toString()));
        phases.add(PhaseName.rate(scenario.rate(profile)).toString());
        return phases;
    }

    /**
     * The system properties the simulations read: one place that turns a profile into a Gatling run. The floor
     * asks the back end for the delay a fan-out's calls wait (none for hello).
     *
     * @param warmupProgress null for a warm-up of the profile's longest length, which the runner does not end: on
     *                       another host, where the runner cannot watch the files
     */
    static Map<String, String> simulationProperties(Profile profile, Scenario scenario, String target, boolean floor,
            Path warmupProgress, Path warmupDone) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("target", target);
        properties.put("warmupUsers", Integer.toString(profile.warmupUsers()));
        if (warmupProgress == null) {
            properties.put("warmupSeconds", Integer.toString(profile.warmupSeconds()));
        } else {
            properties.put("warmupSeconds", Integer.toString(profile.warmupSeconds() + WARMUP_BACKSTOP_SECONDS));
            properties.put("warmupProgressFile", warmupProgress.toString());
            properties.put("warmupDoneFile", warmupDone.toString());
        }
        properties.put("levels", String.join(",", profile.levels().stream().map(String::valueOf).toList()));
        properties.put("levelSeconds", Integer.toString(profile.levelSeconds()));
        properties.put("rate", Integer.toString(scenario.rate(profile)));
        properties.put("rateSeconds", Integer.toString(profile.rateSeconds()));
        properties.put("calls", Integer.toString(Scenario.FANOUT_CALLS));
        properties.put("delayMs", Integer.toString(floor && scenario == Scenario.HELLO ? 0 : Scenario.FANOUT_DELAY_MS));
        return properties;
    }

    private TrialResult failed(String implementation, Scenario scenario, int trial, Instant started, String reason,
            String logTail) {
        return failed(launcher, implementation, scenario, trial, started, reason, logTail);
    }

    static TrialResult failed(Launcher launcher, String implementation, Scenario scenario, int trial, Instant started,
            String reason, String logTail) {
        return new TrialResult(ResultFiles.FORMAT_VERSION, implementation, scenario.label(), trial,
                Variant.parse(implementation).options(), serverProperties(launcher, implementation),
                TrialResult.FAILED, reason, logTail, started.toString(), Instant.now().toString(), null, Map.of(),
                List.of(), null, null);
    }

    /** What the server ran with from {@code config/<implementation>.properties}; a file it cannot read is none. */
    static Map<String, String> serverProperties(Launcher launcher, String implementation) {
        try {
            return launcher.serverProperties(Variant.parse(implementation));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private synchronized <T extends AutoCloseable> T track(T child) {
        running.add(child);
        return child;
    }

    /** Stops every child of the trial in progress, newest first; safe to call from a shutdown hook. */
    @Override
    public synchronized void stopAll() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // stopping is best effort: the next child must still be stopped
            }
        }
        running.clear();
    }
}
