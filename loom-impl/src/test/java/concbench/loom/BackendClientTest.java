package concbench.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both back-end clients against a back end on a real socket: what they do with connections when a call is
 * abandoned, when an answer breaks, and under the connection bound.
 */
class BackendClientTest {
    private static final long PATIENCE_SECONDS = 10;
    /** Ample time for a client's watcher to see a closed idle connection (Helidon's reads it every 101 ms). */
    private static final long IDLE_CLOSE_NOTICED_MS = 500;

    private static BackendClient client(String name, URI backend, int connections) {
        BiFunction<URI, Integer, BackendClient> factory = switch (name) {
            case LoomImplementation.JDK_CLIENT -> JdkBackendClient::new;
            default -> HelidonBackendClient::new;
        };
        return factory.apply(backend, connections);
    }

    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void sendsTheContractsRequestsOnOneKeptAliveConnection(String name) throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> ScriptedBackend.ok(socket));
                BackendClient client = client(name, backend.uri(), 4)) {
            assertEquals(1, client.value(0, 0));
            assertEquals(1, client.value(3, 0));
            assertEquals(1, backend.connections.get(), "connections opened for two calls one after the other");
            assertEquals(List.of("GET /delay?ms=0&i=0 HTTP/1.1", "GET /delay?ms=3&i=0 HTTP/1.1"),
                    List.copyOf(backend.requestLines));
        }
    }

    /**
     * The fan-out abandons a call by interrupting its thread: the call ends, and its connection is closed rather
     * than kept, whether it was new or reused (a reused one is first watched by Helidon's idle monitor).
     */
    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void anAbandonedCallClosesItsConnection(String name) throws Exception {
        CountDownLatch unanswered = new CountDownLatch(1);
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> {
                    if (request == 0) {
                        ScriptedBackend.ok(socket);
                    } else {
                        unanswered.countDown();
                        // No answer: wait for the client to close the connection, which serve() then records.
                        socket.getInputStream().read();
                    }
                });
                BackendClient client = client(name, backend.uri(), 4);
                ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals(1, client.value(0, 0));
            Future<Long> abandoned = calls.submit(() -> client.value(0, 0));
            assertTrue(unanswered.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the second call never arrived");
            abandoned.cancel(true);
            assertEquals(1, backend.closedByClient.poll(PATIENCE_SECONDS, TimeUnit.SECONDS),
                    "the abandoned call's connection was not closed");
            assertEquals(1, backend.connections.get(), "the second call did not reuse the first one's connection");
        }
    }

    /** An answer cut off mid-body fails the call, once: no second request on another connection. */
    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void anAnswerBrokenMidwayFailsWithoutRetry(String name) throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> {
                    ScriptedBackend.write(socket, ScriptedBackend.OK_HEAD.replace("Length: 1", "Length: 3") + "1");
                    socket.close();
                });
                BackendClient client = client(name, backend.uri(), 4)) {
            assertThrows(IOException.class, () -> client.value(0, 0));
            assertEquals(1, backend.requests.get(), "requests the back end received");
        }
    }

    /**
     * The back end reads the request on a kept-alive connection and closes it without a byte of answer: the JDK's
     * client would by default send the GET again on a new connection. The call fails instead, having been sent
     * once.
     */
    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void aReusedConnectionClosedBeforeTheAnswerFailsWithoutRetry(String name) throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> {
                    if (request == 0) {
                        ScriptedBackend.ok(socket);
                    } else {
                        socket.close();
                    }
                });
                BackendClient client = client(name, backend.uri(), 4)) {
            assertEquals(1, client.value(0, 0));
            assertThrows(IOException.class, () -> client.value(0, 0));
            assertEquals(2, backend.requests.get(), "requests the back end received");
        }
    }

    /**
     * The back end closes a kept-alive connection while it is idle: the client notices (Helidon's idle monitor, the
     * JDK pool's selector) and the next call goes on a new connection instead of failing on the old one. The pause
     * only gives the client's watcher time to run; nothing here measures it.
     */
    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void anIdleConnectionTheBackendClosedIsNotReused(String name) throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> {
                    ScriptedBackend.ok(socket);
                    if (request == 0) {
                        socket.close();
                    }
                });
                BackendClient client = client(name, backend.uri(), 4)) {
            assertEquals(1, client.value(0, 0));
            Thread.sleep(IDLE_CLOSE_NOTICED_MS);
            assertEquals(1, client.value(0, 0));
            assertEquals(2, backend.connections.get(), "connections opened");
        }
    }

    /** More calls at once than the bound: no more connections than the bound are ever open, and all succeed. */
    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void opensNoMoreConnectionsThanTheBound(String name) throws Exception {
        int bound = 2;
        int calls = 6;
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> {
                    Thread.sleep(20);
                    ScriptedBackend.ok(socket);
                });
                BackendClient client = client(name, backend.uri(), bound);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(threads.submit(() -> client.value(0, 0)));
            }
            for (Future<Long> answer : answers) {
                assertEquals(1, answer.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            assertEquals(calls, backend.requests.get());
            assertTrue(backend.mostOpen.get() <= bound, "connections open at once: " + backend.mostOpen.get());
        }
    }

    /** A status other than 200 is the back end failing, not the connection: the fan-out's 502. */
    @ParameterizedTest
    @ValueSource(strings = {LoomImplementation.HELIDON_CLIENT, LoomImplementation.JDK_CLIENT})
    void aStatusOtherThan200IsABackendFailure(String name) throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend((request, socket) -> ScriptedBackend.write(socket,
                    "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n"));
                BackendClient client = client(name, backend.uri(), 4)) {
            assertThrows(BackendClient.BackendException.class, () -> client.value(0, 0));
            assertEquals(1, backend.requests.get(), "a redirect was followed");
        }
    }
}
