package concbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of the Chrome DevTools Protocol to drive a headless Chromium from a test: commands with their
 * replies, and every event kept, over the JDK's own WebSocket client. No browser-driver dependency.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();

    private DevTools(URI browser) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(browser, new Listener()).join();
    }

    static DevTools connect(URI browser) {
        return new DevTools(browser);
    }

    /** Sends a command, to the browser ({@code session} null) or to an attached page, and waits for its result. */
    JsonNode call(String session, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode answer = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** The next event named {@code method}; ask before the command that causes it. */
    CompletableFuture<JsonNode> next(String method) {
        return awaited.computeIfAbsent(method, m -> new CompletableFuture<>());
    }

    /** Every event received so far, in order. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void received(String message) {
            try {
                JsonNode node = JSON.readTree(message);
                if (node.has("id")) {
                    CompletableFuture<JsonNode> reply = replies.remove(node.get("id").asInt());
                    if (reply != null) {
                        reply.complete(node);
                    }
                } else {
                    events.add(node);
                    CompletableFuture<JsonNode> waiter = awaited.remove(node.path("method").asText());
                    if (waiter != null) {
                        waiter.complete(node);
                    }
                }
            } catch (IOException e) {
                replies.values().forEach(r -> r.completeExceptionally(e));
            }
        }
    }
}
