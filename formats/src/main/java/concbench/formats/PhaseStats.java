package concbench.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one phase, computed over exactly the requests named after it and nothing else: a warm-up
 * request or one of another level can never leak in.
 *
 * <p>The <b>window</b> runs from the earliest start to the latest end of the phase's requests, OK or KO: from the
 * moment the phase's first request was sent to the moment its last one completed, so it holds every request of
 * the phase whole and nothing of the phases before and after, which run strictly one after another. It is at
 * least 1 ms, the resolution of Gatling's clock.
 *
 * @param phase         the request name, e.g. {@code sweep-64}
 * @param ok            requests that passed every check
 * @param ko            requests that failed, the load generator's own failures among them ({@link #generatorErrors})
 * @param errors        the failures' messages and how often each occurred, most frequent first
 * @param windowStartMs the window's start, epoch milliseconds
 * @param windowEndMs   the window's end, epoch milliseconds
 * @param throughput    OK requests per second over the window: what the server completed correctly
 * @param latency       percentiles of the OK requests' response times; a KO can be fast for the wrong reason
 *                      (a refused connection) and would flatter them
 * @param timeline      OK and KO requests second by second, by the second in which they ended
 * @param lastSendMs    when the phase's last request was sent, epoch milliseconds (0 in results of version 1): with
 *                      {@code windowStartMs}, how long the phase took to send its requests
 */
@JsonIgnoreProperties(value = PhaseStats.GENERATOR_ERRORS, allowGetters = true)
public record PhaseStats(String phase, long ok, long ko, Map<String, Long> errors, long windowStartMs,
        long windowEndMs, double throughput, Latency latency, Timeline timeline, long lastSendMs) {
    /**
     * The name {@link #generatorErrors} is written under, for readers of the file; it is worked out again from
     * {@code errors} when read, so that results written before it was recorded get it too.
     */
    static final String GENERATOR_ERRORS = "generatorErrors";

    public PhaseStats {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** A phase as results of version 1 recorded it, without its last send. */
    public PhaseStats(String phase, long ok, long ko, Map<String, Long> errors, long windowStartMs, long windowEndMs,
            double throughput, Latency latency, Timeline timeline) {
        this(phase, ok, ko, errors, windowStartMs, windowEndMs, throughput, latency, timeline, 0);
    }

    /**
     * The failed requests the load generator failed itself ({@link GeneratorError}: out of file descriptors, local
     * ports, socket memory): its limit, not the server's errors.
     */
    @JsonProperty(GENERATOR_ERRORS)
    public long generatorErrors() {
        return GeneratorError.count(errors).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The failed requests that are the server's: {@code ko} less the load generator's own failures. */
    @JsonIgnore
    public long serverErrors() {
        return ko - generatorErrors();
    }

    public long windowMs() {
        return windowEndMs - windowStartMs;
    }
}
