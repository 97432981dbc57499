package concbench.undertow;

import concbench.contract.HttpDate;

/**
 * The {@code Date} header value, formatted at most once a second: the first response of each second formats it,
 * every other response of that second reuses it.
 *
 * <p>Undertow's own cached Date ({@code ALWAYS_SET_DATE}) is not used: its cache is static while the timer that
 * clears it runs on one server's I/O thread, so once a server in the JVM stops, every later server sends a Date
 * frozen at that moment. Checking the clock per response costs a {@code currentTimeMillis} and needs no thread.
 */
final class DateHeader {
    private static final long MILLIS_PER_SECOND = 1000;

    private record Stamp(long second, String value) {
    }

    private static volatile Stamp current = new Stamp(-1, "");

    private DateHeader() {
    }

    static String value() {
        long second = System.currentTimeMillis() / MILLIS_PER_SECOND;
        Stamp stamp = current;
        if (stamp.second() != second) {
            // Threads racing here format the same second; whichever write wins is right.
            stamp = new Stamp(second, HttpDate.format(second * MILLIS_PER_SECOND));
            current = stamp;
        }
        return stamp.value();
    }
}
