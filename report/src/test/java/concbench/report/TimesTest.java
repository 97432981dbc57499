package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void anInstantToTheMinuteInUtc() {
        assertEquals("1 Dec 2026 17:32 UTC", Times.instant("2026-12-01T17:32:17.019564410Z"));
        assertEquals("9 Jan 2027 03:05 UTC", Times.instant("2027-01-09T03:05:59Z"));
    }

    @Test
    void whatIsNoInstantIsShownAsWritten() {
        assertEquals("yesterday", Times.instant("yesterday"));
        assertEquals("unrecorded", Times.instant(null));
    }

    @Test
    void durationsInWholeUnitsWithoutTheZeroParts() {
        assertEquals("0 s", Times.duration(Duration.ofMillis(400)));
        assertEquals("42 s", Times.duration(Duration.ofSeconds(42)));
        assertEquals("14 min 21 s", Times.duration(Duration.ofSeconds(14 * 60 + 21)));
        assertEquals("3 min", Times.duration(Duration.ofSeconds(180)));
        assertEquals("2 h 3 min", Times.duration(Duration.ofSeconds(2 * 3600 + 3 * 60 + 10)));
        assertEquals("1 h", Times.duration(Duration.ofSeconds(3600 + 20)));
    }

    @Test
    void aRunsStartAndLength() {
        assertEquals("1 Dec 2026 20:21 UTC, took 17 min 13 s",
                Times.span("2026-12-01T20:21:50.075945866Z", "2026-12-01T20:39:03.164973033Z"));
        assertEquals("1 Dec 2026 20:21 UTC, not finished", Times.span("2026-12-01T20:21:50Z", null));
        assertNull(Times.between("2026-12-01T20:21:50Z", "later"));
    }
}
