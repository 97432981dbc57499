package concbench.runner.hosts;

import concbench.formats.HostRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The hosts of a run on several machines, checked and made ready before anything starts on any of them: each
 * reached over SSH, refused with the reason when it cannot be reached or has no JDK 25 (all of them checked, every
 * reason given at once), the suite's files shipped to it, its clock's offset and each load generator's round trip
 * to the server measured. Then it builds the commands that start the run's processes there, each under a guard
 * that stops it when the connection closes.
 */
public final class RemoteHosts implements AutoCloseable {
    /** The ssh client's status when it could not connect (or the connection failed), as opposed to the command's. */
    private static final int SSH_FAILED = 255;
    private static final Duration PROBE_TIMEOUT = Ssh.CONNECT_TIMEOUT.plusSeconds(60);
    private static final Duration SHORT_COMMAND = Ssh.CONNECT_TIMEOUT.plusSeconds(30);
    private static final int CLOCK_SAMPLES = 20;
    private static final int RTT_SAMPLES = 5;
    private static final double MICROS_PER_MS = 1000.0;
    private static final String DEFAULT_SSH_PORT = "22";

    private final Ssh ssh;
    private final Path controlDir;
    private final List<Host> hosts;
    private final Map<String, HostInfo> infos;
    private final Map<String, Long> clockOffsets;
    private final Map<String, Double> rtts;
    private final String guard;

    private RemoteHosts(Ssh ssh, Path controlDir, List<Host> hosts, Map<String, HostInfo> infos,
            Map<String, Long> clockOffsets, Map<String, Double> rtts) {
        this.ssh = ssh;
        this.controlDir = controlDir;
        this.hosts = List.copyOf(hosts);
        this.infos = Map.copyOf(infos);
        this.clockOffsets = Map.copyOf(clockOffsets);
        this.rtts = Map.copyOf(rtts);
        this.guard = resource("guard.sh");
    }

    /**
     * Checks every host, ships each the files its role needs, measures clocks and round trips.
     *
     * @param filesByRole the files (relative to {@code root}) each role runs from
     * @param say         progress for the terminal
     * @throws HostsRefused naming every host that cannot be used and why, before anything started anywhere
     */
    public static RemoteHosts open(HostsFile file, Path root, Map<Role, List<Path>> filesByRole, Consumer<String> say)
            throws IOException, InterruptedException, HostsRefused {
        Path controlDir = Files.createTempDirectory(Path.of("/tmp"), "cb-ssh-");
        Ssh ssh = new Ssh(file.sshConfig(), controlDir);
        try {
            return open(file, ssh, controlDir, root, filesByRole, say);
        } catch (IOException | InterruptedException | HostsRefused | RuntimeException e) {
            ssh.closeMasters(file.hosts().stream().map(Host::destination).distinct().toList());
            throw e;
        }
    }

    private static RemoteHosts open(HostsFile file, Ssh ssh, Path controlDir, Path root,
            Map<Role, List<Path>> filesByRole, Consumer<String> say)
            throws IOException, InterruptedException, HostsRefused {
        say.accept("checking " + file.hosts().size() + " hosts over SSH: " + file.hosts());
        String probe = resource("probe.sh");
        Map<String, HostInfo> infos = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        Map<Host, Ssh.Result> probes = inParallel(file.hosts(),
                host -> Ssh.run(ssh.command(host.destination(), List.of("bash", "-s")), probe, PROBE_TIMEOUT));
        for (Host host : file.hosts()) {
            Ssh.Result result = probes.get(host);
            if (result.status() == SSH_FAILED || result.status() < 0) {
                refusals.add(host + ": cannot be reached over SSH: " + lastLine(result.output()));
                continue;
            }
            if (!result.ok()) {
                refusals.add(host + ": the probe of the host failed (exit " + result.status() + "): "
                        + lastLine(result.output()));
                continue;
            }
            HostInfo info = HostInfo.parse(result.output());
            String refusal = info.refusal();
            if (refusal != null) {
                refusals.add(host + ": " + refusal);
                continue;
            }
            infos.put(host.label(), info);
        }
        if (!refusals.isEmpty()) {
            throw new HostsRefused(refusals);
        }
        List<Host> ready = new ArrayList<>();
        for (Host host : file.hosts()) {
            HostInfo info = infos.get(host.label());
            String home = probeValue(probes.get(host).output(), "home");
            Host resolved = host.address() == null ? host.withAddress(ssh.resolvedHostName(host.destination())) : host;
            resolved = resolved.dir().startsWith("/") ? resolved : resolved.withDir(home + "/" + resolved.dir());
            ready.add(resolved.cpus() == null ? resolved.withCpus(info.cpus()) : resolved);
        }
        for (Host host : ready) {
            Ssh.Result made = Ssh.run(ssh.command(host.destination(), List.of("mkdir", "-p", host.dir())), null,
                    SHORT_COMMAND);
            if (!made.ok()) {
                throw new IOException("cannot make " + host.dir() + " on " + host + ": " + made.output());
            }
            int changed = Shipping.ship(ssh, host, root, filesByRole.get(host.role()));
            say.accept(host + ": " + (changed == 0 ? "files up to date" : changed + " file(s) shipped")
                    + " in " + host.dir() + "; JDK " + infos.get(host.label()).jdk() + ", CPUs " + host.cpus());
        }
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (Host host : ready) {
            offsets.put(host.label(), clockOffset(ssh, host));
        }
        Host server = ready.stream().filter(host -> host.role() == Role.SERVER).findFirst().orElseThrow();
        String serverPort = ssh.resolvedPort(server.destination()).orElse(DEFAULT_SSH_PORT);
        Map<String, Double> rtts = new LinkedHashMap<>();
        for (Host host : ready) {
            if (host.role() == Role.LOADGEN) {
                rtts.put(host.label(), roundTrip(ssh, host, server.address(), serverPort));
            }
        }
        return new RemoteHosts(ssh, controlDir, ready, infos, offsets, rtts);
    }

    private static <T> Map<Host, T> inParallel(List<Host> hosts, HostTask<T> task)
            throws IOException, InterruptedException {
        Map<Host, T> results = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Host, Future<T>> futures = new LinkedHashMap<>();
            for (Host host : hosts) {
                Callable<T> call = () -> task.run(host);
                futures.put(host, executor.submit(call));
            }
            for (Map.Entry<Host, Future<T>> entry : futures.entrySet()) {
                try {
                    results.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        }
        return results;
    }

    @FunctionalInterface
    private interface HostTask<T> {
        T run(Host host) throws IOException, InterruptedException;
    }

    /**
     * The host's clock minus ours. One shell on the host answers each line it reads with its clock (bash's own, in
     * microseconds, no process started), so the round trips timed here are the connection's alone; the answer of
     * the quickest is taken as read halfway through it.
     */
    private static long clockOffset(Ssh ssh, Host host) throws IOException, InterruptedException {
        String script = "while read -r _; do echo ${EPOCHREALTIME/./}; done";
        Process process = new ProcessBuilder(ssh.command(host.destination(), List.of("bash", "-c", script)))
                .redirectErrorStream(true).start();
        try (var ask = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
                var answers = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
            long bestRoundTrip = Long.MAX_VALUE;
            long offsetMicros = 0;
            for (int i = 0; i < CLOCK_SAMPLES; i++) {
                long before = nowMicros();
                ask.println();
                String answer = answers.readLine();
                long after = nowMicros();
                if (answer == null || !answer.strip().matches("\\d+")) {
                    throw new IOException("cannot read the clock of " + host + ": " + answer);
                }
                if (after - before < bestRoundTrip) {
                    bestRoundTrip = after - before;
                    offsetMicros = Long.parseLong(answer.strip()) - (before + after) / 2;
                }
            }
            return Math.round(offsetMicros / MICROS_PER_MS);
        } finally {
            process.destroy();
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /**
     * The least of a few TCP connects from a load generator to the server host's SSH port, in milliseconds: one
     * round trip each (SYN, SYN-ACK), timed on the load generator by bash's own microsecond clock.
     */
    private static double roundTrip(Ssh ssh, Host from, String address, String port)
            throws IOException, InterruptedException {
        String script = "for i in $(seq " + RTT_SAMPLES + "); do s=${EPOCHREALTIME/./}; exec 3<>/dev/tcp/"
                + address + "/" + port + " || exit 1; e=${EPOCHREALTIME/./}; exec 3>&-; echo $((e - s)); done";
        Ssh.Result result = Ssh.run(ssh.command(from.destination(), List.of("bash", "-c", script)), null,
                SHORT_COMMAND);
        if (!result.ok()) {
            throw new IOException(from + " cannot connect to the server host at " + address + ":" + port + ": "
                    + result.output());
        }
        return result.output().lines().filter(line -> line.matches("\\d+")).mapToLong(Long::parseLong).min()
                .orElseThrow(() -> new IOException("no round trip measured from " + from)) / MICROS_PER_MS;
    }

    private static String probeValue(String output, String key) {
        return output.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                .findFirst().orElse("");
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.getLast();
    }

    private static String resource(String name) {
        try (InputStream in = RemoteHosts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the runner jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Host> hosts() {
        return hosts;
    }

    public Host server() {
        return hosts.stream().filter(host -> host.role() == Role.SERVER).findFirst().orElseThrow();
    }

    public Host backend() {
        return hosts.stream().filter(host -> host.role() == Role.BACKEND).findFirst().orElseThrow();
    }

    public List<Host> loadGenerators() {
        return hosts.stream().filter(host -> host.role() == Role.LOADGEN).toList();
    }

    public HostInfo info(Host host) {
        return infos.get(host.label());
    }

    /** The host's clock minus the runner's, in milliseconds. */
    public long clockOffsetMs(Host host) {
        return clockOffsets.get(host.label());
    }

    /** Whether the host has taskset to pin with. */
    public boolean canPin(Host host) {
        return !info(host).taskset().isEmpty();
    }

    /**
     * The ssh command that runs {@code command} on {@code host} under the guard: in a process group of its own
     * that is stopped when this ssh ends (killed, or the connection lost), so nothing is left running there.
     */
    public List<String> guarded(Host host, List<String> command) {
        List<String> words = new ArrayList<>(List.of("bash", "-c", guard, "guard"));
        words.addAll(command);
        return ssh.command(host.destination(), words);
    }

    /** Copies a folder of the host into a local one. */
    public void fetch(Host host, String remoteFolder, Path into) throws IOException, InterruptedException {
        Shipping.fetch(ssh, host, remoteFolder, into);
    }

    /** Runs a short command on the host to its end: its status and output. */
    public Ssh.Result run(Host host, List<String> command, Duration timeout) throws IOException, InterruptedException {
        return Ssh.run(ssh.command(host.destination(), command), null, timeout);
    }

    /** The topology as {@code run.json} records it. */
    public List<HostRecord> records() {
        return hosts.stream().sorted(Comparator.comparing(Host::role)).map(host -> {
            HostInfo info = info(host);
            return new HostRecord(host.label(), host.role().word(), host.destination(), host.address(),
                    info.hostName(), String.valueOf(host.cpus()), info.cpus().size(), info.cpuModel(), info.kernel(),
                    info.jdk() + " (" + info.javaHome() + ")", clockOffsetMs(host), rtts.get(host.label()));
        }).toList();
    }

    @Override
    public void close() {
        ssh.closeMasters(hosts.stream().map(Host::destination).distinct().toList());
        try {
            Files.deleteIfExists(controlDir);
        } catch (IOException e) {
            // a socket of a master that would not exit keeps the folder; it is in /tmp
        }
    }

    /** Hosts the run cannot use, each with its reason. */
    public static final class HostsRefused extends Exception {
        public HostsRefused(List<String> reasons) {
            super(String.join("\n", reasons), null, false, false);
        }
    }
}
