package concbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.HttpDate;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import concbench.contract.ServerImplementation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The base of every conformance test class: the class runs once per implementation, against a server started
 * on a free port with the default configuration and the real delay back end. The assertions shared by the
 * classes live here, so that a clause is checked the same way wherever it appears.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("concbench.conformance.Implementations#underTest")
abstract class ServerUnderTest {
    /** The headers every response carries, and on a successful one the only headers: the same bytes everywhere. */
    static final Set<String> COMMON_HEADERS = Set.of("server", "date", "content-type", "content-length");

    /** The reason phrases of RFC 9110, so the status line is the same bytes from every server too. */
    static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 404, "Not Found",
            405, "Method Not Allowed", 431, "Request Header Fields Too Large", 502, "Bad Gateway",
            504, "Gateway Timeout");

    static RunningServer server;

    @Parameter
    ServerImplementation implementation;

    @BeforeParameterizedClassInvocation
    static void startServer(ServerImplementation implementation) throws Exception {
        server = implementation.start(configWith(Backends.delay()));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() {
        server.close();
    }

    static ServerConfig configWith(java.net.URI backend) {
        return ServerConfig.defaults().withPort(0).withBackend(backend);
    }

    HttpConnection connect() throws IOException {
        return connect(server);
    }

    static HttpConnection connect(RunningServer target) throws IOException {
        InetSocketAddress address = target.address();
        return new HttpConnection(new InetSocketAddress("127.0.0.1", address.getPort()));
    }

    /** The standard reason phrase, Server, a current Date, a Content-Length that matches the body; nothing repeated. */
    void assertCommonHeaders(HttpResponse response) {
        assertEquals(REASONS.get(response.status()), response.reason(), "reason phrase of " + response.status());
        assertEquals(new HashSet<>(response.headerNames()).size(), response.headerNames().size(),
                "a header is repeated:\n" + response);
        assertEquals(implementation.name(), response.header("server"), "Server header");
        assertEquals(Integer.toString(response.body().length), response.header("content-length"), "Content-Length");
        assertDateIsCurrent(response.header("date"), response.requestSentAt(), response.receivedAt());
    }

    /** Exactly the common headers, so every server puts the same header bytes on the wire, bar the Date. */
    void assertOk(HttpResponse response, String contentType, String body) {
        assertEquals(200, response.status(), response.toString());
        assertCommonHeaders(response);
        assertEquals(COMMON_HEADERS, Set.copyOf(response.headerNames()), "headers of a 200:\n" + response);
        assertEquals(contentType, response.header("content-type"));
        assertEquals(body, response.bodyText());
    }

    void assertHello(HttpResponse response) {
        assertOk(response, Contract.TEXT_PLAIN, Contract.HELLO_BODY);
    }

    void assertFanout(HttpResponse response, int calls) {
        assertOk(response, Contract.APPLICATION_JSON, Contract.fanoutBody(calls, Contract.expectedSum(calls)));
    }

    void assertFailure(HttpResponse response, Failure failure) {
        assertError(response, failure.status(), failure.body());
        if (failure == Failure.METHOD_NOT_ALLOWED) {
            assertEquals(Contract.ALLOWED_METHOD, response.header("allow"), "Allow header of a 405");
        }
    }

    void assertError(HttpResponse response, int status, String body) {
        assertEquals(status, response.status(), response.toString());
        assertCommonHeaders(response);
        assertEquals(Contract.TEXT_PLAIN, response.header("content-type"), "Content-Type of an error");
        assertEquals(body, response.bodyText());
        Set<String> extra = new HashSet<>(response.headerNames());
        extra.removeAll(COMMON_HEADERS);
        extra.removeAll(List.of("allow", "connection"));
        assertTrue(extra.isEmpty(), "unexpected headers " + extra + ":\n" + response);
    }

    /**
     * RFC 9110 IMF-fixdate, correct to the second, stamped while the server had the request: not before the second
     * the request left (less one, since a server may refresh its Date once a second and show the previous one), nor
     * after the response was read. The window is the exchange's own, not a fixed second before the response was read:
     * on a loaded machine a response may wait seconds in the socket (a client thread not scheduled, 200 clients
     * read one after another) before it is read, while a Date stale by a second more than the exchange lasted, or
     * one from the future, still fails.
     */
    static void assertDateIsCurrent(String date, Instant requestSentAt, Instant receivedAt) {
        Instant stamped = HttpDate.parse(date);
        assertEquals(date, HttpDate.format(stamped.toEpochMilli()), "Date is not in IMF-fixdate form");
        Instant earliest = requestSentAt.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        assertTrue(!stamped.isBefore(earliest) && !stamped.isAfter(receivedAt), "Date " + date
                + " is not current: the request left at " + requestSentAt + ", the response was read at " + receivedAt);
    }
}
