package concbench.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import concbench.contract.RunningServer;
import concbench.contract.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /fanout}: the sum, the defaults, real concurrency of the calls, and many clients at once. */
class FanoutTest extends ServerUnderTest {
    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 2, 10, 100, 1000})
    void sumsTheValuesOfAllCalls(int calls) throws Exception {
        try (HttpConnection connection = connect()) {
            assertFanout(connection.exchange(HttpConnection.get("/fanout?n=" + calls + "&delayMs=5")), calls);
        }
    }

    @Test
    void absentParametersTakeTheDefaults() throws Exception {
        try (HttpConnection connection = connect()) {
            assertFanout(connection.exchange(HttpConnection.get(Contract.FANOUT_PATH)), ServerConfig.DEFAULT_CALLS);
        }
    }

    /**
     * 50 calls of 200 ms each take 10 s one after another and about 200 ms concurrently: under 400 ms proves the
     * calls overlap. The first try also opens the back-end connections and warms the code, so the best of three
     * is taken; this bounds concurrency, it measures nothing.
     */
    @Test
    void callsRunConcurrently() throws Exception {
        int calls = 50;
        int delayMs = 200;
        long bestMs = Long.MAX_VALUE;
        try (HttpConnection connection = connect()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                long start = System.nanoTime();
                HttpResponse response = connection.exchange(
                        HttpConnection.get("/fanout?n=" + calls + "&delayMs=" + delayMs));
                bestMs = Math.min(bestMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                assertFanout(response, calls);
            }
        }
        assertTrue(bestMs < 2L * delayMs, calls + " calls of " + delayMs + " ms took " + bestMs + " ms at best");
    }

    /**
     * The rule of the connection cap (docs/contract.md): a fan-out of up to {@code --backend-connections} calls runs
     * all of them at once, whichever I/O thread its request lands on. The back end here answers no call until all of
     * a fan-out's calls wait at once, so on a server with two I/O threads the widest fan-out the contract allows is
     * answered (200 and the right sum) only if none of its calls waited for another's connection; a server that
     * split the cap between its threads would leave the first wave waiting in vain, and answer 502. It takes two
     * client connections, since servers deal new connections out to their I/O threads in turn. No clock is read.
     */
    @Test
    void theWidestFanoutRunsAllItsCallsAtOnceOnEveryIoThread() throws Exception {
        int ioThreads = 2;
        try (ScriptedBackend backend = ScriptedBackend.start()) {
            ServerConfig config = ServerConfig.fromArgs("--port", "0", "--backend", backend.uri().toString(),
                    "--io-threads", Integer.toString(ioThreads));
            int calls = Math.min(config.maxCalls(), config.backendConnections());
            backend.holdUntilTogether(calls);
            try (RunningServer twoThreads = implementation.start(config)) {
                for (int client = 0; client < ioThreads; client++) {
                    try (HttpConnection connection = connect(twoThreads)) {
                        assertFanout(connection.exchange(HttpConnection.get("/fanout?n=" + calls + "&delayMs=0")),
                                calls);
                    }
                }
            }
        }
    }

    @Test
    void twoHundredConcurrentClientsAreAllAnsweredCorrectly() throws Exception {
        int clients = 200;
        List<Future<HttpResponse>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                int calls = 1 + i % 20;
                answers.add(pool.submit(() -> {
                    try (HttpConnection connection = connect()) {
                        return connection.exchange(HttpConnection.get("/fanout?n=" + calls + "&delayMs=50"));
                    }
                }));
            }
            for (int i = 0; i < clients; i++) {
                assertFanout(answers.get(i).get(30, TimeUnit.SECONDS), 1 + i % 20);
            }
        }
    }
}
