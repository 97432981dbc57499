package concbench.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import concbench.contract.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request the contract rejects gets its defined answer, and the server goes on answering correctly after
 * it: on the same connection where the contract keeps it, on a new one where it closes it.
 */
class BadRequestTest extends ServerUnderTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n=0", "n=1001", "n=-5", "n=abc", "n=", "n=1e3", "n=99999999999", "n=%31"})
    void badCallCountIs400WithItsReason(String query) throws Exception {
        assertRejectedParameter(query, "n must be an integer from 1 to 1000\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"delayMs=-1", "delayMs=10001", "delayMs=soon", "n=3&delayMs=2.5"})
    void badDelayIs400WithItsReason(String query) throws Exception {
        assertRejectedParameter(query, "delayMs must be an integer from 0 to 10000\n");
    }

    private void assertRejectedParameter(String query, String reason) throws Exception {
        try (HttpConnection connection = connect()) {
            assertError(connection.exchange(HttpConnection.get(Contract.FANOUT_PATH + "?" + query)), 400, reason);
            assertHello(connection.exchange(HttpConnection.get(Contract.HELLO_PATH)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/nope", "/hello/", "/HELLO", "/fanoutx", "/hello.txt"})
    void unknownPathIs404(String path) throws Exception {
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange(HttpConnection.get(path)), Failure.NOT_FOUND);
            assertHello(connection.exchange(HttpConnection.get(Contract.HELLO_PATH)));
        }
    }

    /** The body of the refused request is read and dropped, so the next request on the connection is intact. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsAre405(String method) throws Exception {
        try (HttpConnection connection = connect()) {
            HttpResponse response = connection.exchange(method + " /hello HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
            assertFailure(response, Failure.METHOD_NOT_ALLOWED);
            assertHello(connection.exchange(HttpConnection.get(Contract.HELLO_PATH)));
        }
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange(method + " /fanout?n=1 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\n\r\n"), Failure.METHOD_NOT_ALLOWED);
        }
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {
            "\u0001\u0002\u0003 garbage\r\n\r\n",
            "GET /hello HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n\r\n",
            "GET /hello HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n"})
    void malformedRequestIs400ThenClose(String raw) throws Exception {
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange(raw), Failure.MALFORMED_REQUEST);
            assertTrue(connection.closedByServer(), "the connection stays open after a malformed request");
        }
        assertServerStillAnswers();
    }

    @Test
    void oversizedHeadersAre431ThenClose() throws Exception {
        String big = "x".repeat(2 * Contract.MAX_REQUEST_HEAD_BYTES);
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n"),
                    Failure.HEADERS_TOO_LARGE);
            assertTrue(connection.closedByServer(), "the connection stays open after a 431");
        }
        assertServerStillAnswers();
    }

    /** Many small headers that add up to more than the limit count the same as one big one. */
    @Test
    void manyHeadersOverTheLimitAre431() throws Exception {
        StringBuilder request = new StringBuilder("GET /hello HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 2 * Contract.MAX_REQUEST_HEAD_BYTES / 32; i++) {
            request.append("X-Header-").append(i).append(": ").append("y".repeat(16)).append("\r\n");
        }
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange(request.append("\r\n").toString()), Failure.HEADERS_TOO_LARGE);
        }
        assertServerStillAnswers();
    }

    @Test
    void aRequestLineOverTheLimitIs431() throws Exception {
        String pad = "p".repeat(Contract.MAX_REQUEST_HEAD_BYTES + 100);
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange(HttpConnection.get("/hello?pad=" + pad)), Failure.HEADERS_TOO_LARGE);
            assertTrue(connection.closedByServer(), "the connection stays open after a 431");
        }
        assertServerStillAnswers();
    }

    /** The limit is on the whole head: a request line and headers each well under it, together over it. */
    @Test
    void aRequestLineAndHeadersTogetherOverTheLimitAre431() throws Exception {
        String half = "h".repeat(Contract.MAX_REQUEST_HEAD_BYTES / 2 + 100);
        try (HttpConnection connection = connect()) {
            assertFailure(connection.exchange("GET /hello?pad=" + half + " HTTP/1.1\r\nHost: localhost\r\nX-Pad: "
                    + half + "\r\n\r\n"), Failure.HEADERS_TOO_LARGE);
        }
        assertServerStillAnswers();
    }

    /** Well under the limit, split the same way: served, so no server sets a stricter limit than the others. */
    @Test
    void aLargeHeadUnderTheLimitIsServed() throws Exception {
        String third = "h".repeat(Contract.MAX_REQUEST_HEAD_BYTES / 3);
        try (HttpConnection connection = connect()) {
            assertHello(connection.exchange("GET /hello?pad=" + third + " HTTP/1.1\r\nHost: localhost\r\nX-Pad: "
                    + third + "\r\n\r\n"));
        }
    }

    private void assertServerStillAnswers() throws Exception {
        try (HttpConnection connection = connect()) {
            assertHello(connection.exchange(HttpConnection.get(Contract.HELLO_PATH)));
            assertFanout(connection.exchange(HttpConnection.get("/fanout?n=3&delayMs=1")), 3);
        }
    }
}
