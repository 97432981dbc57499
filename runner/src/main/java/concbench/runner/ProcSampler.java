package concbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Samples the cost of the server and the load generator from {@code /proc} while they run: CPU time (user +
 * system) of each, the server's resident memory and thread count, and now and then the server's CPU time by thread
 * role ({@link ThreadCpu}). Reading {@code /proc} costs the sampler a few microseconds every {@link #INTERVAL_MS}
 * ms on the runner's own thread, not on the server's CPUs. Reading every thread costs more, one file per thread
 * (about 15 µs each, so 0.3 ms for an event-loop server's 20 threads and 15 ms for undertow's 1,020): threads are
 * read every {@link #THREADS_INTERVAL_MS} ms, or less often, up to every {@link #THREADS_MAX_INTERVAL_MS} ms, where
 * that keeps the sampler busy at most {@value #THREADS_DUTY} of the time.
 */
final class ProcSampler implements AutoCloseable {
    static final long INTERVAL_MS = 100;
    /** How often the server's threads are read at most: several times in the shortest phase. */
    static final long THREADS_INTERVAL_MS = 300;
    /** The share of its time the sampler may spend reading threads: a reading taking longer spaces the next out. */
    static final double THREADS_DUTY = 0.05;
    /** How far apart thread readings may be spaced out at most: twice in the shortest phase (smoke's 2 s). */
    static final long THREADS_MAX_INTERVAL_MS = 1000;
    /** Clock ticks per second of {@code /proc/<pid>/stat}'s CPU times: USER_HZ, 100 on every Linux in use. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
    /** utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted after the ")" that ends field 2. */
    private static final int UTIME_AFTER_COMM = 11;
    /**
     * No process: the floor has no back end of its own; on another host the sampler sees the server alone, or a
     * load generator alone ({@link SampleStream}).
     */
    static final long NO_PROCESS = -1;

    /**
     * One reading: wall time, the CPU time each process has consumed so far, the server's resident memory and
     * threads at that moment, and the server's CPU time by thread role so far (null in the samples between
     * thread readings). Reading the threads takes a while, during which the server runs on: a sample with a
     * thread reading takes the middle of it as its time, and the mean of the server's CPU time before and after
     * it as the server's, so that the roles and the total describe the same moment.
     */
    record Sample(long epochMs, long serverCpuNanos, long serverRssBytes, int serverThreads, long generatorCpuNanos,
            long backendCpuNanos, ThreadCpu.Reading roles) {
        /** What separates a line's figures from its thread reading's CPU times and from its threads by role. */
        private static final String PART = " | ";
        private static final int FIGURES = 6;
        private static final int PARTS_WITH_ROLES = 3;

        /**
         * The sample as one line of text, for {@link SampleStream} to send from another host: its figures, then,
         * with a thread reading, the roles' CPU times and threads, {@code |}-separated.
         */
        String line() {
            String figures = epochMs + " " + serverCpuNanos + " " + serverRssBytes + " " + serverThreads + " "
                    + generatorCpuNanos + " " + backendCpuNanos;
            return roles == null ? figures : figures + PART + join(Arrays.stream(roles.cpuNanos()).boxed())
                    + PART + join(Arrays.stream(roles.threads()).boxed());
        }

        /**
         * The sample a {@link #line()} holds, moved onto the runner's clock.
         *
         * @param clockOffsetMs the sending host's clock minus the runner's
         * @throws IllegalArgumentException when it is no such line
         */
        static Sample ofLine(String line, long clockOffsetMs) {
            String[] parts = line.strip().split(" \\| ");
            long[] figures = longs(parts[0]);
            if (figures.length != FIGURES || parts.length != 1 && parts.length != PARTS_WITH_ROLES) {
                throw new IllegalArgumentException("not a sample: " + line);
            }
            ThreadCpu.Reading roles = parts.length == 1 ? null
                    : new ThreadCpu.Reading(longs(parts[1]), Arrays.stream(longs(parts[2])).mapToInt(Math::toIntExact)
                            .toArray());
            return new Sample(figures[0] - clockOffsetMs, figures[1], figures[2], (int) figures[3], figures[4],
                    figures[5], roles);
        }

        private static String join(Stream<?> values) {
            return values.map(String::valueOf).collect(Collectors.joining(" "));
        }

        private static long[] longs(String words) {
            return Arrays.stream(words.strip().split(" ")).mapToLong(Long::parseLong).toArray();
        }
    }

    private final Path procRoot;
    private final long serverPid;
    private final long generatorPid;
    private final long backendPid;
    private final ThreadCpu serverThreads;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    /** @param backendPid {@link #NO_PROCESS} when there is none */
    ProcSampler(Path procRoot, long serverPid, long generatorPid, long backendPid, ThreadRoles roles) {
        this.procRoot = procRoot;
        this.serverPid = serverPid;
        this.generatorPid = generatorPid;
        this.backendPid = backendPid;
        this.serverThreads = new ThreadCpu(procRoot, serverPid, roles);
        this.thread = Thread.ofPlatform().daemon().name("proc-sampler").start(this::run);
    }

    private void run() {
        long nextThreads = 0;
        while (running) {
            try {
                long epochMs = System.currentTimeMillis();
                long serverCpu = cpuNanos(serverPid);
                ThreadCpu.Reading roles = null;
                if (serverPid != NO_PROCESS && epochMs >= nextThreads) {
                    roles = serverThreads.read();
                    long endMs = System.currentTimeMillis();
                    serverCpu = (serverCpu + cpuNanos(serverPid)) / 2;
                    long spacing = Math.clamp((long) ((endMs - epochMs) / THREADS_DUTY), THREADS_INTERVAL_MS,
                            THREADS_MAX_INTERVAL_MS);
                    nextThreads = epochMs + spacing;
                    epochMs = (epochMs + endMs) / 2;
                }
                Sample sample = new Sample(epochMs, serverCpu,
                        status(serverPid, "VmRSS:") * 1024, (int) status(serverPid, "Threads:"), cpuNanos(generatorPid),
                        cpuNanos(backendPid), roles);
                synchronized (samples) {
                    samples.add(sample);
                }
                Thread.sleep(INTERVAL_MS);
            } catch (IOException | RuntimeException e) {
                // A process ended, or /proc cannot be read: what was sampled so far stands, and the trial says why.
                failure = "cannot read the server's threads and CPU time from " + procRoot + ": " + e;
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Why sampling stopped before {@link #close()}, if it did. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The CPU time the process has consumed so far; 0 for {@link #NO_PROCESS}. */
    long cpuNanos(long pid) throws IOException {
        if (pid == NO_PROCESS) {
            return 0;
        }
        String stat = Files.readString(procRoot.resolve(Long.toString(pid)).resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]))
                * NANOS_PER_TICK;
    }

    /** A numeric field of /proc/<pid>/status, e.g. {@code VmRSS:} in kB or {@code Threads:}. */
    long status(long pid, String field) throws IOException {
        if (pid == NO_PROCESS) {
            return 0;
        }
        for (String line : Files.readAllLines(procRoot.resolve(Long.toString(pid)).resolve("status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in " + procRoot + "/" + pid + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
