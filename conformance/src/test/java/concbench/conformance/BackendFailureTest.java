package concbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failing back end: refused connections, broken connections and bad answers are 502, a slow back end is 504 at
 * the deadline, and in every case the server answers promptly and stays healthy, with no poisoned pooled connection
 * left behind and no call retried.
 */
class BackendFailureTest extends ServerUnderTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** Long enough for every server to notice a pooled connection that the back end closed, with time to spare. */
    private static final Duration IDLE_CLOSE_WAIT = Contract.BACKEND_IDLE_CLOSE_NOTICE.plusMillis(500);

    @Test
    void backendDownIs502() throws Exception {
        try (RunningServer lonely = implementation.start(configWith(Backends.down()));
                HttpConnection connection = connect(lonely)) {
            assertFailure(connection.exchange(HttpConnection.get("/fanout?n=5&delayMs=0")), Failure.BAD_GATEWAY);
            assertFailure(connection.exchange(HttpConnection.get("/fanout?n=1&delayMs=0")), Failure.BAD_GATEWAY);
            assertHello(connection.exchange(HttpConnection.get("/hello")));
        }
    }

    @ParameterizedTest(name = "back end answers {0} {1}")
    @CsvSource({"500,oops", "404,Not Found", "200,not-a-number", "200,''"})
    void backendErrorIs502(int status, String body) throws Exception {
        try (Backends.Broken broken = Backends.broken(status, body);
                RunningServer server = implementation.start(configWith(broken.uri()));
                HttpConnection connection = connect(server)) {
            assertFailure(connection.exchange(HttpConnection.get("/fanout?n=4&delayMs=0")), Failure.BAD_GATEWAY);
            assertHello(connection.exchange(HttpConnection.get("/hello")));
        }
    }

    /**
     * After a fan-out the back end closes its connections, as a back end whose keep-alive timeout expired does, so
     * they die idle in the server's pool. Once a server has had time to notice, the next fan-out must not send a call
     * on one of them: it answers 200 with the right sum, and the back end has seen each call exactly once.
     */
    @Test
    void aConnectionTheBackendClosedWhileIdleIsNotReused() throws Exception {
        int calls = 3;
        String fanout = "/fanout?n=" + calls + "&delayMs=0";
        try (ScriptedBackend backend = ScriptedBackend.start();
                RunningServer server = implementation.start(configWith(backend.uri()));
                HttpConnection connection = connect(server)) {
            assertFanout(connection.exchange(HttpConnection.get(fanout)), calls);
            backend.closeConnections();
            Thread.sleep(IDLE_CLOSE_WAIT.toMillis());
            assertFanout(connection.exchange(HttpConnection.get(fanout)), calls);
            assertEquals(2 * calls, backend.calls(), "calls the back end received for two fan-outs of " + calls);
        }
    }

    /**
     * A connection that breaks before its answer is whole fails its call: 502, and the call is not made again, so
     * the back end sees exactly one call for the fan-out of one. The first fan-out leaves a pooled connection, so the
     * break meets a reused connection, where a client that retries would retry. Afterwards the server answers a
     * fan-out correctly: the broken connection was not put back in the pool.
     */
    @ParameterizedTest(name = "back end does {0}")
    @EnumSource(value = ScriptedBackend.Behaviour.class,
            names = {"CLOSE_BEFORE_ANSWER", "CLOSE_IN_HEADERS", "CLOSE_IN_BODY"})
    void aConnectionBrokenMidAnswerIs502AndTheCallIsNotRetried(ScriptedBackend.Behaviour breaking) throws Exception {
        String fanoutOfOne = "/fanout?n=1&delayMs=0";
        try (ScriptedBackend backend = ScriptedBackend.start();
                RunningServer server = implementation.start(configWith(backend.uri()));
                HttpConnection connection = connect(server)) {
            assertFanout(connection.exchange(HttpConnection.get(fanoutOfOne)), 1);
            backend.behave(breaking);
            assertFailure(connection.exchange(HttpConnection.get(fanoutOfOne)), Failure.BAD_GATEWAY);
            assertEquals(2, backend.calls(), "calls the back end received: the broken call was made again");
            backend.behave(ScriptedBackend.Behaviour.KEEP_ALIVE);
            assertFanout(connection.exchange(HttpConnection.get(fanoutOfOne)), 1);
            assertEquals(3, backend.calls(), "calls the back end received");
            assertHello(connection.exchange(HttpConnection.get("/hello")));
        }
    }

    /**
     * The back end is told to wait 5 s, the server's deadline is 300 ms: the 504 must come near the deadline, not
     * after the back end. The next fan-out on the same server must add up, which it would not if an abandoned
     * call's late answer reached a reused connection; and with a pool of exactly 5 connections it is answered at
     * all only if the 5 abandoned calls gave their connections back.
     */
    @Test
    void backendSlowerThanTheTimeoutIs504AtTheDeadline() throws Exception {
        ServerConfig config = ServerConfig.fromArgs("--port", "0", "--backend", Backends.delay().toString(),
                "--downstream-timeout-ms", Long.toString(SHORT_TIMEOUT.toMillis()), "--backend-connections", "5");
        try (RunningServer impatient = implementation.start(config);
                HttpConnection connection = connect(impatient)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                long start = System.nanoTime();
                assertFailure(connection.exchange(HttpConnection.get("/fanout?n=5&delayMs=5000")),
                        Failure.GATEWAY_TIMEOUT);
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(elapsedMs >= SHORT_TIMEOUT.toMillis() && elapsedMs < 2500,
                        "504 after " + elapsedMs + " ms with a deadline of " + SHORT_TIMEOUT.toMillis() + " ms");
                assertFanout(connection.exchange(HttpConnection.get("/fanout?n=5&delayMs=10")), 5);
            }
            assertHello(connection.exchange(HttpConnection.get("/hello")));
        }
    }

    @Test
    void backendJustWithinTheTimeoutIsNot504() throws Exception {
        ServerConfig config = configWith(Backends.delay()).withDownstreamTimeout(SHORT_TIMEOUT);
        try (RunningServer impatient = implementation.start(config);
                HttpConnection connection = connect(impatient)) {
            connection.exchange(HttpConnection.get("/fanout?n=3&delayMs=0"));
            assertFanout(connection.exchange(HttpConnection.get("/fanout?n=3&delayMs=100")), 3);
        }
    }

    /**
     * Clients that hang up while their fan-out waits must not cost the server its back-end connections. The pool
     * here holds 4; eight abandoned fan-outs of 4 calls each would exhaust it for good if a single abandoned call
     * kept its connection, and the last request would never be answered.
     */
    @Test
    void clientsLeavingMidFanoutLeaveNoBackendConnectionBehind() throws Exception {
        ServerConfig config = ServerConfig.fromArgs("--port", "0", "--backend", Backends.delay().toString(),
                "--backend-connections", "4");
        try (RunningServer small = implementation.start(config)) {
            for (int i = 0; i < 8; i++) {
                try (HttpConnection leaving = connect(small)) {
                    leaving.send(HttpConnection.get("/fanout?n=4&delayMs=300"));
                    Thread.sleep(20);
                }
            }
            try (HttpConnection connection = connect(small)) {
                assertFanout(connection.exchange(HttpConnection.get("/fanout?n=4&delayMs=10")), 4);
                assertFanout(connection.exchange(HttpConnection.get("/fanout?n=4&delayMs=10")), 4);
            }
        }
    }
}
