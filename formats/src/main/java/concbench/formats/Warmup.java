package concbench.formats;

import java.util.List;

/**
 * How a trial's warm-up went: how long it took and whether the server reached steady state ({@link SteadyState})
 * before the profile's longest warm-up. A trial that did not is "not warm" wherever its numbers appear: JIT work
 * may have leaked into its measured phases (each phase's {@code compiler} CPU per request shows how much).
 *
 * @param seconds     from the warm-up's first progress report to the decision
 * @param steadyState whether it ended because the server was warm, not because time ran out
 * @param windows     the warm-up second by second, as the decision saw it
 */
public record Warmup(double seconds, boolean steadyState, List<Window> windows) {

    /** One second of the warm-up: Gatling's responses per second, and the compiler threads' share of server CPU. */
    public record Window(double throughput, double compilerShare) {
    }

    public Warmup {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
