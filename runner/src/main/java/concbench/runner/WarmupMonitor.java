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

/**
 * The runner's side of the warm-up: reads the progress Gatling appends once a second (epoch ms and responses so
 * far, {@code concbench.gatling.WarmupSignal}) and the server's CPU by thread role from the {@link ProcSampler},
 * feeds each second to {@link SteadyState}, and creates the done file that ends Gatling's warm-up once the server
 * is warm or the longest warm-up has passed.
 */
final class WarmupMonitor {
    private final Path progress;
    private final Path done;
    private final ProcSampler sampler;
    private final SteadyState steadyState;
    private final List<long[]> lines = new ArrayList<>();
    private final List<Warmup.Window> windows = new ArrayList<>();
    private SteadyState.Verdict verdict = SteadyState.Verdict.WARMING;

    WarmupMonitor(Path progress, Path done, ProcSampler sampler, Duration minimum, Duration maximum) {
        this.progress = progress;
        this.done = done;
        this.sampler = sampler;
        this.steadyState = new SteadyState(minimum, maximum,
                Duration.ofMillis(SimulationProperties.WARMUP_REPORT_LEAD_MS));
    }

    /**
     * Takes in the progress reported since the last call; ends the warm-up when it is time.
     *
     * @return true once, on the call that ended the warm-up
     */
    boolean poll() throws IOException {
        if (verdict != SteadyState.Verdict.WARMING) {
            return false;
        }
        String text;
        try {
            text = Files.readString(progress);
        } catch (NoSuchFileException e) {
            return false; // Gatling has not started its warm-up yet
        }
        // The last line may still be half-written: take only lines that end with a newline.
        List<String> reported = text.lines().toList();
        int complete = text.endsWith("\n") ? reported.size() : reported.size() - 1;
        List<ProcSampler.Sample> samples = sampler.samples();
        for (int i = lines.size(); i < complete && verdict == SteadyState.Verdict.WARMING; i++) {
            String[] fields = reported.get(i).strip().split(" ");
            long[] line = {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
            lines.add(line);
            if (lines.size() > 1) {
                verdict = steadyState.add(window(lines.get(lines.size() - 2), line, samples));
            }
        }
        if (verdict == SteadyState.Verdict.WARMING) {
            return false;
        }
        Files.writeString(done, verdict.name() + "\n");
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
}
