package concbench.gatling;

import concbench.gatling.names.SimulationProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lets the runner end the warm-up once the server is warm, in the same Gatling JVM as the measured phases: a fresh
 * Gatling JVM is itself cold (after 4 s it was still compiling, at a third of its warm rate), so the warm-up cannot
 * be a simulation of its own.
 *
 * <p>The warm-up's looping users loop as long as {@link #warming()}. A daemon thread appends
 * {@code <epoch ms> <responses so far>} to the progress file once a second, from which the runner reads the
 * warm-up's throughput, and ends the warm-up when the done file appears or the longest warm-up has passed,
 * whichever comes first. Without the two properties the warm-up simply lasts {@code warmupSeconds}.
 *
 * <p>After the first, at the start, the reports fall {@link #BEFORE_TICK} before each of Gatling's
 * once-a-second ticks (the first warm-up user starts on one), and the longest warm-up ends as long before one: the runner's answer to a report then ends the
 * warm-up before the next tick, on which Gatling starts the next phase ({@link PhasedSimulation}). Reports on the
 * ticks themselves left most of a second without load after every warm-up.
 */
final class WarmupSignal {
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /**
     * How long before a tick the reports fall: the runner's answer takes up to its 250 ms watch, this signal's
     * 50 ms poll, and the warm-up's last requests their answers.
     */
    static final Duration BEFORE_TICK = Duration.ofMillis(SimulationProperties.WARMUP_REPORT_LEAD_MS);

    private final AtomicBoolean warming = new AtomicBoolean(true);
    private final LongAdder responses = new LongAdder();
    /** Opened by the first warm-up user: Gatling takes a while between building the simulation and injecting. */
    private final CountDownLatch started = new CountDownLatch(1);

    private WarmupSignal() {
    }

    /** Starts watching; the longest warm-up counts from the moment the first warm-up user starts. */
    static WarmupSignal start(Duration longest) {
        WarmupSignal signal = new WarmupSignal();
        String done = System.getProperty(SimulationProperties.WARMUP_DONE_FILE);
        String progress = System.getProperty(SimulationProperties.WARMUP_PROGRESS_FILE);
        Thread.ofPlatform().daemon().name("warmup-signal").start(() -> signal.watch(longest,
                done == null ? null : Path.of(done), progress == null ? null : Path.of(progress)));
        return signal;
    }

    boolean warming() {
        started.countDown();
        return warming.get();
    }

    /** Counts a warm-up response, OK or not: the runner judges the throughput from these. */
    void responded() {
        responses.increment();
    }

    private void watch(Duration longest, Path done, Path progress) {
        try {
            started.await();
            long start = System.nanoTime();
            if (progress != null) {
                report(progress);
            }
            long nextReport = start + REPORT_INTERVAL.toNanos() - BEFORE_TICK.toNanos();
            long end = start + longest.toNanos() - BEFORE_TICK.toNanos();
            while (System.nanoTime() < end && (done == null || !Files.exists(done))) {
                if (progress != null && System.nanoTime() >= nextReport) {
                    report(progress);
                    nextReport += REPORT_INTERVAL.toNanos();
                }
                Thread.sleep(POLL_INTERVAL);
            }
            if (progress != null) {
                report(progress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            warming.set(false);
        }
    }

    private void report(Path progress) {
        String line = System.currentTimeMillis() + " " + responses.sum() + "\n";
        try {
            Files.writeString(progress, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the warm-up's progress to " + progress, e);
        }
    }
}
