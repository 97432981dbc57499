package concbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ContractTest {
    @Test
    void expectedSumIsTheSumOfTheBackendValues() {
        for (int n : new int[] {1, 2, 10, 999, 1000, 100_000}) {
            assertEquals(LongStream.range(0, n).map(k -> Contract.backendValue((int) k)).sum(), Contract.expectedSum(n));
        }
    }

    @Test
    void requestHeadBytesCountsTheHeadAsWritten() {
        String head = "GET /hello?x=1 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n";
        assertEquals(head.length(), Contract.requestHeadBytes("GET", "/hello?x=1",
                java.util.List.of(java.util.Map.entry("Host", "localhost"), java.util.Map.entry("Accept", "*/*"))));
    }

    @Test
    void fanoutBodyIsCompactJson() {
        assertEquals("{\"calls\":3,\"sum\":8}", Contract.fanoutBody(3, Contract.expectedSum(3)));
    }

    @Test
    void delayPathCarriesDelayAndIndex() {
        assertEquals("/delay?ms=20&i=7", Contract.delayPathAndQuery(20, 7));
    }

    @Test
    void dateHasTwoDigitDayAndRoundTrips() {
        Instant instant = Instant.parse("2026-11-06T08:49:37Z");
        assertEquals("Fri, 06 Nov 2026 08:49:37 GMT", HttpDate.format(instant.toEpochMilli()));
        assertEquals(instant, HttpDate.parse("Fri, 06 Nov 2026 08:49:37 GMT"));
    }

    @Test
    void failureBodiesAreOneLine() {
        for (Failure failure : Failure.values()) {
            assertEquals(1, failure.body().lines().count(), failure.name());
            assertEquals('\n', failure.body().charAt(failure.body().length() - 1));
        }
    }
}
