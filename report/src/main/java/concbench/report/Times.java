package concbench.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times and durations as a person writes them: {@code 1 Dec 2026 17:32 UTC}, {@code 14 min 21 s}, not
 * {@code 2026-12-01T17:32:17.019564410Z}. Results files keep the exact ISO-8601 instants; only the report rounds
 * them, to the minute for a time of day and to the second for a duration.
 */
final class Times {
    private static final DateTimeFormatter DAY_AND_MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final long SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_HOUR = 3600;

    private Times() {
    }

    /** An ISO-8601 instant as {@code 1 Dec 2026 17:32 UTC}; anything else as it was written, null as "unrecorded". */
    static String instant(String iso) {
        if (iso == null) {
            return "unrecorded";
        }
        try {
            return DAY_AND_MINUTE.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** When a run started and how long it took: {@code 1 Dec 2026 17:32 UTC, took 14 min 21 s}. */
    static String span(String startedIso, String finishedIso) {
        String took = between(startedIso, finishedIso);
        return instant(startedIso) + (finishedIso == null ? ", not finished"
                : took == null ? ", finished " + instant(finishedIso) : ", took " + took);
    }

    /**
     * The time from one ISO-8601 instant to another as {@link #duration}; null when either is missing or not an
     * instant.
     */
    static String between(String fromIso, String toIso) {
        try {
            return fromIso == null || toIso == null ? null
                    : duration(Duration.between(Instant.parse(fromIso), Instant.parse(toIso)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whole seconds, minutes and hours, the zero parts left out, and seconds dropped past an hour: {@code 42 s},
     * {@code 14 min 21 s}, {@code 2 h 3 min}.
     */
    static String duration(Duration duration) {
        long seconds = Math.round(duration.abs().toMillis() / 1000.0);
        long hours = seconds / SECONDS_PER_HOUR;
        long minutes = seconds % SECONDS_PER_HOUR / SECONDS_PER_MINUTE;
        long rest = seconds % SECONDS_PER_MINUTE;
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (rest > 0 ? " " + rest + " s" : "");
        }
        return rest + " s";
    }
}
