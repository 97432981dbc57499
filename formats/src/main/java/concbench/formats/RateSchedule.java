package concbench.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a fixed-rate phase kept its schedule. Gatling timestamps each request when it actually sends it, so an
 * open model is free of coordinated omission only while the generator sends on schedule: a generator that falls
 * behind sends late, and the time a request waited to be sent is in no latency. And a server that cannot keep up
 * completes fewer requests a second than arrive, so its queue, and its latency, grow for as long as the phase runs.
 *
 * @param offeredRate   the arrivals per second the profile asked for
 * @param achievedRate  the requests Gatling sent per second, from the phase's first send to its last
 * @param completedRate the requests completed (OK or not) per second, from the first send to the last answer
 * @param kept          both at least {@value #KEPT} of the offered rate, and the load generator's CPUs not
 *                      saturated
 * @param missed        why it was not kept, in words; null when it was
 * @param saturated     the rate was not kept up with: Gatling sent, or the server completed, under {@value #KEPT} of
 *                      it, or a request failed; such a rate ends the trial's {@link Ladder}. False in results
 *                      written before the ladder
 */
public record RateSchedule(int offeredRate, double achievedRate, double completedRate, boolean kept, String missed,
        boolean saturated) {
    /** The share of the offered rate that Gatling must send, and the server complete, for a rate to be kept. */
    public static final double KEPT = 0.95;

    /** A schedule as results recorded it before the ladder. */
    public RateSchedule(int offeredRate, double achievedRate, double completedRate, boolean kept, String missed) {
        this(offeredRate, achievedRate, completedRate, kept, missed, false);
    }
    private static final double MILLIS_PER_SECOND = 1000.0;

    /**
     * Gatling sent, and the server completed, at least {@value #KEPT} of the offered rate: what the rates alone say
     * of {@link #saturated}, for results written before the ladder, which recorded no such flag.
     */
    public boolean onRate() {
        return !below(achievedRate, offeredRate) && !below(completedRate, offeredRate);
    }

    private static boolean below(double rate, int offeredRate) {
        return rate < KEPT * offeredRate;
    }

    /** @param cost null when the phase was too short to sample, then only the rates decide */
    public static RateSchedule of(int offeredRate, PhaseStats stats, PhaseCost cost) {
        long requests = stats.ok() + stats.ko();
        long sendSpanMs = stats.lastSendMs() - stats.windowStartMs();
        double achieved = sendSpanMs > 0 ? (requests - 1) * MILLIS_PER_SECOND / sendSpanMs : offeredRate;
        double completed = requests * MILLIS_PER_SECOND / Math.max(1, stats.windowMs());
        List<String> missed = new ArrayList<>();
        boolean sentTooFew = below(achieved, offeredRate);
        if (sentTooFew) {
            missed.add(String.format(Locale.ROOT, "Gatling sent %.0f of %d req/s", achieved, offeredRate));
        }
        if (cost != null && cost.generatorCpuUtilisation() >= PhaseCost.SATURATED) {
            missed.add(String.format(Locale.ROOT, "the load generator's CPUs were %.0f%% busy",
                    cost.generatorCpuUtilisation() * 100));
        }
        boolean completedTooFew = below(completed, offeredRate);
        if (completedTooFew) {
            missed.add(String.format(Locale.ROOT, "the server completed %.0f of %d req/s", completed, offeredRate));
        }
        return new RateSchedule(offeredRate, achieved, completed, missed.isEmpty(),
                missed.isEmpty() ? null : String.join("; ", missed), sentTooFew || completedTooFew || stats.ko() > 0);
    }
}
