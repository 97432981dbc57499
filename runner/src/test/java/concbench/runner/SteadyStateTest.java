package concbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady-state rule on synthetic warm-ups, one window a second. */
class SteadyStateTest {
    private static final long SECOND = 1000;
    private static final long CPU = 900_000_000L;
    /** Verdicts that take effect at once, as after windows that end on Gatling's ticks. */
    private static final Duration ON_THE_TICK = Duration.ZERO;

    private static SteadyState.Window window(long responses, double compilerShare) {
        return new SteadyState.Window(SECOND, responses, CPU, (long) (CPU * compilerShare));
    }

    /** Feeds the windows until a verdict other than WARMING; returns it and after how many windows. */
    private static List<Object> run(SteadyState rule, List<SteadyState.Window> windows) {
        for (int i = 0; i < windows.size(); i++) {
            SteadyState.Verdict verdict = rule.add(windows.get(i));
            if (verdict != SteadyState.Verdict.WARMING) {
                return List.of(verdict, i + 1);
            }
        }
        return List.of(SteadyState.Verdict.WARMING, windows.size());
    }

    @Test
    void aWarmUpThatSettlesIsSteadyOnceTheCompilerIsQuietAndTheThroughputFlat() {
        // A JIT that compiles hard at first while the throughput climbs, then settles from window 6 on.
        List<SteadyState.Window> windows = new ArrayList<>(List.of(window(2_000, 0.45), window(5_000, 0.30),
                window(8_000, 0.15), window(9_500, 0.06), window(9_800, 0.03)));
        for (int i = 0; i < 10; i++) {
            windows.add(window(10_000 + (i % 2) * 100, 0.005));
        }
        assertEquals(List.of(SteadyState.Verdict.STEADY, 7),
                run(new SteadyState(Duration.ofSeconds(2), Duration.ofSeconds(20), ON_THE_TICK), windows));
    }

    @Test
    void theWarmUpIsCountedToTheTickOnWhichItWouldEnd() {
        // Gatling reports at the start, then 400 ms before each tick: a first window of 0.6 s, then 1 s each. A
        // verdict after the first window ends the warm-up on the tick at 1 s, the longest warm-up of smoke.
        SteadyState rule = new SteadyState(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(400));
        assertEquals(SteadyState.Verdict.NOT_WARM, rule.add(new SteadyState.Window(600, 6_000, CPU, CPU / 2)));
        assertEquals(1000, rule.elapsedMillis());
        SteadyState longer = new SteadyState(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(400));
        assertEquals(SteadyState.Verdict.WARMING, longer.add(new SteadyState.Window(600, 6_000, CPU, 0)));
        assertEquals(SteadyState.Verdict.WARMING, longer.add(window(10_000, 0)));
        assertEquals(SteadyState.Verdict.NOT_WARM, longer.add(window(12_000, 0)), "3 s at the tick after it");
    }

    @Test
    void noVerdictBeforeTheShortestWarmUpHowEverSteadyItLooks() {
        List<SteadyState.Window> windows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            windows.add(window(10_000, 0));
        }
        assertEquals(List.of(SteadyState.Verdict.STEADY, 8),
                run(new SteadyState(Duration.ofSeconds(8), Duration.ofSeconds(20), ON_THE_TICK), windows));
    }

    @Test
    void aCompilerThatNeverQuietsDownRunsOutOfTime() {
        // Undertow-like: a flat throughput, but the compiler keeps 5% of the server's CPU.
        List<SteadyState.Window> windows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            windows.add(window(10_000, 0.05));
        }
        assertEquals(List.of(SteadyState.Verdict.NOT_WARM, 6),
                run(new SteadyState(Duration.ofSeconds(2), Duration.ofSeconds(6), ON_THE_TICK), windows));
    }

    @Test
    void anOscillatingThroughputIsNotSteadyEvenWithAQuietCompiler() {
        // A generator still warming up, or a GC cycle: 10,000 and 11,000 in turn, 10% apart.
        List<SteadyState.Window> windows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            windows.add(window(i % 2 == 0 ? 10_000 : 11_000, 0.001));
        }
        assertEquals(List.of(SteadyState.Verdict.NOT_WARM, 10),
                run(new SteadyState(Duration.ofSeconds(2), Duration.ofSeconds(10), ON_THE_TICK), windows));
    }

    @Test
    void oneCompileBurstInTheLastWindowsIsEnoughToWaitOn() {
        List<SteadyState.Window> windows = new ArrayList<>(List.of(window(10_000, 0), window(10_000, 0),
                window(10_000, 0.07), window(10_000, 0), window(10_000, 0), window(10_000, 0)));
        // 7% in one of three windows is 2.3% of the three: steady only once the burst has left the last three.
        assertEquals(List.of(SteadyState.Verdict.STEADY, 6),
                run(new SteadyState(Duration.ofSeconds(1), Duration.ofSeconds(20), ON_THE_TICK), windows));
    }

    @Test
    void aServerThatAnswersNothingIsNeverSteady() {
        List<SteadyState.Window> windows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            windows.add(new SteadyState.Window(SECOND, 0, 0, 0));
        }
        assertEquals(List.of(SteadyState.Verdict.NOT_WARM, 5),
                run(new SteadyState(Duration.ofSeconds(1), Duration.ofSeconds(5), ON_THE_TICK), windows));
    }

    @Test
    void theShortestWarmUpCannotExceedTheLongest() {
        assertThrows(IllegalArgumentException.class,
                () -> new SteadyState(Duration.ofSeconds(9), Duration.ofSeconds(8), ON_THE_TICK));
    }
}
