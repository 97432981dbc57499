package concbench.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DelayBackendTest {
    private static DelayBackend backend;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        backend = DelayBackend.start("127.0.0.1", 0, 1);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        backend.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + backend.address().getPort() + pathAndQuery);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheValueForTheIndexAfterTheDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/delay?ms=150&i=7");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertEquals("50", response.body());
        assertTrue(elapsedMs >= 150, "answered after " + elapsedMs + " ms, before the 150 ms asked for");
    }

    @Test
    void rejectsMissingOrBadParameters() throws Exception {
        for (String query : List.of("/delay?ms=1", "/delay?i=1", "/delay?ms=-1&i=1", "/delay?ms=x&i=1",
                "/delay?ms=600001&i=1", "/delay?ms=1&i=99999999999")) {
            assertEquals(400, get(query).statusCode(), query);
        }
        assertEquals(404, get("/other").statusCode());
    }

    /**
     * One event-loop thread holds a thousand waiting requests at once: they wait on a timer, not on the thread. One
     * after another they would take {@code requests x delay} (200 s); a single thread that answers them all in half
     * of that must have let at least two wait at once, which a thread that blocks while a request waits never does.
     * Half the sequential time, not a small multiple of one delay: opening a thousand connections costs the client
     * and the back end seconds of CPU, and on a loaded machine (tests at the lowest priority beside a benchmark) tens
     * of seconds, none of which says anything about how the back end waits. A back end that blocks fails at that
     * deadline rather than after all 200 s.
     */
    @Test
    void manyWaitingRequestsShareOneThread() throws Exception {
        int requests = 1000;
        int delayMs = 200;
        Duration sequential = Duration.ofMillis((long) requests * delayMs);
        Duration deadline = sequential.dividedBy(2);
        HttpClient wide = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (wide) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(wide.sendAsync(HttpRequest.newBuilder(uri("/delay?ms=" + delayMs + "&i=" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
            try {
                all.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                fail(requests + " requests of " + delayMs + " ms on one thread were not all answered within "
                        + deadline.toSeconds() + " s, half the time they take one after another");
            }
            for (int i = 0; i < requests; i++) {
                assertEquals(Long.toString((long) i * i + 1), answers.get(i).join().body());
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", backend.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /delay?ms=200&i=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /delay?ms=0&i=2 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /delay?ms=50&i=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.US_ASCII);
            int first = text.indexOf("\r\n\r\n2");
            int second = text.indexOf("\r\n\r\n5");
            int third = text.indexOf("\r\n\r\n10");
            assertTrue(first > 0 && first < second && second < third, text);
        }
    }
}
