package concbench.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header value in the IMF-fixdate form of RFC 9110 (the RFC 1123 form with a two-digit day),
 * e.g. {@code Thu, 06 Nov 2026 08:49:37 GMT}. {@link DateTimeFormatter#RFC_1123_DATE_TIME} is not used because it
 * writes single-digit days without the leading zero.
 */
public final class HttpDate {
    public static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String now() {
        return format(System.currentTimeMillis());
    }

    public static Instant parse(String value) {
        return FORMAT.parse(value, Instant::from);
    }
}
