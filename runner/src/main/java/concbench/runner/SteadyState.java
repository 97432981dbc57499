package concbench.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides when a warm-up has brought the server to steady state, from its windows (one a second): the server's JIT
 * compiler threads took under {@value #COMPILER_SHARE_LIMIT} of its CPU over the last {@value #WINDOWS} windows,
 * and the throughput of each of those windows was within {@value #THROUGHPUT_TOLERANCE} of the one before. Both
 * matter: the compiler can be quiet while a cold Gatling still speeds up, and the throughput can be flat while the
 * compiler, on the server's own CPUs, still takes a share of them that a measured phase would pay for.
 *
 * <p>Never before {@code minimum} (a JIT needs its first seconds whatever the numbers say); at {@code maximum} it
 * gives up and the trial's numbers are marked "not warm". Both count the warm-up as it ends: a verdict takes
 * effect {@code lead} after the window it follows (Gatling's reports fall that long before the tick on which the
 * warm-up ends). Pure: the runner feeds it windows.
 */
final class SteadyState {
    static final double COMPILER_SHARE_LIMIT = 0.02;
    static final double THROUGHPUT_TOLERANCE = 0.05;
    static final int WINDOWS = 3;

    /**
     * One window of the warm-up.
     *
     * @param millis        how long it lasted
     * @param responses     responses Gatling received in it
     * @param cpuNanos      the server's CPU time in it, all threads
     * @param compilerNanos the part of it the JIT compiler threads took
     */
    record Window(long millis, long responses, long cpuNanos, long compilerNanos) {
        double throughput() {
            return millis <= 0 ? 0 : responses * 1000.0 / millis;
        }

        double compilerShare() {
            return cpuNanos <= 0 ? 1 : (double) compilerNanos / cpuNanos;
        }
    }

    enum Verdict { WARMING, STEADY, NOT_WARM }

    private final Duration minimum;
    private final Duration maximum;
    private final long leadMillis;
    private final List<Window> windows = new ArrayList<>();
    private long elapsedMillis;

    SteadyState(Duration minimum, Duration maximum, Duration lead) {
        if (minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("the shortest warm-up " + minimum + " exceeds the longest " + maximum);
        }
        this.minimum = minimum;
        this.maximum = maximum;
        this.leadMillis = lead.toMillis();
    }

    /** Adds the next window and says where the warm-up stands after it. */
    Verdict add(Window window) {
        windows.add(window);
        elapsedMillis += window.millis();
        if (elapsedMillis() >= minimum.toMillis() && steady()) {
            return Verdict.STEADY;
        }
        return elapsedMillis() >= maximum.toMillis() ? Verdict.NOT_WARM : Verdict.WARMING;
    }

    private boolean steady() {
        if (windows.size() < WINDOWS) {
            return false;
        }
        List<Window> last = windows.subList(windows.size() - WINDOWS, windows.size());
        long cpu = last.stream().mapToLong(Window::cpuNanos).sum();
        long compiler = last.stream().mapToLong(Window::compilerNanos).sum();
        if (cpu <= 0 || (double) compiler / cpu >= COMPILER_SHARE_LIMIT) {
            return false;
        }
        for (int i = 1; i < last.size(); i++) {
            double before = last.get(i - 1).throughput();
            double now = last.get(i).throughput();
            if (before <= 0 || now <= 0 || Math.abs(now - before) > THROUGHPUT_TOLERANCE * Math.max(before, now)) {
                return false;
            }
        }
        return true;
    }

    /** How long the warm-up has lasted by the time a verdict now would take effect. */
    long elapsedMillis() {
        return elapsedMillis + leadMillis;
    }

    List<Window> windows() {
        return List.copyOf(windows);
    }
}
