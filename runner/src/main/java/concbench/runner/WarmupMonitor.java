package concbench.runner;

import concbench.formats.ThreadRole;
import concbench.formats.Warmup;
import concbench.gatling.names.SimulationProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner's side of the warm-up: reads the progress Gatling appends once a second (epoch ms and responses so
 * far, {@code concbench.gatling.WarmupSignal}) and the server's CPU by thread role from the sampler's samples, feeds
 * each second to {@link SteadyState}, and ends Gatling's warm-up (its done file) once the server is warm or the
 * longest warm-up has passed. On one machine the progress is Gatling's file and the samples the {@link ProcSampler}'s
 * ({@link #local}); on several, lines streamed from a load generator host ({@link Streamed}) and the server host's
 * {@link RemoteSampler}.
 */
final class WarmupMonitor {
    private final ProgressLines progress;
    private final Supplier<List<ProcSampler.Sample>> samples;
    private final Ending ending;
    private final SteadyState steadyState;
    private final List<long[]> lines = new ArrayList<>();
    private final List<Warmup.Window> windows = new ArrayList<>();
    private SteadyState.Verdict verdict = SteadyState.Verdict.WARMING;

    /** The progress lines reported so far, complete lines only, oldest first, their times on the runner's clock. */
    @FunctionalInterface
    interface ProgressLines {
        List<String> read() throws IOException;
    }

    /** Ends Gatling's warm-up with the verdict: makes the done file (or files) it waits for. */
    @FunctionalInterface
    interface Ending {
        void end(SteadyState.Verdict verdict) throws IOException, InterruptedException;
    }

    /** @param samples the server's samples so far, on the runner's clock */
    WarmupMonitor(ProgressLines progress, Supplier<List<ProcSampler.Sample>> samples, Ending ending,
            Duration minimum, Duration maximum) {
        this.progress = progress;
        this.samples = samples;
        this.ending = ending;
        this.steadyState = new SteadyState(minimum, maximum,
                Duration.ofMillis(SimulationProperties.WARMUP_REPORT_LEAD_MS));
    }

    /** On one machine: Gatling's progress file, the sampler's samples, the done file written beside them. */
    static WarmupMonitor local(Path progress, Path done, ProcSampler sampler, Duration minimum, Duration maximum) {
        return new WarmupMonitor(() -> completeLines(progress), sampler::samples,
                verdict -> Files.writeString(done, verdict.name() + "\n"), minimum, maximum);
    }

    /** The lines of the file that end with a newline: the last may still be half-written. */
    private static List<String> completeLines(Path progress) throws IOException {
        String text;
        try {
            text = Files.readString(progress);
        } catch (NoSuchFileException e) {
            return List.of(); // Gatling has not started its warm-up yet
        }
        List<String> reported = text.lines().toList();
        return text.endsWith("\n") || reported.isEmpty() ? reported : reported.subList(0, reported.size() - 1);
    }

    /**
     * Takes in the progress reported since the last call; ends the warm-up when it is time.
     *
     * @return true once, on the call that ended the warm-up
     */
    boolean poll() throws IOException, InterruptedException {
        if (verdict != SteadyState.Verdict.WARMING) {
            return false;
        }
        List<String> reported = progress.read();
        List<ProcSampler.Sample> taken = samples.get();
        for (int i = lines.size(); i < reported.size() && verdict == SteadyState.Verdict.WARMING; i++) {
            String[] fields = reported.get(i).strip().split(" ");
            long[] line = {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
            lines.add(line);
            if (lines.size() > 1) {
                verdict = steadyState.add(window(lines.get(lines.size() - 2), line, taken));
            }
        }
        if (verdict == SteadyState.Verdict.WARMING) {
            return false;
        }
        ending.end(verdict);
        return true;
    }

    private SteadyState.Window window(long[] from, long[] to, List<ProcSampler.Sample> samples) {
        ThreadCpu.Reading start = readingAt(samples, from[0]);
        ThreadCpu.Reading end = readingAt(samples, to[0]);
        long cpu = start == null || end == null ? 0 : end.total() - start.total();
        long compiler = start == null || end == null ? 0
                : end.cpuNanos()[ThreadRole.COMPILER.ordinal()] - start.cpuNanos()[ThreadRole.COMPILER.ordinal()];
        SteadyState.Window window = new SteadyState.Window(to[0] - from[0], to[1] - from[1], cpu, compiler);
        windows.add(new Warmup.Window(window.throughput(), window.compilerShare()));
        return window;
    }

    /** The last thread reading taken at or before {@code epochMs}. */
    private static ThreadCpu.Reading readingAt(List<ProcSampler.Sample> samples, long epochMs) {
        ThreadCpu.Reading found = null;
        for (ProcSampler.Sample sample : samples) {
            if (sample.epochMs() > epochMs) {
                break;
            }
            if (sample.roles() != null) {
                found = sample.roles();
            }
        }
        return found;
    }

    /** How the warm-up went; not steady when Gatling's warm-up ended before a decision (its own backstop). */
    Warmup result() {
        return new Warmup(steadyState.elapsedMillis() / 1000.0, verdict == SteadyState.Verdict.STEADY, windows);
    }

    /**
     * Progress lines as they arrive from another host (the progress file followed there over SSH), each moved onto
     * the runner's clock; what is not a progress line (the follower's own notices) is left out.
     */
    static final class Streamed implements ProgressLines, Consumer<String> {
        private static final Pattern PROGRESS = Pattern.compile("(\\d+) (\\d+)");
        private final long clockOffsetMs;
        private final List<String> lines = new ArrayList<>();

        /** @param clockOffsetMs the sending host's clock minus the runner's */
        Streamed(long clockOffsetMs) {
            this.clockOffsetMs = clockOffsetMs;
        }

        @Override
        public void accept(String line) {
            Matcher progress = PROGRESS.matcher(line.strip());
            if (progress.matches()) {
                synchronized (lines) {
                    lines.add((Long.parseLong(progress.group(1)) - clockOffsetMs) + " " + progress.group(2));
                }
            }
        }

        @Override
        public List<String> read() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
