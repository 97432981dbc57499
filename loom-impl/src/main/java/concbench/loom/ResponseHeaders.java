package concbench.loom;

import concbench.contract.Contract;
import concbench.contract.HttpDate;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;

/**
 * The headers every response carries, built once. Helidon writes a Date of its own only when the response has
 * none, and its own is unfit: it uses {@code RFC_1123_DATE_TIME} (one-digit days) in the JVM's time zone, refreshed
 * by a timer that is not aligned to the second. So the server sets its own, formatted at most once a second.
 */
final class ResponseHeaders {
    static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, LoomImplementation.NAME);
    static final Header TEXT_PLAIN = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, Contract.TEXT_PLAIN);
    static final Header APPLICATION_JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, Contract.APPLICATION_JSON);
    static final Header ALLOW_GET = HeaderValues.createCached(HeaderNames.ALLOW, Contract.ALLOWED_METHOD);

    private static final long MILLIS_PER_SECOND = 1000;

    /** The Date header of one wall-clock second. */
    private record DateOfSecond(long second, Header header) {
        static DateOfSecond of(long second) {
            return new DateOfSecond(second,
                    HeaderValues.createCached(HeaderNames.DATE, HttpDate.format(second * MILLIS_PER_SECOND)));
        }
    }

    /** Racing threads at a second boundary may each format the new second; they agree, so the race is harmless. */
    private static volatile DateOfSecond date = DateOfSecond.of(currentSecond());

    private ResponseHeaders() {
    }

    /** The Date header for now, correct to the second. */
    static Header date() {
        long second = currentSecond();
        DateOfSecond current = date;
        if (current.second() != second) {
            current = DateOfSecond.of(second);
            date = current;
        }
        return current.header();
    }

    private static long currentSecond() {
        return System.currentTimeMillis() / MILLIS_PER_SECOND;
    }
}
