package concbench.formats;

import java.util.List;

/**
 * A trial's latency ladder: the fixed arrival rates it was to run one after another, each a {@code rate-<rate>}
 * phase, the same for every implementation in a run, and where the server could not keep up. The first rate a
 * server could not keep (achieved or completed under {@value RateSchedule#KEPT} of the offered rate, or any error,
 * or a backlog that outgrew {@code Ladder#BACKLOG_SECONDS} of arrivals) ends its ladder: the rates above it are not
 * run for it.
 *
 * @param rates         the rates planned, requests per second, ascending
 * @param saturatedRate the rate that ended the ladder, where the server saturated; null when it kept every rate
 * @param saturation    why that rate was not kept, in words; null when every rate was kept
 */
public record Ladder(List<Integer> rates, Integer saturatedRate, String saturation) {

    public Ladder {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    /** Whether the server kept every rate of the ladder. */
    public boolean keptEveryRate() {
        return saturatedRate == null;
    }
}
