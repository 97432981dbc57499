package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.ThreadRole;
import concbench.formats.Warmup;
import concbench.gatling.names.SimulationProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up watched from progress lines streamed from another host, and from Gatling's file on one machine. */
class WarmupMonitorTest {
    private static final long START_MS = 1_000_000;
    private static final long SECOND_MS = 1000;
    /** The server's CPU a second in these warm-ups, every nanosecond of it in request threads. */
    private static final long CPU_A_SECOND = 800_000_000L;
    private static final int RESPONSES_A_SECOND = 10_000;
    private static final Duration SHORTEST = Duration.ofSeconds(3);
    private static final Duration LONGEST = Duration.ofSeconds(20);

    /**
     * A host whose clock is 5 s ahead streams its progress amid a follower's notices: the lines land on the
     * runner's clock, where the server's samples are, so each window finds its thread readings; the server is warm
     * once the shortest warm-up has passed, and the warm-up is ended once, with that verdict.
     */
    @Test
    void linesFromAHostAheadAreReadOnTheRunnersClockAndEndTheWarmUpOnce() throws Exception {
        long offsetMs = 5_000;
        WarmupMonitor.Streamed lines = new WarmupMonitor.Streamed(offsetMs);
        List<SteadyState.Verdict> ended = new ArrayList<>();
        WarmupMonitor monitor = new WarmupMonitor(lines, WarmupMonitorTest::samples, ended::add, SHORTEST, LONGEST);
        lines.accept("guard: pid 42");
        lines.accept("tail: cannot open 'warmup.progress' for reading: No such file or directory");
        assertFalse(monitor.poll(), "no progress yet");
        for (int second = 0; second <= SHORTEST.toSeconds(); second++) {
            lines.accept((START_MS + offsetMs + second * SECOND_MS) + " " + second * RESPONSES_A_SECOND);
        }
        assertTrue(monitor.poll());
        assertFalse(monitor.poll(), "ended once");
        assertEquals(List.of(SteadyState.Verdict.STEADY), ended);
        Warmup warmup = monitor.result();
        assertTrue(warmup.steadyState());
        assertEquals(SHORTEST.toMillis() + SimulationProperties.WARMUP_REPORT_LEAD_MS, warmup.seconds() * 1000, 1e-6,
                "to the Gatling tick on which the warm-up ends");
        assertEquals(RESPONSES_A_SECOND, warmup.windows().getLast().throughput(), 1e-9);
        assertEquals(0, warmup.windows().getLast().compilerShare(), 1e-9,
                "a share of 1 would mean the windows missed the server's readings: the clocks apart");
    }

    /** On one machine: Gatling's file, its half-written last line left for later, the done file written. */
    @Test
    void onOneMachineTheProgressFileIsReadAndTheDoneFileWritten(@TempDir Path dir) throws Exception {
        Path progress = dir.resolve(TrialRunner.WARMUP_PROGRESS);
        Path done = dir.resolve(TrialRunner.WARMUP_DONE);
        try (ProcSampler sampler = new ProcSampler(dir, ProcSampler.NO_PROCESS, ProcSampler.NO_PROCESS,
                ProcSampler.NO_PROCESS, ThreadRoles.parse("", "none"))) {
            WarmupMonitor monitor = WarmupMonitor.local(progress, done, sampler, SHORTEST, SHORTEST);
            assertFalse(monitor.poll(), "Gatling has not started its warm-up");
            Files.writeString(progress, "");
            assertFalse(monitor.poll(), "an empty file");
            StringBuilder text = new StringBuilder();
            for (int second = 0; second <= SHORTEST.toSeconds(); second++) {
                text.append(START_MS + second * SECOND_MS).append(' ').append(second * RESPONSES_A_SECOND)
                        .append('\n');
            }
            Files.writeString(progress, text.substring(0, text.length() - 2));
            assertFalse(monitor.poll(), "the last line is half-written: one second short");
            Files.writeString(progress, text);
            assertTrue(monitor.poll());
        }
        assertEquals("NOT_WARM\n", Files.readString(done), "no thread readings: the compiler share unknown");
    }

    /**
     * The server's samples on the runner's clock over the shortest warm-up, a thread reading each second, no
     * compiler work: a window read on the host's clock instead would fall after them and find no CPU.
     */
    private static List<ProcSampler.Sample> samples() {
        List<ProcSampler.Sample> samples = new ArrayList<>();
        for (int second = 0; second <= SHORTEST.toSeconds(); second++) {
            long[] cpu = new long[ThreadRole.values().length];
            cpu[ThreadRole.REQUEST.ordinal()] = second * CPU_A_SECOND;
            samples.add(new ProcSampler.Sample(START_MS + second * SECOND_MS, second * CPU_A_SECOND, 1, 1, 0, 0,
                    new ThreadCpu.Reading(cpu, new int[ThreadRole.values().length])));
        }
        return samples;
    }
}
