package concbench.runner;

import static concbench.gatling.names.SimulationProperties.SHARE_LEVELS;
import static concbench.gatling.names.SimulationProperties.SHARE_RATES;
import static concbench.gatling.names.SimulationProperties.WARMUP_USERS;

import concbench.contract.Variant;
import concbench.formats.CpuLayout;
import concbench.formats.CpuSet;
import concbench.formats.LoadgenShare;
import concbench.formats.PhaseResult;
import concbench.formats.Profile;
import concbench.formats.ResultFiles;
import concbench.formats.TrialResult;
import concbench.gatling.names.Simulations;
import concbench.runner.gatling.GatlingCommand;
import concbench.runner.gatling.GatlingProcess;
import concbench.runner.gatling.SimulationStats;
import concbench.runner.hosts.Host;
import concbench.runner.hosts.LoadSplit;
import concbench.runner.hosts.RemoteHosts;
import concbench.runner.process.ChildProcess;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One trial on several machines ({@code --hosts}): the back end on its host, the server on its host listening on
 * that host's address, the contract check from the first load generator host against that address, then Gatling
 * on every load generator host at once, each with its share of the load ({@link LoadSplit}). Every process is a
 * local {@code ssh} {@link ChildProcess} running it under the remote guard, so stopping it here stops it there.
 * Meanwhile the runner's sampler runs on the server host, on each load generator host and, for a fan-out, on the
 * back end host ({@link RemoteSampler}), so that the server's cost, each host's Gatling CPU and the back end's CPU
 * are measured where they run. Once all have finished, each host's records are fetched and merged phase by phase on
 * the runner's clock.
 *
 * <p>The warm-up ends at steady state, as on one machine ({@link WarmupMonitor}): the first load generator host's
 * progress file, followed there over SSH, and the server host's samples, and the done file made on every load
 * generator host. The first host's throughput alone, not the sum of all: its share of the warm-up users is fixed,
 * so its throughput is steady exactly when the sum is, and its lines are one series on one clock, where a sum would
 * add the hosts' unaligned once-a-second readings and with them an error near the 5% that steady state tolerates.
 */
final class RemoteTrialRunner implements Trials {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVER_WATCH = Duration.ofMillis(250);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    static final String CONTRACT_CHECK = "concbench.runner.ContractCheck";
    /** The folder on a load generator host under its folder where Gatling writes a trial's records. */
    static final String REMOTE_RESULTS = "gatling-results";
    /** The guard's grace for its process ({@code guard.sh}), and a little more for the connection. */
    private static final Duration REMOTE_STOP = ChildProcess.STOP_GRACE.plusSeconds(5);
    /** Why a sampler that said nothing of its own failure gave no cost: its log's last lines tell the rest. */
    private static final String NO_SAMPLE = "its sampler took no sample";

    private final RunOptions options;
    private final RemoteHosts hosts;
    private final Launcher launcher;
    private final Progress progress;
    private final List<ChildProcess> running = new ArrayList<>();

    RemoteTrialRunner(RunOptions options, RemoteHosts hosts, Launcher launcher, Progress progress) {
        this.options = options;
        this.hosts = hosts;
        this.launcher = launcher;
        this.progress = progress;
    }

    /** The runner's commands as they run on {@code host}, from the folder the files were shipped to. */
    private Launcher on(Host host) {
        return launcher.on(Path.of(host.dir()), hosts.info(host).java(), hosts.canPin(host));
    }

    /** The layout the trial's records give: each role's CPU set on its own host. */
    CpuLayout layout() {
        return new CpuLayout(hosts.server().cpus(), hosts.loadGenerators().getFirst().cpus(), hosts.backend().cpus());
    }

    @Override
    public TrialResult run(String implementation, Scenario scenario, int width, int trial)
            throws InterruptedException {
        Variant variant = Variant.parse(implementation);
        Trial key = Trial.of(implementation, scenario, width, trial);
        Instant started = Instant.now();
        Path logs = options.out().resolve("logs");
        Host serverHost = hosts.server();
        RemoteSampler.GuardedPid serverPid = new RemoteSampler.GuardedPid(line -> { });
        RemoteSampler.GuardedPid backendPid = new RemoteSampler.GuardedPid(line -> { });
        ChildProcess server = null;
        ChildProcess backend = null;
        try {
            Files.createDirectories(logs);
            if (key.floor()) {
                progress.step("starting the back end as the floor on " + serverHost + ", CPUs " + serverHost.cpus());
                server = track(ChildProcess.start(implementation, hosts.guarded(serverHost,
                        on(serverHost).backend(serverHost.cpus(), serverHost.address())),
                        logs.resolve(key.id() + ".server.log"), serverPid));
            } else {
                Host backendHost = hosts.backend();
                progress.step("starting the back end on " + backendHost);
                backend = track(ChildProcess.start("backend", hosts.guarded(backendHost,
                        on(backendHost).backend(backendHost.cpus(), backendHost.address())),
                        logs.resolve(key.id() + ".backend.log"), backendPid));
                String backendUrl = "http://" + backendHost.address() + ":" + backend.awaitListening(START_TIMEOUT);
                progress.step("starting the server on " + serverHost + ", CPUs " + serverHost.cpus());
                server = track(ChildProcess.start(implementation, hosts.guarded(serverHost,
                        on(serverHost).server(variant, serverHost.cpus(), backendUrl, serverHost.address())),
                        logs.resolve(key.id() + ".server.log"), serverPid));
            }
            String target = "http://" + serverHost.address() + ":" + server.awaitListening(START_TIMEOUT);
            if (!key.floor()) {
                Optional<String> wrong = contractCheck(variant.implementation(), target);
                if (wrong.isPresent()) {
                    return failed(key, started, "failed verification from " + hosts.loadGenerators().getFirst()
                            + ": " + wrong.get(), server.tail());
                }
            }
            // The back end serves the fan-out's calls only: in hello it idles, and the floor has none.
            long calledBackend = key.scenario() == Scenario.FANOUT && backend != null ? awaitPid(backendPid, backend)
                    : ProcSampler.NO_PROCESS;
            return load(key, started, server, serverPid.pid(), calledBackend, target);
        } catch (ChildProcess.StartFailure e) {
            return failed(key, started, e.getMessage(), e.logTail());
        } catch (IOException | RuntimeException e) {
            return failed(key, started, e.toString(), server == null ? "" : server.tail());
        } finally {
            stopAll();
        }
    }

    /** The live contract check run on the first load generator host: empty when the server passes. */
    private Optional<String> contractCheck(String implementation, String target)
            throws IOException, InterruptedException {
        Host from = hosts.loadGenerators().getFirst();
        var result = hosts.run(from, List.of(hosts.info(from).java(), "-cp", on(from).jarCommand(Launcher.CLI),
                CONTRACT_CHECK, implementation, target), CHECK_TIMEOUT);
        return result.ok() ? Optional.empty() : Optional.of(result.output().isEmpty()
                ? "the check exited " + result.status() : result.output());
    }

    /** @param backendPid the back end's process on its host when the phases call it, else {@code NO_PROCESS} */
    private TrialResult load(Trial key, Instant started, ChildProcess server, long serverPid, long backendPid,
            String target) throws IOException, InterruptedException {
        Profile profile = options.profile();
        Host serverHost = hosts.server();
        String serverModule = key.floor() ? Launcher.BACKEND
                : Launcher.serverModule(Variant.parse(key.implementation()).implementation());
        ThreadRoles roles = ThreadRoles.ofJar(launcher.runnableJar(serverModule));
        RemoteSampler.Started serverSampler = sampler(serverHost, key, "server",
                RemoteSampler.Watched.server(serverPid, on(serverHost).jarCommand(serverModule)), beside(serverHost));
        Host backendHost = hosts.backend();
        RemoteSampler.Started backendSampler = backendPid == ProcSampler.NO_PROCESS ? null
                : sampler(backendHost, key, "backend", RemoteSampler.Watched.backend(backendPid), beside(backendHost));
        List<Integer> rates = key.rates(profile);
        List<Host> generators = hosts.loadGenerators();
        LoadSplit split = LoadSplit.of(generators.stream().map(Host::label).toList(), profile.levels(), rates,
                profile.warmupUsers());
        progress.step((key.floor() ? "" : "verified; ") + "loading it with Gatling on " + generators.size()
                + " host(s): " + generators);
        progress.loadStarted();
        Map<String, String> common = TrialRunner.simulationProperties(profile, key, target);
        String simulation = key.floor() ? Simulations.FLOOR : key.scenario().simulation();
        List<ChildProcess> gatlings = new ArrayList<>();
        List<RemoteSampler.GuardedPid> gatlingPids = new ArrayList<>();
        for (Host host : generators) {
            hosts.run(host, List.of("rm", "-rf", remoteResults(host, key.id())), CHECK_TIMEOUT);
        }
        WarmupMonitor warmup = followWarmup(key, generators.getFirst(), serverSampler.sampler());
        for (int i = 0; i < generators.size(); i++) {
            Host host = generators.get(i);
            String results = remoteResults(host, key.id());
            Map<String, String> properties = new LinkedHashMap<>(common);
            properties.putAll(TrialRunner.runnerFiles(profile, results));
            properties.put(WARMUP_USERS, Integer.toString(split.warmupUsers().get(i)));
            properties.put(SHARE_LEVELS, commaList(split.levelUsers().get(i)));
            properties.put(SHARE_RATES, commaList(split.rates().get(i)));
            Launcher there = on(host);
            List<String> command = new GatlingCommand(options.root(), simulation, properties, Path.of(results),
                    there.prefixFor(host.cpus()), false).toList(Path.of(host.dir()), there.java());
            RemoteSampler.GuardedPid pid = new RemoteSampler.GuardedPid(progress::gatlingSaid);
            gatlingPids.add(pid);
            gatlings.add(track(ChildProcess.start("Gatling on " + host, hosts.guarded(host, command),
                    options.out().resolve("logs").resolve(key.id() + "." + host.label() + ".gatling.log"), pid)));
        }
        List<RemoteSampler.Started> generatorSamplers = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            generatorSamplers.add(sampler(generators.get(i), key, generators.get(i).label(),
                    RemoteSampler.Watched.generator(awaitPid(gatlingPids.get(i), gatlings.get(i))),
                    generators.get(i).cpus()));
        }
        for (int i = 0; i < gatlings.size(); i++) {
            ChildProcess gatling = gatlings.get(i);
            while (!gatling.exitsWithin(SERVER_WATCH)) {
                if (!server.isAlive()) {
                    return failed(key, started, "the server on " + hosts.server() + " "
                            + server.exitDescription() + " during the load", server.tail());
                }
                if (warmup.poll()) {
                    progress.warmupEnded(warmup.result());
                }
            }
            if (gatling.waitFor() != 0) {
                return failed(key, started, "Gatling on " + generators.get(i) + " " + gatling.exitDescription(),
                        gatling.tail());
            }
        }
        Path local = options.out().resolve("gatling").resolve(key.id());
        List<SimulationStats.HostLog> logs = new ArrayList<>();
        List<Map<String, Long>> requests = new ArrayList<>();
        Optional<String> ladderEnd = Optional.empty();
        for (int i = 0; i < generators.size(); i++) {
            Host host = generators.get(i);
            Path into = local.resolve(host.label());
            hosts.fetch(host, remoteResults(host, key.id()), into);
            Path log = simulationLog(into);
            long offset = hosts.clockOffsetMs(host);
            logs.add(new SimulationStats.HostLog(log, offset));
            Map<String, Long> own = new LinkedHashMap<>();
            SimulationStats.read(log).phases().forEach((phase, stats) -> own.put(phase, stats.ok() + stats.ko()));
            requests.add(own);
            ladderEnd = lowerEnd(ladderEnd, into.resolve(TrialRunner.LADDER_END));
        }
        SimulationStats merged = SimulationStats.merge(logs);
        if (serverSampler.sampler().samples().isEmpty()) {
            return failed(key, started, "cannot sample the server on " + serverHost + ": "
                    + serverSampler.sampler().failure().orElse(NO_SAMPLE), serverSampler.process().tail());
        }
        if (backendSampler != null && backendSampler.sampler().samples().isEmpty()) {
            return failed(key, started, "cannot sample the back end on " + backendHost + ": "
                    + backendSampler.sampler().failure().orElse(NO_SAMPLE), backendSampler.process().tail());
        }
        Optional<String> ladderEndReason = ladderEnd.isPresent() ? ladderEnd : TrialRunner.stepsNotRun(rates, merged);
        List<String> missing = TrialRunner.expectedPhases(profile, rates, merged, ladderEndReason.isPresent())
                .stream().filter(phase -> !merged.phases().containsKey(phase)).toList();
        if (!missing.isEmpty()) {
            return failed(key, started, "Gatling recorded no request of phase(s) " + missing, server.tail());
        }
        List<PhaseResults.HostSamples> generatorSamples = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            generatorSamples.add(new PhaseResults.HostSamples(generatorSamplers.get(i).sampler().samples(),
                    generators.get(i).cpus().size()));
        }
        List<PhaseResult> phases = PhaseResults.ofHosts(merged, serverSampler.sampler().samples(),
                serverHost.cpus().size(), generatorSamples, backendSampler == null ? null
                        : new PhaseResults.HostSamples(backendSampler.sampler().samples(), backendHost.cpus().size()));
        List<LoadgenShare> shares = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            shares.add(share(generators.get(i), split, i, requests.get(i), generatorSamples.get(i), phases));
        }
        return new TrialResult(ResultFiles.FORMAT_VERSION, key.implementation(), key.scenario().label(), key.trial(),
                Variant.parse(key.implementation()).options(),
                TrialRunner.serverProperties(launcher, key.implementation()), TrialResult.OK, null, null,
                started.toString(), Instant.now().toString(), options.out().relativize(local).toString(),
                merged.errorsOutsideRequests(), phases, warmup.result(), roles.declared(), key.width(),
                LadderOutcome.of(rates, phases, ladderEndReason), List.copyOf(shares));
    }

    /**
     * A load generator host's part of the trial: its share of the load, its requests, its Gatling's CPU by phase,
     * and the phases it was generator-bound in.
     */
    private LoadgenShare share(Host host, LoadSplit split, int index, Map<String, Long> requests,
            PhaseResults.HostSamples samples, List<PhaseResult> phases) {
        Map<String, Double> utilisation = new LinkedHashMap<>();
        List<String> bound = new ArrayList<>();
        for (PhaseResult phase : phases) {
            Double gatling = PhaseResults.gatlingUtilisation(samples, phase.stats());
            if (gatling != null) {
                utilisation.put(phase.name(), gatling);
                if (phase.cost() != null && PhaseCosts.bound(gatling, phase.cost().serverCpuUtilisation())) {
                    bound.add(phase.name());
                }
            }
        }
        return new LoadgenShare(host.label(), split.levelUsers().get(index), split.rates().get(index),
                split.warmupUsers().get(index), hosts.clockOffsetMs(host), requests, utilisation, bound);
    }

    /** Starts the runner's sampler on {@code host}, pinned to {@code cpus}, tracked with the trial's processes. */
    private RemoteSampler.Started sampler(Host host, Trial key, String what, RemoteSampler.Watched watched,
            CpuSet cpus) throws IOException {
        RemoteSampler.Started started = RemoteSampler.start(hosts, host, on(host), cpus, watched,
                options.out().resolve("logs").resolve(key.id() + "." + what + ".sampler.log"));
        track(started.process());
        return started;
    }

    /**
     * Where the sampler of a server or back end host runs: on the host's CPUs that are not its process's, so that
     * reading {@code /proc} takes nothing from the CPUs it measures; on the process's own when the host has no
     * other (it then competes with it, as everything does on a machine of one CPU). On one machine the runner, and
     * its sampler thread, is not pinned at all; on a host of its own a sampler can be kept off what it measures.
     * A load generator host's sampler runs on the load generator's CPUs, the load generating side's: the rest of
     * its machine may be another role's (a back end beside it, as in the README's example of two hosts).
     */
    private CpuSet beside(Host host) {
        return hosts.info(host).cpus().without(host.cpus()).orElse(host.cpus());
    }

    /**
     * Follows the warm-up's progress file on the first load generator host ({@code tail -F}, under the guard: it
     * waits for Gatling to make it) and watches the warm-up with the server host's samples; the warm-up's end is the
     * done file made on every load generator host.
     */
    private WarmupMonitor followWarmup(Trial key, Host host, RemoteSampler serverSampler) throws IOException {
        WarmupMonitor.Streamed lines = new WarmupMonitor.Streamed(hosts.clockOffsetMs(host));
        String file = remoteResults(host, key.id()) + "/" + TrialRunner.WARMUP_PROGRESS;
        track(ChildProcess.start("the warm-up's progress on " + host, hosts.guarded(host,
                List.of("tail", "-F", "-n", "+1", file)), options.out().resolve("logs")
                        .resolve(key.id() + "." + host.label() + ".warmup.log"), lines));
        Profile profile = options.profile();
        return new WarmupMonitor(lines, serverSampler::samples, verdict -> endWarmup(key, verdict),
                Duration.ofSeconds(profile.warmupMinSeconds()), Duration.ofSeconds(profile.warmupSeconds()));
    }

    /** Makes the done file, with the verdict as on one machine, on every load generator host. */
    private void endWarmup(Trial key, SteadyState.Verdict verdict) throws IOException, InterruptedException {
        for (Host host : hosts.loadGenerators()) {
            String done = remoteResults(host, key.id()) + "/" + TrialRunner.WARMUP_DONE;
            var made = hosts.run(host, List.of("bash", "-c", "mkdir -p \"${2%/*}\" && echo \"$1\" >\"$2\"",
                    "warmup", verdict.name(), done), CHECK_TIMEOUT);
            if (!made.ok()) {
                throw new IOException("cannot end the warm-up on " + host + ": " + made.output());
            }
        }
    }

    /** The process id on its host of what {@code process} runs there, once the guard has said it. */
    private static long awaitPid(RemoteSampler.GuardedPid pid, ChildProcess process)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (pid.pid() == ProcSampler.NO_PROCESS) {
            if (process.exitsWithin(SERVER_WATCH) || System.nanoTime() > deadline) {
                throw new IOException("the remote guard did not say what it started: " + process.tail());
            }
        }
        return pid.pid();
    }

    /**
     * Where the ladder ended: of what the hosts' Gatlings wrote ({@code <rate> <why>}), the lowest rate, since each
     * ended its own part of the ladder at the first step its part was not kept.
     */
    private static Optional<String> lowerEnd(Optional<String> sofar, Path endFile) throws IOException {
        if (!Files.isRegularFile(endFile)) {
            return sofar;
        }
        String end = Files.readString(endFile).strip();
        return sofar.isEmpty() || rateOf(end) < rateOf(sofar.get()) ? Optional.of(end) : sofar;
    }

    private static int rateOf(String ladderEnd) {
        return Integer.parseInt(ladderEnd.split(" ", 2)[0]);
    }

    private static String commaList(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String remoteResults(Host host, String id) {
        return host.dir() + "/" + REMOTE_RESULTS + "/" + id;
    }

    /** The {@code simulation.log} of the one run folder Gatling made in {@code folder}. */
    private static Path simulationLog(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().equals(GatlingProcess.SIMULATION_LOG))
                    .findFirst().orElseThrow(() -> new IOException("Gatling left no simulation.log in " + folder));
        }
    }

    private TrialResult failed(Trial key, Instant started, String reason, String logTail) {
        return TrialRunner.failed(launcher, key, started, reason, logTail);
    }

    private synchronized ChildProcess track(ChildProcess child) {
        running.add(child);
        return child;
    }

    /**
     * Stops every remote process of the trial, all at once: each one's input closed, which the guard on its host
     * takes as the order to stop it and exit, then waited for together, so that they are gone there before the
     * next trial starts (or the run ends); then each ssh stopped here, which makes a guard that has not ended yet
     * stop its process anyway.
     */
    @Override
    public synchronized void stopAll() {
        running.forEach(ChildProcess::closeInput);
        long deadline = System.nanoTime() + REMOTE_STOP.toNanos();
        boolean interrupted = false;
        for (ChildProcess child : running) {
            try {
                child.exitsWithin(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            running.forEach(child -> stopping.submit(child::close));
        }
        running.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
