package concbench.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
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
