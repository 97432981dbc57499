package concbench.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import concbench.contract.Failure;
import concbench.contract.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's request handling when a fan-out is answered before it has even finished starting. The connection
 * runs on an {@link EmbeddedChannel}, whose event loop cannot register a socket channel: every connect of its
 * back-end client fails inside {@code connect()} itself, the synchronous failure that a real loop meets when, say,
 * no file descriptor is left for a new socket.
 */
class RequestHandlerTest {
    private static final String FANOUT = "GET /fanout?n=3&delayMs=0 HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private EmbeddedChannel connection;

    @BeforeEach
    void connect() {
        connection = new EmbeddedChannel();
        ServerConfig config = ServerConfig.defaults();
        BackendClient failingAtOnce = new BackendClient(connection.eventLoop(), NioSocketChannel.class, config);
        DateHeader date = DateHeader.startOn(connection.eventLoop());
        connection.pipeline().addLast(
                new ServerInitializer(config, date, Map.of(connection.eventLoop(), failingAtOnce)));
    }

    @AfterEach
    void close() {
        connection.finishAndReleaseAll();
    }

    /** Once, the finished fan-out stayed stored, and every later request on its connection queued forever. */
    @Test
    void requestsAfterAFanoutThatFailedAtOnceAreAnswered() {
        assertAnswer(FANOUT, "HTTP/1.1 502 ", Failure.BAD_GATEWAY.body());
        assertAnswer(HELLO, "HTTP/1.1 200 ", Contract.HELLO_BODY);
        assertAnswer(FANOUT, "HTTP/1.1 502 ", Failure.BAD_GATEWAY.body());
    }

    @Test
    void pipelinedRequestsBehindAFanoutThatFailedAtOnceAreAnsweredInOrder() {
        String answers = exchange(FANOUT + HELLO + FANOUT + HELLO);
        int first = answers.indexOf(Failure.BAD_GATEWAY.body());
        int second = answers.indexOf(Contract.HELLO_BODY, first);
        int third = answers.indexOf(Failure.BAD_GATEWAY.body(), second);
        int fourth = answers.indexOf(Contract.HELLO_BODY, third);
        assertTrue(first >= 0 && second > first && third > second && fourth > third,
                "four answers in request order expected, got:\n" + answers);
    }

    private void assertAnswer(String request, String statusLine, String body) {
        String answer = exchange(request);
        assertTrue(answer.startsWith(statusLine) && answer.endsWith(body),
                "expected " + statusLine + "with body " + body + " for\n" + request + "got:\n" + answer);
    }

    /** Writes the bytes in, runs what the loop has pending, and returns every byte the server wrote meanwhile. */
    private String exchange(String request) {
        connection.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        connection.runPendingTasks();
        StringBuilder written = new StringBuilder();
        ByteBuf chunk;
        while ((chunk = connection.readOutbound()) != null) {
            written.append(chunk.toString(StandardCharsets.US_ASCII));
            chunk.release();
        }
        return written.toString();
    }
}
