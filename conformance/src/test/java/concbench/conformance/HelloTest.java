package concbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import org.junit.jupiter.api.Test;

/** {@code GET /hello} and the connection clauses: keep-alive, pipelining, {@code Connection: close}. */
class HelloTest extends ServerUnderTest {
    @Test
    void helloIsExactlyTheContractBytes() throws Exception {
        try (HttpConnection connection = connect()) {
            HttpResponse response = connection.exchange(HttpConnection.get(Contract.HELLO_PATH));
            assertHello(response);
            assertEquals("13", response.header("content-length"));
        }
    }

    @Test
    void connectionsAreKeptAliveByDefault() throws Exception {
        try (HttpConnection connection = connect()) {
            for (int i = 0; i < 5; i++) {
                assertHello(connection.exchange(HttpConnection.get(Contract.HELLO_PATH)));
            }
        }
    }

    /**
     * Sixteen requests in one write: hellos, and fan-outs whose later ones finish sooner, so a server that
     * answered in completion order rather than request order would be caught.
     */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        int requests = 16;
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            pipeline.append(HttpConnection.get(i % 2 == 0
                    ? Contract.HELLO_PATH
                    : Contract.FANOUT_PATH + "?n=" + i + "&delayMs=" + (requests - i) * 10));
        }
        try (HttpConnection connection = connect()) {
            connection.send(pipeline.toString());
            for (int i = 0; i < requests; i++) {
                HttpResponse response = connection.read();
                if (i % 2 == 0) {
                    assertHello(response);
                } else {
                    assertFanout(response, i);
                }
            }
            assertHello(connection.exchange(HttpConnection.get(Contract.HELLO_PATH)));
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (HttpConnection connection = connect()) {
            HttpResponse response = connection.exchange(
                    "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(200, response.status());
            assertEquals(Contract.HELLO_BODY, response.bodyText());
            assertTrue(connection.closedByServer(), "the server kept the connection open after Connection: close");
        }
    }
}
