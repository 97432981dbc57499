package concbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The load generator's open-file limit, raised as far as this process may. Every connection Gatling opens is a file
 * descriptor, and its shared connection pool opens one more whenever none is idle, so a generator that falls behind
 * its rate opens connections until the limit stops it: in the quick run of results/quick-4 every hello step at
 * 20,000 req/s failed thousands of requests with {@code Too many open files} at 20,000. HotSpot already raises its
 * soft limit to the hard one ({@code -XX:+MaxFDLimit}, on by default on Linux); what the runner adds is a higher
 * hard limit, up to {@value #BOUND}, which takes CAP_SYS_RESOURCE (root, where a container has not dropped it):
 * Gatling then starts under {@code prlimit --nofile=N:N}. Without it Gatling keeps the hard limit it inherits, the
 * soft one raised to it, and the run's header says which limit it has. Requests that still fail for it are the
 * generator's errors, never the server's ({@code concbench.formats.GeneratorError}).
 *
 * @param soft         this process's soft limit, which its children inherit
 * @param hard         its hard limit
 * @param canRaiseHard whether it holds CAP_SYS_RESOURCE, which raising a hard limit takes
 * @param nrOpen       the kernel's ceiling for any process ({@code /proc/sys/fs/nr_open})
 */
record OpenFileLimit(long soft, long hard, boolean canRaiseHard, long nrOpen) {
    /**
     * The most the runner asks for: the kernel's default {@code nr_open}, some fifty times the 20,000 connections
     * Gatling had open when it ran out, and little kernel memory until used.
     */
    static final long BOUND = 1L << 20;
    static final String PRLIMIT = "/usr/bin/prlimit";
    /** CAP_SYS_RESOURCE's bit in a capability set ({@code linux/capability.h}). */
    private static final int CAP_SYS_RESOURCE = 24;
    private static final int HEX = 16;
    private static final String LIMITS_ROW = "Max open files";
    private static final String EFFECTIVE_CAPABILITIES = "CapEff:";
    private static final String UNLIMITED = "unlimited";

    /** This process's limits from {@code /proc}; empty where there is no {@code /proc} to read (not Linux). */
    static Optional<OpenFileLimit> ofThisProcess() {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc/self/limits")),
                    Files.readString(Path.of("/proc/self/status")),
                    Files.readString(Path.of("/proc/sys/fs/nr_open"))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param limits a {@code /proc/<pid>/limits} text, whose {@code Max open files} row gives soft and hard
     * @param status a {@code /proc/<pid>/status} text, whose {@code CapEff} line holds the effective capabilities
     * @param nrOpen {@code /proc/sys/fs/nr_open}'s text
     */
    static OpenFileLimit parse(String limits, String status, String nrOpen) {
        String[] row = limits.lines().filter(line -> line.startsWith(LIMITS_ROW)).findFirst()
                .map(line -> line.substring(LIMITS_ROW.length()).trim().split("\\s+"))
                .orElseThrow(() -> new IllegalArgumentException("no '" + LIMITS_ROW + "' row"));
        long capabilities = status.lines().filter(line -> line.startsWith(EFFECTIVE_CAPABILITIES)).findFirst()
                .map(line -> Long.parseUnsignedLong(line.substring(EFFECTIVE_CAPABILITIES.length()).trim(), HEX))
                .orElse(0L);
        return new OpenFileLimit(limit(row[0]), limit(row[1]), (capabilities >>> CAP_SYS_RESOURCE & 1) == 1,
                Long.parseLong(nrOpen.trim()));
    }

    private static long limit(String value) {
        return value.equals(UNLIMITED) ? Long.MAX_VALUE : Long.parseLong(value);
    }

    /** The limit Gatling gets, soft and hard alike: up to {@link #BOUND} where this process may, else its hard one. */
    long target() {
        return canRaiseHard ? Math.max(hard, Math.min(BOUND, nrOpen)) : hard;
    }

    /**
     * What to start Gatling under: {@code prlimit --nofile=N:N} when that raises a limit and {@value #PRLIMIT} is
     * there; nothing when it would not.
     */
    List<String> prefix(boolean prlimit) {
        return prlimit && raises() ? List.of(PRLIMIT, "--nofile=" + target() + ":" + target()) : List.of();
    }

    private boolean raises() {
        return target() > soft || target() > hard;
    }

    /**
     * The limit Gatling runs with, for the run's header, e.g. {@code 20,000 (the hard limit: raising it takes
     * CAP_SYS_RESOURCE)} or {@code 1,048,576 (raised from 20,000)}. Without prlimit it is the hard limit: the JVM
     * raises its soft limit to it.
     */
    String describe(boolean prlimit) {
        long limit = prlimit ? target() : hard;
        List<String> notes = new ArrayList<>();
        if (limit > soft) {
            notes.add(String.format(Locale.ROOT, "raised from %,d", soft));
        }
        if (!canRaiseHard) {
            notes.add("the hard limit: raising it takes CAP_SYS_RESOURCE");
        } else if (!prlimit && target() > hard) {
            notes.add(PRLIMIT + " is missing to raise the hard limit");
        }
        return String.format(Locale.ROOT, "%,d", limit) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes)
                + ")");
    }
}
