package concbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samples the cost of the server and the load generator from {@code /proc} while they run: CPU time (user +
 * system) of each, and the server's resident memory and thread count. Reading {@code /proc} costs the sampler a
 * few microseconds every {@link #INTERVAL_MS} ms on the runner's own thread, not on the server's CPUs.
 */
final class ProcSampler implements AutoCloseable {
    static final long INTERVAL_MS = 100;
    /** Clock ticks per second of {@code /proc/<pid>/stat}'s CPU times: USER_HZ, 100 on every Linux in use. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
    /** utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted after the ")" that ends field 2. */
    private static final int UTIME_AFTER_COMM = 11;

    /**
     * One reading: wall time, the CPU time each process has consumed so far, and the server's resident memory
     * and threads at that moment.
     */
    record Sample(long epochMs, long serverCpuNanos, long serverRssBytes, int serverThreads, long generatorCpuNanos,
            long backendCpuNanos) {
    }

    private final long serverPid;
    private final long generatorPid;
    private final long backendPid;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ProcSampler(long serverPid, long generatorPid, long backendPid) {
        this.serverPid = serverPid;
        this.generatorPid = generatorPid;
        this.backendPid = backendPid;
        this.thread = Thread.ofPlatform().daemon().name("proc-sampler").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                Sample sample = new Sample(System.currentTimeMillis(), cpuNanos(serverPid),
                        status(serverPid, "VmRSS:") * 1024, (int) status(serverPid, "Threads:"), cpuNanos(generatorPid),
                        cpuNanos(backendPid));
                synchronized (samples) {
                    samples.add(sample);
                }
                Thread.sleep(INTERVAL_MS);
            } catch (IOException e) {
                return; // a process ended; what was sampled so far stands
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

    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]))
                * NANOS_PER_TICK;
    }

    /** A numeric field of /proc/<pid>/status, e.g. {@code VmRSS:} in kB or {@code Threads:}. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
