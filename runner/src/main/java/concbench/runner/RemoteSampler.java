package concbench.runner;

import concbench.formats.CpuSet;
import concbench.runner.hosts.Host;
import concbench.runner.hosts.RemoteHosts;
import concbench.runner.process.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link SampleStream} on a host of a run on several machines, its lines read back here as samples on the
 * runner's clock: the server's CPU time, memory, threads and thread roles on the server host, Gatling's CPU time
 * on a load generator host, or the back end's on the back end host. It is a local {@code ssh} {@link ChildProcess}
 * under the remote guard, stopped with the trial's other processes.
 */
final class RemoteSampler {
    /** A small JVM that compiles little: it shares its host with what it measures. */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1");
    /** What the remote guard prints first: the process it runs, by its id on that host. */
    private static final String GUARD_PID = "guard: pid ";

    private final List<ProcSampler.Sample> samples = new ArrayList<>();
    private final long clockOffsetMs;
    private volatile String failure;

    private RemoteSampler(long clockOffsetMs) {
        this.clockOffsetMs = clockOffsetMs;
    }

    /**
     * What a sampler watches on its host: one process by its id there, the others {@link ProcSampler#NO_PROCESS}.
     *
     * @param serverJar the server's jar on the host, which declares its thread roles; null without a server
     */
    record Watched(long serverPid, long generatorPid, long backendPid, String serverJar) {
        static Watched server(long pid, String jar) {
            return new Watched(pid, ProcSampler.NO_PROCESS, ProcSampler.NO_PROCESS, jar);
        }

        static Watched generator(long pid) {
            return new Watched(ProcSampler.NO_PROCESS, pid, ProcSampler.NO_PROCESS, null);
        }

        static Watched backend(long pid) {
            return new Watched(ProcSampler.NO_PROCESS, ProcSampler.NO_PROCESS, pid, null);
        }

        private List<String> args() {
            List<String> args = new ArrayList<>(List.of(Long.toString(serverPid), Long.toString(generatorPid),
                    Long.toString(backendPid)));
            if (serverJar != null) {
                args.add(serverJar);
            }
            return args;
        }
    }

    /**
     * Starts sampling on {@code host}, pinned to {@code cpus} where the host can pin.
     *
     * @param there the runner's commands as they run on the host
     * @return the sampler and its process, which the caller stops
     */
    static Started start(RemoteHosts hosts, Host host, Launcher there, CpuSet cpus, Watched watched, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(there.prefixFor(cpus));
        command.add(there.java());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", there.jarCommand(Launcher.CLI), SampleStream.class.getName()));
        command.addAll(watched.args());
        RemoteSampler sampler = new RemoteSampler(hosts.clockOffsetMs(host));
        ChildProcess process = ChildProcess.start("the sampler on " + host, hosts.guarded(host, command), log,
                sampler::read);
        return new Started(sampler, process);
    }

    /** A sampler and the process it reads. */
    record Started(RemoteSampler sampler, ChildProcess process) {
    }

    private void read(String line) {
        if (line.startsWith(GUARD_PID)) {
            return;
        }
        if (line.startsWith(SampleStream.FAILURE)) {
            failure = line.substring(SampleStream.FAILURE.length());
            return;
        }
        try {
            ProcSampler.Sample sample = ProcSampler.Sample.ofLine(line, clockOffsetMs);
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (IllegalArgumentException e) {
            // Not a sample (a JVM's warning): the sampler's log keeps it.
        }
    }

    List<ProcSampler.Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Why sampling stopped on the host, if it did. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * A line consumer that notes the process id the remote guard prints first, for {@link #start}; the id, once
     * seen, is {@link GuardedPid#pid()}.
     */
    static final class GuardedPid implements Consumer<String> {
        private volatile long pid = ProcSampler.NO_PROCESS;
        private final Consumer<String> next;

        /** @param next what every line goes to besides */
        GuardedPid(Consumer<String> next) {
            this.next = next;
        }

        @Override
        public void accept(String line) {
            if (pid == ProcSampler.NO_PROCESS && line.startsWith(GUARD_PID)) {
                pid = Long.parseLong(line.substring(GUARD_PID.length()).strip());
            }
            next.accept(line);
        }

        long pid() {
            return pid;
        }
    }
}
