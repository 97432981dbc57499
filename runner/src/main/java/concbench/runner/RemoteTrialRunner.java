package concbench.runner;

import concbench.contract.Variant;
import concbench.formats.CpuLayout;
import concbench.formats.PhaseResult;
import concbench.formats.Profile;
import concbench.formats.ResultFiles;
import concbench.formats.TrialResult;
import concbench.runner.gatling.GatlingCommand;
import concbench.runner.gatling.GatlingProcess;
import concbench.runner.gatling.SimulationStats;
import concbench.runner.hosts.Host;
import concbench.runner.hosts.LoadSplit;
import concbench.formats.LoadgenShare;
import concbench.runner.hosts.RemoteHosts;
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
import java.util.stream.Stream;

/**
 * One trial on several machines ({@code --hosts}): the back end on its host, the server on its host listening on
 * that host's address, the contract check from the first load generator host against that address, then Gatling
 * on every load generator host at once, each with its share of the load ({@link LoadSplit}). Every process runs
 * under the remote guard, so stopping its ssh here stops it there. Once all have finished, each host's records
 * are fetched and merged phase by phase on the runner's clock.
 *
 * <p>The warm-up lasts the profile's longest warm-up: the runner does not watch a remote server's steady state.
 */
final class RemoteTrialRunner implements Trials {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVER_WATCH = Duration.ofMillis(250);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    static final String CONTRACT_CHECK = "concbench.runner.ContractCheck";
    /** The folder on a load generator host under its folder where Gatling writes a trial's records. */
    static final String REMOTE_RESULTS = "gatling-results";

    private final RunOptions options;
    private final RemoteHosts hosts;
    private final Launcher launcher;
    private final Progress progress;
    /** The guard's grace for its process, and a little more for the connection. */
    private static final Duration REMOTE_STOP = Duration.ofSeconds(15);

    private final List<AutoCloseable> running = new ArrayList<>();

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
    public TrialResult run(String implementation, Scenario scenario, int trial) throws InterruptedException {
        Variant variant = Variant.parse(implementation);
        String id = TrialResult.id(implementation, scenario.label(), trial);
        Instant started = Instant.now();
        Path logs = options.out().resolve("logs");
        boolean floor = implementation.equals(TrialResult.FLOOR);
        Host serverHost = hosts.server();
        ChildProcess server = null;
        try {
            Files.createDirectories(logs);
            if (floor) {
                progress.step("starting the back end as the floor on " + serverHost + ", CPUs " + serverHost.cpus());
                server = track(ChildProcess.start(implementation, hosts.guarded(serverHost,
                        on(serverHost).backend(serverHost.cpus(), serverHost.address())),
                        logs.resolve(id + ".server.log"), line -> { }));
            } else {
                Host backendHost = hosts.backend();
                progress.step("starting the back end on " + backendHost);
                ChildProcess backend = track(ChildProcess.start("backend", hosts.guarded(backendHost,
                        on(backendHost).backend(backendHost.cpus(), backendHost.address())),
                        logs.resolve(id + ".backend.log"), line -> { }));
                String backendUrl = "http://" + backendHost.address() + ":" + backend.awaitListening(START_TIMEOUT);
                progress.step("starting the server on " + serverHost + ", CPUs " + serverHost.cpus());
                server = track(ChildProcess.start(implementation, hosts.guarded(serverHost,
                        on(serverHost).server(variant, serverHost.cpus(), backendUrl, serverHost.address())),
                        logs.resolve(id + ".server.log"), line -> { }));
            }
            String target = "http://" + serverHost.address() + ":" + server.awaitListening(START_TIMEOUT);
            if (!floor) {
                Optional<String> wrong = contractCheck(variant.implementation(), target);
                if (wrong.isPresent()) {
                    return failed(implementation, scenario, trial, started, "failed verification from "
                            + hosts.loadGenerators().getFirst() + ": " + wrong.get(), server.tail());
                }
            }
            return load(implementation, scenario, trial, started, server, target, id);
        } catch (ChildProcess.StartFailure e) {
            return failed(implementation, scenario, trial, started, e.getMessage(), e.logTail());
        } catch (IOException | RuntimeException e) {
            return failed(implementation, scenario, trial, started, e.toString(), server == null ? "" : server.tail());
        } finally {
            stopAll();
        }
    }

    /** The live contract check run on the first load generator host: empty when the server passes. */
    private Optional<String> contractCheck(String implementation, String target)
            throws IOException, InterruptedException {
        Host from = hosts.loadGenerators().getFirst();
        var result = hosts.run(from, List.of(hosts.info(from).java(), "-cp", on(from).jarCommand("runner"),
                CONTRACT_CHECK, implementation, target), CHECK_TIMEOUT);
        return result.ok() ? Optional.empty() : Optional.of(result.output().isEmpty()
                ? "the check exited " + result.status() : result.output());
    }

    private TrialResult load(String implementation, Scenario scenario, int trial, Instant started,
            ChildProcess server, String target, String id) throws IOException, InterruptedException {
        Profile profile = options.profile();
        boolean floor = implementation.equals(TrialResult.FLOOR);
        List<Host> generators = hosts.loadGenerators();
        LoadSplit split = LoadSplit.of(generators.stream().map(Host::label).toList(), profile.levels(),
                scenario.rate(profile), profile.warmupUsers());
        progress.step("verified; loading it with Gatling on " + generators.size() + " host(s): " + generators);
        progress.loadStarted();
        Map<String, String> common = TrialRunner.simulationProperties(profile, scenario, target, floor, null, null);
        String simulation = floor ? TrialRunner.FLOOR_SIMULATION : scenario.simulation();
        List<ChildProcess> gatlings = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            Host host = generators.get(i);
            String results = remoteResults(host, id);
            hosts.run(host, List.of("rm", "-rf", results), CHECK_TIMEOUT);
            Map<String, String> properties = new LinkedHashMap<>(common);
            properties.put("warmupUsers", Integer.toString(split.warmupUsers().get(i)));
            properties.put("shareLevels", String.join(",", split.levelUsers().get(i).stream().map(String::valueOf)
                    .toList()));
            properties.put("shareRate", Integer.toString(split.rates().get(i)));
            Launcher there = on(host);
            List<String> command = new GatlingCommand(options.root(), simulation, properties, Path.of(results),
                    there.prefixFor(host.cpus()), false).toList(Path.of(host.dir()), there.java());
            gatlings.add(track(ChildProcess.start("gatling " + host.label(), hosts.guarded(host, command),
                    options.out().resolve("logs").resolve(id + "." + host.label() + ".gatling.log"),
                    progress::gatlingSaid)));
        }
        for (int i = 0; i < gatlings.size(); i++) {
            ChildProcess gatling = gatlings.get(i);
            while (!gatling.exitsWithin(SERVER_WATCH)) {
                if (!server.isAlive()) {
                    return failed(implementation, scenario, trial, started, "the server on " + hosts.server() + " "
                            + server.exitDescription() + " during the load", server.tail());
                }
            }
            if (gatling.waitFor() != 0) {
                return failed(implementation, scenario, trial, started, "Gatling on " + generators.get(i) + " "
                        + gatling.exitDescription(), gatling.tail());
            }
        }
        Path local = options.out().resolve("gatling").resolve(id);
        List<SimulationStats.HostLog> logs = new ArrayList<>();
        List<LoadgenShare> shares = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            Host host = generators.get(i);
            Path into = local.resolve(host.label());
            hosts.fetch(host, remoteResults(host, id), into);
            Path log = simulationLog(into);
            long offset = hosts.clockOffsetMs(host);
            logs.add(new SimulationStats.HostLog(log, offset));
            Map<String, Long> requests = new LinkedHashMap<>();
            SimulationStats.read(log).phases().forEach((phase, stats) -> requests.put(phase, stats.ok() + stats.ko()));
            shares.add(new LoadgenShare(host.label(), split.levelUsers().get(i), split.rates().get(i),
                    split.warmupUsers().get(i), offset, requests));
        }
        SimulationStats merged = SimulationStats.merge(logs);
        List<String> missing = TrialRunner.expectedPhases(profile, scenario).stream()
                .filter(phase -> !merged.phases().containsKey(phase)).toList();
        if (!missing.isEmpty()) {
            return failed(implementation, scenario, trial, started, "Gatling recorded no request of phase(s) "
                    + missing, server.tail());
        }
        List<PhaseResult> phases = PhaseResults.of(merged, List.of(), layout(), false);
        return new TrialResult(ResultFiles.FORMAT_VERSION, implementation, scenario.label(), trial,
                Variant.parse(implementation).options(), TrialRunner.serverProperties(launcher, implementation),
                TrialResult.OK, null, null, started.toString(), Instant.now().toString(),
                options.out().relativize(local).toString(), merged.errorsOutsideRequests(), phases, null, null,
                List.copyOf(shares));
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

    private TrialResult failed(String implementation, Scenario scenario, int trial, Instant started, String reason,
            String logTail) {
        return TrialRunner.failed(launcher, implementation, scenario, trial, started, reason, logTail);
    }

    /**
     * Keeps a remote process to stop at the trial's end: its input closed first, which the guard on its host takes
     * as the order to stop it and exit, waited for, so that it is gone there before the next trial starts; then
     * its ssh stopped here, which makes the guard stop it anyway.
     */
    private synchronized ChildProcess track(ChildProcess child) {
        running.add(() -> {
            child.endInput();
            child.exitsWithin(REMOTE_STOP);
            child.close();
        });
        return child;
    }

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
