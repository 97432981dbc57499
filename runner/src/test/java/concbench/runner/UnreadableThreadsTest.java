package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.formats.CpuLayout;
import concbench.formats.TrialResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose threads cannot be read fails its trial with the reason; nothing else is lost. */
class UnreadableThreadsTest {
    private static final Path ROOT = Path.of(System.getProperty("concbench.root")).toAbsolutePath().normalize();
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path temp;

    @Test
    void aProcessThatEndsStopsTheSamplerWithTheReason() throws Exception {
        Process process = new ProcessBuilder("sleep", "0.5").start();
        ProcSampler sampler = new ProcSampler(Path.of("/proc"), process.pid(), ProcessHandle.current().pid(),
                ProcSampler.NO_PROCESS, ThreadRoles.parse("", "none"));
        try (sampler) {
            assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (sampler.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(ProcSampler.INTERVAL_MS);
            }
        }
        assertTrue(sampler.failure().orElse("").startsWith("cannot read the server's threads and CPU time from "
                + "/proc"), sampler.failure().orElse("(none)"));
        assertFalse(sampler.samples().isEmpty(), "what was sampled before it ended stands");
    }

    @Test
    void withoutProcTheTrialFailsBeforeAnyLoadSayingWhy() throws Exception {
        Launcher launcher = new Launcher(ROOT);
        RunOptions options = RunOptions.of(new RunChoices("smoke", null, null, null, null, temp.toString(), null, null, null,
                true, null), ROOT, List.of("netty"));
        CpuLayout layout = CpuLayout.derive(BenchRun.availableCpus());
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()), false, options.profile(), 1);
        Path noProc = temp.resolve("no-proc");
        TrialResult result = new TrialRunner(options, layout, launcher, progress, noProc)
                .run("netty", Scenario.HELLO, 0, 1);
        assertEquals(TrialResult.FAILED, result.status());
        assertTrue(result.failure().contains(noProc.toString()), result.failure());
        assertTrue(result.phases().isEmpty());
    }
}
