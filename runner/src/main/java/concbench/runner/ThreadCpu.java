package concbench.runner;

import concbench.formats.ThreadRole;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time a process's threads have spent, by {@link ThreadRole}, from {@code /proc/<pid>/task/<tid>}: each
 * thread's {@code schedstat} (its first field is the time it ran, in nanoseconds) and its {@code comm}, its name.
 * Each reading adds what every thread spent since the last one to its role's running total, so a thread that
 * starts between readings counts whole and one that ends keeps what it spent up to the last reading; only its last
 * fraction of a reading interval is lost.
 *
 * <p>Not {@code stat}'s CPU times: they count whole clock ticks per thread, so a thread that runs for less than a
 * tick between readings shows nothing. Undertow's 1,000 fan-out threads each run a few milliseconds a second, and
 * by ticks their roles added up to 40% of the process's CPU time; by {@code schedstat} they add up to it.
 *
 * <p>Cost: one small file read per thread (a few microseconds each, on the runner's CPUs, not the server's), and a
 * second one for its name when the thread is new or its name is due for a fresh look.
 */
final class ThreadCpu {
    /**
     * A thread may be named after it starts (it first carries its parent's name): names are read again every this
     * many readings.
     */
    private static final int NAMES_EVERY = 10;
    private static final int SCHEDSTAT_BYTES = 128;
    private static final int DECIMAL = 10;

    /** Running totals since the first reading, indexed by {@link ThreadRole#ordinal()}. */
    record Reading(long[] cpuNanos, int[] threads) {
        long total() {
            long total = 0;
            for (long nanos : cpuNanos) {
                total += nanos;
            }
            return total;
        }
    }

    private final Path tasks;
    private final ThreadRoles roles;
    private final long[] cumulative = new long[ThreadRole.values().length];
    private Map<String, Long> lastByThread = new HashMap<>();
    private Map<String, ThreadRole> roleByThread = new HashMap<>();
    private long readings;
    /** schedstat is three numbers of at most 20 digits each. */
    private final byte[] buffer = new byte[SCHEDSTAT_BYTES];

    ThreadCpu(Path procRoot, long pid, ThreadRoles roles) {
        this.tasks = procRoot.resolve(Long.toString(pid)).resolve("task");
        this.roles = roles;
    }

    /** @throws IOException when the process's threads cannot be listed: it ended, or there is no {@code /proc} */
    Reading read() throws IOException {
        int[] threads = new int[cumulative.length];
        Map<String, Long> now = new HashMap<>(lastByThread.size() * 2);
        Map<String, ThreadRole> named = new HashMap<>(roleByThread.size() * 2);
        boolean renameAll = readings++ % NAMES_EVERY == 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                String tid = task.getFileName().toString();
                long nanos;
                ThreadRole role;
                try {
                    nanos = runNanos(task.resolve("schedstat"));
                    role = roleByThread.get(tid);
                    if (role == null || renameAll) {
                        role = roles.of(Files.readString(task.resolve("comm")).strip());
                    }
                } catch (NoSuchFileException | FileNotFoundException e) {
                    continue; // the thread ended between the listing and the read
                }
                cumulative[role.ordinal()] += Math.max(0, nanos - lastByThread.getOrDefault(tid, 0L));
                threads[role.ordinal()]++;
                now.put(tid, nanos);
                named.put(tid, role);
            }
        }
        lastByThread = now;
        roleByThread = named;
        return new Reading(cumulative.clone(), threads);
    }

    /** The first field of a {@code schedstat} file, read into a reused buffer: this runs once per thread. */
    private long runNanos(Path schedstat) throws IOException {
        int length;
        try (FileInputStream in = new FileInputStream(schedstat.toFile())) {
            length = in.read(buffer);
        }
        long nanos = 0;
        for (int i = 0; i < length && buffer[i] != ' '; i++) {
            nanos = nanos * DECIMAL + (buffer[i] - '0');
        }
        return nanos;
    }
}
