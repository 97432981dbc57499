package concbench.runner;

import static concbench.gatling.names.SimulationProperties.CALLS;
import static concbench.gatling.names.SimulationProperties.DELAY_MS;
import static concbench.gatling.names.SimulationProperties.LADDER_END_FILE;
import static concbench.gatling.names.SimulationProperties.LEVELS;
import static concbench.gatling.names.SimulationProperties.LEVEL_SECONDS;
import static concbench.gatling.names.SimulationProperties.RATES;
import static concbench.gatling.names.SimulationProperties.RATE_SECONDS;
import static concbench.gatling.names.SimulationProperties.TARGET;
import static concbench.gatling.names.SimulationProperties.TARGET_FILE;
import static concbench.gatling.names.SimulationProperties.WARMUP_DONE_FILE;
import static concbench.gatling.names.SimulationProperties.WARMUP_PROGRESS_FILE;
import static concbench.gatling.names.SimulationProperties.WARMUP_SECONDS;
import static concbench.gatling.names.SimulationProperties.WARMUP_USERS;

import concbench.contract.Variant;
import concbench.formats.CpuLayout;
import concbench.formats.Ladder;
import concbench.formats.PhaseResult;
import concbench.formats.Profile;
import concbench.formats.ResultFiles;
import concbench.formats.TrialResult;
import concbench.gatling.names.PhaseName;
import concbench.gatling.names.Simulations;
import concbench.runner.gatling.AotCache;
import concbench.runner.gatling.GatlingCommand;
import concbench.runner.gatling.GatlingProcess;
import concbench.runner.gatling.SimulationStats;
import concbench.runner.process.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one trial the way a user would: the back end and the server as their own pinned JVMs, a
 * live contract check, Gatling forked on its own CPUs (started with the server, released after the check) while
 * {@link ProcSampler} watches the cost, then the
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
    /** Where Gatling says why it ended the ladder early: the step the server could not keep, and why. */
    static final String LADDER_END = "ladder.end";
    /** Where Gatling, started beside the server, finds the server's URL once the server passed its check. */
    static final String TARGET_FILE_NAME = "target";
    /** A server that dies makes its threads unreadable a moment before the runner sees it exit. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
    /**
     * The training run of the load generator's AOT cache: the floor's phases, short, at rates any machine sustains,
     * so that the HTTP client's code paths of every phase are loaded and profiled.
     */
    private static final Map<String, String> TRAINING = Map.of(WARMUP_SECONDS, "2", WARMUP_USERS, "16",
            LEVELS, "64", LEVEL_SECONDS, "1", RATES, "250", RATE_SECONDS, "1", DELAY_MS, "0");

    private final RunOptions options;
    private final CpuLayout layout;
    private final Launcher launcher;
    private final Progress progress;
    private final Path procRoot;
    /** The children of the trial in progress, so that an interrupt of the run can stop them. */
    private final List<AutoCloseable> running = new ArrayList<>();
    /** What starts every trial's Gatling from the load generator's AOT cache; none until {@link #prepare}. */
    private List<String> cacheFlags = List.of();

    TrialRunner(RunOptions options, CpuLayout layout, Launcher launcher, Progress progress, Path procRoot) {
        this.options = options;
        this.layout = layout;
        this.launcher = launcher;
        this.progress = progress;
        this.procRoot = procRoot;
    }

    /**
     * Makes the load generator's AOT cache when this build has none ({@link AotCache}): one short run of the floor's
     * simulation, the back end on the server's CPUs and Gatling on its own, as in a floor trial. Every trial's
     * Gatling then starts from it.
     */
    @Override
    public void prepare(Consumer<String> say) throws InterruptedException {
        try {
            AotCache cache = AotCache.of(options.root(), GatlingCommand.localJava(),
                    GatlingCommand.flags(options.root()));
            if (!cache.exists()) {
                say.accept("load generator: making its AOT cache, once per build: " + cache.file());
                train(cache);
            }
            cacheFlags = cache.useFlags();
            say.accept("load generator: started from its AOT cache " + cache.file());
        } catch (ChildProcess.StartFailure | IOException | RuntimeException e) {
            say.accept("load generator: starts without an AOT cache, slower (" + e.getMessage() + ")");
        } finally {
            stopAll();
        }
    }

    private void train(AotCache cache) throws IOException, InterruptedException, ChildProcess.StartFailure {
        Path folder = cache.file().getParent();
        Path results = folder.resolve("training");
        Files.createDirectories(folder);
        Files.deleteIfExists(cache.pending());
        ChildProcess backend = track(ChildProcess.start("backend", launcher.backend(layout.server()),
                folder.resolve("training.backend.log"), line -> { }));
        Map<String, String> properties = new LinkedHashMap<>(TRAINING);
        properties.put(TARGET, "http://127.0.0.1:" + backend.awaitListening(START_TIMEOUT));
        GatlingCommand command = new GatlingCommand(options.root(), Simulations.FLOOR, properties, results,
                launcher.loadGeneratorPrefixFor(layout.loadGenerator()), false, cache.trainingFlags());
        track(GatlingProcess.start(command, folder.resolve("training.log"), line -> { })).await();
        if (!Files.isRegularFile(cache.pending())) {
            throw new IOException("the training run made no cache; see " + folder.resolve("training.log"));
        }
        cache.commit();
        ResultFiles.deleteTree(results);
    }

    @Override
    public TrialResult run(String implementation, Scenario scenario, int width, int trial)
            throws InterruptedException {
        Variant variant = Variant.parse(implementation);
        Trial key = Trial.of(implementation, scenario, width, trial);
        String id = key.id();
        Instant started = Instant.now();
        Path logs = options.out().resolve("logs");
        Path gatlingDir = options.out().resolve("gatling").resolve(id);
        Path gatlingLog = logs.resolve(id + ".gatling.log");
        ChildProcess server = null;
        try {
            Files.createDirectories(logs);
            Files.createDirectories(gatlingDir);
            ThreadRoles roles = ThreadRoles.ofJar(launcher.runnableJar(key.floor() ? Launcher.BACKEND
                    : Launcher.serverModule(variant.implementation())));
            if (key.floor()) {
                // The floor: the back end itself as the target, on the server's CPUs, calling nothing.
                progress.step("starting the back end as the floor on CPUs " + layout.server());
                server = track(ChildProcess.start(implementation, launcher.backend(layout.server()),
                        logs.resolve(id + ".server.log"), line -> { }));
                GatlingProcess gatling = startGatlingBesideServer(key, gatlingDir, gatlingLog);
                int port = server.awaitListening(START_TIMEOUT);
                return load(key, started, server, null, gatling, port, gatlingDir, gatlingLog, roles);
            }
            // Started for hello too: the contract check before measuring includes a fan-out. It idles then.
            ChildProcess backend = track(ChildProcess.start("backend", launcher.backend(layout.backend()),
                    logs.resolve(id + ".backend.log"), line -> { }));
            String backendUrl = "http://127.0.0.1:" + backend.awaitListening(START_TIMEOUT);
            progress.step("starting the server on CPUs " + layout.server());
            server = track(ChildProcess.start(implementation,
                    launcher.server(variant, layout.server(), backendUrl),
                    logs.resolve(id + ".server.log"), line -> { }));
            GatlingProcess gatling = startGatlingBesideServer(key, gatlingDir, gatlingLog);
            int port = server.awaitListening(START_TIMEOUT);
            // The Server header names the implementation, whatever its options.
            Optional<String> wrong = ContractCheck.failure(variant.implementation(), port);
            if (wrong.isPresent()) {
                return failed(key, started, "failed verification: " + wrong.get(),
                        server.tail());
            }
            return load(key, started, server, backend, gatling, port, gatlingDir, gatlingLog, roles);
        } catch (ChildProcess.StartFailure e) {
            return failed(key, started, e.getMessage(), e.logTail());
        } catch (IOException | RuntimeException e) {
            return failed(key, started, e.toString(), server == null ? "" : server.tail());
        } finally {
            stopAll();
        }
    }

    /**
     * Starts Gatling while the server starts, when they have CPUs of their own: Gatling's JVM takes seconds to start,
     * which it then spends beside the server's start-up instead of after it. On shared CPUs it would only slow the
     * server's start, so Gatling starts after the check ({@link #load}); null then.
     */
    private GatlingProcess startGatlingBesideServer(Trial key, Path gatlingDir, Path gatlingLog) throws IOException {
        return layout.server().overlaps(layout.loadGenerator()) ? null : startGatling(key, gatlingDir, gatlingLog);
    }

    /** Starts Gatling; its simulation waits for its target file ({@link #release}) and sends nothing before. */
    private GatlingProcess startGatling(Trial key, Path gatlingDir, Path gatlingLog) throws IOException {
        GatlingCommand command = new GatlingCommand(options.root(),
                key.floor() ? Simulations.FLOOR : key.scenario().simulation(),
                simulationProperties(key, gatlingDir), gatlingDir,
                launcher.loadGeneratorPrefixFor(layout.loadGenerator()), !options.profile().skipGatlingReports(),
                cacheFlags);
        return track(GatlingProcess.start(command, gatlingLog, progress::gatlingSaid));
    }

    /**
     * Lets the waiting Gatling load the server: writes the target file whole (a rename), so that Gatling never reads
     * half of it.
     */
    private static void release(Path gatlingDir, int port) throws IOException {
        Path written = gatlingDir.resolve(TARGET_FILE_NAME + ".tmp");
        Files.writeString(written, "http://127.0.0.1:" + port + "\n");
        Files.move(written, gatlingDir.resolve(TARGET_FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param backend null for the floor, which calls no back end
     * @param besideServer Gatling started with the server and waiting for its target, or null when it starts now
     */
    private TrialResult load(Trial key, Instant started, ChildProcess server, ChildProcess backend,
            GatlingProcess besideServer, int port, Path gatlingDir, Path gatlingLog, ThreadRoles roles)
            throws IOException, InterruptedException {
        String implementation = key.implementation();
        Scenario scenario = key.scenario();
        progress.step((backend == null ? "" : "verified; ") + "loading it with Gatling on CPUs "
                + layout.loadGenerator());
        Profile profile = options.profile();
        Path warmupProgress = gatlingDir.resolve(WARMUP_PROGRESS);
        Path warmupDone = gatlingDir.resolve(WARMUP_DONE);
        // Threads that cannot be read fail the trial before any load, with the reason.
        try {
            new ThreadCpu(procRoot, server.pid(), roles).read();
        } catch (IOException e) {
            return failed(key, started, "cannot read the server's threads from "
                    + procRoot + ": " + e, server.tail());
        }
        progress.loadStarted();
        Path ladderEnd = gatlingDir.resolve(LADDER_END);
        release(gatlingDir, port);
        GatlingProcess gatling = besideServer != null ? besideServer : startGatling(key, gatlingDir, gatlingLog);
        ProcSampler sampler = new ProcSampler(procRoot, server.pid(), gatling.process().pid(),
                backend == null ? ProcSampler.NO_PROCESS : backend.pid(), roles);
        WarmupMonitor warmup = WarmupMonitor.local(warmupProgress, warmupDone, sampler,
                Duration.ofSeconds(profile.warmupMinSeconds()), Duration.ofSeconds(profile.warmupSeconds()));
        GatlingProcess.Result run;
        try (sampler) {
            while (!gatling.process().exitsWithin(SERVER_WATCH)) {
                if (!server.isAlive() || sampler.failure().isPresent() && server.exitsWithin(EXIT_GRACE)) {
                    return failed(key, started, "the server "
                            + server.exitDescription() + " during the load", server.tail());
                }
                if (sampler.failure().isPresent() && !gatling.process().isAlive()) {
                    // The sampler read Gatling's /proc entry just as Gatling ended: the load is over, not broken.
                    break;
                }
                if (sampler.failure().isPresent()) {
                    return failed(key, started, sampler.failure().get(), server.tail());
                }
                if (warmup.poll()) {
                    progress.warmupEnded(warmup.result());
                }
            }
            run = gatling.await();
        }
        SimulationStats simulation = SimulationStats.read(run.simulationLog());
        List<Integer> rates = key.rates(profile);
        Optional<String> ladderEndReason = Files.isRegularFile(ladderEnd)
                ? Optional.of(Files.readString(ladderEnd).strip()) : stepsNotRun(rates, simulation);
        List<String> missing = expectedPhases(profile, rates, simulation, ladderEndReason.isPresent()).stream()
                .filter(phase -> !simulation.phases().containsKey(phase)).toList();
        if (!missing.isEmpty()) {
            return failed(key, started, "Gatling recorded no request of phase(s) " + missing, server.tail());
        }
        // The back end serves the fan-out's calls only: in hello it idles, and the floor has none.
        boolean callsBackend = backend != null && scenario == Scenario.FANOUT;
        boolean backendSharesGenerator = backend != null && layout.backend().overlaps(layout.loadGenerator());
        List<PhaseResult> phases = PhaseResults.of(simulation, sampler.samples(), layout,
                callsBackend ? layout.backend().size() : PhaseCosts.NO_BACKEND, backendSharesGenerator);
        return new TrialResult(ResultFiles.FORMAT_VERSION, implementation, scenario.label(), key.trial(),
                Variant.parse(implementation).options(), serverProperties(launcher, implementation), TrialResult.OK,
                null, null,
                started.toString(), Instant.now().toString(),
                run.htmlReport().map(report -> options.out().relativize(report).toString()).orElse(null),
                simulation.errorsOutsideRequests(), phases, warmup.result(), roles.declared(), key.width(),
                LadderOutcome.of(rates, phases, ladderEndReason));
    }

    /**
     * Where the ladder ended when Gatling said nothing of ending it, yet recorded no request of its last steps: it
     * ran the first ones and could not start the rest before the simulation ended (seen at 50,000 and 100,000 hello
     * requests a second from one CPU). The ladder ends at the first step not run, as {@code <rate> <why>}; empty when
     * every step ran, or none did, or a step is missing between two that ran (Gatling failed: that is no ladder).
     */
    static Optional<String> stepsNotRun(List<Integer> rates, SimulationStats simulation) {
        List<Boolean> ran = rates.stream().map(r -> simulation.phases().containsKey(PhaseName.rate(r).toString()))
                .toList();
        int first = ran.indexOf(false);
        if (first <= 0 || ran.subList(first, ran.size()).contains(true)) {
            return Optional.empty();
        }
        return Optional.of(rates.get(first) + " not run: Gatling recorded no request of this step or any after it "
                + "(the load generator could not start them)");
    }

    /**
     * The phases a simulation of the profile runs, by the names its requests carry: the ladder's steps up to the
     * one that ended it, when Gatling ended it early (it names the step in {@value #LADDER_END}).
     */
    static List<String> expectedPhases(Profile profile, List<Integer> rates, SimulationStats simulation,
            boolean ladderEnded) {
        List<String> phases = new ArrayList<>();
        phases.add(PhaseName.WARMUP.toString());
        profile.levels().forEach(level -> phases.add(PhaseName.sweep(level).toString()));
        for (int rate : rates) {
            String step = PhaseName.rate(rate).toString();
            phases.add(step);
            if (ladderEnded && !rates.getFirst().equals(rate) && !simulation.phases().containsKey(step)) {
                // Gatling stopped the ladder before this step: the step before it was where the server saturated.
                phases.removeLast();
                break;
            }
        }
        return phases;
    }

    /** The system properties the simulations read on this machine: the common ones and the runner's files. */
    private Map<String, String> simulationProperties(Trial key, Path gatlingDir) {
        Map<String, String> properties = simulationProperties(options.profile(), key, null);
        properties.put(TARGET_FILE, gatlingDir.resolve(TARGET_FILE_NAME).toString());
        properties.putAll(runnerFiles(options.profile(), gatlingDir.toString()));
        return properties;
    }

    /**
     * The files through which the runner and Gatling talk during a trial, in Gatling's results folder
     * {@code folder} on Gatling's host: the warm-up's progress and its end, which the runner writes at the longest
     * warm-up at the latest (Gatling ends it {@value #WARMUP_BACKSTOP_SECONDS} s later by itself only if the runner
     * could not), and where Gatling ended the ladder.
     */
    static Map<String, String> runnerFiles(Profile profile, String folder) {
        return Map.of(WARMUP_SECONDS, Integer.toString(profile.warmupSeconds() + WARMUP_BACKSTOP_SECONDS),
                WARMUP_PROGRESS_FILE, folder + "/" + WARMUP_PROGRESS,
                WARMUP_DONE_FILE, folder + "/" + WARMUP_DONE,
                LADDER_END_FILE, folder + "/" + LADDER_END);
    }

    /**
     * The system properties the simulations read: one place that turns a profile into a Gatling run. The warm-up
     * lasts the profile's longest unless the caller gives the files that end it sooner. The floor asks the back end
     * for the delay a fan-out's calls wait (none for hello).
     *
     * @param target the server's base URL; null when Gatling is to wait for it in a target file (the caller names it)
     */
    static Map<String, String> simulationProperties(Profile profile, Trial key, String target) {
        Scenario scenario = key.scenario();
        Map<String, String> properties = new LinkedHashMap<>();
        if (target != null) {
            properties.put(TARGET, target);
        }
        properties.put(WARMUP_SECONDS, Integer.toString(profile.warmupSeconds()));
        properties.put(WARMUP_USERS, Integer.toString(profile.warmupUsers()));
        properties.put(LEVELS, String.join(",", profile.levels().stream().map(String::valueOf).toList()));
        properties.put(LEVEL_SECONDS, Integer.toString(profile.levelSeconds()));
        properties.put(RATES, String.join(",", key.rates(profile).stream().map(String::valueOf).toList()));
        properties.put(RATE_SECONDS, Integer.toString(profile.rateSeconds()));
        if (key.width() != null) {
            properties.put(CALLS, Integer.toString(key.width()));
        }
        properties.put(DELAY_MS, Integer.toString(key.floor() && scenario == Scenario.HELLO ? 0
                : Scenario.FANOUT_DELAY_MS));
        return properties;
    }

    private TrialResult failed(Trial key, Instant started, String reason, String logTail) {
        return failed(launcher, key, started, reason, logTail);
    }

    /** A trial that failed, for {@code reason}, with the last lines of the process that says why. */
    static TrialResult failed(Launcher launcher, Trial key, Instant started, String reason, String logTail) {
        String implementation = key.implementation();
        return new TrialResult(ResultFiles.FORMAT_VERSION, implementation, key.scenario().label(), key.trial(),
                Variant.parse(implementation).options(), serverProperties(launcher, implementation),
                TrialResult.FAILED, reason, logTail, started.toString(), Instant.now().toString(), null, Map.of(),
                List.of(), null, null, key.width(), null);
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
