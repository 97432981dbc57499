package concbench.gatling;

import concbench.gatling.names.SimulationProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The latency ladder's judge: it ends the ladder at the first step the server could not keep, so that no server is
 * loaded far past what it serves and the steps above are not run for it. A step is not kept when Gatling sent, or
 * the server completed, under {@value #KEPT} of its rate, or a request failed (judged when the next step's first
 * user arrives, after every user of the step has finished), or at once when its backlog of unanswered requests
 * outgrows {@value #BACKLOG_SECONDS} s of arrivals (and {@value #MIN_BACKLOG} requests): the server is falling behind, and every further arrival only
 * waits longer. The runner applies the same rule to the records ({@code RateSchedule}); the reason Gatling ended
 * the ladder goes to {@link #END_FILE} as {@code <rate> <why>}. A failure ends the step whoever caused it, the
 * load generator itself included (out of file descriptors, say): a generator that cannot open its connections
 * measures nothing above it either. Why it failed is not in Gatling's session (it has {@code isFailed()}, no message),
 * so this judge says "N request(s) failed" and the runner, which reads every failure's message in the records, names
 * the generator instead where the failures were its own ({@code concbench.formats.GeneratorError}).
 *
 * <p>Users of a step call {@link #sends} before their request and {@link #answered} after it, from Gatling's
 * threads: each step counts under its own lock, uncontended on the load generator's one CPU.
 */
final class Ladder {
    /** System property: where the reason the ladder ended goes. */
    static final String END_FILE = SimulationProperties.LADDER_END_FILE;
    static final double KEPT = 0.95;
    static final double BACKLOG_SECONDS = 2.0;
    /** A backlog a step may always have, however low its rate: a few requests in flight are no queue. */
    static final int MIN_BACKLOG = 10;
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final List<Integer> rates;
    private final Path endFile;
    private final Step[] steps;
    private volatile String end;

    Ladder(List<Integer> rates, Path endFile) {
        this(rates, rates, endFile);
    }

    /**
     * @param rates  the ladder's rates, which its steps are named after and {@link #END_FILE} names
     * @param judged the arrivals per second each step is judged by: this generator's part of each rate when several
     *               share the load ({@link LoadShare}), the rates themselves when it makes the whole load
     */
    Ladder(List<Integer> rates, List<Integer> judged, Path endFile) {
        this.rates = List.copyOf(rates);
        this.endFile = endFile;
        this.steps = new Step[rates.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new Step(judged.get(i));
        }
    }

    /**
     * The ladder of the JVM's system properties: the profile's rates, each step judged by this generator's share of
     * it (all of it on one machine), the end file if given.
     */
    static Ladder of(LoadProfile profile, LoadShare share) {
        String file = System.getProperty(END_FILE);
        return new Ladder(profile.rates(), share.rates(), file == null ? null : Path.of(file));
    }

    /**
     * Whether a user of {@code step} may send its request: false once the ladder has ended, so the user stops the
     * load generator instead. Counts the send when it may.
     */
    boolean sends(int step) {
        if (end != null) {
            return false;
        }
        if (step > 0 && steps[step - 1].missed() instanceof String why) {
            endAt(step - 1, why);
            return false;
        }
        String backlog = steps[step].send(System.nanoTime());
        if (backlog != null) {
            endAt(step, backlog);
            return false;
        }
        return true;
    }

    /** A user of {@code step} got its answer, or failed. */
    void answered(int step, boolean failed) {
        steps[step].answer(System.nanoTime(), failed);
    }

    /** Why the ladder ended, as the load generator's stop message. */
    String end() {
        return end;
    }

    private synchronized void endAt(int step, String why) {
        if (end != null) {
            return;
        }
        end = rates.get(step) + " " + why;
        if (endFile != null) {
            try {
                Files.writeString(endFile, end + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One step's counts: sends, answers, failures, and when the first and last of them happened. */
    private static final class Step {
        private final int rate;
        private long sent;
        private long answered;
        private long failed;
        private long firstSendNanos;
        private long lastSendNanos;
        private long lastAnswerNanos;
        private boolean judged;
        private String verdict;

        Step(int rate) {
            this.rate = rate;
        }

        /** Counts a send; returns why the step is falling behind, or null. */
        synchronized String send(long nanos) {
            if (sent == 0) {
                firstSendNanos = nanos;
            }
            sent++;
            lastSendNanos = nanos;
            long backlog = sent - answered;
            if (backlog > Math.max(MIN_BACKLOG, rate * BACKLOG_SECONDS)) {
                return String.format(Locale.ROOT, "the server fell behind: %d requests unanswered after %.1f s, over"
                        + " %.0f s of arrivals; the step was cut short", backlog,
                        (nanos - firstSendNanos) / NANOS_PER_SECOND, BACKLOG_SECONDS);
            }
            return null;
        }

        synchronized void answer(long nanos, boolean failure) {
            answered++;
            lastAnswerNanos = nanos;
            if (failure) {
                failed++;
            }
        }

        /** Why the finished step was not kept, or null when it was; judged once, as the step is over. */
        synchronized String missed() {
            if (!judged) {
                verdict = judge();
                judged = true;
            }
            return verdict;
        }

        private String judge() {
            if (failed > 0) {
                return failed + " request(s) failed";
            }
            double sendSeconds = (lastSendNanos - firstSendNanos) / NANOS_PER_SECOND;
            double achieved = sendSeconds > 0 ? (sent - 1) / sendSeconds : rate;
            if (achieved < KEPT * rate) {
                return String.format(Locale.ROOT, "Gatling sent %.0f of %d req/s", achieved, rate);
            }
            double completed = answered / Math.max((lastAnswerNanos - firstSendNanos) / NANOS_PER_SECOND, 1e-3);
            if (completed < KEPT * rate) {
                return String.format(Locale.ROOT, "the server completed %.0f of %d req/s", completed, rate);
            }
            return null;
        }
    }
}
